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
    assert cell(Column.VARIANCE) == "+2 y"  # at the coarser side's precision: 2021 to 2023, not "+952 d"


def test_the_variance_between_two_years_reads_in_years(qtbot):
    model = TaskTreeModel(Document(build_reference_project()))
    model.document.set_baseline("2024-03-05 Lunar power unit 2033-2035 (Borisov)")
    basic = model.document.project.task_by_key("ilrs-basic")

    def cell(column: Column) -> str:
        return model.index_of(basic.id, column).data()

    # "by 2028" then, "by 2035" now: seven years, not the 2,556 days between 2028-12-31 and 2035-12-30
    assert (cell(Column.BASELINE_FINISH), cell(Column.FINISH), cell(Column.VARIANCE)) == ("2028", "2035", "+7 y")
