"""What a schedule made from the plan's kept columns carries across edits, as the window schedules,
is what a fresh reading gives: the tasks' positions among their siblings (Schedule.positions), the
index of its task ids made from the index before (engine/id_rows.py), the outline in order read from
them (ScheduleColumns) or patched from the order before an edit (engine/outline_patch.py), and the
shown precisions found again only where an edit reached. Random plans dated to the day, month,
quarter and year are edited at random (tasks added, deleted, indented, moved, links made and
removed), undone and redone, each schedule compared with one read afresh."""

from __future__ import annotations

import numpy as np
from commands.strategies import draw_command
from hypothesis import given, settings
from hypothesis import strategies as st
from test_shown_precision_reach import plans

from ilrs_planner.commands.base import ChangeSet, Command
from ilrs_planner.domain import PlannerError, Project
from ilrs_planner.engine import drivers_kept
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.engine.id_rows import old_rows
from ilrs_planner.engine.kept_columns import ColumnKeeper
from ilrs_planner.engine.schedule import Schedule
from ilrs_planner.engine.shown_precision import ShownPrecision
from ilrs_planner.engine.shown_precision_columns import ScheduleColumns
from ilrs_planner.engine.shown_precision_kept import KeptShownPrecision


class Window:
    """A plan scheduled after each edit from its kept columns, its shown precisions kept, as the window does."""

    def __init__(self, plan: Project):
        self.plan, self.keeper, self.shown = plan, ColumnKeeper(), KeptShownPrecision()
        self.keeper.columns(plan)
        self.before: Schedule | None = None

    def made(self, changes: ChangeSet) -> None:
        self.shown.edited(self.plan, changes.task_ids, reshaped=changes.structure, replanned=changes.plan)
        columns = self.keeper.columns(self.plan, changes.task_ids, changes.links)
        try:
            kept = schedule(self.plan, columns)
        except PlannerError:
            self.before = None
            return
        _same_as_read_afresh(self.plan, kept, self.before)
        found_again = self.shown.of(self.plan, kept)
        afresh = ShownPrecision(self.plan, schedule(self.plan), at_once=True)
        order = sorted(self.plan.tasks)
        assert {t: found_again.of(t) for t in order} == {t: afresh.of(t) for t in order}
        assert {t: found_again.start_of(t) for t in order} == {t: afresh.start_of(t) for t in order}
        if found_again.found is not None:  # the outline in order, patched from the one before an edit moving tasks
            patched, read = found_again.found.columns.outline, ScheduleColumns(self.plan, kept).outline
            for mine, theirs in zip(vars(patched).values(), vars(read).values()):
                assert np.array_equal(mine, theirs)
        self.before = kept


def _same_as_read_afresh(plan: Project, kept: Schedule, before: Schedule | None) -> None:
    ids = list(kept.tasks)
    if kept.positions is not None:
        assert kept.positions.tolist() == [plan.tasks[t].position for t in ids]
    assert kept.tasks._rows() == dict(zip(ids, range(len(ids))))  # type: ignore[attr-defined]
    if before is not None:  # where each task was, when known, is where it was
        places = old_rows(before.tasks.ids(), kept.tasks.ids())  # type: ignore[attr-defined]
        if places is not None:
            was = list(before.tasks)
            assert all(place < 0 or was[place] == ids[row] for row, place in enumerate(places.tolist()))
    if ScheduleColumns.usable(kept):
        carried = ScheduleColumns(plan, kept)
        read = ScheduleColumns(plan, Schedule(kept.project_start, kept.project_finish, kept.tasks, kept.links,
                                              kept.outline))  # positions read from the plan
        assert np.array_equal(carried.children.order, read.children.order)
        assert carried.children.summaries == read.children.summaries
        for mine, theirs in zip(vars(carried.outline).values(), vars(read.outline).values()):
            assert np.array_equal(mine, theirs)


@settings(max_examples=300, deadline=None)
@given(plans(), st.data())
def test_what_edits_carry_is_what_a_fresh_reading_gives(plan: Project, data) -> None:
    window, done, undone = Window(plan), list[Command](), list[Command]()
    window.made(ChangeSet())
    drivers_kept.MOST_FOUND_AGAIN, saved = 1.0, drivers_kept.MOST_FOUND_AGAIN  # found again however many
    try:
        for serial in range(data.draw(st.integers(1, 8))):
            step = data.draw(st.sampled_from(["edit", "edit", "edit", "undo", "redo"]))
            if step == "undo" and done:
                command = done.pop()
                undone.append(command)
                window.made(command.revert(plan))
            elif step == "redo" and undone:
                command = undone.pop()
                done.append(command)
                window.made(command.apply(plan))
            else:
                command = draw_command(data, plan, serial)
                try:
                    changes = command.apply(plan)
                except PlannerError:
                    continue
                done.append(command)
                undone.clear()
                window.made(changes)
    finally:
        drivers_kept.MOST_FOUND_AGAIN = saved
