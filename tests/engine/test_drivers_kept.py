"""Shown precisions after an edit, each task's driver found again only where the edit can have changed
it (engine/drivers_kept.py), are those found from scratch: random plans (outlines, links of every type,
year/quarter/month/day dates, work done, manual tasks, a weekday calendar) edited at random, undone and
redone, the precisions kept across the edits compared after each with precisions found afresh."""

from __future__ import annotations

from datetime import date
from unittest.mock import patch

from commands.strategies import draw_command
from hypothesis import given, settings
from hypothesis import strategies as st
from test_shown_precision_reach import plans

from ilrs_planner.commands.links import AddLink, DeleteLink, EditLink
from ilrs_planner.commands.tasks import SetDuration, SetTaskFields
from ilrs_planner.domain import Link, LinkType, Precision, Project, Task
from ilrs_planner.domain.errors import PlannerError
from ilrs_planner.engine import drivers_kept
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.engine.shown_precision import ShownPrecision
from ilrs_planner.engine.shown_precision_kept import KeptShownPrecision

START = date(2030, 1, 1)


def _same_rows_edit(data, plan: Project, serial: int):
    """An edit that adds, removes and moves no task: its fields, its duration, a link."""
    task_ids, link_ids = sorted(plan.tasks), sorted(plan.links)
    tid = data.draw(st.sampled_from(task_ids))
    kind = data.draw(st.sampled_from(["duration", "manual", "done", "calendar", "link", "edit_link", "delete_link"]))
    if kind == "duration":
        return SetDuration(tid, data.draw(st.integers(0, 40)))
    if kind == "manual":
        return SetTaskFields(tid, manual=not plan.tasks[tid].manual)
    if kind == "done":
        return SetTaskFields(tid, actual_start=None if plan.tasks[tid].actual_start else START)
    if kind == "calendar":
        return SetTaskFields(tid, calendar_id=None if plan.tasks[tid].calendar_id else "wk")
    if kind == "link" or not link_ids:
        return AddLink(tid, data.draw(st.sampled_from(task_ids)), data.draw(st.sampled_from(list(LinkType))),
                       data.draw(st.sampled_from([0, 2, -3])), link_id=f"n{serial}")
    lid = data.draw(st.sampled_from(link_ids))
    return EditLink(lid, data.draw(st.sampled_from(list(LinkType))), 4) if kind == "edit_link" else DeleteLink(lid)


def _compared(kept: KeptShownPrecision, plan: Project) -> None:
    try:
        sched = schedule(plan)
    except PlannerError:
        return
    order = sorted(plan.tasks)
    found_again = kept.of(plan, sched)
    afresh = ShownPrecision(plan, sched, at_once=True)
    assert {t: found_again.of(t) for t in order} == {t: afresh.of(t) for t in order}
    assert {t: found_again.start_of(t) for t in order} == {t: afresh.start_of(t) for t in order}


@settings(max_examples=300, deadline=None)
@given(plans(), st.data())
def test_precisions_kept_across_edits_are_those_found_afresh(plan: Project, data) -> None:
    kept, done = KeptShownPrecision(), []
    with patch.object(drivers_kept, "MOST_FOUND_AGAIN", 1.0):  # found again however many, to test that way
        _compared(kept, plan)
        for serial in range(data.draw(st.integers(1, 6))):
            step = data.draw(st.sampled_from(["same rows", "same rows", "any", "undo"]))
            if step == "undo" and not done:
                step = "same rows"
            if not plan.tasks:  # every task deleted: only an added one fits
                step = "any"
            command = done.pop() if step == "undo" else (
                _same_rows_edit(data, plan, serial) if step == "same rows" else draw_command(data, plan, serial))
            try:
                changes = command.revert(plan) if step == "undo" else command.apply(plan)
            except PlannerError:
                continue
            if step != "undo":
                done.append(command)
            kept.edited(plan, changes.task_ids, reshaped=changes.structure, replanned=changes.plan)
            _compared(kept, plan)


