"""MS Project XML (MSPDI, the mspdi_pj12 schema): `read(path) -> ImportResult`, `write(project, path)`.

How calendar days map to MS Project's working time. ILRS Planner schedules in calendar days. The
export declares one calendar, "ILRS 7-day", on which every day of the week is a working day of
8 hours (08:00-12:00, 13:00-17:00), and makes it the project calendar; MinutesPerDay is 480 and
MinutesPerWeek 3360. A duration of N days is then `PT{8N}H0M0S` with DurationFormat 7 (days), and
N working days are exactly N calendar days in MS Project, ProjectLibre and GanttProject (all three
read MSPDI durations as working time on the project calendar; an elapsed-days format or a 24-hour
calendar is not understood the same way by all three). A task starts at 08:00 on its first day and
finishes at 17:00 on its last; a milestone starts and finishes at 08:00. Lags are written in tenths
of a minute of working time (1 day = 4800) with LagFormat 7 (days).

Dates that ILRS Planner compares with a finish (finish constraints, actual finishes) are
exclusive in the domain (a deadline is its last day, as in MS Project, and written as that day); MS Project's are the last working moment, so they are written as 17:00 on
the day before (or 08:00 on the day itself for a milestone) and read back the same way.

What has no MSPDI field is kept in task custom text fields (Text1..Text8, named by alias so
they can be moved), the project summary task's notes (the baseline register: names, "as of"
dates, ids and notes of Baseline0..10) and resources (participants: key in Initials, id in Code,
kind in Group, joined in AvailableFrom, colour and joined precision in resource Text1/Text2).
Not carried: positions' gaps between siblings (sibling order is kept), baselines beyond 11 (the 11 latest are
written, a warning says which were left out), the signature (a signature covers a plan file, not
an export). On import, anything that cannot be carried over is listed as a warning.

Modules: `helpers` (the mapping's constants and date conventions, a leaf every other module may
import), `xml_safe` and `values` (parsing untrusted XML and lenient values), `reader` ->
`read_tasks` -> `read_links` (import), `writer` -> `write_tasks` (export). Imports run one way,
from this package's entry points down to `helpers`.
"""

from __future__ import annotations

from pathlib import Path

from ...domain import Project
from ..formats import ImportResult
from .reader import read_mspdi
from .writer import write_mspdi


def read(path: str | Path, **_opts) -> ImportResult:
    """Import an MSPDI file (untrusted: no DTDs or entities, sizes bounded)."""
    return read_mspdi(path)


def write(project: Project, path: str | Path, **_opts) -> list[str]:
    """Export a plan as MSPDI; returns warnings about what the format could not carry."""
    return write_mspdi(project, path)
