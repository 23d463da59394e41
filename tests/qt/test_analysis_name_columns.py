"""The analysis tables keep their names readable in a narrow dock: the Name column takes the room the
dates leave, but never less than a few words; below that the table scrolls sideways."""

from __future__ import annotations

import copy

from gestures import press
from PySide6.QtCore import Qt

from ilrs_planner.qt.analysis.slip_panel import SlipPanel
from ilrs_planner.qt.document import Document
from ilrs_planner.qt.main_window import MainWindow
from ilrs_planner.qt.readable_column import NAME_LEAST


def shown_slip_report(qtbot, reference, width: int) -> SlipPanel:
    panel = SlipPanel(Document(copy.deepcopy(reference)))
    qtbot.addWidget(panel)
    panel.resize(width, 400)
    panel.show()
    qtbot.waitExposed(panel)
    panel.compare("2021-06-16 ILRS roadmap (GLEX 2021)", None)
    return panel


def dock_in_small_window(qtbot, reference, keys: str, name: str):
    """The analysis panel `name` opened by its keys in an 800 × 600 window."""
    window = MainWindow(Document(copy.deepcopy(reference)))
    qtbot.addWidget(window, before_close_func=lambda w: w.document.mark_saved())
    window.resize(800, 600)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    press(window.tree, keys)
    panel = getattr(window.analysis, name)
    qtbot.waitUntil(panel.isVisible, timeout=60_000)
    return panel


def test_in_the_dock_of_an_800_by_600_window_the_slip_report_reads_whole_without_scrolling_sideways(qtbot, _reference):
    panel = dock_in_small_window(qtbot, _reference, "Ctrl+Shift+L", "slip")  # Analysis → Slip report
    panel.compare("2021-06-16 ILRS roadmap (GLEX 2021)", None)
    table, header = panel.table, panel.table.horizontalHeader()
    # It was squeezed to the two letters the dates left, and its names wrapped into rows of "…"; then
    # the dates' one-line headers and the keys pushed the basis a scroll away, and a source's web
    # address held the whole dock 1,000 pixels wide.
    qtbot.waitUntil(lambda: header.sectionSize(1) >= NAME_LEAST, timeout=60_000)
    assert not table.wordWrap()
    qtbot.waitUntil(lambda: table.horizontalScrollBar().maximum() == 0, timeout=60_000)
    assert header.length() <= table.viewport().width()
    scroll = panel.parentWidget().parentWidget()  # the dock's scroll area
    assert scroll.horizontalScrollBar().maximum() == 0
    assert header.isSectionHidden(0)  # no room for the keys: each name's tooltip gives its key
    row = next(r for r in range(panel.proxy.rowCount()) if panel.proxy.index(r, 0).data() == "luna-25")
    assert panel.proxy.index(row, 1).data(Qt.ItemDataRole.ToolTipRole).count("luna-25") == 1
    tips = [table.model().headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
            for c in range(header.count())]
    assert "Finish variance" in tips[7] and "Start in the baseline" in tips[2]


def test_in_a_wide_dock_the_name_column_fills_the_width_the_dates_leave(qtbot, _reference):
    panel = shown_slip_report(qtbot, _reference, 1800)
    header, viewport = panel.table.horizontalHeader(), panel.table.viewport()
    qtbot.waitUntil(lambda: header.length() == viewport.width(), timeout=60_000)
    assert header.sectionSize(1) > NAME_LEAST and panel.table.horizontalScrollBar().maximum() == 0
    assert not header.isSectionHidden(0)  # room for the keys too


def test_what_if_fits_the_dock_of_an_800_pixel_window_and_enter_after_the_days_previews(qtbot, _reference):
    from PySide6.QtCore import Qt

    from ilrs_planner.qt.analysis.whatif_panel import WhatIfPanel

    document = Document(copy.deepcopy(_reference))
    panel = WhatIfPanel(document)
    qtbot.addWidget(panel)
    # Its task, scenario and buttons on one row made it 1,000 pixels wide: "Apply to plan" past the edge.
    assert panel.minimumSizeHint().width() <= 780
    panel.show()
    qtbot.waitExposed(panel)
    panel.task_combo.setCurrentIndex(panel.task_combo.findData(document.project.task_by_key("change-8").id))
    qtbot.mouseClick(panel.days_spin, Qt.MouseButton.LeftButton)
    panel.days_spin.selectAll()
    qtbot.keyClicks(panel.days_spin, "30")
    qtbot.keyClick(panel.days_spin, Qt.Key.Key_Return)  # did nothing: only the Preview button previewed
    qtbot.waitUntil(lambda: panel.preview is not None, timeout=60_000)
    assert "'change-8' slips by +30 d (" in panel.headline.text() and "change-8 +30 d" in panel.headline.text()


def test_the_risk_panel_fits_the_dock_of_an_800_by_600_window(qtbot, _reference):
    panel = dock_in_small_window(qtbot, _reference, "Ctrl+Shift+R", "risk")  # Analysis → Schedule risk
    room = panel.parentWidget().width()  # the dock's scroll area shows this much of the panel
    # "triangular" stretched to fourteen characters pushed its row, and the panel, 12 pixels past the
    # dock: "Open charts in window" was cut at the window's edge.
    assert panel.minimumSizeHint().width() <= room
    button = panel.window_button
    assert button.mapTo(panel, button.rect().topRight()).x() < room
