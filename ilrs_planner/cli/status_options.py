"""The options of `ilrs-planner status`: `--done KEY[=DATE]`, `--started KEY=DATE`, `--percent KEY=N`.

Each names a task by its key; what is given for one task is gathered into one `Progress` record.
Anything wrong is refused before the plan is touched, with a `status.*` code naming the option.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from ..commands.progress import Progress
from ..domain import PlannerError, Project, parse_iso_date


def progress_records(project: Project, done: list[str], started: list[str], percent: list[str],
                     default_last_day: dict[str, date]) -> list[Progress]:
    """One record per task named, in the order first named; `default_last_day` serves a bare --done KEY."""
    records: dict[str, Progress] = {}

    def add(option: str, text: str, **values: Any) -> None:
        task_id = _task_id(project, option, text)
        records[task_id] = replace(records.get(task_id, Progress(task_id)), **values)

    for text in started:
        add("--started", text, started=_date("--started", text, required=True))
    for text in percent:
        add("--percent", text, percent=_percent(text))
    for text in done:
        day = _date("--done", text, required=False) or default_last_day.get(_task_id(project, "--done", text))
        if day is None:
            raise PlannerError("status.bad_option", f"--done {text}: the plan has no forecast for it; give its "
                               "last day, as KEY=YYYY-MM-DD")
        add("--done", text, finished=day)
    order = {task.id: n for n, (task, _depth) in enumerate(project.walk())}
    return sorted(records.values(), key=lambda record: order[record.task_id])  # in WBS order, as listed


def _task_id(project: Project, option: str, text: str) -> str:
    """The id of the task `text` names by its key (before any '='); an unknown or shared key is refused."""
    key = text.partition("=")[0]
    try:
        return project.task_by_key(key).id
    except PlannerError as error:
        if error.code == "task.unknown":
            raise PlannerError("status.unknown_task",
                               f"{option} {text}: the plan has no task with the key '{key}'") from None
        raise PlannerError(error.code, f"{option} {text}: {error.message}", error.subject_ids) from None


def as_of_date(text: str) -> date:
    """The --as-of date, refused naming the option."""
    try:
        return parse_iso_date(text)
    except PlannerError as err:
        raise PlannerError("status.bad_date", f"--as-of {text}: {err.message}") from None


def _date(option: str, text: str, required: bool) -> date | None:
    key, equals, value = text.partition("=")
    if not equals:
        if required:
            raise PlannerError("status.bad_option", f"{option} {text}: give the task and its date, as KEY=YYYY-MM-DD")
        return None
    try:
        return parse_iso_date(value)
    except PlannerError as err:
        raise PlannerError("status.bad_date", f"{option} {text}: {err.message}") from None


def _percent(text: str) -> int:
    _key, equals, value = text.partition("=")
    if not equals or not value.strip().isdigit() or not 0 <= int(value) <= 100:
        raise PlannerError("status.bad_percent", f"--percent {text}: give KEY=N with N a whole number from 0 to 100")
    return int(value)
