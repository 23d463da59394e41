"""The table, the chart and the status bar share one reading of the precision each task's dates are
shown at (Document.shown_precision); a precision changed alone, which keeps the schedule, still reaches
all three, and so does its undo."""

from __future__ import annotations

import math

from PySide6.QtWidgets import QApplication

from ilrs_planner.commands.tasks import SetTaskFields
from ilrs_planner.domain import Precision
from ilrs_planner.qt.models.task_columns import Column


def _seen(window) -> tuple[str, bool, str]:
    """B's start in the table, whether B's bar is drawn with an uncertain end, the status bar's finish."""
    QApplication.processEvents()
    model, data = window.tree.source_model, window.gantt.chart_data()
    soft = data.soft0[data.row_of["b"]]
    return model.index_of("b", int(Column.START)).data(), not math.isnan(soft), \
        window.status_bar_widgets["finish"].text()


def test_a_precision_changed_alone_reaches_the_table_the_chart_and_the_status_bar(window):
    doc = window.document
    schedule = doc.schedule
    day_exact = _seen(window)
    assert day_exact[:2] == ("2030-01-11", False)  # B waits on A (10 days from 2030-01-01)
    doc.push(SetTaskFields("a", precision=Precision.YEAR))  # as the Task dialog's Precision list does
    assert doc.schedule is schedule  # a precision is no scheduling input: the schedule is kept
    # B, C and the closing milestone wait on A, now known only to the year: so are their dates.
    assert _seen(window) == ("2030", True, "Finish: 2030")
    doc.undo_stack.undo()
    assert _seen(window) == day_exact
    doc.undo_stack.redo()
    assert _seen(window) == ("2030", True, "Finish: 2030")
