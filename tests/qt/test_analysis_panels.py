"""The analysis panels in the desktop app: what a planner clicks and sees."""

from __future__ import annotations

import csv
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from reported_today import REPORTED_ON, FrozenDate, reported_today

from ilrs_planner.domain import Classification
from ilrs_planner.qt.analysis.baselines_panel import LEVEL_COLUMN, BaselinePanel
from ilrs_planner.qt.analysis.mta_chart import MtaChartWidget
from ilrs_planner.qt.analysis.mta_panel import MtaPanel
from ilrs_planner.qt.analysis.risk_panel import RiskPanel
from ilrs_planner.qt.analysis.slip_panel import SlipPanel
from ilrs_planner.qt.analysis.slip_table import FINISH_VARIANCE, HEADERS, MODELLING_GREY
from ilrs_planner.qt.analysis.whatif_panel import WhatIfPanel
from ilrs_planner.qt.analysis.why_panel import WhyPanel
from ilrs_planner.qt.document import Document
from ilrs_planner.sharing.redact import redact_project


@pytest.fixture
def small_doc(small_project):
    return Document(small_project)


def test_capture_rename_delete_baselines_with_undo(qtbot, small_doc):
    panel = BaselinePanel(small_doc)
    qtbot.addWidget(panel)
    panel.name_edit.setText("Q3 review")
    panel.as_of_edit.setDate(QDate(2029, 9, 30))
    qtbot.mouseClick(panel.capture_button, Qt.MouseButton.LeftButton)
    assert panel.table.rowCount() == 2
    captured = small_doc.project.baseline("Q3 review")
    assert captured.as_of == date(2029, 9, 30) and captured.entries["m"] == (date(2030, 3, 2), date(2030, 3, 2))
    panel.name_edit.setText("Q3 review")  # the same name again is refused in place, no dialog
    qtbot.mouseClick(panel.capture_button, Qt.MouseButton.LeftButton)
    assert "already exists" in panel.message.text() and len(small_doc.project.baselines) == 2
    panel.table.item(1, 0).setText("Q3 review (final)")  # rename by editing the name cell
    assert small_doc.project.baseline("Q3 review (final)").id == captured.id
    small_doc.undo_stack.undo()
    assert small_doc.project.baseline("Q3 review").id == captured.id
    panel.table.selectRow(1)
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert [b.name for b in small_doc.project.baselines] == ["2021 roadmap"]
    small_doc.undo_stack.undo()
    assert panel.table.rowCount() == 2


def test_choosing_the_baseline_to_compare_with(qtbot, small_doc):
    panel = BaselinePanel(small_doc)
    qtbot.addWidget(panel)
    panel.table.selectRow(0)
    with qtbot.waitSignal(small_doc.baselineChanged):
        qtbot.mouseClick(panel.compare_button, Qt.MouseButton.LeftButton)
    assert small_doc.baseline_name == "2021 roadmap" and panel.table.item(0, 3).text() == "✓"
    qtbot.mouseClick(panel.stop_button, Qt.MouseButton.LeftButton)
    assert small_doc.baseline_name is None


def test_slip_report_sorts_filters_and_exports(qtbot, ilrs_doc, tmp_path):
    panel = SlipPanel(ilrs_doc)
    qtbot.addWidget(panel)
    panel.compare("2021-06-16 ILRS roadmap (GLEX 2021)", None)
    everything = panel.proxy.rowCount()
    panel.slipped_only.setChecked(True)
    slipped = panel.proxy.rowCount()
    assert 0 < slipped < everything
    panel.table.sortByColumn(7, Qt.SortOrder.DescendingOrder)
    top = panel.proxy.index(0, 0).data()
    assert top == max(panel.model.report.slipped(), key=lambda r: r.finish_variance).key
    out = tmp_path / "slip.csv"
    assert panel.export_csv(str(out))
    rows = list(csv.DictReader(out.read_text(encoding="utf-8").splitlines()))
    assert len(rows) == everything and any(r["key"] == "change-7" and r["slipped"] == "yes" for r in rows)


