"""Scheduling after an edit from the columns kept across edits (engine.kept_columns), and from the
network's shape, levels and orders and the passes kept from the schedules before (engine._shape,
engine._levels, engine._kept_passes), gives exactly the schedule, or the refusal, that scheduling
the edited plan afresh from its objects, with nothing kept, gives."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ilrs_planner.commands.base import ChangeSet, Command
from ilrs_planner.commands.calendars import SetCalendarWeekdays, SetDefaultCalendar
from ilrs_planner.commands.links import AddLink, DeleteLink, EditLink
from ilrs_planner.commands.plan import SetPlanFields
from ilrs_planner.commands.tasks import (
    AddTask,
    DeleteTasks,
    IndentTask,
    MoveTaskDown,
    MoveTaskUp,
    OutdentTask,
    SetDuration,
    SetTaskFields,
)
from ilrs_planner.domain import Calendar, CalendarException, ConstraintType, Link, LinkType, PlannerError, Project, Task
from ilrs_planner.engine import _edge_index, _kept_edges, _kept_passes, _levels, _passes, _shape, _tree
from ilrs_planner.engine.cpm import schedule, schedule_with
from ilrs_planner.engine.kept_columns import ColumnKeeper

START = date(2030, 1, 7)  # a Monday


class Session:
    """A plan edited by commands, undone and redone, scheduled after each from the kept columns, as
    the window does: the keeper is told the tasks each change named since it last read, and whether
    a change touched a link. `gathering`: the edits made until the next `check` are scheduled together
    (as after a command made of several, or a deletion undone at once)."""

    def __init__(self, project: Project):
        self.project = project
        self.keeper = ColumnKeeper()
        self.keeper.columns(project)
        self.done: list[Command] = []
        self.undone: list[Command] = []
        self.gathering = False
        self.pending = ChangeSet()

    def apply(self, command: Command) -> bool:
        try:
            changes = command.apply(self.project)
        except PlannerError:
            return False  # refused: the plan is as it was
        self.done.append(command)
        self.undone.clear()
        self.made(changes)
        return True

    def undo(self) -> None:
        if self.done:
            command = self.done.pop()
            self.undone.append(command)
            self.made(command.revert(self.project))

    def redo(self) -> None:
        if self.undone:
            command = self.undone.pop()
            self.done.append(command)
            self.made(command.apply(self.project))

    def made(self, changes: ChangeSet) -> None:
        self.pending = self.pending | changes
        if not self.gathering:
            self.check(ChangeSet())

    def check(self, changes: ChangeSet) -> None:
        """The schedule from the kept columns is the fresh one, field for field (or the same refusal)."""
        changes, self.pending = self.pending | changes, ChangeSet()
        columns = self.keeper.columns(self.project, changes.task_ids, changes.links)
        kept, kept_by_levels = _outcome(self.project, columns), _outcome(self.project, columns, True)
        with _nothing_kept():  # the network's shape, levels and orders made afresh too
            fresh, fresh_by_levels = _outcome(self.project, None), _outcome(self.project, None, True)
        _same(kept, fresh)
        _same(kept_by_levels, fresh_by_levels)
        assert_indexes_fresh()


def index_last_shape() -> None:
    """Index the edges of the shape scheduled last by target (as the kept passes do when they need it)."""
    last = _shape._SHAPES.latest()
    if last is not None:
        _edge_index.index_of(last[1].edges["dst"], last[1].n_nodes)


def assert_indexes_fresh() -> None:
    """Every index of edges by target kept (made, or carried to a patched shape) is the one a stable
    sort of its targets gives."""
    for targets, _ in list(_edge_index._KNOWN):
        into, offsets = _edge_index.index_of(targets, 0)  # carried (with its node count) if not made yet
        assert np.array_equal(into, np.argsort(targets, kind="stable"))
        assert np.array_equal(offsets[1:], np.cumsum(np.bincount(targets, minlength=offsets.size - 1)))


def _same(kept, fresh) -> None:
    """The same schedule, field for field, or the same refusal."""
    assert type(kept) is type(fresh)
    if isinstance(fresh, PlannerError):
        assert (kept.code, kept.message, kept.subject_ids) == (fresh.code, fresh.message, fresh.subject_ids)
        return
    assert (kept.project_start, kept.project_finish) == (fresh.project_start, fresh.project_finish)
    assert list(kept.tasks) == list(fresh.tasks)
    assert np.array_equal(kept.tasks.arrays(), fresh.tasks.arrays())
    assert dict(kept.tasks) == dict(fresh.tasks)
    assert kept.links.ids == fresh.links.ids
    for mine, theirs in zip((kept.links.pred, kept.links.succ, kept.links.code, kept.outline),
                            (fresh.links.pred, fresh.links.succ, fresh.links.code, fresh.outline)):
        assert np.array_equal(mine, theirs)


def _outcome(project: Project, columns, by_levels: bool = False):
    try:
        return schedule_with(project, True, columns) if by_levels else schedule(project, columns)
    except PlannerError as error:
        return error


# What schedules keep for the next one.
_KEPT = (_shape._SHAPES, _levels._LEVELS, _levels._ORDERS, _passes._KEPT, _tree._LEVELS)


@contextmanager
def _nothing_kept() -> Iterator[None]:
    """Schedule as if nothing had been scheduled before; what was kept is kept for afterwards."""
    saved = [recent._entries for recent in _KEPT]
    for recent in _KEPT:
        recent._entries = []
    try:
        yield
    finally:
        for recent, entries in zip(_KEPT, saved):
            recent._entries = entries


@st.composite
def plans(draw) -> Project:
    """A small plan: an outline of up to 12 tasks, links forward in it, two working calendars."""
    project = Project("edits", START)
    project.add_calendar(Calendar("Weekdays", (True,) * 5 + (False,) * 2, id="week"))
    project.add_calendar(Calendar("Shutdown", (True,) * 6 + (False,),
                                  [CalendarException("closed", START + timedelta(10), START + timedelta(16))],
                                  id="shut"))
    project.default_calendar_id = draw(st.sampled_from([None, "week"]))
    project.must_finish_by = draw(st.sampled_from([None, None, START + timedelta(draw(st.integers(-5, 60)))]))
    count = draw(st.integers(1, 12))
    for i in range(count):
        parent = draw(st.sampled_from([None] + [f"T{j}" for j in range(i)]))
        project.add_task(Task(f"T{i}", f"Task {i}", draw(st.integers(0, 9)), id=f"T{i}", parent_id=parent,
                              position=i, calendar_id=draw(st.sampled_from([None, None, "week", "shut"]))))
    for _ in range(draw(st.integers(0, 2 * count))):
        a, b = sorted(draw(st.tuples(st.integers(0, count - 1), st.integers(0, count - 1))))
        if a != b:
            project.add_link(Link(f"T{a}", f"T{b}", draw(st.sampled_from(list(LinkType))), draw(st.integers(-3, 5))))
    return project


def _commands(draw, project: Project) -> Command | None:
    """One edit a planner could make to `project` (it may be refused)."""
    ids = list(project.tasks)
    if not ids:
        return AddTask(Task("N", "New", draw(st.integers(0, 9))))
    tid = draw(st.sampled_from(ids))
    other = draw(st.sampled_from(ids))
    day = START + timedelta(draw(st.integers(-5, 40)))
    links = list(project.links)
    kind = draw(st.sampled_from(["add", "delete", "indent", "outdent", "up", "down", "duration", "constraint",
                                 "deadline", "actual", "calendar", "elapsed", "link", "unlink", "edit link",
                                 "weekdays", "default calendar", "plan start", "status date", "progress",
                                 "finished", "far start", "manual", "must finish by"]))
    parent = project.tasks[tid].parent_id
    made: dict[str, Command | None] = {
        "add": AddTask(Task(f"N{len(ids)}", "New", draw(st.integers(0, 9)), parent_id=parent), tid),
        "delete": DeleteTasks([tid]),
        "indent": IndentTask(tid), "outdent": OutdentTask(tid), "up": MoveTaskUp(tid), "down": MoveTaskDown(tid),
        "duration": SetDuration(tid, draw(st.integers(0, 12))),
        "constraint": SetTaskFields(tid, constraint=draw(st.sampled_from(list(ConstraintType))), constraint_date=day),
        "deadline": SetTaskFields(tid, deadline=draw(st.sampled_from([None, day]))),
        "actual": SetTaskFields(tid, actual_start=draw(st.sampled_from([None, day]))),
        "calendar": SetTaskFields(tid, calendar_id=draw(st.sampled_from([None, "week", "shut"]))),
        "elapsed": SetTaskFields(tid, elapsed=draw(st.booleans())),
        "link": AddLink(tid, other, draw(st.sampled_from(list(LinkType))), draw(st.integers(-3, 5))),
        "unlink": DeleteLink(draw(st.sampled_from(links))) if links else None,
        "edit link": EditLink(draw(st.sampled_from(links)), draw(st.sampled_from(list(LinkType))),
                              draw(st.integers(-3, 5))) if links else None,
        "weekdays": SetCalendarWeekdays("week", draw(st.lists(st.booleans(), min_size=7, max_size=7))),
        "default calendar": SetDefaultCalendar(draw(st.sampled_from([None, "week", "shut"]))),
        "plan start": SetPlanFields(start=day),
        "status date": SetPlanFields(status_date=draw(st.sampled_from([None, day]))),
        "must finish by": SetPlanFields(must_finish_by=draw(st.sampled_from([None, day, day + timedelta(60)]))),
        "progress": SetTaskFields(tid, percent_complete=draw(st.sampled_from([0, 40, 100]))),
        "manual": SetTaskFields(tid, manual=draw(st.booleans())),
        "finished": SetTaskFields(tid, actual_finish=draw(st.sampled_from([None, day]))),
        # Past the year 9999: refused (schedule.out_of_range), and an undo schedules again.
        "far start": SetPlanFields(start=date(9999, 12, 31) - timedelta(draw(st.integers(0, 20)))),
    }
    return made[kind]


@contextmanager
def _following_at_most(nodes: int) -> Iterator[None]:
    """The kept passes give up past `nodes` nodes reached (the full passes run instead), and index the
    edges by target past `nodes` looked up by scanning them."""
    saved = _kept_passes.MOST_NODES, _kept_edges.SCANS_BEFORE_INDEX, _kept_edges.SCANS_BEFORE_CARRY
    _kept_passes.MOST_NODES = _kept_edges.SCANS_BEFORE_INDEX = _kept_edges.SCANS_BEFORE_CARRY = nodes
    try:
        yield
    finally:
        _kept_passes.MOST_NODES, _kept_edges.SCANS_BEFORE_INDEX, _kept_edges.SCANS_BEFORE_CARRY = saved


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans(), st.data())
def test_every_edit_undo_and_redo_schedules_as_a_fresh_reading(project, data):
    with _following_at_most(data.draw(st.sampled_from([3, 3000]))):
        _edit_at_random(project, data)


def _edit_at_random(project: Project, data) -> None:
    session = Session(project)
    for _ in range(data.draw(st.integers(1, 12))):
        session.gathering = data.draw(st.sampled_from([False, False, True]))
        step = data.draw(st.sampled_from(["edit", "edit", "edit", "undo", "redo"]))
        if step == "undo":
            session.undo()
        elif step == "redo":
            session.redo()
        else:
            command = _commands(data.draw, project)
            if command is not None:
                session.apply(command)
    session.check(ChangeSet())


def _chain(links: tuple[str, ...] = ("AB", "BC")) -> Project:
    """A (5 days), B (3 days), C (2 days) on calendar days under one summary S, linked FS as `links` say."""
    project = Project("chain", date(2030, 1, 1))
    project.add_task(Task("S", "S", 0, id="S", position=0))
    for position, (key, days) in enumerate((("A", 5), ("B", 3), ("C", 2))):
        project.add_task(Task(key, key, days, id=key, parent_id="S", position=position))
    for link in links:
        project.add_link(Link(link[0], link[1], id=link))
    return project


def test_a_longer_task_moves_its_successors_by_the_days_it_gained():
    session = Session(_chain())
    session.apply(SetDuration("A", 7))
    columns = session.keeper.columns(session.project, set())
    assert columns is not None
    dates = schedule(session.project, columns).tasks
    assert (dates["B"].early_start, dates["C"].shown_finish) == (date(2030, 1, 8), date(2030, 1, 12))


def test_a_deleted_task_and_its_links_are_gone_and_come_back_on_undo():
    session = Session(_chain())
    session.apply(DeleteTasks(["B"]))
    dates = schedule(session.project, session.keeper.columns(session.project, set())).tasks
    assert "B" not in dates and dates["C"].early_start == date(2030, 1, 1)  # no link left into C
    session.undo()  # B and both links return, at the end of the plan's order
    result = schedule(session.project, session.keeper.columns(session.project, set()))
    assert list(result.tasks)[-1] == "B"
    assert (result.tasks["B"].early_start, result.tasks["C"].early_start) == (date(2030, 1, 6), date(2030, 1, 9))


def test_an_edited_link_is_read_again_through_the_tasks_it_joins():
    session = Session(_chain())
    session.apply(EditLink("AB", LinkType.SS, 2))  # B starts 2 days after A starts
    dates = schedule(session.project, session.keeper.columns(session.project, set())).tasks
    assert (dates["B"].early_start, dates["C"].early_start) == (date(2030, 1, 3), date(2030, 1, 6))


def test_an_indented_task_makes_the_task_above_it_a_summary_whose_links_follow_its_span():
    session = Session(_chain(("AC",)))
    session.apply(IndentTask("B"))  # B goes under A: A spans B's 3 days, and C follows A
    dates = schedule(session.project, session.keeper.columns(session.project, set())).tasks
    assert (dates["A"].shown_finish, dates["C"].early_start) == (date(2030, 1, 3), date(2030, 1, 4))
    session.undo()
    dates = schedule(session.project, session.keeper.columns(session.project, set())).tasks
    assert dates["C"].early_start == date(2030, 1, 6)  # after A's own 5 days again


@pytest.mark.parametrize("broken", ["parent", "link end", "duration", "lag", "link type"])
def test_an_input_the_scheduler_refuses_is_left_to_the_objects_to_name(broken):
    project = _chain()
    keeper = ColumnKeeper()
    keeper.columns(project)
    if broken == "parent":
        project.tasks["C"].parent_id = "gone"
    elif broken == "link end":
        project.links["BC"].succ_id = "gone"
    elif broken == "duration":
        project.tasks["C"].duration = 2.5  # type: ignore[assignment]
    elif broken == "lag":
        project.links["BC"].lag = 1.5  # type: ignore[assignment]
    else:
        project.links["BC"].type = "XX"  # type: ignore[assignment]
    assert keeper.columns(project, {"C"}) is None
    with pytest.raises(PlannerError):
        schedule(project)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans(), st.data())
def test_links_added_or_removed_together_schedule_as_a_fresh_network(project, data):
    """The network's shape, patched for a run of links added at the end or removed (as adding,
    deleting or undoing several at once does), the levels kept, and the passes kept from the
    network before, are those made afresh."""
    with _following_at_most(data.draw(st.sampled_from([3, 3000]))):
        _links_added_or_removed(project, data)


def _links_added_or_removed(project: Project, data) -> None:
    links = list(project.links.items())
    first = data.draw(st.integers(0, len(links)))
    last = data.draw(st.integers(first, len(links)))
    fewer = links[:first] + links[last:] if data.draw(st.booleans()) else links[:first]
    for before, after in ((fewer, links), (links, fewer)):
        with _nothing_kept():
            project.links = dict(before)
            _outcome(project, None, True)
            index_last_shape()  # carried to the shape patched from it
            project.links = dict(after)
            kept, kept_by_levels = _outcome(project, None), _outcome(project, None, True)
            assert_indexes_fresh()
            with _nothing_kept():
                fresh, fresh_by_levels = _outcome(project, None), _outcome(project, None, True)
        _same(kept, fresh)
        _same(kept_by_levels, fresh_by_levels)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans(), st.data())
def test_a_loop_closed_is_refused_as_afresh_and_opened_again_schedules_as_afresh(project, data):
    """A link back along another closes a loop: the schedule is refused with the loop a fresh reading
    names, and with that link gone again the passes kept from before schedule the plan as afresh."""
    links = list(project.links.values())
    if not links:
        return
    back = data.draw(st.sampled_from(links))
    session = Session(project)
    for link in (Link(back.succ_id, back.pred_id, back.type, data.draw(st.integers(-3, 5)), id="back"), None):
        if link is None:
            del project.links["back"]
        else:
            project.links["back"] = link
        session.check(ChangeSet(frozenset({back.pred_id, back.succ_id}), links=True))


def test_tasks_deleted_and_put_back_before_the_next_schedule_come_back_at_the_plans_end():
    session = Session(_chain())
    session.gathering = True  # both deletions and both undos scheduled together
    session.apply(DeleteTasks(["A"]))
    session.apply(DeleteTasks(["B"]))
    session.undo()
    session.undo()
    session.check(ChangeSet())  # B came back first, then A: the plan's order is S, C, B, A
    assert list(schedule(session.project, session.keeper.columns(session.project, set())).tasks) == \
        ["S", "C", "B", "A"]


def test_a_deletion_undone_puts_its_links_back_among_the_others_and_schedules_as_afresh():
    """The deleted task's links go back to their places among the plan's links (not its end): the
    links between them are carried to their new places, each with its own ends, type and lag."""
    project = Project("links spread", START)
    for i in range(30):
        project.add_task(Task(f"T{i}", f"Task {i}", 1 + i % 4, id=f"T{i}", position=i))
    for step, kind, lag in ((1, LinkType.FS, 0), (3, LinkType.SS, 1), (5, LinkType.FF, 2)):
        for i in range(30 - step):  # a task's links made at three times: spread among the others
            project.add_link(Link(f"T{i}", f"T{i + step}", kind, lag, id=f"L{step}-{i}"))
    session = Session(project)
    session.apply(DeleteTasks(["T12"]))
    session.undo()  # each step is checked against the plan read afresh
    session.redo()
    session.undo()
    assert list(project.links)[:3] == ["L1-0", "L1-1", "L1-2"] and len(project.links) == 29 + 27 + 25
