"""Reading and writing the task dialog's fields: typed dates at their precision, 'none' values."""

from __future__ import annotations

from datetime import date, timedelta
from enum import Enum

from PySide6.QtWidgets import QComboBox, QLineEdit

from ...domain import (
    Classification,
    ConstraintType,
    LinkType,
    PlannerError,
    Precision,
    Project,
    Task,
    edge_text,
    parse_fuzzy_date,
)
from ...domain.dates import MAX_YEAR, MIN_YEAR
from ...domain.durations import format_days
from ...engine.schedule import Schedule
from ...engine.shown_dates import shown_duration
from ..models.typed_commands import typed_duration

# Constraints on a finish read a typed period as its last day ("FNLT 2035" = by the end of 2035).
FINISH_CONSTRAINTS = {ConstraintType.FNET, ConstraintType.FNLT, ConstraintType.MFO}


LABELS = {
    ConstraintType.ASAP: "As soon as possible", ConstraintType.SNET: "Start no earlier than (SNET)",
    ConstraintType.SNLT: "Start no later than (SNLT)", ConstraintType.FNET: "Finish no earlier than (FNET)",
    ConstraintType.FNLT: "Finish no later than (FNLT)", ConstraintType.MSO: "Must start on (MSO)",
    ConstraintType.MFO: "Must finish on (MFO)", ConstraintType.ALAP: "As late as possible (ALAP)",
    LinkType.FS: "Finish → start (FS)", LinkType.SS: "Start → start (SS)", LinkType.FF: "Finish → finish (FF)",
    LinkType.SF: "Start → finish (SF)",
    **{level: level.label for level in Classification},
}


def fill_enum(combo: QComboBox, enum_type: type[Enum], current: Enum) -> None:
    """Offer every value of `enum_type` under a readable label, with `current` chosen."""
    combo.clear()
    for member in enum_type:
        combo.addItem(LABELS.get(member, member.value.capitalize()), member.value)
    combo.setCurrentIndex(combo.findData(current.value))


def fill_calendars(combo: QComboBox, project: Project, current: str | None) -> None:
    """'Plan default (<its name>)', then each calendar by name, with the task's chosen."""
    combo.clear()
    combo.addItem(f"Plan default ({project.default_calendar().name})", None)
    for calendar in sorted(project.calendars.values(), key=lambda c: c.name.casefold()):
        combo.addItem(calendar.name, calendar.id)
    combo.setCurrentIndex(max(combo.findData(current), 0) if current is not None else 0)


def date_text(day: date | None, precision: Precision, end: bool) -> str:
    """The date as typed: '2035' when it is that period's first (or last) day, else as the constraint
    cell reads it, the coarsest period it bounds ('Q3 2029' for 1 July at a year's precision)."""
    return edge_text(day, precision, end) if day is not None else ""


def read_date(edit: QLineEdit, label: str, end: bool) -> date | None:
    """The typed date (empty = none); a PlannerError naming the field when it is not a date."""
    text = edit.text().strip()
    if not text:
        return None
    try:
        return parse_fuzzy_date(text, end=end)[0]
    except PlannerError as error:
        edit.setFocus()
        raise PlannerError(error.code, f"{label}: {error.message}") from None


def read_duration(edit: QLineEdit, project: Project) -> tuple[int, bool]:
    """The typed duration as the table's Duration cell reads it (typed_duration): days and whether
    in an elapsed unit; a PlannerError naming the field when it is no duration."""
    try:
        return typed_duration(project, edit.text())
    except PlannerError as error:
        edit.setFocus()
        raise PlannerError(error.code, f"Duration: {error.message}") from None


def duration_field_days(project: Project, schedule: Schedule | None, task: Task) -> int:
    """The Duration field's days, as the task table and the exports show them (engine.shown_dates.
    duration_days): the task's own, under way too; for a summary, whose own duration schedules nothing,
    the working days its sub-tasks span; for a finished task the days of work it took."""
    dates = schedule.tasks.get(task.id) if schedule is not None else None
    return shown_duration(project, task, dates, project.is_summary(task.id)) if dates is not None else task.duration


def estimate_text(days: int | None) -> str:
    """A three-point estimate as the Duration field shows a duration; empty when not estimated."""
    return "" if days is None else format_days(days)


def read_estimate(edit: QLineEdit, label: str, project: Project, elapsed: bool) -> int | None:
    """A three-point estimate typed as a duration is ('2w', '3mo', '16h'), read by the Duration
    field's parser with its errors, named by the field; empty is 'not estimated'. An estimate counts
    the task's own days, so calendar days ('7ed') only on a task whose duration is elapsed."""
    text = edit.text().strip()
    if not text:
        return None
    try:
        days, in_calendar_days = typed_duration(project, text)
        if in_calendar_days and not elapsed:
            raise PlannerError("task.bad_value", f"'{text}' counts calendar days, but the task's duration counts "
                               "working days: type working days (such as 7d), or tick Elapsed duration")
    except PlannerError as error:
        edit.setFocus()
        raise PlannerError(error.code, f"{label}: {error.message}") from None
    return days


def finish_text(day: date | None, precision: Precision, milestone: bool) -> str:
    """A stored (exclusive) finish-type date as the last day a person types and reads."""
    if day is None:
        return ""
    return date_text(day if milestone else day - timedelta(days=1), precision, end=True)


def read_finish(edit: QLineEdit, label: str, milestone: bool) -> date | None:
    """A typed last day ('2035' = through 31 December 2035) as the stored exclusive finish."""
    day = read_date(edit, label, end=True)
    if day is None or milestone:
        return day
    if day.year == MAX_YEAR and (day.month, day.day) == (12, 31):  # stored as the day after: a year no file holds
        edit.setFocus()
        raise PlannerError("task.bad_value", f"{label}: '{edit.text().strip()}' is after {day - timedelta(days=1)}, "
                           f"the last finish a plan holds (its dates run from {MIN_YEAR} to {MAX_YEAR})")
    return day + timedelta(days=1)
