"""The tree's Baseline finish reads as precisely as the baseline knew the date, not as the task is known now."""

from __future__ import annotations

from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.qt.document import Document
from ilrs_planner.qt.models.task_columns import Column
from ilrs_planner.qt.models.task_tree_model import TaskTreeModel


def test_a_baseline_announced_to_the_year_reads_as_its_year(qtbot):
    model = TaskTreeModel(Document(build_reference_project()))
    model.document.set_baseline("2019-10-08 Russian Luna schedule (Zeleny, IKI RAS)")
    luna = model.document.project.task_by_key("luna-25")

    def cell(column: Column) -> str:
        return model.index_of(luna.id, column).data()

    # Luna-25 flew to the day in August 2023; in October 2019 it was announced for "2021"
    assert (cell(Column.BASELINE_FINISH), cell(Column.FINISH)) == ("2021", "2023-08-19")
    assert cell(Column.VARIANCE) == "+952 d"
