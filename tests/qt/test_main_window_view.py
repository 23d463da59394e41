"""View state: baseline chooser and columns, critical path and zoom forwarded, layout remembered."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QFont, QFontMetrics

from ilrs_planner.qt.document import Document
from ilrs_planner.qt.main_window import MainWindow
from ilrs_planner.qt.models.task_columns import HEADERS, Column


def make_window(qtbot, project):
    window = MainWindow(Document(project))
    qtbot.addWidget(window, before_close_func=lambda w: w.document.mark_saved())
    return window


def test_choosing_a_baseline_shows_its_columns(qtbot, small_project):
    window = make_window(qtbot, small_project)
    header = window.tree.header()
    assert header.isSectionHidden(int(Column.VARIANCE))
    window.view._fill_baseline_menu()
    names = [action.text() for action in window.view.baseline_menu.actions()]
    assert names == ["None (current plan only)", "1  2021 roadmap"]
    window.view.baseline_menu.actions()[1].trigger()
    assert window.document.baseline_name == "2021 roadmap"
    assert not header.isSectionHidden(int(Column.VARIANCE)) and not header.isSectionHidden(int(Column.BASELINE_FINISH))


def test_critical_toggle_and_zoom_presets_reach_the_chart(qtbot, small_project, monkeypatch):
    window = make_window(qtbot, small_project)
    calls = []
    monkeypatch.setattr(window.gantt, "zoom_preset", lambda name: calls.append(("zoom", name)))
    monkeypatch.setattr(window.gantt, "set_show_critical", lambda on: calls.append(("critical", on)))
    window.view.zoom["10y"].trigger()
    window.view.critical.setChecked(not window.view.critical.isChecked())
    assert calls[0] == ("zoom", "10y") and calls[1][0] == "critical"


def test_layout_columns_and_zoom_are_remembered(qtbot, small_project):
    first = make_window(qtbot, small_project)
    first.resize(700, 500)  # within the offscreen screen, which clamps restored geometry
    first.tree.header().setSectionHidden(int(Column.OWNER), True)
    first.tree.header().resizeSection(int(Column.NAME), 333)
    first.view.zoom_to("2y")
    first.splitter.setSizes([500, 700])
    first.save_settings()
    assert QSettings().value("view/zoom") == "2y"
    second = make_window(qtbot, small_project)
    assert (second.size().width(), second.size().height()) == (700, 500)
    assert second.tree.header().isSectionHidden(int(Column.OWNER))
    assert second.tree.header().sectionSize(int(Column.NAME)) == 333
    assert second.view.last_zoom == "2y"


def test_status_bar_follows_edits(qtbot, small_project):
    from ilrs_planner.commands.tasks import SetDuration

    window = make_window(qtbot, small_project)
    window.document.push(SetDuration("c", 40))  # C: 2030-01-31 + 40 days, through 2030-03-11, M at its end
    assert window.status_bar_widgets["finish"].text() == "Finish: 2030-03-11"


def _choose_first_baseline(window) -> None:
    window.view._fill_baseline_menu()
    window.view.baseline_menu.actions()[1].trigger()


def _whole(tree, column: Column) -> bool:
    """The column's cells are seen whole (not cut, nor under the ID and Name columns that stay)."""
    rect = tree.visualRect(tree.model().index(0, int(column)))
    beside = column in (Column.ID, Column.NAME) or rect.left() >= tree.frozen_strip()
    return beside and rect.width() == tree.header().sectionSize(int(column)) and tree.viewport().rect().contains(rect)


def _name_from_its_start(tree) -> bool:
    """The Name column is seen from its first letter, right of the ID column."""
    rect = tree.visualRect(tree.model().index(0, int(Column.NAME)))
    return rect.left() == tree.header().sectionSize(int(Column.ID)) and rect.width() >= 100