def test_slip_report_shows_each_variances_basis_and_the_alternatives(qtbot, ilrs_doc):
    panel = SlipPanel(ilrs_doc)
    qtbot.addWidget(panel)
    panel.show()
    panel.compare("2024-09-05 Wu Yanhua: basic 2035 (extended about 2050: an alternative)", None)
    rows = {panel.proxy.index(r, 0).data(): r for r in range(panel.proxy.rowCount())}
    basis = HEADERS.index("Basis")
    spread = rows["ilrs-1-5"]
    assert panel.proxy.index(spread, FINISH_VARIANCE).data() == "-5 y"  # 2040 -> 2035: years, not "-1827" days
    assert panel.proxy.index(spread, basis).data() == "modelling"
    assert panel.proxy.index(spread, FINISH_VARIANCE).data(Qt.ItemDataRole.ForegroundRole) == MODELLING_GREY
    assert "not a slip" in panel.proxy.index(spread, basis).data(Qt.ItemDataRole.ToolTipRole)
    extended = rows["ilrs-extended"]
    assert panel.proxy.index(extended, FINISH_VARIANCE).data() == "0 y"  # no five-year pull-in
    assert "by 2050 - Wu Yanhua" in panel.proxy.index(extended, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert panel.alternatives.isVisible() and "ilrs-extended: by 2050" in panel.alternatives.text()
    assert "modelling (grey), not slips" in panel.summary.text()


def test_slip_report_follows_the_document_and_compares_two_baselines(qtbot, ilrs_doc):
    panel = SlipPanel(ilrs_doc)
    qtbot.addWidget(panel)
    ilrs_doc.set_baseline("2024-04-25 Space Day plan: basic 2035, extended 2045")
    assert panel.baseline_combo.currentData() == "2024-04-25 Space Day plan: basic 2035, extended 2045"
    panel.compare("2021-06-16 ILRS roadmap (GLEX 2021)", "2024-04-25 Space Day plan: basic 2035, extended 2045")
    assert panel.model.report.after.label.startswith("2024-04-25") and not panel.model.report.after.is_current


def test_mta_panel_shows_the_default_milestones_and_exports(qtbot, ilrs_doc, tmp_path):
    panel = MtaPanel(ilrs_doc)
    qtbot.addWidget(panel)
    assert set(panel.chosen_keys()) == {"ilrs-basic", "ilrs-extended", "change-7", "change-8", "luna-26", "luna-27",
                                        "crewed-landing", "lunar-power-plant"}
    assert len(panel.chart.trend.lines) == 8
    for suffix in (".png", ".svg", ".pdf"):
        out = tmp_path / f"mta{suffix}"
        assert panel.export(str(out)) and out.stat().st_size > 1000
    panel.resize(1000, 700)
    image = panel.chart.grab().toImage()
    assert image.width() > 0


def test_why_panel_explains_the_basic_station_slip(qtbot, ilrs_doc):
    panel = WhyPanel(ilrs_doc)
    qtbot.addWidget(panel)
    panel.baseline_combo.setCurrentIndex(panel.baseline_combo.findData("2022-11-22 Wu Weiren: basic structure by 2028"))
    result = panel.result
    assert result.key == "ilrs-basic" and result.slip_days == (date(2035, 12, 31) - date(2028, 12, 31)).days
    assert "moved <b>+7 y (2,556 d)</b>" in panel.headline.text()  # "by 2028" to "2035": years, then days
    titles = [panel.tree.topLevelItem(i).text(1) for i in range(panel.tree.topLevelItemCount())]
    assert titles[:2] == ["Changes", "Driving chain now"]


def test_what_if_preview_highlights_and_apply_is_one_undo_step(qtbot, ilrs_doc):
    highlights = []
    panel = WhatIfPanel(ilrs_doc, highlight=highlights.append)
    qtbot.addWidget(panel)
    change8 = ilrs_doc.project.task_by_key("change-8").id
    basic = ilrs_doc.project.task_by_key("ilrs-basic").id
    before = ilrs_doc.schedule.tasks[basic].early_start
    ilrs_doc.set_selection([change8])  # the panel follows the selection
    panel.days_spin.setValue(400)
    qtbot.mouseClick(panel.preview_button, Qt.MouseButton.LeftButton)
    assert change8 in highlights[-1] and basic in highlights[-1]
    assert ilrs_doc.schedule.tasks[basic].early_start == before  # preview only
    assert panel.table.rowCount() == len(panel.preview.moves) and "ilrs-basic" in panel.headline.text()
    depth = ilrs_doc.undo_stack.count()
    qtbot.mouseClick(panel.apply_button, Qt.MouseButton.LeftButton)
    assert ilrs_doc.undo_stack.count() == depth + 1 and highlights[-1] == {}
    # Chang'e 8 runs through 31 December 2029 and ILRS-1 starts the next day: no slack between them.
    assert (ilrs_doc.schedule.tasks[basic].early_start - before).days == 400
    ilrs_doc.undo_stack.undo()
    assert ilrs_doc.schedule.tasks[basic].early_start == before


def test_what_if_refuses_history_in_place(qtbot, ilrs_doc):
    panel = WhatIfPanel(ilrs_doc)
    qtbot.addWidget(panel)
    panel.task_combo.setCurrentIndex(panel.task_combo.findData(ilrs_doc.project.task_by_key("change-6").id))
    panel.run_preview()
    assert "history cannot slip" in panel.message.text() and not panel.apply_button.isEnabled()


def test_risk_worker_finishes_and_results_are_shown(qtbot, ilrs_doc):
    whiskers = []
    panel = RiskPanel(ilrs_doc, whiskers=whiskers.append)
    qtbot.addWidget(panel)
    panel.iterations.setValue(2000)
    panel.target.setDate(QDate(2035, 12, 31))
    qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    assert not panel.run_button.isEnabled() and panel.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: panel.worker is None, timeout=20000)
    assert panel.result is not None and panel.progress.value() == 100
    basic = ilrs_doc.project.task_by_key("ilrs-basic").id
    assert panel.chance.text().startswith("chance ") and panel.table.rowCount() > 0
    assert panel.distribution_chart.bars == 40 and panel.tornado.keys[0] == "ilrs-1-5"
    ticks = panel.tornado.getPlotItem().getAxis("left")._tickLevels[0]
    assert ticks[0][1] == "ILRS-1 to ILRS-5 construction missions"  # names on the axis, not keys
    names = {panel.table.item(row, 0).text() for row in range(panel.table.rowCount())}
    assert "ILRS basic station complete" in names and "ilrs-basic" not in names
    window = panel.open_window()
    qtbot.addWidget(window)
    assert window.isVisible() and window.width() >= 700 and window.windowTitle().startswith("Schedule risk")
    p50, p80 = whiskers[-1][basic]
    assert p50 < p80 and (p50, p80) == tuple(panel.result.percentiles(basic, (50, 80)).values())
    panel.show_whiskers.setChecked(False)
    assert whiskers[-1] == {}


