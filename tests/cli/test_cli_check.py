"""`ilrs-planner check`: the schedule check's table, its JSON, and its exit status."""

from __future__ import annotations

import json
from datetime import date

import pytest

from ilrs_planner.cli import main
from ilrs_planner.domain import Baseline, Link, LinkType, Project, Task, TaskKind
from ilrs_planner.store import save_project

D = date


def _chain(tmp_path, name: str = "chain.db", lead: bool = False):
    """start -> work 30 d -> test 20 d -> done: every link finish-to-start, every task short. With
    `lead`, test starts 5 days before work ends (a lead, which DCMA allows none of)."""
    project = Project("Chain", D(2030, 1, 1))
    for key, duration in (("start", 0), ("work", 30), ("test", 20), ("done", 0)):
        kind = TaskKind.MILESTONE if duration == 0 else TaskKind.TASK
        project.add_task(Task(key, f"{key.title()} task", duration, kind, id=key, position=len(project.tasks)))
    for pred, succ in (("start", "work"), ("work", "test"), ("test", "done")):
        project.add_link(Link(pred, succ, LinkType.FS, -5 if lead and succ == "test" else 0, id=succ))
    path = tmp_path / name
    save_project(project, path)
    return path, project


def test_a_sound_plan_passes_every_check_and_exits_0(tmp_path, capsys):
    path, _project = _chain(tmp_path)
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[1].split() == ["#", "Check", "Threshold", "Failing", "Share", "Result"]
    logic = next(line for line in lines if line.startswith("1 "))
    assert logic.split()[1:] == ["Logic", "<=", "5", "%", "0", "of", "4", "0.0", "%", "PASS"]
    assert out.rstrip().endswith("Every check passed.")
    assert "Missed tasks (N/A): the plan has no baseline" in out


def test_a_failing_check_lists_its_tasks_and_exits_1(tmp_path, capsys):
    path, _project = _chain(tmp_path, lead=True)
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    leads = next(line for line in out.splitlines() if line.startswith("2 "))
    assert leads.split()[-1] == "FAIL" and "1 of 3" in leads
    listing = out.split("Leads (FAIL): 1 of 3 links to incomplete tasks\n", 1)[1].splitlines()[0]
    assert listing.split() == ["test", "Test", "task", "FS-5", "d", "from", "work"]
    assert out.rstrip().endswith("1 checks failed: Leads")


def test_a_threshold_changed_on_the_command_line_decides_the_exit_status(tmp_path, capsys):
    path, _project = _chain(tmp_path, lead=True)
    assert main(["check", str(path), "--threshold", "leads=1"]) == 0
    assert "Leads               <= 1" in capsys.readouterr().out


def test_json_gives_every_check_in_order_with_stable_fields(tmp_path, capsys):
    path, _project = _chain(tmp_path, lead=True)
    assert main(["check", str(path), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert list(data) == ["passed", "status_date", "baseline", "thresholds", "checks"]
    assert data["passed"] is False and data["thresholds"]["high_float_days"] == 44
    assert [c["key"] for c in data["checks"]] == [
        "logic", "leads", "lags", "relationship_types", "hard_constraints", "high_float", "negative_float",
        "high_duration", "invalid_dates", "resources", "missed_tasks", "critical_path_test", "cpli", "bei",
        "open_ends", "summary_links"]
    assert [c["number"] for c in data["checks"][:14]] == list(range(1, 15))
    leads = data["checks"][1]
    assert list(leads) == ["key", "number", "name", "threshold", "status", "failing", "eligible", "value", "note",
                           "tasks"]
    assert (leads["status"], leads["failing"], leads["eligible"]) == ("fail", 1, 3)
    assert leads["tasks"] == [{"id": "test", "key": "test", "name": "Test task", "value": "FS-5 d from work"}]


def test_the_baseline_is_chosen_by_number_and_the_latest_by_default(tmp_path, capsys):
    path, project = _chain(tmp_path)
    project.status_date = D(2030, 2, 1)
    early = {"start": (D(2030, 1, 1),) * 2, "work": (D(2030, 1, 1), D(2030, 1, 31))}
    late = {"start": (D(2030, 1, 1),) * 2, "work": (D(2030, 1, 1), D(2030, 3, 1))}
    project.baselines += [Baseline("Early", D(2029, 1, 1), early), Baseline("Late", D(2029, 6, 1), late)]
    save_project(project, path)
    assert main(["check", str(path), "--json"]) == 1
    latest = json.loads(capsys.readouterr().out)
    assert (latest["baseline"], latest["checks"][10]["eligible"]) == ("Late", 1)  # start alone is due
    assert main(["check", str(path), "--json", "--baseline", "1"]) == 1
    data = json.loads(capsys.readouterr().out)
    missed = data["checks"][10]
    assert (data["baseline"], missed["failing"], missed["eligible"]) == ("Early", 2, 2)  # nothing recorded done
    assert [(t["key"], t["value"]) for t in missed["tasks"]] == [
        ("start", "baseline finish 2030-01-01; not finished"), ("work", "baseline finish 2030-01-30; not finished")]


@pytest.mark.parametrize("argv, code", [
    (["--threshold", "logik=5"], "check.bad_threshold"),
    (["--threshold", "cpli=high"], "check.bad_threshold"),
    (["--baseline", "7"], "baseline.unknown"),
])
def test_bad_arguments_exit_2_with_the_error_named(tmp_path, capsys, argv, code):
    path, _project = _chain(tmp_path)
    assert main(["check", str(path), *argv]) == 2
    assert capsys.readouterr().err.startswith(f"error[{code}]: ")


def test_help_gives_the_exit_statuses(capsys):
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    assert "0 when every check passes" in " ".join(capsys.readouterr().out.split())


def test_an_empty_plan_has_nothing_to_check_and_says_so(tmp_path, capsys):
    path = tmp_path / "empty.db"
    save_project(Project("Empty", D(2030, 1, 1)), path)
    assert main(["check", str(path)]) == 0
    out = capsys.readouterr().out
    logic = next(line for line in out.splitlines() if line.startswith("1 "))
    assert logic.split()[-2:] == ["-", "N/A"]
    assert "Logic (N/A): no incomplete tasks to check" in out
    assert out.rstrip().endswith("No check applies to this plan.")
