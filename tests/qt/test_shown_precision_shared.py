"""The table, the chart and the status bar share one reading of the precision each task's dates are
shown at (Document.shown_precision); a precision changed alone, which keeps the schedule, still reaches
all three, and so does its undo."""

from __future__ import annotations

import math
from datetime import date

from PySide6.QtWidgets import QApplication
from windows import shown_main_window

from ilrs_planner.commands.links import DeleteLink
from ilrs_planner.commands.tasks import SetTaskFields
from ilrs_planner.domain import Link, LinkType, Precision, Project, Task
from ilrs_planner.qt.document import Document
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


def _announced(window, edit) -> set[str]:
    """The tasks whose rows the table says changed while `edit` runs (what the view repaints)."""
    model, rows = window.tree.source_model, set()

    def note(first, last, _roles=()):
        for row in range(first.row(), last.row() + 1):
            rows.add(model.task_id(model.index(row, 0, first.parent())))

    model.dataChanged.connect(note)
    edit()
    QApplication.processEvents()
    model.dataChanged.disconnect(note)
    return rows


def test_rows_read_at_another_precision_are_repainted_though_their_dates_stay(window):
    # A precision changed alone moves no date: the table must still repaint B, C and the milestone,
    # which now read '2030' (the screen kept '2030-01-11' until scrolled), and again on its undo.
    doc = window.document
    window.tree.expandAll()
    assert {"b", "c", "m"} <= _announced(window, lambda: doc.push(SetTaskFields("a", precision=Precision.YEAR)))
    assert {"b", "c", "m"} <= _announced(window, doc.undo_stack.undo)


def test_a_link_gone_repaints_the_tasks_it_drove_at_their_new_precision(qtbot):
    # C waits on B and on A (known to the year), both 5 days from 2030-01-01, so both finish on the
    # same day: C waits as long on a date known to the year, so C (and D after it) read '2030'.
    # Deleting A -> C moves no date, but C now follows B alone: C and D read their days again, and the
    # table must repaint them.
    plan = Project("Ties", date(2030, 1, 1))
    plan.add_task(Task("A", "Announced", 5, id="a", position=0, precision=Precision.YEAR))
    plan.add_task(Task("B", "Measured", 5, id="b", position=1))
    plan.add_task(Task("C", "After both", 3, id="c", position=2))
    plan.add_task(Task("D", "Last", 2, id="d", position=3))
    for pred, succ in (("b", "c"), ("a", "c"), ("c", "d")):
        plan.add_link(Link(pred, succ, LinkType.FS, id=f"{pred}{succ}"))
    window = shown_main_window(qtbot, Document(plan))
    start = lambda tid: window.tree.source_model.index_of(tid, int(Column.START)).data()  # noqa: E731
    assert (start("c"), start("d")) == ("2030", "2030")
    assert {"c", "d"} <= _announced(window, lambda: window.document.push(DeleteLink("ac")))
    assert (start("c"), start("d")) == ("2030-01-06", "2030-01-09")