def test_a_comparison_shows_its_columns_beside_finish_and_keeps_the_name_column_in_view(qtbot, small_project):
    window = make_window(qtbot, small_project)
    window.resize(800, 700)  # the offscreen screen's width
    window.show()
    qtbot.waitExposed(window)
    window.splitter.setSizes([600, 200])  # the chart keeps its least width, the tree gets about 590 px
    tree, header = window.tree, window.tree.header()
    # ID, Name, Duration, Start, Finish and the two fit in 590 px
    header.resizeSection(int(Column.NAME), 160 - header.sectionSize(int(Column.ID)))
    _choose_first_baseline(window)
    finish = header.visualIndex(int(Column.FINISH))
    assert [header.visualIndex(int(c)) for c in (Column.BASELINE_FINISH, Column.VARIANCE)] == [finish + 1, finish + 2]
    assert tree.horizontalScrollBar().value() == 0 and _whole(tree, Column.NAME) and _whole(tree, Column.VARIANCE)
    metrics = header.fontMetrics()
    for column in (Column.BASELINE_FINISH, Column.VARIANCE):  # each header line is written in full
        text = tree.model().headerData(int(column), Qt.Orientation.Horizontal)
        assert all(metrics.horizontalAdvance(line) < header.sectionSize(int(column)) - 4 for line in text.split("\n"))
        assert " ".join(text.split("\n")) == HEADERS[column]


def test_a_name_column_too_wide_for_the_variance_is_not_scrolled_away(qtbot, small_project):
    window = make_window(qtbot, small_project)
    window.resize(900, 600)
    window.show()
    qtbot.waitExposed(window)
    tree, header = window.tree, window.tree.header()
    header.resizeSection(int(Column.NAME), 700)  # a wide name column pushes everything else right
    _choose_first_baseline(window)
    assert not header.isSectionHidden(int(Column.VARIANCE))
    # The table scrolls to the variance and the names stay, read from their first letter.
    assert _name_from_its_start(tree) and _whole(tree, Column.VARIANCE)


def test_copy_image_puts_the_current_view_on_the_clipboard_slide_sized(qtbot, small_project):
    from PySide6.QtGui import QGuiApplication

    window = make_window(qtbot, small_project)
    window.show()
    qtbot.waitExposed(window)
    QGuiApplication.clipboard().clear()
    window.edit.copy_image.trigger()
    image = QGuiApplication.clipboard().image()
    assert (image.width(), image.height()) == (1920, 1080)
    assert "Copied the chart" in window.statusBar().currentMessage()


def test_status_bar_finish_is_the_last_day_of_work(qtbot):
    """A 10-day task from 1 January 2030 ends on 10 January: the status bar says so, not the 11th."""
    from ilrs_planner.domain import Project, Task

    plan = Project(name="One bar", start=date(2030, 1, 1))
    plan.add_task(Task(key="A", name="Only task", duration=10, id="a", position=0))
    window = make_window(qtbot, plan)
    assert window.status_bar_widgets["finish"].text() == "Finish: 2030-01-10"


def test_a_comparison_widens_a_narrow_table_so_the_variance_is_read_whole(qtbot, window):
    window.resize(1600, 760)  # the first size on a large screen: the table gets two fifths
    qtbot.waitUntil(lambda: window.width() == 1600, timeout=10000)
    window.splitter.setSizes([640, 960])
    tree, header = window.tree, window.tree.header()
    _choose_first_baseline(window)
    assert _whole(tree, Column.NAME) and _whole(tree, Column.VARIANCE)
    assert tree.horizontalScrollBar().value() == 0 and _whole(tree, Column.ID)  # room for the ID column too
    table, chart = window.splitter.sizes()
    assert table > 640 and chart >= window.splitter.width() // 3
    bold = QFont(header.font())
    bold.setWeight(QFont.Weight.DemiBold)  # the header's weight in the app's style
    for line in HEADERS[Column.VARIANCE].split():
        assert QFontMetrics(bold).horizontalAdvance(line) + 12 <= header.sectionSize(int(Column.VARIANCE))


def test_a_comparison_leaves_the_chart_alone_when_no_room_would_show_the_variance(qtbot, window):
    window.resize(800, 600)
    qtbot.waitUntil(lambda: window.width() == 800, timeout=10000)
    window.splitter.setSizes([320, 480])  # the Name column alone is 260 pixels: no third of 800 makes room
    before = window.splitter.sizes()
    _choose_first_baseline(window)
    assert window.splitter.sizes() == before and _name_from_its_start(window.tree)
    assert _whole(window.tree, Column.VARIANCE)  # scrolled to, beside the names
