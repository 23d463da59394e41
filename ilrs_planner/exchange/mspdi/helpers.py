"""What reader and writer share: the field mapping, MS Project's codes and the date/time conventions.

A leaf of the package: it imports nothing from the rest of `exchange.mspdi`, so every other module
can import it. The mapping itself is described in the package's docstring.
"""


from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date, datetime, time, timedelta

from ...domain import ConstraintType, LinkType
from ...domain.text import xml_text

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
    ("188743750", "Text10", "ILRS confidence", "confidence"),
    ("188743997", "Text11", "ILRS source date", "source_date"),
]

# Resource (participant) custom fields, same shape.
RESOURCE_TEXT_FIELDS = [
    ("205520904", "Text1", "ILRS participant colour", "color"),
    ("205520905", "Text2", "ILRS joined precision", "joined_precision"),
]

LINK_TYPE_CODES = {LinkType.FF: 0, LinkType.FS: 1, LinkType.SF: 2, LinkType.SS: 3}
CONSTRAINT_CODES = {
    ConstraintType.ASAP: 0, ConstraintType.MSO: 2, ConstraintType.MFO: 3, ConstraintType.SNET: 4,
    ConstraintType.SNLT: 5, ConstraintType.FNET: 6, ConstraintType.FNLT: 7, ConstraintType.ALAP: 1,
}
FINISH_CONSTRAINTS = {ConstraintType.FNET, ConstraintType.FNLT, ConstraintType.MFO}
BASELINE_REGISTER_TITLE = "ILRS Planner baselines:"
OURS_CONTINUOUS = "ILRS 7-day"  # the calendar a plan without calendars is exported with


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


def deadline_from_stamp(moment: datetime) -> date:
    """A deadline read back as its last day: the stamp's day (midnight is the end of the day before)."""
    return moment.date() - timedelta(days=1) if moment.time() == time(0, 0) else moment.date()


def duration_text(days: int) -> str:
    """A calendar-day duration as MSPDI working time on the 7-day calendar."""
    return f"PT{days * MINUTES_PER_DAY // 60}H0M0S"


def add(parent: ET.Element, tag: str, value) -> ET.Element:
    """A child element holding `value` as text (booleans as 0/1; None for an element with children)."""
    element = ET.SubElement(parent, tag)
    if value is not None:
        text = str(int(value)) if isinstance(value, bool) else str(value)
        # U+FFFE and U+FFFF, which plan text may hold, made a file neither MS Project nor our import read.
        element.text = text if text.isascii() else xml_text(text)
    return element


def add_text_field(task: ET.Element, field_id: str, value: str) -> None:
    """A task's or resource's custom text field value."""
    attribute = add(task, "ExtendedAttribute", None)
    add(attribute, "FieldID", field_id)
    add(attribute, "Value", value)


NO_START = date(1, 1, 1)  # the plan's start while a file that gives none is read (read_header)
