"""Milestone trend analysis data: one point per report, forecasts as the plan states them."""

from __future__ import annotations

import json
from datetime import date

import pytest
from reported_today import reported_today
from six_weeks import six_weeks

from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.domain import Baseline, Link, PlannerError, Precision, Project, Task, TaskKind
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.engine.mta import DEFAULT_MILESTONES, TrendLine, default_milestone_keys, milestone_trend

D = date


def _plan() -> Project:
    project = Project("MTA", D(2030, 1, 1), status_date=D(2026, 6, 1))
    project.add_task(Task("probe", "Probe", 365, TaskKind.MISSION, id="probe", position=0))
    project.add_task(Task("goal", "Goal", 0, TaskKind.MILESTONE, id="goal", position=1))
    project.add_link(Link("probe", "goal"))
    # Listed out of order on purpose: reports go by their "as of" date.
    project.baselines.append(Baseline("late", D(2024, 1, 1), {"probe": (D(2029, 1, 1), D(2030, 1, 1)),
                                                              "goal": (D(2030, 1, 1), D(2030, 1, 1))}))
    project.baselines.append(Baseline("early", D(2021, 1, 1), {"probe": (D(2027, 1, 1), D(2028, 1, 1))}))
    return project


def test_points_follow_report_dates_and_end_at_the_status_date():
    project = _plan()
    trend = milestone_trend(project, schedule(project), ["probe", "goal"])
    assert [r.as_of for r in trend.reports] == [D(2021, 1, 1), D(2024, 1, 1), D(2026, 6, 1)]
    probe, goal = trend.lines
    # A task is done on its last day (finish is exclusive); a milestone on its date.
    assert probe.points == ((D(2021, 1, 1), D(2027, 12, 31)), (D(2024, 1, 1), D(2029, 12, 31)),
                            (D(2026, 6, 1), D(2030, 12, 31)))
    assert probe.total_slip_days == (D(2030, 12, 31) - D(2027, 12, 31)).days
    # The goal sits at the end of the probe's last day and is shown on that day, as MS Project shows
    # it; the baseline keeps its point (the day after) and reads it the same way. Unknown in 2021.
    assert goal.points == ((D(2024, 1, 1), D(2029, 12, 31)), (D(2026, 6, 1), D(2030, 12, 31)))
    assert trend.axis_from == D(2021, 1, 1) and trend.axis_to.year == 2032  # two years past 2030-12-31


def test_without_a_schedule_only_the_baselines_are_reports():
    trend = milestone_trend(_plan(), None, ["probe"])
    assert [r.label for r in trend.reports] == ["early", "late"]


def test_unknown_keys_and_empty_history_are_clear_errors():
    project = _plan()
    with pytest.raises(PlannerError) as err:
        milestone_trend(project, schedule(project), ["nope"])
    assert err.value.code == "task.unknown"
    project.baselines.clear()
    project.status_date = None
    with pytest.raises(PlannerError) as err:
        milestone_trend(project, schedule(project), ["goal"])
    assert err.value.code == "baseline.unknown"


def test_fallback_milestones_when_the_roadmap_keys_are_absent():
    assert default_milestone_keys(_plan()) == ["goal"]


def test_ilrs_roadmap_shows_the_real_history():
    project = build_reference_project()
    assert default_milestone_keys(project) == list(DEFAULT_MILESTONES)
    lines = {ln.key: ln for ln in milestone_trend(project, schedule(project)).lines}
    assert set(lines) == set(DEFAULT_MILESTONES)
    first, last = lines["ilrs-basic"].points[0][1], lines["ilrs-basic"].points[-1][1]
    assert (first.year, last.year) == (2028, 2035)  # "by 2028" (2022) became "by 2035"
    assert lines["luna-26"].points[-1][1].year == 2028 and lines["luna-26"].total_slip_days > 3 * 365
    assert lines["change-7"].points[0][1].year == 2024
    # Not flown by the status date, so its forecast runs from the status date on, not in the past.
    assert lines["change-7"].points[-1][1] > project.status_date
    assert lines["crewed-landing"].total_slip_days < 0  # pulled forward to before 2030
    assert all(len(ln.points) >= 2 for ln in lines.values())


def test_a_forecast_moved_and_moved_back_lists_both_moves_not_no_change():
    """Chang'e 8: 'late 2020s' (by 2029) in 2020, 'around 2028' at Hefei 2023-04-25 and from Wang Qiong
    2024-11-15, 'around 2029' on Space Day 2025-04-24 (ilrs-facts.csv): first and last forecast agree."""
    project = build_reference_project()
    (line,) = milestone_trend(project, schedule(project), ["change-8"]).lines
    assert (line.point_text(0), line.point_text(-1), line.total_slip_days) == ("2029", "2029", 0)
    moves = [(m.as_of, m.was, m.now, m.text) for m in line.moves()]
    assert moves == [(D(2023, 4, 25), "2029", "2028", "-1 y"), (D(2025, 4, 24), "2028", "2029", "+1 y")]


