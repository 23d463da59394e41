"""The analysis commands end to end on a plan file: baselines, slip, mta, why, risk."""

from __future__ import annotations

import csv
import json
import re
from datetime import date

import pytest
from reported_today import REPORTED_ON, FrozenDate, reported_today

from ilrs_planner.cli import main
from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.domain import Baseline, Link, Project, Task, TaskKind
from ilrs_planner.store import open_project, save_project


@pytest.fixture(scope="module")
def ilrs_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("plans") / "ilrs.db"
    save_project(build_reference_project(), path)
    return path


def _json(capsys, *argv) -> dict:
    assert main([str(a) for a in argv]) == 0
    return json.loads(capsys.readouterr().out)


def test_baselines_are_listed_oldest_first_one_a_line(ilrs_db, capsys):
    assert main(["baselines", str(ilrs_db)]) == 0
    lines = capsys.readouterr().out.splitlines()
    project = open_project(ilrs_db)
    assert len(lines) == len(project.baselines)
    dates = [line.rsplit("as of ", 1)[1] for line in lines]
    assert dates == sorted(dates) and dates[0] == "2019-10-08"
    assert lines[0].startswith(" 1  2019-10-08 Russian Luna schedule (Zeleny, IKI RAS)  ")  # numbered


def test_slip_defaults_to_the_earliest_baseline_and_shows_luna_26(ilrs_db, capsys):
    data = _json(capsys, "slip", ilrs_db, "--json")
    assert data["baseline"]["as_of"] == "2019-10-08" and data["against"]["current"] is True
    luna = next(t for t in data["tasks"] if t["key"] == "luna-26")
    assert luna["slipped"] and luna["finish_variance_working_days"] > 3 * 365


def test_slip_between_two_baselines_and_to_csv(ilrs_db, tmp_path, capsys):
    out = tmp_path / "slips.csv"
    assert main(["slip", str(ilrs_db), "--baseline", "2021-06-16 ILRS roadmap (GLEX 2021)",
                 "--against", "2024-04-25 Space Day plan: basic 2035, extended 2045", "--csv", str(out)]) == 0
    text = capsys.readouterr().out
    assert "2021-06-16 ILRS roadmap (GLEX 2021)" in text and "SLIPPED" in text
    rows = {r["key"]: r for r in csv.DictReader(out.open(encoding="utf-8"))}
    assert rows["change-7"]["slipped"] == "yes"


def test_slip_rows_lead_with_the_id_and_name_the_schedule_and_window_show(ilrs_db, capsys):
    """A planner reads task 4 in the window and in `schedule`; the slip report names the same task 4."""
    assert main(["schedule", str(ilrs_db)]) == 0
    schedule_ids = {row[-1]: row[0] for row in _table_rows(capsys.readouterr().out)}
    assert main(["slip", str(ilrs_db)]) == 0
    slip_rows = _table_rows(capsys.readouterr().out)
    assert len(slip_rows) > 30
    assert all(row[0] == schedule_ids[row[-1]] for row in slip_rows)
    change_6 = next(row for row in slip_rows if row[-1] == "change-6")
    assert " ".join(change_6[1:6]) == "Chang'e 6 far-side sample return"


def _table_rows(text: str) -> list[list[str]]:
    """A text table's task rows, split: those led by an ID ('  4  Chang'e 6 ...')."""
    return [line.split() for line in text.splitlines() if re.match(r" *\d+ {2,}\S", line)]


