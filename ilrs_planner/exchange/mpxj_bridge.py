"""Other planners' files (.mpp, .mpx, .xer, P6 XML, .gan, .pod, .pp) through MPXJ: `read(path) -> ImportResult`.

MPXJ converts the file to MS Project XML in a separate process (see `mpxj_run`), which our MSPDI
reader then reads like any MS Project XML: calendars, links, constraints, actual dates and the
dates the source program stored. Without Java or the `mpp` extra the import is refused with
`import.needs_java`, naming what to install.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from .formats import ImportResult
from .mpxj_run import convert_to_mspdi
from .mspdi.reader import read_mspdi

EXTENSIONS = {".mpp": "MS Project (.mpp)", ".mpx": "MPX", ".xer": "Primavera P6 (.xer)",
              ".pmxml": "Primavera P6 XML", ".gan": "GanttProject", ".pod": "ProjectLibre", ".pp": "Asta Powerproject"}


def read(path: str | Path, **_opts) -> ImportResult:
    """Import a file MPXJ reads, by way of MS Project XML; warnings say what was not carried over."""
    path = Path(path)
    what = EXTENSIONS.get(path.suffix.lower(), "this")
    with tempfile.TemporaryDirectory(prefix="ilrs-mpxj-") as folder:
        converted = Path(folder) / "converted.xml"
        convert_to_mspdi(path, converted, what)
        result = read_mspdi(converted)
    result.warnings.insert(0, f"read through MPXJ from {what} format")
    return result
