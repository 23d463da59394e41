"""Reading what precedes the tasks in an MSPDI file: the plan's header, its calendars and the custom
field definitions (the mapping: see the package docstring)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date

from ...domain import Project
from ...domain.calendar import refuse_calendar_without_work
from .helpers import NO_START, OURS_CONTINUOUS, RESOURCE_TEXT_FIELDS, TEXT_FIELDS, start_from_stamp
from .read_calendars import read_calendars
from .read_tasks import TaskReader
from .values import Reader, day_or_none


def custom_field_map(root: ET.Element) -> dict[str, str]:
    """FieldID -> our attribute, found by the aliases we write (so moved fields still read)."""
    ours = {alias: attr for _, _, alias, attr in TEXT_FIELDS + RESOURCE_TEXT_FIELDS}
    mapping = {}
    for definition in root.iterfind("ExtendedAttributes/ExtendedAttribute"):
        alias = (definition.findtext("Alias") or "").strip()
        if alias in ours:
            mapping[(definition.findtext("FieldID") or "").strip()] = ours[alias]
    return mapping


def add_calendars(root: ET.Element, project: Project, reader: Reader) -> dict[str, str]:
    """The file's calendars into the plan, the project calendar as its default; returns UID -> calendar id.

    Our own "ILRS 7-day" calendar (what a plan without calendars is exported with) is not added:
    a plan read back keeps having none.
    """
    found = read_calendars(root, reader)
    ours = {uid for uid, c in found.items() if c.name == OURS_CONTINUOUS and c.is_continuous}
    by_uid = {uid: c for uid, c in found.items() if uid not in ours}
    for calendar in by_uid.values():
        refuse_calendar_without_work(calendar, "the file")
        project.add_calendar(calendar)
    project_uid = reader.text(root, "CalendarUID", "project")
    default = by_uid.get(project_uid)
    if default is None and project_uid not in ours and by_uid:
        default = next(iter(by_uid.values()))
        reader.warnings.append(f"the file names no project calendar; '{default.name}' is the plan's default")
    project.default_calendar_id = default.id if default else None
    return {uid: calendar.id for uid, calendar in by_uid.items()}


def plan_header(root: ET.Element, reader: Reader) -> Project:
    # MS Project puts the file name in Name and the plan's title in Title.
    name = reader.text(root, "Title", "project") or reader.text(root, "Name", "project") or "Imported plan"
    start = day_or_none(reader.moment(root, "StartDate", "project"), start_from_stamp)
    # Without a start, the earliest task start is used once every task is read (`start_from_tasks`).
    project = Project(name=name[:512], start=start or NO_START, author=reader.text(root, "Author", "project")[:512])
    status = reader.moment(root, "StatusDate", "project")
    project.status_date = status.date() if status else None  # a status date is a day, whatever the hour
    return project


def start_from_tasks(project: Project, tasks: TaskReader, warnings: list[str]) -> None:
    """The plan's start when the file gives none: the earliest start MS Project stored, or today."""
    project.start = tasks.earliest_start or date.today()
    warnings.append(f"the file gives no project start; using {project.start.isoformat()}")
