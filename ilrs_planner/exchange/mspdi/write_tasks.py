"""MSPDI Task and Resource elements, in the schema's element order."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date

from ...domain import ConstraintType, Project, Task, deadline_finish
from ...domain.baseline_entry import AT_DAY_END, entry_reading
from ...domain.task_mode import held_on_start
from ...domain.working_count import WorkedDays
from ...engine._bounds import remaining_duration
from ...engine.shown_dates import duration_days
from .helpers import (
    CONSTRAINT_CODES,
    FINISH_CONSTRAINTS,
    LAG_UNITS_PER_DAY,
    LINK_TYPE_CODES,
    RESOURCE_TEXT_FIELDS,
    TEXT_FIELDS,
    add,
    add_text_field,
    duration_text,
    finish_stamp,
    start_stamp,
)

MAX_SHORT_TEXT = 512  # the schema's limit for names and hyperlinks


def _custom_values(project: Project, task: Task, is_summary: bool) -> dict[str, str]:
    owner = project.participants.get(task.owner_id) if task.owner_id else None
    values = {
        "key": task.key, "id": task.id, "kind": task.kind.value, "classification": task.classification.value,
        "precision": task.precision.value, "owner": owner.key if owner else "",
        "estimate": "/".join(str(v) for v in (task.optimistic, task.most_likely, task.pessimistic))
        if task.has_estimate else "",
        "summary_duration": str(task.duration) if is_summary else "",
        "key_milestone": "yes" if task.key_milestone else "",
        "confidence": task.confidence.value if task.confidence else "",
        "source_date": task.source_date.isoformat() if task.source_date else "",
    }
    return {field_id: values[attr] for field_id, _, _, attr in TEXT_FIELDS if values[attr]}


def _written_constraint(task: Task, start: date, is_summary: bool) -> ConstraintType:
    """The task's constraint, but for the Start No Earlier Than that held a manual task on its start
    in a plan made before manual starts were kept apart (domain.task_mode.held_on_start): MS Project
    keeps that start as the task's ManualStart beside no constraint (As Soon As Possible)."""
    return ConstraintType.ASAP if held_on_start(task, start) and not is_summary else ConstraintType(task.constraint)


def _constraint_stamp(task: Task) -> str | None:
    if task.constraint_date is None:
        return None
    if task.constraint in FINISH_CONSTRAINTS:
        return finish_stamp(task.constraint_date, task.is_milestone)
    return start_stamp(task.constraint_date)


ELAPSED_DAYS = 8  # MS Project's DurationFormat/LagFormat "edays"


def links_by_successor(project: Project) -> dict[str, list]:
    """Successor id -> its incoming links (built once per export: per-task scans would be quadratic)."""
    incoming: dict[str, list] = {}
    for link in project.links.values():
        incoming.setdefault(link.succ_id, []).append(link)
    return incoming


def _predecessors(element: ET.Element, incoming: list, uids: dict[str, int]) -> None:
    for link in sorted(incoming, key=lambda k: uids.get(k.pred_id, 0)):
        if link.pred_id not in uids:
            continue
        predecessor = add(element, "PredecessorLink", None)
        add(predecessor, "PredecessorUID", uids[link.pred_id])
        add(predecessor, "Type", LINK_TYPE_CODES[link.type])
        add(predecessor, "CrossProject", 0)
        if link.elapsed:  # calendar days: 1440 minutes each, in tenths of a minute
            add(predecessor, "LinkLag", link.lag * 14400)
            add(predecessor, "LagFormat", ELAPSED_DAYS)
        else:
            add(predecessor, "LinkLag", link.lag * LAG_UNITS_PER_DAY)
            add(predecessor, "LagFormat", 7)


