"""Other planners' files (.mpp, .mpx, .xer, P6 XML, .gan, .pod, .pp) through MPXJ: `read(path) -> ImportResult`.

MPXJ converts the file to MS Project XML in a separate process (see `mpxj_run`), which our MSPDI
reader then reads like any MS Project XML: calendars, links, constraints, actual dates and the
dates the source program stored. Without Java or the `mpp` extra the import is refused with
`import.needs_java`, naming what to install.
"""

from __future__ import annotations

from pathlib import Path

from .formats import ImportResult
from .mspdi.reader import read_through_mpxj

EXTENSIONS = {".mpp": "MS Project (.mpp)", ".mpx": "MPX", ".xer": "Primavera P6 (.xer)",
              ".pmxml": "Primavera P6 XML", ".gan": "GanttProject", ".pod": "ProjectLibre", ".pp": "Asta Powerproject"}


def read(path: str | Path, **_opts: object) -> ImportResult:
    """Import a file MPXJ reads, by way of MS Project XML; warnings say what was not carried over."""
    path = Path(path)
    return read_through_mpxj(path, EXTENSIONS.get(path.suffix.lower(), "this"))
