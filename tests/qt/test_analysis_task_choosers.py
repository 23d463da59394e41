"""The analysis docks name tasks as the table does, by ID and name: typing a task's ID into a dock's
task chooser picks it, and the milestone trend's list reads the names (both led with the task's key,
a column the table hides, behind the outline's indent, so typing matched nothing and the names were
cut)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from windows import shown_main_window

from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.qt.document import Document
from ilrs_planner.qt.models.task_columns import Column


@pytest.fixture
def roadmap(qtbot):
    return shown_main_window(qtbot, Document(build_reference_project()), (1600, 900))


def _row(window, row: int) -> tuple[str, str]:
    """The (task id, its ID as the table shows it) of the table's row `row` counted from 1."""
    task, _depth = list(window.document.project.walk())[row - 1]
    return task.id, window.tree.proxy_index(task.id, int(Column.ID)).data()


@pytest.mark.parametrize("tool, chooser", [("whatif", "task_combo"), ("why", "task_combo")])
def test_typing_an_id_into_a_docks_task_chooser_picks_that_task(qtbot, roadmap, tool, chooser):
    roadmap.analysis.show(tool)
    combo = getattr(roadmap.analysis.panel(tool), chooser)
    qtbot.waitUntil(lambda: combo.isVisible() and combo.count() > 0)
    task_id, shown_id = _row(roadmap, 19)
    combo.setFocus()
    QTest.keyClicks(combo, shown_id)
    assert combo.currentData() == task_id


def test_the_milestone_trend_lists_milestones_by_id_and_name(qtbot, roadmap):
    roadmap.analysis.show("mta")
    milestones = roadmap.analysis.mta.milestones
    qtbot.waitUntil(lambda: milestones.count() > 0)
    task_id, shown_id = _row(roadmap, 19)
    task = roadmap.document.project.tasks[task_id]
    texts = [milestones.item(i).text() for i in range(milestones.count())]
    assert f"{shown_id}  {task.name}" in texts
    item = next(milestones.item(i) for i in range(milestones.count()) if milestones.item(i).text().startswith(
        f"{shown_id}  "))
    assert item.data(Qt.ItemDataRole.UserRole) == task.key  # the trend still follows the task by its key