def test_a_typed_duration_finds_again_only_the_drivers_it_can_change() -> None:
    # A (known to the year) -> B -> C, and D -> E apart: a longer D moves E only; B and C keep A's year.
    plan = Project(name="P", start=START)
    for place, (key, precision) in enumerate([("A", Precision.YEAR), ("B", Precision.DAY), ("C", Precision.DAY),
                                              ("D", Precision.DAY), ("E", Precision.DAY)]):
        plan.add_task(Task(key, key, 10, id=key.lower(), position=place, precision=precision))
    for pred, succ in ("ab", "bc", "de"):
        plan.add_link(Link(pred, succ, LinkType.FS, id=pred + succ))
    kept = KeptShownPrecision()
    assert kept.of(plan, schedule(plan)).every() == {"b": Precision.YEAR, "c": Precision.YEAR}
    changes = SetDuration("d", 30).apply(plan)
    kept.edited(plan, changes.task_ids, reshaped=False, replanned=False)
    with patch.object(drivers_kept, "held_by_links", wraps=drivers_kept.held_by_links) as held, \
            patch.object(drivers_kept, "MOST_FOUND_AGAIN", 1.0):  # five tasks: two is past a third
        shown = kept.of(plan, schedule(plan))
        assert shown.every() == {"b": Precision.YEAR, "c": Precision.YEAR}
    found_for = held.call_args.kwargs["only"]
    assert shown.found is not None
    assert sorted(shown.found.columns.ids[row] for row in found_for.nonzero()[0]) == ["d", "e"]


def _chain(*keys: str, year: str = "A") -> Project:
    """Tasks of ten days in a row, the one named `year` known only to the year, each linked to the next."""
    plan = Project(name="P", start=START)
    for place, key in enumerate(keys):
        plan.add_task(Task(key, key, 10, id=key.lower(), position=place,
                           precision=Precision.YEAR if key == year else Precision.DAY))
    for pred, succ in zip(keys, keys[1:]):
        plan.add_link(Link(pred.lower(), succ.lower(), LinkType.FS, id=(pred + succ).lower()))
    return plan


def _after(plan: Project, command, kept: KeptShownPrecision) -> dict[str, Precision]:
    changes = command.apply(plan)
    kept.edited(plan, changes.task_ids, reshaped=changes.structure, replanned=changes.plan)
    with patch.object(drivers_kept, "MOST_FOUND_AGAIN", 1.0):
        return kept.of(plan, schedule(plan)).every()


def test_a_task_made_manual_no_longer_carries_its_predecessors_year() -> None:
    # A (2030) -> B -> C: B made manual keeps its dates but no link drives it, so B and C are known to the day.
    plan, kept = _chain("A", "B", "C"), KeptShownPrecision()
    assert kept.of(plan, schedule(plan)).every() == {"b": Precision.YEAR, "c": Precision.YEAR}
    assert _after(plan, SetTaskFields("b", manual=True), kept) == ShownPrecision(plan, schedule(plan)).every() \
        == {}


def test_a_link_tying_a_task_to_a_year_without_moving_it_carries_the_year() -> None:
    # A (2030) and B finish the same day; C waits on B. Linking A to C moves nothing, but C now waits as
    # long on A's date, known only to the year: C is known to the year.
    plan, kept = _chain("B", "C", year=""), KeptShownPrecision()
    plan.add_task(Task("A", "A", 10, id="a", position=2, precision=Precision.YEAR))
    assert kept.of(plan, schedule(plan)).every() == {}
    assert _after(plan, AddLink("a", "c", LinkType.FS, 0, link_id="ac"), kept) == {"c": Precision.YEAR}


def test_a_sub_task_made_to_finish_with_its_phase_carries_its_year_to_the_phase_and_after() -> None:
    # Phase S holds D (to the day, 10 days) then Y (to the year, 8 days), both from 2030-01-01; X follows
    # S. D alone finishes S: all to the day. Y made 10 days long finishes on 2030-01-10 with D, and D
    # comes first in the outline: S and X are known to the year all the same, found again or afresh.
    plan = Project(name="P", start=START)
    plan.add_task(Task("S", "S", 0, id="s", position=0))
    plan.add_task(Task("D", "D", 10, id="d", parent_id="s", position=0))
    plan.add_task(Task("Y", "Y", 8, id="y", parent_id="s", position=1, precision=Precision.YEAR))
    plan.add_task(Task("X", "X", 5, id="x", position=1))
    plan.add_link(Link("s", "x", LinkType.FS, id="sx"))
    kept = KeptShownPrecision()
    assert kept.of(plan, schedule(plan)).every() == {}
    year = {"s": Precision.YEAR, "x": Precision.YEAR}
    assert _after(plan, SetDuration("y", 10), kept) == ShownPrecision(plan, schedule(plan)).every() == year
    assert _after(plan, SetDuration("d", 11), kept) == {}  # D alone again
