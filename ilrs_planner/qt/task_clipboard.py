"""Copy, paste and duplicate of tasks: what the copy holds and the one undoable command a paste is.

The copy is a snapshot (tasks with everything under them, and the links among them), so a paste
still works after the originals were edited or deleted. A paste adds fresh tasks with new ids and
unused keys, right after the selected task, as one step of the undo history.
"""

from __future__ import annotations

import dataclasses
from operator import attrgetter

from ..commands.paste_tasks import PasteTasks
from ..domain import Classification, Link, Project, Task, fresh_ids
from ..domain.numbered_keys import NumberedKeys
from ..exchange.clip_format import TaskCopy
from ..exchange.clip_html import table_html
from ..exchange.msp_values import escape_text
from ..sharing.partner_texts import carried_to_copies
from .models.cell_text import display_text
from .models.row_context import RowContext
from .models.task_columns import HEADERS, NUMERIC_COLUMNS, Column

__all__ = ["TaskCopy", "copy_tasks", "fitted_to", "paste_command", "rows_html", "shown_rows", "table_text"]


DEFAULT_CALENDAR = ""  # the copy's calendar names, under this id: the calendar of its tasks that name none


def copy_tasks(project: Project, ids: list[str]) -> TaskCopy | None:
    """Snapshot the selected tasks and everything under them (None when nothing is selected)."""
    in_order = _with_descendants(project, set(ids))
    if not in_order:
        return None
    wanted = {task.id for task in in_order}
    levels = _levels(project, wanted)
    tasks = tuple(with_values(task, classification=levels[task.id]) for task in in_order)  # copies: a snapshot
    links = tuple(Link(*_LINK_VALUES(link)) for link in project.links.values()
                  if link.pred_id in wanted and link.succ_id in wanted)
    owners = {t.owner_id: project.participants[t.owner_id].key for t in tasks if t.owner_id in project.participants}
    calendars = {t.calendar_id: project.calendars[t.calendar_id].name for t in tasks
                 if t.calendar_id in project.calendars}
    if any(t.calendar_id is None for t in tasks):  # on the plan's default, named under "" (DEFAULT_CALENDAR)
        calendars[DEFAULT_CALENDAR] = project.default_calendar().name
    return TaskCopy(tasks, links, owners, calendars)


def _with_descendants(project: Project, chosen: set[str]) -> list[Task]:
    """The chosen tasks and every task under them, in outline order, from one walk of the outline
    (finding them first, then walking for their order, sorted the whole plan twice)."""
    found: list[Task] = []
    inside: int | None = None  # the depth of the chosen task being walked through
    for task, depth in project.walk():
        if inside is not None and depth <= inside:
            inside = None
        if inside is None and task.id in chosen:
            inside = depth
        if inside is not None:
            found.append(task)
    return found


def _levels(project: Project, ids: set[str]) -> dict[str, Classification]:
    """Each task's level as redaction reads it: at least its summaries' (a task under a Restricted phase
    is withheld with it), so a copy pasted elsewhere, out from under that phase, still says so."""
    levels: dict[str, Classification] = {}
    for task_id in ids:
        chain = []  # up the outline to a task whose level is known (no recursion: outlines run deep)
        while task_id in project.tasks and task_id not in levels:
            chain.append(task_id)
            task_id = project.tasks[task_id].parent_id or ""
        level = levels.get(task_id, Classification.PUBLIC)
        for below in reversed(chain):
            level = max(project.tasks[below].classification, level, key=lambda known: known.rank)
            levels[below] = level
    return levels


def table_text(rows: list[list[str]]) -> str:
    """Rows of cells as a spreadsheet takes pasted text: tab-separated lines. A cell that would run as a
    formula gets the apostrophe every export gives it (README "Spreadsheets"); a paste takes it off."""
    return "".join("\t".join(escape_text(" ".join(cell.split())) for cell in row) + "\n" for row in rows)


def fitted_to(project: Project, copied: TaskCopy) -> tuple[TaskCopy, list[str]]:
    """`copied` as it can go into `project` (another plan, or this one since changed): owners and
    calendars found there by key and name; those it lacks left out, each named in the notes."""
    owners = {p.key: p.id for p in project.participants.values()}
    calendars = {c.name: c.id for c in project.calendars.values()}
    default = project.default_calendar().name
    notes: list[str] = []
    tasks = []
    for task in copied.tasks:
        owner_key, calendar_name = copied.owner_keys.get(task.owner_id or ""), copied.calendar_names.get(
            task.calendar_id or "")
        owner_id = owners.get(owner_key) if owner_key else None
        calendar_id = calendars.get(calendar_name) if calendar_name else None
        if owner_key and owner_id is None:
            notes.append(f"{task.key} without its owner {owner_key}, not a participant of this plan")
        if task.calendar_id is None and calendar_name == default:
            calendar_id = None  # on the default there as here
        elif calendar_name and calendar_id is None and calendar_name != default:
            whose = "its plan's default" if task.calendar_id is None else "its calendar"
            notes.append(f"{task.key} counted on this plan's default calendar '{default}' ({whose}, "
                         f"'{calendar_name}', is not one of this plan's calendars)")
        same = owner_id == task.owner_id and calendar_id == task.calendar_id  # as in a copy of this plan
        tasks.append(task if same else with_values(task, owner_id=owner_id, calendar_id=calendar_id))
    return dataclasses.replace(copied, tasks=tuple(tasks)), notes