def _baselines(element: ET.Element, task: Task, baselines, at_day_end: bool, worked: WorkedDays) -> None:
    """Each baseline's dates; a milestone's point at the moment of day the baseline kept when taken ("by
    2035": the end of 2035-12-31), in a file that kept none at the one it has now, as the task's; its
    Duration the working days of its span, as MS Project's (calendar days for an elapsed task)."""
    for number, baseline in enumerate(baselines):
        entry = baseline.entries.get(task.id)
        if entry is None:
            continue
        start, finish = entry
        reading = entry_reading(entry)
        point_at_end = (bool(reading[1] & AT_DAY_END) if reading is not None else at_day_end) and finish <= start
        record = add(element, "Baseline", None)
        add(record, "Number", number)
        add(record, "Start", finish_stamp(start, False) if point_at_end else start_stamp(start))
        add(record, "Finish", _task_finish(task, start, finish, finish <= start and not point_at_end))
        days = worked.between(task, start, finish)
        add(record, "Duration", _duration_text(task, days))
        add(record, "DurationFormat", ELAPSED_DAYS if task.elapsed else 7)


def _task_finish(task: Task, start: date | None, exclusive_finish: date, point: bool) -> str:
    """A task's finish as MS Project computes it: the end of its last working day (17:00), a
    milestone's point (`point`: 08:00), or for an elapsed task its start (08:00) plus 24 hours a
    day, which is 08:00 of the day after its last calendar day (7 elapsed days from Thursday 08:00
    end the next Thursday 08:00); each reads back as the same exclusive finish
    (helpers.finish_from_stamp)."""
    return finish_stamp(exclusive_finish, point or (task.elapsed and start is not None and exclusive_finish > start))


def _duration_text(task: Task, days: int) -> str:
    """`days` of the task's duration as MSPDI time: working days, or calendar days of 24 h when elapsed."""
    return f"PT{days * 24}H0M0S" if task.elapsed else duration_text(days)


def _actual_dates(element: ET.Element, task: Task, start: date | None, finish: date | None) -> None:
    if start is not None:
        add(element, "ActualStart", start_stamp(start))
    if finish is not None:
        add(element, "ActualFinish", _task_finish(task, start, finish, task.is_milestone))


def _actuals(element: ET.Element, task: Task, scheduled: tuple[date, date] | None, worked: WorkedDays) -> None:
    """Actual dates with the durations MS Project keeps beside them.

    MS Project (and MPXJ's MicrosoftScheduler) schedules a started task from its ActualDuration and
    RemainingDuration, not from its dates, so both are written: remaining as our scheduler counts it
    from the status date (P6's duration x (100 - % complete) / 100, rounded up to a day), the rest
    done, so the two add up to the Duration written; a finished task has all of it done. A
    finish-only actual (our engine places the task its duration before that finish) gets that start
    as its ActualStart, which MS Project requires of every task with an actual finish.
    """
    started = task.actual_start is not None or task.actual_finish is not None
    remaining = remaining_duration(task.duration, task.percent_complete) if started else task.duration
    done = task.duration - remaining
    if started:
        # The scheduled dates are the actual ones moved onto working time (an actual finish typed on
        # a Sunday is the end of Friday's work); without a schedule the typed dates are all there is.
        start, finish = scheduled or (task.actual_start, task.actual_finish)
        _actual_dates(element, task, start, finish if task.actual_finish else None)
        if task.actual_finish and start is not None and finish is not None:  # done: as long as it took
            done, remaining = worked.between(task, start, finish), 0
    add(element, "ActualDuration", _duration_text(task, done))
    add(element, "RemainingDuration", _duration_text(task, remaining))


