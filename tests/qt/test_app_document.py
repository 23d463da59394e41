"""The Document: pushes, undo/redo through Qt, merged nudges, clean state, selection, baseline."""

from __future__ import annotations

import copy
import gc
import weakref
from datetime import date

import pytest

from ilrs_planner.chart.list_ends import agreeing_ends
from ilrs_planner.commands.links import AddLink
from ilrs_planner.commands.tasks import SetDuration, SetTaskFields
from ilrs_planner.domain import PlannerError, Project
from ilrs_planner.qt.document import Document


def test_push_undo_redo_and_modified(qtbot, small_project):
    document = Document(small_project)
    original = copy.deepcopy(small_project)
    with qtbot.waitSignal(document.changed) as emitted:
        document.push(SetTaskFields("a", name="Chang'e 7"))
    assert emitted.args[0].task_ids == {"a"}
    assert document.modified and document.undo_stack.undoText() == "Rename to 'Chang'e 7'"
    document.undo_stack.undo()
    assert document.project == original and not document.modified
    document.undo_stack.redo()
    assert document.project.tasks["a"].name == "Chang'e 7"


def test_nudges_merge_into_one_step(small_project):
    document = Document(small_project)
    for days in (11, 12, 13):
        document.push(SetDuration("a", days))
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert document.project.tasks["a"].duration == 10


def test_refused_command_changes_nothing_and_is_not_stacked(small_project):
    document = Document(small_project)
    original = copy.deepcopy(small_project)
    with pytest.raises(PlannerError) as caught:
        document.push(AddLink("m", "a"))
    assert caught.value.code == "link.cycle"
    assert document.project == original and document.undo_stack.count() == 0


def test_selection_drops_unknown_ids_and_baseline_must_exist(qtbot, small_project):
    document = Document(small_project)
    with qtbot.waitSignal(document.selectionChanged) as emitted:
        document.set_selection(["a", "ghost", "b"])
    assert emitted.args[0] == ["a", "b"]
    with pytest.raises(PlannerError):
        document.set_baseline("nope")


def test_the_compared_baseline_follows_a_rename_and_ends_with_a_delete(qtbot, small_project):
    from ilrs_planner.commands.baselines import DeleteBaseline, RenameBaseline

    document = Document(small_project)
    document.set_baseline("2021 roadmap")
    with qtbot.waitSignal(document.baselineChanged) as renamed:
        document.push(RenameBaseline("2021 roadmap", "GLEX 2021 roadmap"))
    assert renamed.args == ["GLEX 2021 roadmap"] and document.baseline_name == "GLEX 2021 roadmap"
    document.undo_stack.undo()
    assert document.baseline_name == "2021 roadmap"
    document.push(DeleteBaseline("2021 roadmap"))
    assert document.baseline_name is None
    document.undo_stack.undo()  # the baseline is back, but comparing again is the user's choice
    assert document.baseline_name is None


def test_one_change_signal_names_who_asked_and_undo_comes_from_the_stack(qtbot, small_project):
    document = Document(small_project)
    table = object()
    with qtbot.waitSignal(document.changed) as edited:
        document.push(SetDuration("a", 12), initiator=table)
    assert edited.args[1] is table and edited.args[0].dates
    with qtbot.waitSignal(document.changed) as undone:
        document.undo_stack.undo()
    assert undone.args[1] is None and undone.args[0].dates
    with qtbot.waitSignal(document.changed) as redone:
        document.undo_stack.redo()
    assert redone.args[1] is None


def test_a_different_plan_is_one_change_that_replaces_everything(qtbot, small_project):
    document = Document(small_project)
    other = copy.deepcopy(small_project)
    other.name = "Other"
    with qtbot.waitSignal(document.changed) as replaced:
        document.replace_project(other, None)
    changes, initiator = replaced.args
    assert changes.replaced and changes.task_ids == set(other.tasks) and initiator is None


def test_a_refused_edit_is_announced_with_its_initiator_and_changes_nothing(qtbot, small_project):
    document = Document(small_project)
    before = copy.deepcopy(small_project)
    menu = object()
    with qtbot.waitSignal(document.refused) as refused:
        assert not document.try_push(SetDuration("a", -5), initiator=menu)
    error, initiator = refused.args
    assert isinstance(error, PlannerError) and initiator is menu
    assert document.project == before and document.undo_stack.count() == 0


def test_a_replaced_plan_lets_go_of_the_rows_the_table_and_chart_compared(small_project):
    class Rows(list):  # a list that can be watched going away
        pass

    document = Document(small_project)
    before, after = Rows(small_project.tasks), Rows(reversed(small_project.tasks))
    agreeing_ends(before, after)  # kept, as an edit's rows are: 100,000 ids each in a large plan
    watched = weakref.ref(before), weakref.ref(after)
    document.replace_project(Project(name="New plan", start=date(2031, 1, 1)), None)
    del before, after
    gc.collect()
    assert all(ref() is None for ref in watched)
