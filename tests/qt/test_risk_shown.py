"""The risk panel shows each milestone's P-dates at the precision the plan knows it to, and opens
on the plan's own milestone and date (the roadmap: ILRS basic station by 2035-12-31)."""

from __future__ import annotations

import copy
from datetime import date

from PySide6.QtCore import QDate, Qt

from ilrs_planner.domain import Link, Precision, Project, Task, TaskKind
from ilrs_planner.qt.analysis.risk_panel import RiskPanel
from ilrs_planner.qt.document import Document


def _row_cells(panel: RiskPanel, name: str) -> list[str]:
    row = next(r for r in range(panel.table.rowCount()) if panel.table.item(r, 0).text() == name)
    return [panel.table.item(row, c).text() for c in range(3, 7)]  # P10 to P90


def test_a_milestone_known_to_the_year_shows_its_years_and_one_known_to_the_month_its_months(qtbot, _reference):
    panel = RiskPanel(Document(copy.deepcopy(_reference)))
    qtbot.addWidget(panel)
    panel.iterations.setValue(500)
    qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.worker is None, timeout=30000)
    lm9 = panel.document.project.task_by_key("lm9")  # planned "2033", no spread: 2033 at every level
    assert lm9.precision is Precision.YEAR and _row_cells(panel, lm9.name) == ["2033"] * 4
    basic = _row_cells(panel, "ILRS basic station complete")
    assert all(len(text) == 4 and text.isdigit() for text in basic) and basic == sorted(basic)
    # The roadmap's milestones still ahead are all known to the year: one known to the month, on a plan of its own.
    project = Project("Window", date(2031, 1, 6))
    project.add_task(Task("build", "Build", 20, TaskKind.MISSION, id="build", position=0))
    project.add_task(Task("window", "Launch window opens", 0, TaskKind.MILESTONE, id="window", position=1,
                          precision=Precision.MONTH))
    project.add_link(Link("build", "window"))
    panel = RiskPanel(Document(project))
    qtbot.addWidget(panel)
    panel.iterations.setValue(500)
    qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.worker is None, timeout=30000)
    cells = _row_cells(panel, "Launch window opens")
    assert all(len(text) == 7 and text[4] == "-" for text in cells) and cells == sorted(cells)  # "2031-02"


def _launch_plan() -> Project:
    """Build (20 d from 2031-03-03) → Launch (key milestone), then a later Review milestone that is not key."""
    project = Project("Launch campaign", date(2031, 3, 3))
    project.add_task(Task("build", "Build", 20, id="build", position=0))
    project.add_task(Task("launch", "Launch", 0, id="launch", position=1, key_milestone=True))
    project.add_task(Task("review", "Review", 0, id="review", position=2))
    project.add_link(Link("build", "launch", id="l1"))
    project.add_link(Link("launch", "review", lag=10, id="l2"))
    return project


def test_the_panel_opens_on_the_plans_own_key_milestone_and_date_and_follows_another_plan(qtbot, _reference):
    document = Document(_launch_plan())
    panel = RiskPanel(document)
    qtbot.addWidget(panel)
    assert panel.milestone.currentData() == "launch"  # the key milestone, not the later review
    assert panel.target.date() == QDate(2031, 3, 22)  # the build's 20th day, which the launch is shown on
    document.replace_project(copy.deepcopy(_reference), None)
    basic = document.project.task_by_key("ilrs-basic").id
    assert panel.milestone.currentData() == basic and panel.target.date() == QDate(2035, 12, 31)


def _run(qtbot, panel: RiskPanel) -> None:
    panel.iterations.setValue(300)
    qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.worker is None, timeout=30000)


def test_the_panel_says_how_many_tasks_ran_on_default_spreads_and_which(qtbot, _reference):
    panel = RiskPanel(Document(copy.deepcopy(_reference)))
    qtbot.addWidget(panel)
    assert panel.spreads.text() == ""  # nothing run yet, nothing to qualify
    _run(qtbot, panel)
    project = panel.document.project
    summaries = project.summary_ids()
    defaulted = [t for t in project.tasks.values()  # leaves of some length, not under way, no own estimate
                 if t.id not in summaries and t.duration > 0 and t.kind is not TaskKind.MILESTONE
                 and not (t.actual_start or t.actual_finish) and not t.has_estimate]
    missions = sum(t.kind is TaskKind.MISSION for t in defaulted)
    assert panel.spreads.text().startswith(f"Default spreads: {len(defaulted)} of {len(defaulted)} varying tasks")
    assert f"mission -10%/+60% ({missions})" in panel.spreads.text()
    tip = panel.spreads.toolTip()
    assert "mission -10%/+60%:" in tip and all(t.key in tip for t in defaulted)


def test_a_milestone_nothing_varies_reads_not_modelled_in_the_table_and_beside_the_date(qtbot, _reference):
    panel = RiskPanel(Document(copy.deepcopy(_reference)))
    qtbot.addWidget(panel)
    _run(qtbot, panel)
    lm9 = panel.document.project.task_by_key("lm9")  # planned "2033", nothing before it
    row = next(r for r in range(panel.table.rowCount()) if panel.table.item(r, 0).text() == lm9.name)
    assert panel.table.item(row, 2).text() == "not modelled"
    assert "nothing before it varies" in panel.table.item(row, 2).toolTip()
    names = [panel.table.item(r, 0).text() for r in range(panel.table.rowCount())]
    basic = names.index("ILRS basic station complete")
    assert panel.table.item(basic, 2).text().endswith("%")
    panel.milestone.setCurrentIndex(panel.milestone.findData(lm9.id))
    assert panel.chance.text() == "not modelled"