def test_risk_run_can_be_cancelled(qtbot, ilrs_doc):
    panel = RiskPanel(ilrs_doc)
    qtbot.addWidget(panel)
    panel.iterations.setValue(200_000)
    panel.start()
    panel.cancel()
    qtbot.waitUntil(lambda: panel.worker is None, timeout=20000)
    assert panel.result is None and panel.message.text() == "Cancelled." and panel.run_button.isEnabled()


def test_risk_result_is_set_aside_when_the_plan_changed_meanwhile(qtbot, ilrs_doc):
    from ilrs_planner.commands.tasks import SetDuration

    panel = RiskPanel(ilrs_doc)
    qtbot.addWidget(panel)
    panel.iterations.setValue(3000)
    panel.start()
    ilrs_doc.push(SetDuration(ilrs_doc.project.task_by_key("change-8").id, 500))  # the user keeps editing
    qtbot.waitUntil(lambda: panel.worker is None, timeout=20000)
    assert panel.result is None and "set aside" in panel.message.text()


def test_main_window_gets_the_analysis_menu_and_docks(qtbot, small_doc):
    from ilrs_planner.qt.main_window import MainWindow

    window = MainWindow(small_doc)
    qtbot.addWidget(window)
    titles = [a.text().replace("&", "") for a in window.menus["analysis"].actions() if a.text()]  # mnemonics aside
    assert {"Baselines", "Slip report", "Milestone trend", "Schedule risk (Monte Carlo)"} <= set(titles)
    window.analysis.show("risk")
    assert window.analysis.docks["risk"].isVisibleTo(window)


def test_risk_results_survive_a_baseline_capture_but_not_a_date_change(qtbot, ilrs_doc):
    from ilrs_planner.commands.baselines import CaptureBaseline
    from ilrs_planner.commands.tasks import SetDuration

    panel = RiskPanel(ilrs_doc)
    qtbot.addWidget(panel)
    panel.iterations.setValue(1000)
    panel.start()
    qtbot.waitUntil(lambda: panel.worker is None, timeout=20000)
    assert panel.result is not None
    ilrs_doc.push(CaptureBaseline("after the run", date(2026, 11, 22), schedule=ilrs_doc.schedule))
    assert panel.result is not None  # a snapshot does not change any date
    ilrs_doc.push(SetDuration(ilrs_doc.project.task_by_key("change-8").id, 500))
    assert panel.result is None and "run the simulation again" in panel.message.text()


