"""MSPDI Task and Resource elements, in the schema's element order."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date

from ...domain import ConstraintType, Project, Task, deadline_finish
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


def _baselines(element: ET.Element, task: Task, baselines) -> None:
    for number, baseline in enumerate(baselines):
        entry = baseline.entries.get(task.id)
        if entry is None:
            continue
        start, finish = entry
        record = add(element, "Baseline", None)
        add(record, "Number", number)
        add(record, "Start", start_stamp(start))
        add(record, "Finish", finish_stamp(finish, finish <= start))
        add(record, "Duration", duration_text(max((finish - start).days, 0)))
        add(record, "DurationFormat", 7)


def task_element(project: Project, task: Task, uids: dict[str, int], outline_number: str, depth: int,
                 is_summary: bool, dates: dict[str, tuple[date, date]], baselines, incoming: list,
                 calendar_uids: dict[str | None, int] | None = None) -> ET.Element:
    """One Task element: identity, outline, dates, constraint, actuals, notes, links, custom fields, baselines."""
    element = ET.Element("Task")
    start, finish = dates.get(task.id, (project.start, project.start))
    milestone = finish <= start
    add(element, "UID", uids[task.id])
    add(element, "ID", uids[task.id])
    add(element, "Name", task.name[:MAX_SHORT_TEXT])
    add(element, "Type", 1)
    add(element, "WBS", outline_number)
    add(element, "OutlineNumber", outline_number)
    add(element, "OutlineLevel", depth + 1)
    add(element, "Start", start_stamp(start))
    add(element, "Finish", finish_stamp(finish, milestone))
    if task.elapsed and not is_summary:
        add(element, "Duration", f"PT{task.duration * 24}H0M0S")
        add(element, "DurationFormat", ELAPSED_DAYS)
    else:
        add(element, "Duration", duration_text(max((finish - start).days, 0) if is_summary else task.duration))
        add(element, "DurationFormat", 7)
    add(element, "Milestone", (not is_summary) and task.is_milestone)
    add(element, "Summary", is_summary)
    add(element, "PercentComplete", task.percent_complete)
    if task.actual_start:
        add(element, "ActualStart", start_stamp(task.actual_start))
    if task.actual_finish:
        add(element, "ActualFinish", finish_stamp(task.actual_finish, task.is_milestone))
    add(element, "ConstraintType", CONSTRAINT_CODES[task.constraint])
    if task.calendar_id is not None and calendar_uids and task.calendar_id in calendar_uids:
        add(element, "CalendarUID", calendar_uids[task.calendar_id])
    if task.constraint_date and ConstraintType(task.constraint).dated:
        add(element, "ConstraintDate", _constraint_stamp(task))
    if task.deadline:
        add(element, "Deadline", finish_stamp(deadline_finish(task.deadline, task.is_milestone), task.is_milestone))
    if task.source_url:
        add(element, "HyperlinkAddress", task.source_url[:MAX_SHORT_TEXT])
    if task.notes:
        add(element, "Notes", task.notes)
    _predecessors(element, incoming, uids)
    for field_id, value in _custom_values(project, task, is_summary).items():
        add_text_field(element, field_id, value)
    _baselines(element, task, baselines)
    return element


def resources(project: Project) -> ET.Element:
    """Participants as MS Project resources (no assignments, so no work or cost is implied)."""
    element = ET.Element("Resources")
    for number, participant in enumerate(sorted(project.participants.values(), key=lambda p: p.key), start=1):
        resource = add(element, "Resource", None)
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
    return element
