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

Dates that ILRS Planner compares with a finish (finish constraints, deadlines, actual finishes) are
exclusive in the domain; MS Project's are the last working moment, so they are written as 17:00 on
the day before (or 08:00 on the day itself for a milestone) and read back the same way.

What has no MSPDI field is kept in task custom text fields (Text1..Text8, named by alias so
they can be moved), the project summary task's notes (the baseline register: names, "as of"
dates, ids and notes of Baseline0..10) and resources (participants: key in Initials, id in Code,
kind in Group, joined in AvailableFrom, colour and joined precision in resource Text1/Text2).
Not carried: positions' gaps between siblings (sibling order is kept), baselines beyond 11 (the 11 latest are
written, a warning says which were left out), the signature (a signature covers a plan file, not
an export). On import, anything that cannot be carried over is listed as a warning.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

from ..domain import ConstraintType, LinkType

NS = "http://schemas.microsoft.com/project"
MINUTES_PER_DAY = 480
LAG_UNITS_PER_DAY = MINUTES_PER_DAY * 10  # LinkLag is in tenths of a minute
DAY_START, DAY_END = time(8, 0), time(17, 0)
MAX_BASELINES = 11  # Baseline0 .. Baseline10

# Task custom fields: (FieldID, FieldName, Alias, attribute)
TEXT_FIELDS = [
    ("188743731", "Text1", "ILRS key", "key"),
    ("188743734", "Text2", "ILRS id", "id"),
    ("188743737", "Text3", "ILRS kind", "kind"),
    ("188743740", "Text4", "ILRS classification", "classification"),
    ("188743743", "Text5", "ILRS date precision", "precision"),
    ("188743746", "Text6", "ILRS owner", "owner"),
    ("188743747", "Text7", "ILRS estimate o/m/p days", "estimate"),
    ("188743748", "Text8", "ILRS summary duration", "summary_duration"),
    ("188743749", "Text9", "ILRS key milestone", "key_milestone"),
]

# Resource (participant) custom fields, same shape.
RESOURCE_TEXT_FIELDS = [
    ("205520904", "Text1", "ILRS participant colour", "color"),
    ("205520905", "Text2", "ILRS joined precision", "joined_precision"),
]

LINK_TYPE_CODES = {LinkType.FF: 0, LinkType.FS: 1, LinkType.SF: 2, LinkType.SS: 3}
CONSTRAINT_CODES = {
    ConstraintType.ASAP: 0, ConstraintType.MSO: 2, ConstraintType.MFO: 3, ConstraintType.SNET: 4,
    ConstraintType.SNLT: 5, ConstraintType.FNET: 6, ConstraintType.FNLT: 7,
}
ALAP_CODE = 1
FINISH_CONSTRAINTS = {ConstraintType.FNET, ConstraintType.FNLT, ConstraintType.MFO}
BASELINE_REGISTER_TITLE = "ILRS Planner baselines:"


def start_stamp(day: date) -> str:
    """A start date as MSPDI dateTime: 08:00 on that day."""
    return datetime.combine(day, DAY_START).isoformat()


def finish_stamp(exclusive_finish: date, milestone: bool) -> str:
    """An exclusive finish date as MSPDI dateTime: 17:00 the day before (08:00 the day itself for milestones)."""
    if milestone:
        return datetime.combine(exclusive_finish, DAY_START).isoformat()
    return datetime.combine(exclusive_finish - timedelta(days=1), DAY_END).isoformat()


def start_from_stamp(moment: datetime) -> date:
    """A start read back: a start at or after the end of the working day means the next morning."""
    return moment.date() + timedelta(days=1) if moment.time() >= DAY_END else moment.date()


def finish_from_stamp(moment: datetime) -> date:
    """An exclusive finish read back: anything after the start of the working day ends that day."""
    return moment.date() + timedelta(days=1) if moment.time() > DAY_START else moment.date()


def duration_text(days: int) -> str:
    """A calendar-day duration as MSPDI working time on the 7-day calendar."""
    return f"PT{days * MINUTES_PER_DAY // 60}H0M0S"


def read(path: str | Path, **_opts):
    """Import an MSPDI file (untrusted: no DTDs or entities, sizes bounded)."""
    from .mspdi_read import read_mspdi

    return read_mspdi(path)


def write(project, path: str | Path, **_opts) -> list[str]:
    """Export a plan as MSPDI; returns warnings about what the format could not carry."""
    from .mspdi_write import write_mspdi

    return write_mspdi(project, path)