def test_a_forecast_known_better_is_not_a_move():
    """Chang'e 7: '2026' (2023-04-25), then 'the second half of 2026' (2026-04-13), read as 2026-12."""
    project = build_reference_project()
    (line,) = milestone_trend(project, schedule(project), ["change-7"]).lines
    texts = [line.point_text(n) for n in range(len(line.points))]
    assert "2026" in texts and "2026-12" in texts
    assert [(m.was, m.now) for m in line.moves() if m.was.startswith("2026")] == [("2026-12", "2027-06")]


def test_a_quarter_known_better_is_not_a_move_and_a_quarter_left_is():
    """'2026', then 'Q3 2026', then '2026-07' (within Q3), then '2026-10' (out of Q3), then 'Q4 2026'."""
    year, quarter, month = Precision.YEAR, Precision.QUARTER, Precision.MONTH
    points = ((D(2022, 1, 1), D(2026, 12, 31)), (D(2023, 1, 1), D(2026, 9, 30)), (D(2024, 1, 1), D(2026, 7, 31)),
              (D(2025, 1, 1), D(2026, 10, 31)), (D(2025, 6, 1), D(2026, 12, 31)))
    line = TrendLine("lander", "lander", "Lander", points, month, (year, quarter, month, month, quarter))
    assert [line.point_text(n) for n in range(5)] == ["2026", "Q3 2026", "2026-07", "2026-10", "Q4 2026"]
    assert [(m.as_of, m.was, m.now) for m in line.moves()] == [(D(2025, 1, 1), "2026-07", "2026-10")]


def test_the_mta_summary_says_every_move_of_a_milestone_that_came_back(tmp_path, capsys):
    from ilrs_planner.cli import main
    from ilrs_planner.store import save_project

    path = tmp_path / "ilrs.db"
    save_project(build_reference_project(), path)
    assert main(["mta", str(path), "--milestones", "change-8"]) == 0
    out = capsys.readouterr().out
    assert "net 0 y over 32 reports; moved -1 y on 2023-04-25 (to 2028), +1 y on 2025-04-24 (to 2029)" in out
    assert main(["mta", str(path), "--milestones", "change-8", "--json"]) == 0
    (milestone,) = json.loads(capsys.readouterr().out)["milestones"]
    assert [(m["report"], m["from"], m["to"]) for m in milestone["moves"]] == [
        ("2023-04-25", "2029", "2028"), ("2025-04-24", "2028", "2029")]


def test_a_six_week_plans_axes_fit_its_weeks_with_a_margin():
    trend = milestone_trend(six_weeks(), schedule(six_weeks()), ["ship"])
    # Reports from 2027-01-04, forecasts to 2027-03-04: 59 days, a tenth (5) less than a week, so a week
    # each side, widened to Mondays: 2026-12-28 (a Monday) to Monday 2027-03-15 (past 03-12 with the day).
    assert (trend.axis_from, trend.axis_to) == (D(2026, 12, 28), D(2027, 3, 15))


def test_a_plan_of_a_year_and_a_half_runs_its_axes_from_month_to_month():
    project = _plan()
    project.baselines = [Baseline("then", D(2029, 9, 10), {"goal": (D(2030, 6, 1), D(2030, 6, 1))})]
    project.status_date = D(2030, 1, 1)  # the plan's start: the probe's year is 2030
    trend = milestone_trend(project, schedule(project), ["goal"])
    # 2029-09-10 to the goal's 2030-12-31 now: 477 days, 47 each side: 2029-07-25 to 2031-02-17 (and the
    # day), the first of July 2029 to the first of March 2031.
    assert (trend.axis_from, trend.axis_to) == (D(2029, 7, 1), D(2031, 3, 1))


def test_reports_of_one_day_stay_reports_of_their_own_and_a_missing_status_date_is_said():
    """tests/reported_today.py: 'Agreed' and 'Re-plan' as of 2026-12-03, no status date, reported
    that day: three reports, three points, the second and third set after the first of their day."""
    day = D(2026, 12, 3)
    trend = milestone_trend(reported_today(day), schedule(reported_today(day)), ["ship"], today=day)
    assert [(r.label, r.as_of, r.status_set) for r in trend.reports] == [
        ("Agreed", day, True), ("Re-plan", day, True), ("current plan (today: no status date)", day, False)]
    (ship,) = trend.lines
    assert ship.points == ((day, D(2026, 12, 16)), (day, D(2026, 12, 19)), (day, D(2026, 12, 23)))
    assert ship.same_day == (0, 1, 2)
    assert [(m.was, m.now) for m in ship.moves()] == [("2026-12-16", "2026-12-19"), ("2026-12-19", "2026-12-23")]
    assert trend.to_dict()["reports"][-1] == {"name": "current plan (today: no status date)",
                                              "as_of": "2026-12-03", "current": True, "status_date": None}
    dated = reported_today(day)
    dated.status_date = D(2026, 12, 10)  # a status date: the current plan is its own day's only report
    trend = milestone_trend(dated, schedule(dated), ["ship"], today=day)
    assert trend.reports[-1].status_set and trend.lines[0].same_day == (0, 1, 0)
