"""Writing MSPDI: elements in the order of the mspdi_pj12 schema's sequences (mapping: see the package docstring)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime
from pathlib import Path

from ...domain import PlannerError, Project
from ...domain.durations import units_for
from ...domain.working_count import WorkedDays
from ...engine.cpm import schedule
from ...engine.summary_progress import summary_percents
from ...files.atomic import atomic_output
from ..outline_depth import refuse_deep_outline
from .helpers import (
    BASELINE_REGISTER_TITLE,
    MAX_BASELINES,
    MINUTES_PER_DAY,
    NS,
    RESOURCE_TEXT_FIELDS,
    TEXT_FIELDS,
    add,
    add_text_field,
    start_stamp,
)
from .write_calendars import write_calendars
from .write_tasks import links_by_successor, resources, task_element
from .xml_out import XmlOut


def _scheduled_dates(project: Project, warnings: list[str]) -> tuple[dict[str, tuple[date, date]], set[str]]:
    """Task id -> (start, exclusive finish), and the milestones at the end of a working day; none
    when the plan cannot be scheduled."""
    try:
        dates = schedule(project).tasks
        return ({tid: (d.early_start, d.early_finish) for tid, d in dates.items()},
                {tid for tid, d in dates.items() if d.early_at_day_end})
    except PlannerError as error:
        warnings.append(f"the plan cannot be scheduled ({error.message}); every task is written at the plan "
                        "start and MS Project will reschedule it")
        return {}, set()  # each task is then written at the plan start, its actual dates as typed


def _header(out: XmlOut, project: Project) -> None:
    root = ET.Element("Project")  # a holder: its children are written, not it
    add(root, "SaveVersion", 12)
    add(root, "Name", project.name[:255])
    add(root, "Title", project.name[:512])
    if project.author:
        add(root, "Author", project.author[:512])
    add(root, "CreationDate", datetime.now(UTC).replace(microsecond=0, tzinfo=None).isoformat())
    add(root, "ScheduleFromStart", 1)
    add(root, "StartDate", start_stamp(project.start))
    add(root, "CurrencyCode", "USD")  # required by the schema; the plan has no costs
    add(root, "CalendarUID", 1)
    add(root, "DefaultStartTime", "08:00:00")
    add(root, "DefaultFinishTime", "17:00:00")
    units = units_for(project.default_calendar())  # what a week and a month are in this plan (domain/durations)
    add(root, "MinutesPerDay", MINUTES_PER_DAY)
    add(root, "MinutesPerWeek", MINUTES_PER_DAY * units.week)
    add(root, "DaysPerMonth", units.month)
    add(root, "DefaultTaskType", 1)  # fixed duration: there are no resources to drive work
    add(root, "DurationFormat", 7)
    add(root, "HonorConstraints", 1)
    if project.status_date:
        add(root, "StatusDate", start_stamp(project.status_date))
    attributes = add(root, "ExtendedAttributes", None)
    for field_id, field_name, alias, _ in TEXT_FIELDS + RESOURCE_TEXT_FIELDS:
        definition = add(attributes, "ExtendedAttribute", None)
        add(definition, "FieldID", field_id)
        add(definition, "FieldName", field_name)
        add(definition, "Alias", alias)
    out.children(root)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("|", "\\p")


def _exported_baselines(project: Project, warnings: list[str]):
    baselines = list(project.baselines)
    if len(baselines) > MAX_BASELINES:
        left = baselines[:-MAX_BASELINES]
        warnings.append(f"MS Project holds {MAX_BASELINES} baselines; left out the oldest: "
                        + ", ".join(b.name for b in left))
        baselines = baselines[-MAX_BASELINES:]
    return baselines


def _project_summary(project: Project, baselines) -> ET.Element:
    """Task UID 0 (MS Project's project summary): its notes hold the baseline register."""
    summary = ET.Element("Task")
    add(summary, "UID", 0)
    add(summary, "ID", 0)
    add(summary, "Name", project.name[:512])
    add(summary, "OutlineNumber", "0")
    add(summary, "OutlineLevel", 0)
    add(summary, "Summary", 1)
    lines = [BASELINE_REGISTER_TITLE] + [
        f"Baseline{n} = {_escape(b.name)} | as of {b.as_of.isoformat()} | id {b.id} | {_escape(b.notes)}"
        for n, b in enumerate(baselines)]
    add(summary, "Notes", "\n".join(lines))
    add_text_field(summary, TEXT_FIELDS[1][0], project.id)
    return summary


def write_mspdi(project: Project, path: str | Path) -> list[str]:
    """Write `project` to `path` as MSPDI; returns warnings about what could not be carried.

    The file is written as it is made (xml_out), so a plan of a million tasks or calendar exceptions
    needs no more memory than the plan itself."""
    warnings: list[str] = []
    refuse_deep_outline(project, "an MS Project file")
    baselines = _exported_baselines(project, warnings)
    dates, day_ends = _scheduled_dates(project, warnings)
    if project.must_finish_by:  # P6's project date; MS Project's Finish Date is for scheduling backwards
        warnings.append(f"MS Project has no Must finish by: {project.must_finish_by.isoformat()} is left out, so "
                        "MS Project counts late dates and floats back from the plan's finish")
    target = Path(path)
    try:
        with atomic_output(target) as stream:
            out = XmlOut(stream)
            with out.within("Project", {"xmlns": NS}):
                _header(out, project)
                calendar_uids = write_calendars(out, project)
                with out.within("Tasks"):
                    out.element(_project_summary(project, baselines))
                    _tasks(out, project, baselines, dates, day_ends, calendar_uids)
                with out.within("Resources"):
                    for resource in resources(project):
                        out.element(resource)
            out.finish()
    except OSError as exc:
        raise PlannerError("export.failed", f"could not write '{target}': {exc.strerror}", [str(target)]) from None
    return warnings


def _tasks(out: XmlOut, project: Project, baselines, dates: dict[str, tuple[date, date]], day_ends: set[str],
           calendar_uids: dict[str | None, int]) -> None:
    """Each task in outline order, numbered as MS Project's ID and outline number."""
    uids = {task.id: n for n, (task, _) in enumerate(project.walk(), start=1)}
    summaries = project.summary_ids()
    incoming = links_by_successor(project)
    outline: list[int] = []
    worked = WorkedDays(project)
    percents = summary_percents(project)  # a summary's % complete rolled up from its sub-tasks
    for task, depth in project.walk():
        del outline[depth + 1:]
        if len(outline) > depth:
            outline[depth] += 1
        else:
            outline.append(1)
        out.element(task_element(project, task, uids, ".".join(map(str, outline)), depth,
                                 task.id in summaries, dates, baselines, incoming.get(task.id, []), calendar_uids,
                                 at_day_end=task.id in day_ends, worked=worked,
                                 percent=percents.get(task.id, task.percent_complete)))