def test_closing_the_panel_during_a_run_is_safe(qtbot, ilrs_doc):
    from ilrs_planner.qt.analysis.kept_thread import RUNNING, stop_all

    panel = RiskPanel(ilrs_doc)
    panel.iterations.setValue(200_000)
    panel.start()
    worker = panel.worker
    panel.close()
    panel.deleteLater()
    qtbot.wait(10)  # the panel is gone; its worker is still owned by the registry
    assert worker in RUNNING
    stop_all()
    qtbot.waitUntil(lambda: worker not in RUNNING, timeout=20000)


def test_the_trend_chart_opens_in_its_own_large_window(qtbot, ilrs_doc):
    panel = MtaPanel(ilrs_doc)
    qtbot.addWidget(panel)
    window = panel.open_window()
    qtbot.addWidget(window)
    chart = window.findChild(MtaChartWidget)
    assert window.isVisible() and chart.trend is panel.chart.trend
    assert window.width() > 2 * 280 and window.height() > 420  # not the dock's sliver


def test_a_baseline_is_classified_from_its_seen_by_list_and_a_partner_copy_leaves_it_out(qtbot, small_doc):
    panel = BaselinePanel(small_doc)
    qtbot.addWidget(panel)
    panel.show()
    combo = panel.table.cellWidget(0, LEVEL_COLUMN)
    assert combo.currentText() == "Everyone"
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_Down)  # Everyone → Partners
    QTest.keyClick(panel.table.cellWidget(0, LEVEL_COLUMN), Qt.Key.Key_Down)  # → Restricted
    assert small_doc.project.baselines[0].classification == Classification.RESTRICTED
    assert panel.table.cellWidget(0, LEVEL_COLUMN).currentText() == "Restricted"
    assert redact_project(small_doc.project, "partners").baselines == []
    small_doc.undo_stack.undo()
    assert small_doc.project.baselines[0].classification == Classification.PARTNERS
    assert panel.table.cellWidget(0, LEVEL_COLUMN).currentText() == "Partners"


def test_slip_report_shows_finishes_as_last_days_and_a_milestone_on_its_day(qtbot, ilrs_doc):
    panel = SlipPanel(ilrs_doc)
    qtbot.addWidget(panel)
    panel.compare("2024-09-05 Wu Yanhua: basic 2035 (extended about 2050: an alternative)", None)
    rows = {panel.proxy.index(r, 0).data(): r for r in range(panel.proxy.rowCount())}
    finish, baseline_finish = HEADERS.index("Finish"), HEADERS.index("Baseline finish")
    assert panel.proxy.index(rows["ilrs-extended"], finish).data() == "2045"  # "by 2045": known to the year
    build_out = rows["ilrs-full"]
    assert panel.proxy.index(build_out, finish).data() == "2045"  # a year bar ends in its year, not 1 January after
    assert panel.proxy.index(build_out, baseline_finish).data() == "2040"  # "2030 to 2040" then
    assert panel.proxy.index(rows["change-6"], finish).data() == "2024-06-25"  # samples landed: its last day


def test_slip_report_reads_a_baseline_as_precisely_as_it_was_announced(qtbot, ilrs_doc):
    panel = SlipPanel(ilrs_doc)
    qtbot.addWidget(panel)
    panel.compare("2019-10-08 Russian Luna schedule (Zeleny, IKI RAS)", None)
    rows = {panel.proxy.index(r, 0).data(): r for r in range(panel.proxy.rowCount())}
    luna = rows["luna-25"]  # "2021" then, though it has flown since, to the day
    cells = [panel.proxy.index(luna, HEADERS.index(h)).data() for h in ("Baseline start", "Baseline finish",
                                                                          "Start", "Finish")]
    assert cells == ["2021", "2021", "2023-08-11", "2023-08-19"]
    tip = panel.proxy.index(luna, HEADERS.index("Baseline finish")).data(Qt.ItemDataRole.ToolTipRole)
    assert "Baseline dates known to the year only" in tip and "Current dates" not in tip


def test_why_panel_explains_no_other_task_than_the_one_chosen_when_its_key_is_shared(qtbot, ilrs_doc):
    # The panel passes the chosen task's key on; with the key shared, the first task holding it was
    # explained instead. It is now refused, naming both, and the panel opens without a preselection.
    project = ilrs_doc.project
    basic = project.task_by_key("ilrs-basic").id
    project.task_by_key("change-8").key = "ilrs-basic"  # a partner's plan may reuse a key
    panel = WhyPanel(ilrs_doc)
    qtbot.addWidget(panel)
    panel.task_combo.setCurrentIndex(panel.task_combo.findData(basic))
    panel.baseline_combo.setCurrentIndex(panel.baseline_combo.findData("2022-11-22 Wu Weiren: basic structure by 2028"))
    assert panel.result is None
    assert "2 tasks have the key 'ilrs-basic'" in panel.message.text()


