"""The task table's Predecessors column, as MS Project's: `3FS+2d`, `4SS-1d`, `A, B FF` typed into a
task's cell links it to those tasks as one undoable step.

A predecessor is named by its row ID, the task's number in outline order counted from 1 as in MS
Project and in the CSV export (what the cell shows, `2FS+3 days`), or by its key (`change-7 SS+1461d`).
A key wins over an ID it spells, so the cell shows the key of a predecessor whose ID some task's key
spells. Entries the cell leaves out are unlinked; an entry naming a task already linked changes that
link's type and lag.
"""

from __future__ import annotations

from collections.abc import Callable

from ...commands.base import Command
from ...commands.composite import AllOrNothing
from ...commands.links import AddLink, DeleteLink
from ...commands.plan_index import index_of
from ...domain import Link, LinkType, PlannerError, Project, Task
from ...domain.durations import units_for, written_days
from ...domain.errors import quoted
from ...exchange.predecessors import PredecessorRef, parse_predecessors, rounded_lags


def predecessors_text(project: Project, incoming: list[Link], row_of: Callable[[str], int],
                      spelled: Callable[[str], bool] | None = None) -> str:
    """`2, 3SS, 5FS+2 days`: a task's predecessors by row ID as MS Project shows them (and as they are
    typed), from its `incoming` links in the order made; `row_of` gives a task id's ID; `spelled`,
    whether a text is some task's key (spelled_keys, kept by a caller that asks for many cells)."""
    if not incoming:
        return ""
    spelled = spelled or spelled_keys(project)
    return ", ".join(_entry(_ref(project, link.pred_id, row_of, spelled), link) for link in incoming
                     if link.pred_id in project.tasks)


def predecessors_tooltip(project: Project, incoming: list[Link], row_of: Callable[[str], int]) -> list[str]:
    """One line a predecessor: `5FS+2 days: Task name (key)`, the tasks the cell's IDs stand for."""
    if not incoming:
        return []
    tasks, spelled = project.tasks, spelled_keys(project)
    return [f"{_entry(_ref(project, link.pred_id, row_of, spelled), link)}: {tasks[link.pred_id].name} "
            f"({tasks[link.pred_id].key})" for link in incoming if link.pred_id in tasks]


def spelled_keys(project: Project) -> Callable[[str], bool]:
    """Whether some task's key is this text: the window's plan is indexed by key (no reading of every
    task per cell); another plan's keys are read once for a cell, not once for each of its predecessors."""
    index = index_of(project)
    if index is not None:
        return lambda row: index.keys.get(row, 0) > 0
    return {task.key for task in project.tasks.values()}.__contains__


def _ref(project: Project, task_id: str, row_of: Callable[[str], int],
         spelled: Callable[[str], bool]) -> str:
    """The task's row ID, or its key where some task's key spells that ID (typed, the key would win)."""
    row = str(row_of(task_id))
    return project.tasks[task_id].key if row == "0" or spelled(row) else row


def links_into(project: Project) -> dict[str, list[Link]]:
    """Each task's incoming links (task id -> links), for the column's cells."""
    incoming: dict[str, list[Link]] = {}
    for link in project.links.values():
        incoming.setdefault(link.succ_id, []).append(link)
    return incoming


def _entry(ref: str, link: Link) -> str:
    """MS Project's form: `5`, `5SS`, `5FS+2 days`; a key keeps a space before the type (`a SS`)."""
    space = "" if ref.isdigit() else " "
    if link.lag == 0:
        return ref if link.type is LinkType.FS else f"{ref}{space}{link.type.value}"
    sign = "+" if link.lag > 0 else "-"
    return f"{ref}{space}{link.type.value}{sign}{written_days(abs(link.lag), link.elapsed)}"


def predecessors_command(project: Project, task: Task, text: str) -> Command | None:
    """The links `text` asks of `task` as one step; None when they are the ones it has."""
    by_ref = _task_ids_by_ref(project)
    wanted: dict[str, PredecessorRef] = {}
    for ref in _parse(project, text, by_ref):
        pred_id = by_ref[ref.ref]
        if pred_id in wanted:
            raise PlannerError("link.duplicate", f"{project.tasks[pred_id].key} is named twice in {quoted(text)}",
                               [pred_id])
        wanted[pred_id] = ref
    current = {link.pred_id: link for link in project.links.values() if link.succ_id == task.id}
    moved = _out_of_typed_order(current, wanted)
    parts: list[Command] = [DeleteLink(link.id) for pred_id, link in current.items()
                            if pred_id not in wanted or not _same(link, wanted[pred_id]) or pred_id in moved]
    parts += [_add(pred_id, task.id, ref, current[pred_id].id if pred_id in moved else None)
              for pred_id, ref in wanted.items()
              if pred_id not in current or not _same(current[pred_id], ref) or pred_id in moved]
    if not parts:
        return None
    return AllOrNothing(f"Set predecessors of '{task.name}' to {quoted(text) if text.strip() else 'none'}", parts)


def lag_rounding_note(project: Project, text: str) -> str | None:
    """What to tell the planner when lags typed in a Predecessors cell were part days, rounded up."""
    return rounded_lags(_parse(project, text, _task_ids_by_ref(project)))


def _task_ids_by_ref(project: Project) -> dict[str, str]:
    """What a planner may type for a task -> its id: its row ID, or its key (as written or in lower case)."""
    by_ref = {str(row): task.id for row, (task, _depth) in enumerate(project.walk(), start=1)}
    by_ref |= {task.key.casefold(): task.id for task in project.tasks.values()}
    return by_ref | {task.key: task.id for task in project.tasks.values()}


def _parse(project: Project, text: str, by_ref: dict[str, str]) -> list[PredecessorRef]:
    """The entries of `text`, lags in the plan's units as a typed duration ('2w': 10 days Monday to Friday)."""
    try:
        return parse_predecessors(text, set(by_ref), units_for(project.default_calendar()))
    except PlannerError as error:
        if error.code == "import.bad_row":  # the parser's code for a file's row; here it is a typed cell
            raise PlannerError("link.bad_value", error.message) from None
        raise


def _same(link: Link, ref: PredecessorRef) -> bool:
    return (link.type, link.lag, link.elapsed) == (ref.type, ref.lag, ref.elapsed)


def _out_of_typed_order(current: dict[str, Link], wanted: dict[str, PredecessorRef]) -> set[str]:
    """The predecessors kept as they are that must be made again, after the ones typed before them,
    for the cell to read in the order typed, as MS Project keeps it (links read in the order made):
    those typed after the first entry that is new, changed or out of the links' order."""
    kept = [pred_id for pred_id, link in current.items() if pred_id in wanted and _same(link, wanted[pred_id])]
    typed = list(wanted)
    in_order = 0
    while in_order < len(kept) and typed[in_order] == kept[in_order]:
        in_order += 1
    return set(typed[in_order:]) & set(kept)


def _add(pred_id: str, succ_id: str, ref: PredecessorRef, link_id: str | None = None) -> AddLink:
    command = AddLink(pred_id, succ_id, ref.type, ref.lag, link_id)  # a link made again keeps its id
    command.link.elapsed = ref.elapsed
    return command
