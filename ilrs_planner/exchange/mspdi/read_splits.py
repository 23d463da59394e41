"""Split tasks: MS Project's pauses inside a task, found in its assignments' timephased work.

MS Project writes each task's planned work period by period (the `TimephasedData` of its
assignments; a task without resources has one too). A split shows as a period without work (a
zero value, or no value on a working day) between periods of work, and the task's stored finish
lies that many working days after its start plus its duration. A plan here has no pauses inside
a task, so a split task is read as one bar from MS Project's start to MS Project's finish: its
duration becomes the working days of that span, pauses included, and a warning says how much of
it is work. The start and finish stay MS Project's; the bar has no gap, and the task's float and
what follows it are counted from that finish, as MS Project does.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date, timedelta
from typing import TYPE_CHECKING

from ...domain import Calendar, Task
from .helpers import finish_from_stamp, start_from_stamp

if TYPE_CHECKING:
    from .read_tasks import TaskReader

_WORK_TYPES = {"1", "2"}  # remaining and actual work of an assignment


def widen_split_tasks(tasks: TaskReader, root: ET.Element) -> None:
    """Give each split, unfinished leaf task the duration of its stored span (see the module docstring)."""
    for uid in _uids_with_pauses(tasks, root):
        task_id = tasks.by_uid.get(uid)
        if task_id is None or task_id not in tasks.stored or tasks.project.is_summary(task_id):
            continue
        task = tasks.project.tasks[task_id]
        if task.actual_finish is not None:
            continue  # finished: its actual dates fix it
        start, finish = tasks.stored[task_id]
        span = (finish - start).days if task.elapsed else _calendar_of(tasks, task).working_days(start, finish)
        if span > task.duration:
            tasks.warnings.append(f"task '{task.name}' is split in MS Project ({task.duration} days of work between "
                                  f"{start} and {finish - timedelta(days=1)}); read as one bar of {span} working "
                                  "days, pauses included, so it keeps MS Project's start and finish")
            task.duration = span


def _uids_with_pauses(tasks: TaskReader, root: ET.Element) -> list[str]:
    """Task UIDs whose assignments have a period without work between periods of work, in file order.

    File order (a dict keeps it, a set would not) makes the import's warnings come out in the same
    order on every run."""
    found: dict[str, None] = {}
    for assignment in root.iterfind("Assignments/Assignment"):
        uid = tasks.reader.text(assignment, "TaskUID", "an assignment")
        task_id = tasks.by_uid.get(uid)
        if task_id is None or uid in found:
            continue
        calendar = _calendar_of(tasks, tasks.project.tasks[task_id])
        periods = sorted(_periods(tasks, assignment, f"task UID {uid[:20]}"), key=lambda p: p[0])
        worked = [i for i, (_, has_work, _) in enumerate(periods) if has_work]
        if worked and any(not has_work and _has_working_day(calendar, first, last)
                          for first, has_work, last in periods[worked[0]:worked[-1]]):
            found[uid] = None
    return list(found)


def _periods(tasks: TaskReader, assignment: ET.Element, where: str) -> list[tuple[date, bool, date]]:
    """(first day, has work, last day) of each work period of an assignment."""
    out = []
    for record in assignment.iterfind("TimephasedData"):
        if tasks.reader.text(record, "Type") not in _WORK_TYPES:
            continue
        start, finish = tasks.reader.moment(record, "Start", where), tasks.reader.moment(record, "Finish", where)
        if start is None or finish is None:
            continue
        minutes = tasks.reader.minutes(tasks.reader.text(record, "Value", where), where, "work") or 0.0
        last = finish_from_stamp(finish) - timedelta(days=1)  # a period ends at a moment: its last day
        out.append((start_from_stamp(start), minutes > 0, last))
    return out


def _has_working_day(calendar: Calendar, first: date, last: date) -> bool:
    return any(calendar.is_working(first + timedelta(days=k)) for k in range((last - first).days + 1))


def _calendar_of(tasks: TaskReader, task: Task) -> Calendar:
    project = tasks.project
    if task.calendar_id is not None and task.calendar_id in project.calendars:
        return project.calendars[task.calendar_id]
    return project.default_calendar()