def test_two_baselines_captured_today_without_a_status_date_stay_three_points_in_the_trend(qtbot, monkeypatch):
    """tests/reported_today.py as a planner makes it: 'Agreed' captured with the panel's date (today:
    the plan has no status date), Build lengthened, 'Re-plan' captured the same day, Build lengthened
    again. The trend keeps three points (12-16, 12-19, 12-23) side by side, and says the current plan
    is dated today for want of a status date."""
    from ilrs_planner.commands.tasks import SetDuration

    for module in ("mta_panel", "baselines_panel"):
        monkeypatch.setattr(f"ilrs_planner.qt.analysis.{module}.date", FrozenDate)
    plan = reported_today(REPORTED_ON)
    plan.baselines.clear()  # as it stood before either capture
    plan.tasks["build"].duration = 10
    document = Document(plan)
    baselines, trend = BaselinePanel(document), MtaPanel(document)
    qtbot.addWidget(baselines)
    qtbot.addWidget(trend)
    for name, days in (("Agreed", 13), ("Re-plan", 17)):
        baselines.name_edit.setText(name)
        qtbot.mouseClick(baselines.capture_button, Qt.MouseButton.LeftButton)
        document.push(SetDuration("build", days))
    assert [b.as_of for b in document.project.baselines] == [REPORTED_ON] * 2
    trend.refresh()
    trend.resize(1000, 600)
    picture = trend.chart.picture()
    (line,) = [ln for ln in picture.trend.lines if ln.key == "ship"]
    assert [day.isoformat() for _, day in line.points] == ["2026-12-16", "2026-12-19", "2026-12-23"]
    points = picture.line_points(picture.plot_rect(1000, 600), line)
    assert points[0].x() < points[1].x() < points[2].x()  # three reports, three points, not one
    assert "no status date: current plan as of today" in picture.subtitle
    assert trend.chart.grab().toImage().width() > 0


HEFEI = "2023-04-25 Hefei conference (Wu Weiren, Wu Yanhua)"


def test_a_year_announcement_against_a_day_reads_in_years_in_the_slip_report_and_the_task_table(qtbot, ilrs_doc):
    """Hefei, April 2023, said Chang'e 6 and Queqiao-2 'in 2024'; both flew in 2024 (2024-06-25 and
    2024-03-20): on time for what was said ('0 y', not slipped), not '+123 d' or '+79 d', a precision
    the announcement never had. The founding agreements, due in 2023, came in 2024: '+1 y', slipped."""
    from ilrs_planner.qt.models.task_columns import Column
    from ilrs_planner.qt.models.task_tree_model import TaskTreeModel

    panel = SlipPanel(ilrs_doc)
    qtbot.addWidget(panel)
    panel.show()
    panel.compare(HEFEI, None)
    rows = {panel.proxy.index(r, 0).data(): r for r in range(panel.proxy.rowCount())}
    for key, text in (("change-6", "0 y"), ("queqiao-2", "0 y"), ("ilrs-founding-agreements", "+1 y")):
        assert panel.proxy.index(rows[key], FINISH_VARIANCE).data() == text, key
    assert "counted in whole years" in panel.proxy.index(rows["change-6"], 0).data(Qt.ItemDataRole.ToolTipRole)
    qtbot.mouseClick(panel.slipped_only, Qt.MouseButton.LeftButton)  # what finishes later, as said
    shown = {panel.proxy.index(r, 0).data() for r in range(panel.proxy.rowCount())}
    assert "ilrs-founding-agreements" in shown and not {"change-6", "queqiao-2"} & shown
    ilrs_doc.set_baseline(HEFEI)  # the task table's Finish variance column, as the slip report reads it
    model = TaskTreeModel(ilrs_doc)
    for key, text in (("change-6", "0 y"), ("ilrs-founding-agreements", "+1 y")):
        task = ilrs_doc.project.task_by_key(key)
        assert model.index_of(task.id, int(Column.VARIANCE)).data() == text, key
    on_time = model.index_of(ilrs_doc.project.task_by_key("change-6").id, int(Column.VARIANCE))
    assert on_time.data(Qt.ItemDataRole.BackgroundRole) is None  # no early tint for 0 y
