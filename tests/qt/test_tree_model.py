"""The task tree model: Qt's model checks, what cells show, typed edits, refusals, refresh by row."""

from __future__ import annotations

import copy
from datetime import date

import pytest
from PySide6.QtCore import Qt

from ilrs_planner.commands.tasks import AddTask, SetTaskFields
from ilrs_planner.domain import Calendar, Precision, Task
from ilrs_planner.domain.calendar import MONDAY_TO_FRIDAY
from ilrs_planner.qt.document import Document
from ilrs_planner.qt.models.task_columns import Column
from ilrs_planner.qt.models.task_tree_model import TaskTreeModel


@pytest.fixture
def model(small_project):
    return TaskTreeModel(Document(small_project))


def cell(model, task_id, column):
    return model.index_of(task_id, int(column)).data()


def test_model_passes_qt_checks_through_edits(qtmodeltester, model):
    qtmodeltester.check(model, force_py=True)
    model.document.push(AddTask(Task(key="N", name="New", duration=3, id="n", parent_id="ph"), after_id="a"))
    model.document.undo_stack.undo()
    qtmodeltester.check(model, force_py=True)


def test_outline_and_cells(model):
    # One row per visible task, in outline order; the outline itself is drawn by the view.
    assert [model.task_id(model.index(row, 0)) for row in range(model.rowCount())] == ["ph", "a", "b", "c", "m"]
    assert model.children_of("ph") == ["a", "b", "c"] and model.children_of(None) == ["ph", "m"]
    assert [model.depth(t) for t in ("ph", "b", "m")] == [0, 1, 0]
    assert model.has_children("ph") and not model.has_children("b")
    # A is 10 days from 2030-01-01: finish shown as the last day, 2030-01-10.
    assert [cell(model, "a", c) for c in (Column.KEY, Column.OWNER, Column.START, Column.FINISH, Column.DURATION)] \
        == ["A", "CNSA", "2030-01-01", "2030-01-10", "10 d"]
    assert cell(model, "m", Column.DURATION) == "0 d"  # as MS Project writes '0 days'; the diamond says milestone
    assert cell(model, "ph", Column.DURATION) == "60 d"


@pytest.mark.parametrize("typed, shown, precision", [
    ("2031", "2031", Precision.YEAR),
    ("2031-06", "2031-06", Precision.MONTH),
    ("Q3 2031", "Q3 2031", Precision.QUARTER),
    ("2031-06-15", "2031-06-15", Precision.DAY),
])
def test_typed_start_keeps_its_precision(model, typed, shown, precision):
    assert model.setData(model.index_of("b", Column.START), typed)
    assert model.document.project.tasks["b"].precision is precision
    assert cell(model, "b", Column.START) == shown
    model.document.undo_stack.undo()
    assert cell(model, "b", Column.START) == "2030-01-11"


def test_typed_finish_by_year_sets_duration_to_the_end_of_that_year(model):
    # C starts 2030-01-31; 'by 2030' ends 2030-12-31, inclusive: 335 days.
    assert model.setData(model.index_of("c", Column.FINISH), "2030")
    assert model.document.project.tasks["c"].duration == 335
    assert cell(model, "c", Column.FINISH) == "2030"


@pytest.mark.parametrize("weekdays, days", [((True,) * 7, 14), (MONDAY_TO_FRIDAY, 10)])
def test_a_typed_week_is_as_long_as_the_plans_calendar_makes_it(model, weekdays, days):
    project = model.document.project
    project.default_calendar_id = project.add_calendar(Calendar("Plan calendar", weekdays)).id
    assert model.setData(model.index_of("c", Column.DURATION), "2w")
    assert project.tasks["c"].duration == days


@pytest.mark.parametrize("column, typed", [
    (Column.START, "next spring"), (Column.START, "2031-02-30"), (Column.DURATION, "-4"),
    (Column.DURATION, "ten days"), (Column.KEY, "B"), (Column.OWNER, "NASA"), (Column.NAME, "  "),
    (Column.FINISH, "2029"),
])
def test_nonsense_is_refused_with_a_message_and_nothing_changes(qtbot, model, column, typed):
    before = copy.deepcopy(model.document.project)
    with qtbot.waitSignal(model.document.refused) as refused:
        assert not model.setData(model.index_of("c", column), typed)
    error, initiator = refused.args
    assert initiator is model and error.message
    assert model.document.project == before and model.document.undo_stack.count() == 0


def test_typed_edits_are_separate_undo_steps_with_names(model):
    model.setData(model.index_of("a", Column.NAME), "Chang'e 7")
    model.setData(model.index_of("a", Column.NAME), "Chang'e 8")
    assert model.document.undo_stack.count() == 2
    assert model.document.undo_stack.undoText() == "Rename 'Chang'e 7' to 'Chang'e 8'"


def test_only_changed_rows_are_refreshed(qtbot, model):
    rows = []
    model.dataChanged.connect(lambda first, last: rows.append(model.task_id(first)))
    model.document.push(SetTaskFields("m", notes="no dates move"))
    assert rows == ["m"]
    rows.clear()
    model.setData(model.index_of("b", Column.DURATION), "25")  # B, C, M and the phase move
    assert set(rows) == {"b", "c", "m", "ph"}


def test_baseline_columns(model):
    model.document.set_baseline("2021 roadmap")
    # The baseline keeps M's point, 2030-02-01, read as M sits now: at the end of the day before.
    assert cell(model, "m", Column.BASELINE_FINISH) == "2030-01-31"
    assert cell(model, "m", Column.FINISH) == "2030-03-01"
    assert cell(model, "m", Column.VARIANCE) == "+29 d"  # points 2030-03-02 vs 2030-02-01
    assert cell(model, "a", Column.VARIANCE) == ""


def test_the_variance_cell_takes_the_slip_colour_of_the_chart(model):
    from PySide6.QtCore import Qt

    from ilrs_planner.chart.variance import DAY_STEPS, plan_steps, slip_color
    from ilrs_planner.domain import Baseline

    project = model.document.project
    assert plan_steps(model.document.schedule) == DAY_STEPS  # a plan of two months counts its slips in weeks
    now = (date(2030, 3, 2), date(2030, 3, 2))  # M's point as scheduled now (shown 2030-03-01)
    project.baselines.append(Baseline("as now", date(2029, 1, 1), {"m": now}))
    project.baselines.append(Baseline("2029 plan", date(2029, 1, 1), {"m": (date(2029, 1, 1), date(2029, 1, 1))}))
    model.document.set_baseline("as now")
    assert model.data(model.index_of("m", Column.VARIANCE), Qt.ItemDataRole.BackgroundRole) is None  # on time
    model.document.set_baseline("2021 roadmap")
    brush = model.data(model.index_of("m", Column.VARIANCE), Qt.ItemDataRole.BackgroundRole)
    assert brush.color().name() == slip_color(29, DAY_STEPS)  # +29 d: over two weeks late, as the chart draws it
    model.document.set_baseline("2029 plan")
    brush = model.data(model.index_of("m", Column.VARIANCE), Qt.ItemDataRole.BackgroundRole)
    assert brush.color().name() == slip_color(425, DAY_STEPS)  # 425 days late: the chart's warm tone


def test_sort_role_orders_dates_as_dates(model):
    from ilrs_planner.qt.models.task_tree_model import SORT_ROLE

    starts = [model.index_of(t, Column.START).data(SORT_ROLE) for t in ("a", "b", "c")]
    assert starts == sorted(starts) and len(set(starts)) == 3
    assert model.index_of("a", Column.NAME).data(Qt.ItemDataRole.DecorationRole) is not None
