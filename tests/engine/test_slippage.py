"""Slip reports: a baseline against the current schedule or another baseline, and their CSV."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from ilrs_planner.domain import Baseline, Link, PlannerError, Project, Task, TaskKind
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.engine.slippage import baseline_version, compare, report_csv, slip_report, write_report_csv

D = date


def _plan() -> Project:
    project = Project("Slips", D(2030, 1, 1))
    project.add_task(Task("lander", "Lander", 100, TaskKind.MISSION, id="lander", position=0))
    project.add_task(Task("=HYPERLINK(1)", "=cmd|' /C calc'!A0", 10, id="evil", position=1))
    project.add_task(Task("base", "Basic station", 0, TaskKind.MILESTONE, id="base", position=2))
    project.add_link(Link("lander", "base"))
    # The earliest baseline is added last: the default must go by "as of", not list order.
    project.baselines.append(Baseline("2024 plan", D(2024, 4, 25), {
        "lander": (D(2030, 1, 1), D(2030, 3, 1)), "base": (D(2030, 3, 1), D(2030, 3, 1))}))
    project.baselines.append(Baseline("2022 plan", D(2022, 11, 22), {
        "lander": (D(2030, 1, 11), D(2030, 2, 20)), "base": (D(2030, 5, 1), D(2030, 5, 1)),
        "evil": (D(2030, 1, 1), D(2030, 1, 11))}))
    return project


def test_default_is_the_earliest_baseline_against_the_current_schedule():
    project = _plan()
    report = slip_report(project, schedule(project))
    assert report.before.label == "2022 plan" and report.after.is_current
    lander = report.row("lander")
    # current: 2030-01-01 .. 2030-04-11 (100 days); baseline 2030-01-11 .. 2030-02-20
    assert (lander.current_start, lander.current_finish) == (D(2030, 1, 1), D(2030, 4, 11))
    assert lander.start_variance == -10 and lander.finish_variance == 50 and lander.slipped
    base = report.row("base")
    assert base.finish_variance == (D(2030, 4, 11) - D(2030, 5, 1)).days == -20
    assert not base.slipped
    assert [r.key for r in report.slipped()] == ["lander"]


def test_two_baselines_compared_with_each_other():
    project = _plan()
    report = slip_report(project, None, baseline="2022 plan", against="2024 plan")
    assert report.row("lander").finish_variance == 9  # 2030-02-20 -> 2030-03-01
    assert report.row("base").start_variance == -61
    evil = report.row("evil")  # only in one version: shown, without a variance
    assert evil.current_start is None and evil.finish_variance is None and not evil.slipped


def test_rows_follow_the_wbs_and_leave_out_tasks_in_neither_version():
    project = _plan()
    project.add_task(Task("new", "New task", 5, id="new", position=3))
    report = compare(project, baseline_version(project.baselines[0]), baseline_version(project.baselines[1]))
    assert [r.key for r in report.rows] == ["lander", "=HYPERLINK(1)", "base"]


def test_unknown_or_missing_baselines_are_clear_errors():
    project = _plan()
    with pytest.raises(PlannerError) as err:
        slip_report(project, schedule(project), baseline="2099 plan")
    assert err.value.code == "baseline.unknown" and "2022 plan" in err.value.message
    project.baselines.clear()
    with pytest.raises(PlannerError) as err:
        slip_report(project, schedule(project))
    assert err.value.code == "baseline.unknown"


def test_csv_has_signed_variances_and_defuses_formulas(tmp_path):
    project = _plan()
    report = slip_report(project, schedule(project))
    rows = list(csv.DictReader(io.StringIO(report_csv(report))))
    lander = next(r for r in rows if r["key"] == "lander")
    assert lander["finish_variance_working_days"] == "50" and lander["start_variance_working_days"] == "-10"
    # a finish in the CSV is the last day of work, the day before the exclusive 2030-02-20
    assert lander["baseline_finish"] == "2030-02-19" and lander["slipped"] == "yes"
    evil = next(r for r in rows if "HYPERLINK" in r["key"])
    assert evil["key"].startswith("'=") and evil["name"].startswith("'=")
    path = tmp_path / "slips.csv"
    write_report_csv(report, path)
    assert path.read_text(encoding="utf-8") == report_csv(report)


def test_csv_write_failure_names_the_path(tmp_path):
    project = _plan()
    report = slip_report(project, schedule(project))
    with pytest.raises(PlannerError) as err:
        write_report_csv(report, tmp_path / "missing-dir" / "slips.csv")
    assert err.value.code == "export.failed" and "missing-dir" in err.value.message


def test_json_form_uses_iso_dates():
    project = _plan()
    data = slip_report(project, schedule(project)).to_dict()
    assert data["baseline"] == {"name": "2022 plan", "as_of": "2022-11-22", "current": False}
    lander = next(t for t in data["tasks"] if t["key"] == "lander")
    assert lander["current_finish"] == "2030-04-11" and lander["slipped"] is True


def test_a_phase_is_not_a_milestone_in_the_report():
    """A phase stores no duration of its own (0), yet it spans its tasks: never a milestone."""
    project = _plan()
    project.add_task(Task("ph", "Phase", 0, TaskKind.PHASE, id="ph", position=3))
    project.tasks["lander"].parent_id = "ph"
    project.baselines.append(Baseline("with phase", D(2025, 1, 1), {
        "ph": (D(2030, 1, 1), D(2030, 3, 1)), "base": (D(2030, 3, 1), D(2030, 3, 1))}))
    rows = {row.key: row for row in slip_report(project, schedule(project), "with phase").rows}
    assert not rows["ph"].is_milestone and rows["base"].is_milestone
