"""The Participants view: members by signing date, and membership steps against the 50-country goal."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox

from ilrs_planner.domain import Classification, Participant, ParticipantKind
from ilrs_planner.qt.document import Document
from ilrs_planner.qt.participants.membership_chart import cumulative_steps
from ilrs_planner.qt.participants.panel import ParticipantsPanel
from ilrs_planner.qt.participants.table_model import LEVEL_COLUMN, ParticipantTableModel


def test_table_lists_members_sorted_by_signing_date_unknown_last(qtbot, small_project, qtmodeltester):
    small_project.add_participant(Participant(key="tr", name="Turkey", id="p-tr"))
    small_project.add_participant(Participant(key="pk", name="Pakistan", id="p-pk", joined=date(2023, 10, 18)))
    document = Document(small_project)
    qtmodeltester.check(ParticipantTableModel(document), force_py=True)
    panel = ParticipantsPanel(document)
    qtbot.addWidget(panel)
    proxy = panel.table.model()
    names = [proxy.index(row, 0).data() for row in range(proxy.rowCount())]
    assert names == ["China National Space Administration", "Venezuela", "Pakistan", "Turkey"]
    assert proxy.index(3, 2).data() == "not known"
    panel.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert proxy.index(0, 0).data() == "China National Space Administration"


def test_membership_steps_count_up_on_each_signing_and_hold_until_today():
    days = [date(2023, 7, 17), date(2021, 3, 9), date(2023, 10, 18)]
    xs, ys = cumulative_steps(days, until=date(2025, 1, 1))
    assert ys == [0, 1, 1, 2, 2, 3, 3]
    assert xs == sorted(xs) and xs[0] == xs[1]  # vertical rise on the first signing date


def test_chart_draws_countries_all_and_the_goal(qtbot, small_project):
    small_project.participants["p-cnsa"].kind = ParticipantKind.AGENCY  # Venezuela stays a country
    panel = ParticipantsPanel(Document(small_project))
    qtbot.addWidget(panel)
    names = [item.name() for item in panel.chart.getPlotItem().listDataItems() if item.name()]
    assert "Countries (1 signed)" in names
    assert "All participants (2 signed)" in names
    lines = [item for item in panel.chart.getPlotItem().items if type(item).__name__ == "InfiniteLine"]
    assert [line.value() for line in lines] == [50]
    assert "no target year" in lines[0].label.textItem.toPlainText()


def test_the_chart_says_how_many_members_have_no_signing_date(qtbot, small_project):
    small_project.add_participant(Participant(key="XX", name="Undated country", id="p-xx"))
    panel = ParticipantsPanel(Document(small_project))
    qtbot.addWidget(panel)
    names = [item.name() for item in panel.chart.getPlotItem().listDataItems() if item.name()]
    assert any(name.startswith("Countries (") and "1 more without a signing date" in name for name in names)
    assert panel.chart.undated == 1


def test_a_participant_is_classified_in_its_seen_by_cell_and_undo_restores_it(qtbot, small_project):
    document = Document(small_project)
    panel = ParticipantsPanel(document)
    qtbot.addWidget(panel)
    panel.show()
    panel.activateWindow()
    qtbot.waitActive(panel)
    table, proxy = panel.table, panel.table.model()
    row = next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data() == "Venezuela")
    cell = proxy.index(row, LEVEL_COLUMN)
    assert cell.data() == "Everyone"
    table.scrollTo(cell)
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(cell).center())
    QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(cell).center())
    editor = table.viewport().findChild(QComboBox)
    assert editor is not None and editor.currentText() == "Everyone"
    QTest.keyClick(editor, Qt.Key.Key_Down)  # Everyone → Partners, chosen
    QApplication.processEvents()
    venezuela = next(p for p in document.project.participants.values() if p.name == "Venezuela")
    assert venezuela.classification == Classification.PARTNERS
    row = next(r for r in range(proxy.rowCount()) if proxy.index(r, 0).data() == "Venezuela")
    assert proxy.index(row, LEVEL_COLUMN).data() == "Partners"
    document.undo_stack.undo()
    assert venezuela.classification == Classification.PUBLIC