def task_element(project: Project, task: Task, uids: dict[str, int], outline_number: str, depth: int,
                 is_summary: bool, dates: dict[str, tuple[date, date]], baselines, incoming: list,
                 calendar_uids: dict[str | None, int] | None = None, at_day_end: bool = False, *,
                 worked: WorkedDays, percent: int | None = None) -> ET.Element:
    """One Task element: identity, outline, dates, constraint, actuals, notes, links, custom fields, baselines.

    `at_day_end`: a milestone at the end of a working day, written at 17:00 of the day MS Project
    shows it on (the point after that day, as the reader reads it back). A summary's Duration is the
    working days of its span on its calendar, as MS Project's and the tree's (`worked` counts them: one
    count per export, as a partner's calendar may hold a million exceptions). `percent`: its % complete
    when it is not the task's own (a summary's, rolled up from its sub-tasks: engine/summary_progress).
    """
    element = ET.Element("Task")
    start, finish = dates.get(task.id, (project.start, project.start))
    milestone = finish <= start
    add(element, "UID", uids[task.id])
    add(element, "ID", uids[task.id])
    add(element, "Name", task.name[:MAX_SHORT_TEXT])
    if task.manual:  # MS Project's Task Mode; an auto-scheduled task is written as before, without it
        add(element, "Manual", 1)
    add(element, "Type", 1)
    add(element, "WBS", outline_number)
    add(element, "OutlineNumber", outline_number)
    add(element, "OutlineLevel", depth + 1)
    start_text = finish_stamp(start, False) if at_day_end else start_stamp(start)
    finish_text = finish_stamp(finish, milestone and not at_day_end) if is_summary else \
        _task_finish(task, start, finish, milestone and not at_day_end)
    # MS Project's Duration (engine.shown_dates.duration_days): the task's own, its actual days once
    # finished, a summary's span; what the task table shows. Unscheduled, a task keeps its own and a
    # summary spans nothing (0, as its Start and Finish, both the plan start): its stored duration
    # schedules nothing.
    days = duration_days(task, is_summary, start, finish, worked) if is_summary or task.id in dates else task.duration
    if task.elapsed and not is_summary:
        duration, duration_format = f"PT{days * 24}H0M0S", ELAPSED_DAYS
    else:
        duration, duration_format = duration_text(days), 7
    for tag, text in (("Start", start_text), ("Finish", finish_text), ("Duration", duration)):
        add(element, tag, text)
    if task.manual and not is_summary:  # what MS Project keeps of a manual task: the dates it was given
        for tag, text in (("ManualStart", start_text), ("ManualFinish", finish_text), ("ManualDuration", duration)):
            add(element, tag, text)
    add(element, "DurationFormat", duration_format)
    add(element, "Milestone", (not is_summary) and task.is_milestone)
    add(element, "Summary", is_summary)
    add(element, "PercentComplete", task.percent_complete if percent is None else percent)
    if is_summary:  # kept as typed (they bind nothing: a summary's dates are its sub-tasks')
        _actual_dates(element, task, task.actual_start, task.actual_finish)
    else:
        _actuals(element, task, dates.get(task.id), worked)
    constraint = _written_constraint(task, start, is_summary)
    add(element, "ConstraintType", CONSTRAINT_CODES[constraint])
    if task.calendar_id is not None and calendar_uids and task.calendar_id in calendar_uids:
        add(element, "CalendarUID", calendar_uids[task.calendar_id])
    if task.constraint_date and constraint.dated:
        add(element, "ConstraintDate", _constraint_stamp(task))
    if task.deadline:
        # The end of its day for every task, milestones too: MS Project compares the deadline with the
        # finish as moments, and a milestone at 17:00 read a deadline of 08:00 that day as missed.
        add(element, "Deadline", finish_stamp(deadline_finish(task.deadline, False), False))
    if task.source_url:
        add(element, "HyperlinkAddress", task.source_url[:MAX_SHORT_TEXT])
    if task.notes:
        add(element, "Notes", task.notes)
    _predecessors(element, incoming, uids)
    for field_id, value in _custom_values(project, task, is_summary).items():
        add_text_field(element, field_id, value)
    _baselines(element, task, baselines, at_day_end, worked)
    return element


def resources(project: Project) -> Iterator[ET.Element]:
    """Participants as MS Project resources (no assignments, so no work or cost is implied), one by one."""
    for number, participant in enumerate(sorted(project.participants.values(), key=lambda p: p.key), start=1):
        resource = ET.Element("Resource")
        add(resource, "UID", number)
        add(resource, "ID", number)
        add(resource, "Name", participant.name[:MAX_SHORT_TEXT])
        add(resource, "Type", 1)
        add(resource, "Initials", participant.key[:MAX_SHORT_TEXT])
        add(resource, "Code", participant.id)
        add(resource, "Group", participant.kind.value)
        if participant.source_url:
            add(resource, "HyperlinkAddress", participant.source_url[:MAX_SHORT_TEXT])
        if participant.joined:
            add(resource, "AvailableFrom", start_stamp(participant.joined))
        if participant.notes:
            add(resource, "Notes", participant.notes)
        extras = {"color": participant.color, "joined_precision": participant.joined_precision.value}
        for field_id, _, _, attr in RESOURCE_TEXT_FIELDS:
            if extras[attr]:
                add_text_field(resource, field_id, extras[attr])
        yield resource
