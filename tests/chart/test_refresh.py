"""After each kind of edit, and its undo, the chart's arrays brought up to date row by row equal a
fresh build: on the bundled roadmap and on a synthetic plan, with a summary folded or not."""

import sys
from pathlib import Path

import numpy as np
import pytest

from ilrs_planner.chart import build_chart_data
from ilrs_planner.chart.data import owners_in, symbols_in
from ilrs_planner.chart.refresh import ROW_ARRAYS, Edits, refresh_chart_data
from ilrs_planner.commands.base import ChangeSet
from ilrs_planner.commands.links import AddLink, DeleteLink
from ilrs_planner.commands.outline import IndentTask, OutdentTask
from ilrs_planner.commands.tasks import AddTask, DeleteTasks, SetDuration, SetTaskFields
from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.domain import PlannerError, Precision, Task
from ilrs_planner.engine.cpm import schedule

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from synth import make_plan  # noqa: E402


def _roadmap():
    return build_reference_project()


def _synthetic():
    return make_plan(400, seed=3)


def _rows(project, folded=()):
    """Task ids in WBS order, leaving out what lies under a folded summary (as the tree shows them)."""
    rows, hidden_depth = [], None
    for task, depth in project.walk():
        if hidden_depth is not None and depth > hidden_depth:
            continue
        hidden_depth = depth if task.id in folded else None
        rows.append(task.id)
    return rows


def _a_summary(project):
    """The first summary with a milestone among its sub-tasks (folded, it rolls the milestone up)."""
    summaries = project.summary_ids()
    return next(t.parent_id for t, _ in project.walk() if t.parent_id in summaries and t.duration == 0
                and t.id not in summaries)


def _a_leaf(project, after=0.5):
    """A task with no sub-tasks about `after` of the way down the plan, with a sibling above it."""
    summaries, rows = project.summary_ids(), _rows(project)
    for tid in rows[int(len(rows) * after):]:
        task = project.tasks[tid]
        siblings = [t for t in project.tasks.values() if t.parent_id == task.parent_id and t.position < task.position]
        if tid not in summaries and siblings and task.parent_id is not None and _may_indent(project, tid):
            return tid
    raise AssertionError("no leaf")


def _may_indent(project, task_id):
    """True when the plan still schedules with the task indented (no link to its new summary)."""
    indent = IndentTask(task_id)
    indent.apply(project)
    try:
        schedule(project)
        return True
    except PlannerError:
        return False
    finally:
        indent.revert(project)


def _edits(project):
    """(name, command) for each kind of edit a planner makes, on tasks in the plan's middle."""
    leaf, other = _a_leaf(project, 0.5), _a_leaf(project, 0.2)
    first_link = next(iter(project.links))
    return [
        ("add", AddTask(Task("new", "New task", 5, parent_id=project.tasks[leaf].parent_id), after_id=leaf)),
        ("delete", DeleteTasks([leaf])),
        ("indent", IndentTask(leaf)),
        ("outdent", OutdentTask(leaf)),
        ("rename", SetTaskFields(leaf, name="Renamed in place")),
        ("duration", SetDuration(leaf, 400)),
        ("milestone", SetDuration(leaf, 0)),
        ("year precision", SetTaskFields(other, precision=Precision.YEAR)),
        ("link", AddLink(other, leaf)),
        ("unlink", DeleteLink(first_link)),
    ]


def _assert_same(patched, full):
    assert patched.task_ids == full.task_ids
    for name in ROW_ARRAYS:
        np.testing.assert_array_equal(getattr(patched, name), getattr(full, name), err_msg=name)
    assert patched.labels == full.labels
    assert patched.colors == full.colors
    assert list(patched.link_ids) == list(full.link_ids)
    for name in ("link_pred", "link_succ", "link_type", "link_critical"):
        np.testing.assert_array_equal(getattr(patched, name), getattr(full, name), err_msg=name)
    assert patched.phases == full.phases
    assert patched.rollups.task_ids == full.rollups.task_ids
    for name in ("row", "at", "color", "actual", "key"):
        np.testing.assert_array_equal(getattr(patched.rollups, name), getattr(full.rollups, name), err_msg=name)
    assert owners_in(patched) == owners_in(full) and symbols_in(patched) == symbols_in(full)


def _step(data, project, changes, folded):
    """The arrays after `changes`, brought up to date; checked against a fresh build."""
    plan_schedule, rows = schedule(project), _rows(project, folded)
    edits = Edits(changes.task_ids, links=changes.links)
    data.row_hashes  # noqa: B018 - made as the view makes them, so the refresh carries them over
    patched = refresh_chart_data(data, project, plan_schedule, rows, edits)
    assert patched is not None  # the edit is one a row-by-row update covers
    _assert_same(patched, build_chart_data(project, plan_schedule, rows))
    carried = patched._row_hashes  # spliced from the arrays before, not made afresh
    assert carried is not None and carried.tolist() == [hash(tid) for tid in rows]
    return patched


