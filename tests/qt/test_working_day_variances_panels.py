"""The slip, what-if and why panels write days as the Duration column does: working days of the task's
calendar. The plan and its hand-worked dates: tests/four_day_week.py (Monday-to-Thursday week,
24 and 31 December off, baseline before any work, progress on 21 December)."""

from __future__ import annotations

from four_day_week import four_day_week
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from ilrs_planner.commands.tasks import SetDuration
from ilrs_planner.qt.analysis.slip_panel import SlipPanel
from ilrs_planner.qt.analysis.slip_table import FINISH_VARIANCE, HEADERS
from ilrs_planner.qt.analysis.whatif_panel import WhatIfPanel
from ilrs_planner.qt.analysis.why_panel import WhyPanel
from ilrs_planner.qt.document import Document
from ilrs_planner.qt.models.task_columns import Column
from ilrs_planner.qt.models.task_tree_model import TaskTreeModel


def _shown(qtbot, panel) -> None:
    """Shown and active, so keys typed into it land as a person's do."""
    qtbot.addWidget(panel)
    panel.show()
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow, timeout=10000)


def _rows(panel: SlipPanel) -> dict[str, int]:
    return {panel.proxy.index(r, 0).data(): r for r in range(panel.proxy.rowCount())}


def test_the_slip_panel_reads_one_working_day_over_new_year(qtbot):
    panel = SlipPanel(Document(four_day_week()))
    _shown(qtbot, panel)
    qtbot.waitUntil(lambda: panel.proxy.rowCount() == 5, timeout=10000)
    rows, start = _rows(panel), HEADERS.index("Start var")
    # Wed 12-30 -> Mon 01-04 with Thursday 31 off and no Fridays: one working day, not five.
    assert panel.proxy.index(rows["T-2"], FINISH_VARIANCE).data() == "+1 d"
    assert panel.proxy.index(rows["T-3"], FINISH_VARIANCE).data() == "+5 ed"  # elapsed: as its Duration reads
    assert panel.proxy.index(rows["T-4"], start).data() == "+2 d"  # Thu 01-07 -> Tue 01-12: Thu 7, Mon 11
    tip = panel.model.headerData(FINISH_VARIANCE, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Working days of the task's calendar")


def test_what_if_starts_small_and_moves_in_working_days(qtbot):
    document = Document(four_day_week())
    panel = WhatIfPanel(document)
    _shown(qtbot, panel)
    # The plan runs 23 working days (Thu 12-03 to Thu 01-14 on its four-day week): a tenth, not a year.
    qtbot.waitUntil(lambda: panel.task_combo.count() == 5, timeout=10000)
    assert panel.days_spin.text() == "2 d"
    document.set_selection(["T-2"])  # the panel follows the selected task
    qtbot.mouseClick(panel.finish_radio, Qt.MouseButton.LeftButton)
    panel.finish_edit.setFocus(Qt.FocusReason.TabFocusReason)  # tabbing in selects the year
    QTest.keyClicks(panel.finish_edit, "20270107")
    qtbot.mouseClick(panel.preview_button, Qt.MouseButton.LeftButton)
    cells = {panel.table.item(r, 0).text(): panel.table.item(r, 3).text() for r in range(panel.table.rowCount())}
    # Mon 01-04 -> Thu 01-07 and, downstream, Thu 01-14 -> Wed 01-20: three working days each.
    assert cells == {"T-2": "+3 d", "T-3": "+3 ed", "T-4": "+3 d", "T-5": "+3 d"}
    assert "plan finish +3 d" in panel.headline.text()


def test_the_proposed_slip_follows_the_plan_and_a_typed_one_stays(qtbot):
    document = Document(four_day_week())
    typed, untouched = WhatIfPanel(document), WhatIfPanel(document)
    _shown(qtbot, untouched)
    _shown(qtbot, typed)
    qtbot.waitUntil(lambda: typed.task_combo.count() == 5, timeout=10000)
    typed.days_spin.setFocus(Qt.FocusReason.TabFocusReason)
    typed.days_spin.selectAll()
    QTest.keyClicks(typed.days_spin, "4")
    assert typed.days_spin.value() == 4 and untouched.days_spin.value() == 2
    # Review made 30 d (Tue 01-12 to Wed 03-03): the plan runs 20 + 30 working days, a tenth is 5.
    document.push(SetDuration("T-4", 30))
    assert untouched.days_spin.text() == "5 d" and typed.days_spin.value() == 4


def test_why_writes_durations_as_the_duration_column_does(qtbot):
    document = Document(four_day_week())
    panel = WhyPanel(document)
    _shown(qtbot, panel)
    qtbot.waitUntil(lambda: panel.task_combo.count() == 5, timeout=10000)
    document.set_selection(["T-5"])
    qtbot.waitUntil(lambda: panel.result is not None and panel.result.key == "T-5", timeout=10000)
    assert "moved <b>+2 d</b>" in panel.headline.text()
    changes = panel.tree.topLevelItem(0)
    rows = [(changes.child(i).text(0), changes.child(i).text(1)) for i in range(changes.childCount())]
    assert changes.text(1) == "Changes" and changes.text(0) == "+2 d"
    assert panel.tree.headerItem().toolTip(0).startswith("Working days of the milestone's calendar")
    assert ("+1 d", "'Fabricate' (T-2) ends later, still 10 d: its work left runs from the status date "
                    "2026-12-21") in rows
    assert not any("6 d → 3 d" in text or "17 d" in text for _days, text in rows)


def test_the_tables_finish_variance_reads_as_the_slip_panel(qtbot):
    model = TaskTreeModel(Document(four_day_week()))
    model.document.set_baseline("Agreed plan")

    def variance(key: str) -> str:
        return model.index_of(key, Column.VARIANCE).data()

    # The same moves as the slip report's: Wed 12-30 -> Mon 01-04 is one working day; the elapsed
    # task counts its calendar days, as its Duration does.
    assert (variance("T-2"), variance("T-3")) == ("+1 d", "+5 ed")