def test_slip_marks_modelling_and_lists_alternatives(ilrs_db, capsys):
    assert main(["slip", str(ilrs_db), "--baseline", "2023-04-25 Hefei conference (Wu Weiren, Wu Yanhua)"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].split()[-2:] == ["Basis", "Key"]  # ID and name lead, as in the window
    spread = next(line for line in lines if line.split()[-1:] == ["ilrs-1-5"])
    # 2040 then, 2035 now: five years, not the -1827 days between their last days
    assert spread.split()[-4:-1] == ["-5", "y", "modelling"]  # our 2030-2035, not a pull-in
    assert next(line for line in lines if line.split()[-1:] == ["ilrs-basic"]).split()[-3:-1] == ["sourced", "SLIPPED"]
    alternatives = lines.index("Alternatives (another official's figure, not a change of plan):")
    assert lines[alternatives + 1].startswith("  ilrs-extended: by 2050 - Wu Yanhua")
    data = _json(capsys, "slip", ilrs_db, "--baseline", "2023-04-25 Hefei conference (Wu Weiren, Wu Yanhua)", "--json")
    spread_json = next(t for t in data["tasks"] if t["key"] == "ilrs-1-5")
    assert (spread_json["basis"], spread_json["slipped"]) == ("modelling", False)


def test_slips_summary_counts_one_modelling_variance_in_the_singular(ilrs_db, capsys):
    assert main(["slip", str(ilrs_db)]) == 0  # against the earliest baseline one variance is modelling
    summary = next(line for line in capsys.readouterr().out.splitlines() if "tasks compared finish later" in line)
    assert summary.endswith("; 1 variance is modelling, not a slip.")  # it read "1 variances are ... slips"


def test_unknown_baseline_is_an_error_naming_the_choices(ilrs_db, capsys):
    assert main(["slip", str(ilrs_db), "--baseline", "ILRS roadmap"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error[baseline.unknown]") and "closest: 2021-06-16 ILRS roadmap" in err


def test_mta_writes_a_png_of_the_ilrs_history(ilrs_db, tmp_path, capsys, qapp):
    out = tmp_path / "mta.png"
    assert main(["mta", str(ilrs_db), "-o", str(out)]) == 0
    text = capsys.readouterr().out
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    for key in ("ilrs-basic", "ilrs-extended", "change-7", "change-8", "luna-26", "luna-27", "crewed-landing",
                "lunar-power-plant"):
        assert key in text
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert image.width() == 2400 and image.height() > 1000


@pytest.mark.parametrize("suffix, magic", [(".svg", b"<?xml"), (".pdf", b"%PDF")])
def test_mta_exports_vector_formats(ilrs_db, tmp_path, capsys, qapp, suffix, magic):
    out = tmp_path / f"mta{suffix}"
    assert main(["mta", str(ilrs_db), "-o", str(out), "--milestones", "luna-26,change-7"]) == 0
    assert out.read_bytes()[:len(magic)] == magic


def test_mta_json_has_one_point_per_report(ilrs_db, capsys):
    data = _json(capsys, "mta", ilrs_db, "--json", "--milestones", "ilrs-basic")
    points = data["milestones"][0]["points"]
    assert points[0]["forecast"].startswith("2028") and points[-1]["forecast"].startswith("2035")


def test_why_against_a_baseline_and_against_an_earlier_plan(ilrs_db, tmp_path, capsys):
    data = _json(capsys, "why", ilrs_db, "ilrs-basic", "--baseline", "2022-11-22 Wu Weiren: basic structure by 2028",
                 "--json")
    assert data["slip_working_days"] == (date(2035, 12, 31) - date(2028, 12, 31)).days
    credited = sum(c["working_days"] for c in data["contributions"]) + data["unexplained_working_days"]
    assert credited == data["slip_working_days"]
    later = open_project(ilrs_db)
    later.task_by_key("ilrs-1-5").duration += 100
    later_db = tmp_path / "later.db"
    save_project(later, later_db)
    data = _json(capsys, "why", later_db, "ilrs-basic", "--against", ilrs_db, "--json")
    assert data["exact"] and data["slip_working_days"] == 100
    assert data["contributions"] == [{"kind": "duration", "key": "ilrs-1-5", "working_days": 100, "joint": False,
                                      "description": "duration of 'ILRS-1 to ILRS-5 construction missions' (ilrs-1-5): "
                                                     "2,191 d → 2,291 d"}]


def test_risk_is_reproducible_and_reports_the_chosen_milestone(ilrs_db, capsys):
    argv = ("risk", ilrs_db, "--iterations", "2000", "--seed", "1", "--milestone", "ilrs-basic",
            "--target-date", "2035", "--json")
    first, second = _json(capsys, *argv), _json(capsys, *argv)
    assert first == second
    chosen = first["milestone"]
    assert chosen["key"] == "ilrs-basic" and chosen["target_date"] == "2035-12-31"
    assert 0.0 <= chosen["probability"] < 0.5  # the plan has no reserve before "by 2035"
    assert chosen["drivers"][0]["key"] == "ilrs-1-5"
    assert chosen["p10"] <= chosen["p50"] <= chosen["p80"] <= chosen["p90"]


def test_risk_table_and_usage_errors(ilrs_db, capsys):
    assert main(["risk", str(ilrs_db), "--iterations", "500", "--seed", "2"]) == 0
    assert "ilrs-basic" in capsys.readouterr().out
    assert main(["risk", str(ilrs_db), "--target-date", "2035"]) == 2
    assert "error[cli.usage]" in capsys.readouterr().err


def test_risk_says_the_chance_of_each_milestones_own_planned_date(tmp_path, capsys):
    """A (8 / 10 / 20 days, planned at its most likely 10) then milestone M: M is planned on A's
    finish, and a triangular 8-10-20 spread is at most 10 in (10 - 8) / (20 - 8) = 1/6 of runs."""
    project = Project("chance", date(2030, 1, 1))
    project.add_task(Task("a", "A", 10, TaskKind.TASK, optimistic=8, most_likely=10, pessimistic=20))
    project.add_task(Task("m", "M", 0, TaskKind.MILESTONE))
    project.add_link(Link(project.task_by_key("a").id, project.task_by_key("m").id))
    path = tmp_path / "chance.db"
    save_project(project, path)
    data = _json(capsys, "risk", path, "--iterations", "20000", "--seed", "4", "--json")
    m = next(entry for entry in data["milestones"] if entry["key"] == "m")
    # A works 1 to 10 January (7-day calendar); M sits at the end of A's last day, as in MS Project.
    assert m["planned"] == "2030-01-10"
    assert abs(m["chance_of_planned"] - 1 / 6) < 0.02
    assert main(["risk", str(path), "--iterations", "20000", "--seed", "4"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].split()[:3] == ["Milestone", "Plan", "On"]
    assert next(line for line in lines if line.startswith("m ")).split()[1:3] == ["2030-01-10", "17%"]


def test_risk_refuses_a_bad_estimate_by_task(tmp_path, capsys):
    project = Project("bad", date(2030, 1, 1))
    project.add_task(Task("a", "A", 10, TaskKind.TASK, optimistic=30, most_likely=10, pessimistic=40))
    project.add_task(Task("m", "M", 0, TaskKind.MILESTONE))
    project.add_link(Link(project.task_by_key("a").id, project.task_by_key("m").id))
    project.baselines.append(Baseline("b", date(2029, 1, 1), {}))
    path = tmp_path / "bad.db"
    save_project(project, path)
    assert main(["risk", str(path)]) == 2
    assert capsys.readouterr().err.startswith("error[risk.bad_estimate]: task 'a'")


def test_risk_prints_each_milestone_at_its_precision_and_json_keeps_the_days(ilrs_db, capsys):
    assert main(["risk", str(ilrs_db), "--iterations", "500", "--seed", "3", "--milestone", "lm9"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert next(line for line in lines if line.startswith("lm9 ")).split()[-5:-1] == ["2033"] * 4  # not 2033-01-01
    assert "lm9: P50 2033, P80 2033" in lines
    basic = next(line for line in lines if line.startswith("ilrs-basic ")).split()[3:7]
    assert all(len(text) == 4 and text.isdigit() for text in basic)
    data = _json(capsys, "risk", ilrs_db, "--iterations", "500", "--seed", "3", "--json")
    lm9 = next(m for m in data["milestones"] if m["key"] == "lm9")
    assert lm9["precision"] == "year" and date.fromisoformat(lm9["p50"]).year == 2033
    queqiao = next(m for m in data["milestones"] if m["key"] == "queqiao-2")
    assert queqiao["precision"] == "day" and queqiao["p50"] == "2024-03-20"


def _default_spread_tasks(project: Project) -> dict[str, int]:
    """Per kind, the tasks the simulation varies by their kind's default spread: leaves of some
    duration, not yet under way, without a three-point estimate of their own."""
    summaries = project.summary_ids()
    counts: dict[str, int] = {}
    for task in project.tasks.values():
        if (task.id not in summaries and task.duration > 0 and task.kind is not TaskKind.MILESTONE
                and not (task.actual_start or task.actual_finish) and not task.has_estimate):
            counts[task.kind.value] = counts.get(task.kind.value, 0) + 1
    return counts


def test_risk_says_how_many_tasks_use_default_spreads_and_which(ilrs_db, capsys):
    expected = _default_spread_tasks(build_reference_project())
    assert expected  # the roadmap gives no task an estimate of its own
    data = _json(capsys, "risk", ilrs_db, "--iterations", "300", "--seed", "1", "--json")
    spreads = data["default_spreads"]
    assert spreads["tasks"] == spreads["varying_tasks"] == sum(expected.values())
    assert spreads["tasks_by_kind"] == expected
    assert spreads["by_kind"]["mission"] == [-10, 60] and set(spreads["by_kind"]) == set(expected)
    assert main(["risk", str(ilrs_db), "--iterations", "300", "--seed", "1"]) == 0
    out = capsys.readouterr().out
    n = sum(expected.values())
    assert f"Default spreads: {n} of {n} varying tasks have no estimate of their own" in out
    assert f"mission -10%/+60% ({expected['mission']})" in out


def test_a_milestone_nothing_varies_reads_not_modelled_not_certain(ilrs_db, capsys):
    data = _json(capsys, "risk", ilrs_db, "--iterations", "300", "--seed", "1", "--json")
    by_key = {m["key"]: m for m in data["milestones"]}
    assert not by_key["lm9"]["modelled"] and by_key["lm9"]["chance_of_planned"] == 1.0  # planned "2033", no predecessor
    assert by_key["ilrs-basic"]["modelled"]
    assert main(["risk", str(ilrs_db), "--iterations", "300", "--seed", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert next(line for line in lines if line.startswith("lm9 ")).split()[2:4] == ["not", "modelled"]
    assert "%" in next(line for line in lines if line.startswith("ilrs-basic ")).split()[2]
    assert any(line.startswith("(not modelled: nothing before it varies") for line in lines)


def test_a_plan_whose_tasks_all_have_estimates_uses_no_default_spread(tmp_path, capsys):
    project = Project("estimated", date(2030, 1, 1))
    project.add_task(Task("a", "A", 10, TaskKind.MISSION, optimistic=8, most_likely=10, pessimistic=20))
    project.add_task(Task("m", "M", 0, TaskKind.MILESTONE))
    project.add_link(Link(project.task_by_key("a").id, project.task_by_key("m").id))
    path = tmp_path / "estimated.db"
    save_project(project, path)
    data = _json(capsys, "risk", path, "--iterations", "300", "--seed", "1", "--json")
    assert data["default_spreads"] == {"tasks": 0, "varying_tasks": 1, "by_kind": {}, "tasks_by_kind": {}}
    assert main(["risk", str(path), "--iterations", "300", "--seed", "1"]) == 0
    assert "Every varying task (1) uses its own three-point estimate." in capsys.readouterr().out


def test_why_tells_a_move_between_years_in_years(ilrs_db, capsys):
    assert main(["why", str(ilrs_db), "ilrs-basic", "--baseline", "2022-11-22 Wu Weiren: basic structure by 2028"]) == 0
    moved = next(line for line in capsys.readouterr().out.splitlines() if line.strip().startswith("moved"))
    assert moved.strip().startswith("moved +7 y (2,556 d)")  # "by 2028" to "2035", not "+2556 days" alone


def test_why_names_each_task_of_the_driving_chain_by_name_and_key(ilrs_db, capsys):
    """Each step of the chain names its task and the task driving it as the changes below it do."""
    assert main(["why", str(ilrs_db), "ilrs-basic", "--baseline", "2022-11-22 Wu Weiren: basic structure by 2028"]) == 0
    out = capsys.readouterr().out
    lines = out.split("Driving chain now:\n")[1].split("Changes:")[0].splitlines()
    assert lines[0] == ("  'ILRS basic station complete' (ilrs-basic) "
                        "[FS from 'Basic-station readiness review (internal)' (basic-readiness-review)]")
    assert lines[1].startswith("  ← 'Basic-station readiness review (internal)' (basic-readiness-review) [FS from "
                               "'ILRS-1 to ILRS-5 construction missions' (ilrs-1-5)]")
    assert lines[-1] == "  ← 'Chang'e 8 ISRU and 3D-printing test' (change-8) [constraint SNET 2029-01-01]"
    # A task of the chain the baseline did not know is passed through by name too.
    assert "through 'Basic-station readiness review (internal)' (basic-readiness-review) (not in" in out


def test_mta_tells_each_milestones_slip_at_its_dates_precision(ilrs_db, capsys):
    assert main(["mta", str(ilrs_db)]) == 0
    basic = next(line.split() for line in capsys.readouterr().out.splitlines() if "(ilrs-basic)" in line)
    arrow = basic.index("->")
    assert basic[arrow - 1:arrow + 4] == ["2028", "->", "2035", "+7", "y"]  # not "+2556 days"


def test_mta_names_each_milestone_and_counts_one_report_as_one(tmp_path, capsys):
    """A plan with no baseline has one report (the current plan): each line names the milestone as the
    table reads it, name first and key beside it, and says "1 report", not "1 reports"."""
    project = Project("one report", date(2030, 1, 1))
    project.add_task(Task("survey", "Landing site survey", 5, TaskKind.TASK))
    project.add_task(Task("ready", "Site ready for landing", 0, TaskKind.MILESTONE))
    project.add_link(Link(project.task_by_key("survey").id, project.task_by_key("ready").id))
    path = tmp_path / "one.db"
    save_project(project, path)
    assert main(["mta", str(path), "--milestones", "ready", "--report-date", "2030-01-01"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("1 report, 2030-01-01")
    assert lines[1].startswith("'Site ready for landing' (ready)  ")  # name first, key beside it
    assert lines[1].endswith("over 1 report")


def test_mta_of_a_plan_without_a_status_date_says_its_current_plan_is_dated_today(tmp_path, capsys, monkeypatch):
    """tests/reported_today.py baselined today: three reports of one day, the summary says the
    current plan's date is today's for want of a status date, and each move is listed."""
    monkeypatch.setattr("ilrs_planner.cli.cmd_mta.date", FrozenDate)
    today = REPORTED_ON
    path = tmp_path / "wp.db"
    save_project(reported_today(today), path)
    assert main(["mta", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"3 reports, {today} to {today}" in out
    assert (f"The plan has no status date: its current plan is reported as of today, {today}, the date of "
            "baselines 'Agreed' and 'Re-plan' too") in out
    assert "2026-12-16 -> 2026-12-23" in out and "on 3 reports" not in out
    assert "(to 2026-12-19)" in out and "(to 2026-12-23)" in out  # each move its own
    reports = _json(capsys, "mta", path, "--json")["reports"]
    assert [r.get("status_date", "set") for r in reports] == ["set", "set", None]
    assert main(["mta", str(path), "--report-date", str(today)]) == 0  # a date given: no stand-in
    assert "no status date" not in capsys.readouterr().out


def test_slip_gives_a_variance_against_a_year_announcement_in_years_and_json_keeps_the_days(ilrs_db, tmp_path,
                                                                                             capsys):
    """Hefei, April 2023: Chang'e 6 'in 2024' (a bar from 1 January for its 53 days), flown 2024-05-03
    to 2024-06-25: '0 y', not slipped; the founding agreements, due October 2023, reached in 2024: '+1 y'."""
    hefei = "2023-04-25 Hefei conference (Wu Weiren, Wu Yanhua)"
    assert main(["slip", str(ilrs_db), "--baseline", hefei]) == 0
    lines = {line.split()[-1]: line for line in capsys.readouterr().out.splitlines() if line.strip()}  # key last
    assert " 0 y " in lines["change-6"] and "SLIPPED" not in lines["change-6"] and " d " not in lines["change-6"]
    assert " +1 y " in lines["ilrs-founding-agreements"] and "SLIPPED" in lines["ilrs-founding-agreements"]
    rows = {t["key"]: t for t in _json(capsys, "slip", ilrs_db, "--baseline", hefei, "--json")["tasks"]}
    change_6 = rows["change-6"]
    assert change_6["variance_precision"] == "year" and change_6["slipped"] is False
    assert change_6["finish_variance_working_days"] > 0  # the days kept: the bar's end moved within 2024
    assert rows["change-4"]["variance_precision"] == "day"  # both known to the day: days, as before
    out = tmp_path / "slip.csv"
    assert main(["slip", str(ilrs_db), "--baseline", hefei, "--csv", str(out)]) == 0
    by_key = {r["key"]: r for r in csv.DictReader(out.open(encoding="utf-8"))}
    assert (by_key["change-6"]["variance_precision"], by_key["change-6"]["slipped"]) == ("year", "no")