def paste_command(project: Project, copied: TaskCopy, after_id: str | None, verb: str = "Paste",
                  suffix: str = "-copy") -> PasteTasks:
    """Fresh copies of `copied` after task `after_id` (in its summary), links included: one undo step.
    Keys get `suffix` (then a number while the plan has the key); a link from a task not copied keeps
    its predecessor, a task of the plan (a spreadsheet row's predecessor named by key)."""
    anchor = project.tasks.get(after_id) if after_id else None
    parent_of_roots = anchor.parent_id if anchor else None
    ids = fresh_ids()  # uuid4 per id was a third of a second of a paste of 10,000 tasks
    new_ids = {task.id: next(ids) for task in copied.tasks}
    keys = NumberedKeys({task.key for task in project.tasks.values()})
    tasks = []
    for task in copied.tasks:
        parent = new_ids.get(task.parent_id or "", parent_of_roots)  # a copied top task goes under the anchor's summary
        fresh = with_values(task, id=new_ids[task.id], key=keys.take(f"{task.key}{suffix}"), parent_id=parent)
        tasks.append(fresh)
    links = [Link(new_ids.get(link.pred_id, link.pred_id), new_ids[link.succ_id], link.type, link.lag, next(ids),
                  link.elapsed) for link in copied.links]
    count = len(copied.tasks)
    text = f"{verb} '{copied.tasks[0].name}'" if count == 1 else f"{verb} {count:,} tasks"
    # A duplicate of a task a partner named stays theirs: its words must not unmask withheld work.
    supplied = frozenset(new_ids[task.id] for task in copied.tasks if task.id in project.supplied)
    written = carried_to_copies(project, copied.tasks, new_ids)  # and so are the texts a partner wrote
    return PasteTasks(tasks, links, parent_of_roots, after_id if anchor else None, text, supplied, written)


_PLACE = {field.name: place for place, field in enumerate(dataclasses.fields(Task))}  # Task's own order
_VALUES = attrgetter(*_PLACE)
_LINK_VALUES = attrgetter(*(field.name for field in dataclasses.fields(Link)))  # a copy made in order, as a Task's


def with_values(task: Task, **changes: object) -> Task:
    """A new Task with `task`'s values but `changes`, made from its fields in order
    (dataclasses.replace took three times as long: a fifth of a second for a paste of 10,000)."""
    values = list(_VALUES(task))
    for name, value in changes.items():
        values[_PLACE[name]] = value
    return Task(*values)


def copied_columns(columns: list[Column]) -> list[Column]:
    """The columns a copy's table holds: those shown, with the ID column first when Predecessors,
    which names rows by ID, is shown without it."""
    return [Column.ID, *columns] if Column.PREDECESSORS in columns and Column.ID not in columns else columns


def shown_rows(project: Project, copied: TaskCopy, columns: list[Column], ctx: RowContext) -> list[list[str]]:
    """The copied tasks' cells in `copied_columns(columns)` as the table shows them, under the columns' headers."""
    columns = copied_columns(columns)
    header = [HEADERS[column] for column in columns]
    return [header] + [[display_text(project.tasks[task.id], column, ctx) for column in columns]
                       for task in copied.tasks if task.id in project.tasks]


def rows_html(project: Project, copied: TaskCopy, rows: list[list[str]], columns: list[Column]) -> str:
    """`rows` (from shown_rows) as an HTML table: names indented by their level in the copy (its top
    tasks at the left), summaries in bold, figures to the right as the table aligns them."""
    columns = copied_columns(columns)
    tasks = [task for task in copied.tasks if task.id in project.tasks]
    summaries = {task.parent_id for task in tasks}
    levels: dict[str, int] = {}
    for task in tasks:  # each summary before its tasks
        levels[task.id] = levels[task.parent_id] + 1 if task.parent_id in levels else 0  # type: ignore[index]
    name = columns.index(Column.NAME) if Column.NAME in columns else None
    right = {place for place, column in enumerate(columns) if column in NUMERIC_COLUMNS}
    return table_html(rows, [levels[task.id] for task in tasks], [task.id in summaries for task in tasks], name, right)
