"""The Document: pushes, undo/redo through Qt, merged nudges, clean state, selection, baseline."""

from __future__ import annotations

import copy

import pytest

from ilrs_planner.commands.links import AddLink
from ilrs_planner.commands.tasks import SetDuration, SetTaskFields
from ilrs_planner.domain import PlannerError
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
