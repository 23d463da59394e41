"""The command line's risk, slip and trend figures are the window's docks' for the same plan and the same
choices: a figure reported from one can be checked in the other."""

from __future__ import annotations

import copy
import json
import re
from datetime import date

from PySide6.QtCore import Qt

from ilrs_planner.cli import main
from ilrs_planner.domain import Precision, format_fuzzy_date
from ilrs_planner.qt.analysis.mta_labels import _detail as _legend_detail
from ilrs_planner.qt.analysis.mta_panel import MtaPanel
from ilrs_planner.qt.analysis.risk_panel import RiskPanel
from ilrs_planner.qt.analysis.slip_panel import SlipPanel
from ilrs_planner.qt.document import Document
from ilrs_planner.store import save_project


def _cli_json(capsys, *argv) -> dict:
    capsys.readouterr()
    assert main([str(a) for a in argv]) == 0
    return json.loads(capsys.readouterr().out)


def _saved_and_shown(qtbot, tmp_path, reference, panel_type):
    """The roadmap saved for the command line, and a dock of `panel_type` on a copy of it in the window."""
    path = tmp_path / "ilrs.db"
    save_project(reference, path)
    panel = panel_type(Document(copy.deepcopy(reference)))
    qtbot.addWidget(panel)
    return path, panel


def test_risk_without_a_seed_prints_what_the_risk_panel_shows_by_default(qtbot, tmp_path, capsys, _reference):
    path, panel = _saved_and_shown(qtbot, tmp_path, _reference, RiskPanel)
    panel.iterations.setValue(1000)  # seed and distribution as the panel opens
    qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.worker is None, timeout=60000)
    shown = {panel.table.item(r, 0).text(): [panel.table.item(r, c).text() for c in range(1, 8)]
             for r in range(panel.table.rowCount())}
    data = _cli_json(capsys, "risk", path, "--iterations", "1000", "--json")
    assert data["seed"] == panel.seed.value() and data["distribution"] == panel.distribution.currentText()
    printed = {}
    for m in data["milestones"]:
        if m["history"]:
            continue  # reached already: neither lists it
        at = Precision(m["precision"])
        dates = [format_fuzzy_date(date.fromisoformat(m[p]), at) for p in ("p10", "p50", "p80", "p90")]
        planned = format_fuzzy_date(date.fromisoformat(m["planned"]), at) if m["planned"] else ""
        on_plan = "not modelled" if not m["modelled"] else f"{m['chance_of_planned']:.0%}"
        printed[m["name"]] = [planned, on_plan, *dates, f"{m['criticality']:.0%}"]
    assert len(shown) > 5 and shown == printed


def test_slip_prints_each_variance_the_slip_panel_shows_for_the_same_baseline(qtbot, tmp_path, capsys, _reference):
    path, panel = _saved_and_shown(qtbot, tmp_path, _reference, SlipPanel)
    panel.reload()
    baseline = panel.baseline_combo.currentData()
    model = panel.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    columns = [headers.index(h) for h in ("Name", "Baseline\nfinish", "Finish", "Start\nvar.", "Finish\nvar.", "Basis")]
    shown = [tuple(model.index(r, c).data() for c in columns) for r in range(model.rowCount())]
    capsys.readouterr()
    assert main(["slip", str(path), "--baseline", baseline]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(baseline)
    slipped = [row for row in shown if row[4].startswith("+")]
    assert len(slipped) > 5
    for name, was, now, start_variance, finish_variance, basis in slipped:
        # The command prints: ID, name (cut at 40), baseline finish, finish, start var., finish var., basis.
        row = next(line for line in lines[1:] if f"  {name[:39]}" in line)
        for cell in (was, now, start_variance, finish_variance, basis):
            assert re.search(rf"(^|  ){re.escape(cell)}(  |$)", row), (cell, row)


def test_mta_prints_each_line_the_trend_panel_draws(qtbot, tmp_path, capsys, _reference):
    path, panel = _saved_and_shown(qtbot, tmp_path, _reference, MtaPanel)
    panel.refresh()
    drawn = panel.chart.trend.lines
    capsys.readouterr()
    assert main(["mta", str(path)]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert len(drawn) >= 5
    for line in drawn:  # the legend's first and latest forecast and slip, on the command's line
        row = next(text for text in printed if text.startswith(f"'{line.name}' ({line.key})"))
        first, latest = line.point_text(0), line.point_text(-1)
        assert f"{first} -> {latest}" in " ".join(row.split()), row
        assert f" {line.total_slip_text} over {len(line.points)} reports" in row, row
        moves = line.moves()
        if len(moves) > 1:  # the forecasts the legend names it passing through, each move on the command's line
            assert all(f"{m.text} on {m.as_of} (to {m.now})" in row for m in moves), row
            assert all(m.now in _legend_detail(line) for m in moves[-1:])
