"""Predecessors read back in the order typed, as MS Project keeps them: '2, 3' typed over '3' read
'3, 2' (the links in the order they were made) and '2, 3' typed over '3, 2' changed nothing at all.
Undo brings the order before back.

The small plan: PH (ID 1) with A (2), B (3), C (4), then M (5); C follows B."""

from __future__ import annotations

from gestures import press, type_in_cell

from ilrs_planner.qt.models.task_columns import Column


def predecessors(window, task_id: str) -> str:
    return window.tree.proxy_index(task_id, int(Column.PREDECESSORS)).data()


def test_a_predecessor_typed_before_the_one_there_reads_first(qtbot, window):
    assert predecessors(window, "c") == "3"
    type_in_cell(window.tree, "c", Column.PREDECESSORS, "2, 3")
    assert predecessors(window, "c") == "2, 3"
    press(window.tree, "Ctrl+Z")
    assert predecessors(window, "c") == "3"


def test_the_same_predecessors_typed_in_another_order_are_read_in_it_and_undone_to_the_first(qtbot, window):
    type_in_cell(window.tree, "c", Column.PREDECESSORS, "3, 2SS")
    assert predecessors(window, "c") == "3, 2SS"
    type_in_cell(window.tree, "c", Column.PREDECESSORS, "2SS, 3")
    assert predecessors(window, "c") == "2SS, 3"
    links = [(link.pred_id, link.type.value) for link in window.document.project.links.values() if link.succ_id == "c"]
    assert links == [("a", "SS"), ("b", "FS")]
    press(window.tree, "Ctrl+Z")
    assert predecessors(window, "c") == "3, 2SS"