@pytest.mark.parametrize("make", [_roadmap, _synthetic])
@pytest.mark.parametrize("fold", [False, True])
@pytest.mark.parametrize("index", range(10))
def test_an_edit_and_its_undo_update_the_arrays_as_a_fresh_build(make, fold, index):
    project = make()
    folded = {_a_summary(project)} if fold else set()
    name, command = _edits(project)[index]
    data = build_chart_data(project, schedule(project), _rows(project, folded))
    data = _step(data, project, command.apply(project), folded)
    data = _step(data, project, command.revert(project), folded)
    _step(data, project, command.apply(project), folded)  # redo


def test_a_sequence_of_edits_keeps_the_arrays_as_a_fresh_build():
    project = _synthetic()
    edits = _edits(project)  # first: choosing them tries an indent and takes it back, which may reorder the links
    data = build_chart_data(project, schedule(project), _rows(project))
    for command in [command for name, command in edits if name != "delete"] + [edits[1][1]]:  # delete last
        data = _step(data, project, command.apply(project), set())


@pytest.mark.parametrize("make", [_roadmap, _synthetic])
def test_edits_undone_one_after_another_keep_the_arrays_as_a_fresh_build(make):
    """Rows inserted, removed and read again in turn, then each edit undone, last first: what the
    arrays carry from one edit to the next (the rows' tasks and labels, their hashes, the links
    found through the schedule, the phase bands) stays that of the rows shown."""
    project = make()
    edits = _edits(project)  # first: choosing them tries an indent and takes it back, which may reorder the links
    data = build_chart_data(project, schedule(project), _rows(project))
    done = [command for name, command in edits if name != "delete"] + [edits[1][1]]  # delete last
    for command in done:
        data = _step(data, project, command.apply(project), set())
    for command in reversed(done):
        data = _step(data, project, command.revert(project), set())


def test_unfolding_a_summary_reads_only_its_rows():
    project = _roadmap()
    summary = _a_summary(project)
    folded = build_chart_data(project, schedule(project), _rows(project, {summary}))
    opened = _step(folded, project, ChangeSet(), set())  # the tree shows its rows: no edit
    assert len(opened) > len(folded)


def test_folding_a_summary_takes_its_links_away_and_unfolding_brings_them_back():
    """Rows leaving and coming with no edit: the links of their tasks leave and come with them, and
    the links between the other rows follow those rows to their new places."""
    project = _roadmap()
    summary = _a_summary(project)
    opened = build_chart_data(project, schedule(project), _rows(project))
    folded = _step(opened, project, ChangeSet(), {summary})  # the tree closes the summary
    assert len(folded.link_pred) < len(opened.link_pred)
    reopened = _step(folded, project, ChangeSet(), set())
    assert list(reopened.link_ids) == list(opened.link_ids)


def test_colours_handed_to_other_owners_ask_for_a_whole_build():
    project = _roadmap()
    plan_schedule = schedule(project)
    data = build_chart_data(project, plan_schedule, _rows(project))
    owner = next(t.owner_id for t in project.tasks.values() if t.owner_id is not None)
    theirs = [t for t in project.tasks.values() if t.owner_id == owner]
    for task in theirs:
        task.owner_id = None  # the owner's last task: the palette hands its colour to another owner
    edits = Edits(frozenset(t.id for t in theirs))
    assert refresh_chart_data(data, project, plan_schedule, _rows(project), edits) is None


@pytest.mark.parametrize("make", [_roadmap, _synthetic])
def test_edits_gathered_before_one_repaint_update_the_arrays_as_a_fresh_build(make):
    """A task added high in the plan and another marked an assumption below it, announced before
    the chart repaints: the marked task's row has moved down one, and is the one read again."""
    project = make()
    data = build_chart_data(project, schedule(project), _rows(project))
    assert data.row_of  # the index of the rows, as the chart has made it by the time of an edit
    high, low = _a_leaf(project, 0.2), _a_leaf(project, 0.8)
    before = data.confidence[data.row_of[low]]
    added = AddTask(Task("new", "New task", 5, parent_id=project.tasks[high].parent_id), after_id=high)
    changes = added.apply(project) | SetTaskFields(low, confidence="assumption").apply(project)
    patched = _step(data, project, changes, set())
    assert patched.confidence[patched.row_of[low]] != before  # the row drawn differently, as checked above
