"""The text CLI shows every date as a person should read it: a finish is the last day of work, and a
date known only to the year (announced so, or computed from one) is shown as that year."""

from __future__ import annotations

import csv
import json
from datetime import date

import pytest

from ilrs_planner.cli import main
from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.domain import Baseline, ConstraintType, Link, Precision, Project, Task
from ilrs_planner.store import open_project, save_project

FIRST = "2019-10-08 Russian Luna schedule (Zeleny, IKI RAS)"


@pytest.fixture(scope="module")
def ilrs_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("plans") / "ilrs.db"
    save_project(build_reference_project(), path)
    return path


def _row(text: str, key: str) -> list[str]:
    # the key leads a status row and ends a slip row
    return next(line.split() for line in text.splitlines() if key in line.split()[:1] + line.split()[-1:])


def test_slip_text_shows_an_announced_year_as_the_year_and_a_flight_to_the_day(ilrs_db, capsys):
    assert main(["slip", str(ilrs_db), "--baseline", FIRST]) == 0
    out = capsys.readouterr().out
    assert "2021" in _row(out, "luna-25") and "2023-08-19" in _row(out, "luna-25")  # "2021" then; flew to 19 Aug
    assert "2021-01-09" not in out
    assert "2024" in _row(out, "luna-26") and "2028" in _row(out, "luna-26")


def test_slip_csv_shows_last_days_at_their_precision_and_json_keeps_exclusive_finishes(ilrs_db, tmp_path, capsys):
    out = tmp_path / "slip.csv"
    assert main(["slip", str(ilrs_db), "--baseline", FIRST, "--csv", str(out)]) == 0
    capsys.readouterr()
    luna = next(r for r in csv.DictReader(out.open(encoding="utf-8")) if r["key"] == "luna-25")
    assert (luna["baseline_finish"], luna["baseline_precision"]) == ("2021", "year")
    assert (luna["current_start"], luna["current_finish"], luna["current_precision"]) == ("2023-08-11", "2023-08-19",
                                                                                           "day")
    assert main(["slip", str(ilrs_db), "--baseline", FIRST, "--json"]) == 0
    row = next(t for t in json.loads(capsys.readouterr().out)["tasks"] if t["key"] == "luna-25")
    assert (row["baseline_finish"], row["baseline_precision"]) == ("2021-01-10", "year")  # exclusive: the day after
    assert row["current_finish"] == "2023-08-20"


def test_why_text_shows_both_versions_as_precisely_as_they_are_known(ilrs_db, capsys):
    assert main(["why", str(ilrs_db), "ilrs-basic", "--baseline", "2022-11-22 Wu Weiren: basic structure by 2028"]) == 0
    out = capsys.readouterr().out
    assert ": 2028\n" in out and "current plan: 2035\n" in out and "2035-12-31" not in out
    assert main(["why", str(ilrs_db), "ilrs-basic", "--baseline", "2022-11-22 Wu Weiren: basic structure by 2028",
                 "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    # JSON gives a milestone as its point: after the launches it stands at the end of 2028-12-31.
    assert (data["old_date"], data["old_precision"], data["new_precision"]) == ("2029-01-01", "year", "year")


def _driven_plan() -> Project:
    """'2031' (announced to the year, from 2031-01-01 for 100 days) then a 10-day task dated to the day."""
    project = Project("driven", date(2030, 1, 1))
    year = project.add_task(Task("y", "Year task", duration=100, precision=Precision.YEAR, id="y",
                                 constraint=ConstraintType.SNET, constraint_date=date(2031, 1, 1)))
    day = project.add_task(Task("d", "Day task", duration=10, id="d", position=1))
    project.add_link(Link(year.id, day.id))
    project.baselines.append(Baseline("day plan", date(2030, 1, 1), {"d": (date(2031, 3, 3), date(2031, 3, 13))}))
    return project


def test_a_date_computed_from_a_year_is_shown_as_that_year_in_slip_and_why(tmp_path, capsys):
    path = tmp_path / "driven.db"
    save_project(_driven_plan(), path)
    assert main(["slip", str(path)]) == 0
    # d starts 2031-04-11 and finishes (last day) 2031-04-20: computed from "2031", so shown as 2031
    assert _row(capsys.readouterr().out, "d")[3:5] == ["2031-03-12", "2031"]
    assert main(["why", str(path), "d", "--baseline", "day plan"]) == 0
    out = capsys.readouterr().out
    assert "day plan: 2031-03-12\n" in out and "current plan: 2031\n" in out


def test_status_text_shows_forecasts_at_their_precision(ilrs_db, tmp_path, capsys):
    plan = tmp_path / "status.db"
    plan.write_bytes(ilrs_db.read_bytes())
    assert main(["status", str(plan), "--as-of", "2027-09-01", "--dry-run"]) == 0
    row = _row(capsys.readouterr().out, "lm10")  # first orbital flight "2026": forecast moves into 2027
    assert row[-5:] == ["finish", "2026", "2026", "2027", "2027"]


def test_status_json_lists_what_would_be_recorded_with_exclusive_finishes_and_saves_nothing(ilrs_db, tmp_path,
                                                                                              capsys):
    plan = tmp_path / "status.db"
    plan.write_bytes(ilrs_db.read_bytes())
    assert main(["status", str(plan), "--as-of", "2027-09-01", "--done", "change-7=2027-08-30", "--dry-run",
                 "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert "exclusive" in data["finish_convention"]
    assert (data["status_date_was"], data["status_date"], data["dry_run"], data["saved"]) == (
        "2026-12-01", "2027-09-01", True, False)
    assert data["recorded"] == [{"key": "change-7", "name": "Chang'e 7 south-pole survey",
                                 "actual_start": "2026-12-01", "actual_finish": "2027-08-31",  # last day 08-30
                                 "percent_complete": 100}]
    lm10 = next(t for t in data["behind"] if t["key"] == "lm10")
    assert (lm10["finish_was"], lm10["finish_now"], lm10["precision_now"]) == ("2026-12-01", "2027-09-01", "year")
    assert open_project(plan).status_date == date(2026, 12, 1)  # --dry-run: nothing saved


def test_status_json_applies_and_saves_and_refusals_stay_coded(ilrs_db, tmp_path, capsys):
    plan = tmp_path / "status.db"
    plan.write_bytes(ilrs_db.read_bytes())
    assert main(["status", str(plan), "--as-of", "2027-01-05", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["saved"] is True
    assert open_project(plan).status_date == date(2027, 1, 5)
    assert main(["status", str(plan), "--as-of", "2027-02-01", "--done", "no-such-task", "--json"]) == 2
    captured = capsys.readouterr()
    assert "error[status.unknown_task]" in captured.err and captured.out == ""
    assert open_project(plan).status_date == date(2027, 1, 5)


def test_mta_text_reads_each_report_as_precisely_as_it_knew_the_milestone(ilrs_db, capsys):
    assert main(["mta", str(ilrs_db)]) == 0
    change_7 = next(line.split() for line in capsys.readouterr().out.splitlines() if "(change-7)" in line)
    arrow = change_7.index("->")  # "2024" announced in 2020; June 2027 forecast now
    assert change_7[arrow - 1:arrow + 2] == ["2024", "->", "2027-06"]


def test_diff_shows_milestone_moves_as_precisely_as_they_are_known(ilrs_db, tmp_path, capsys):
    later = tmp_path / "later.db"
    later.write_bytes(ilrs_db.read_bytes())
    assert main(["status", str(later), "--as-of", "2027-09-01"]) == 0
    capsys.readouterr()
    assert main(["diff", str(ilrs_db), str(later)]) == 1
    moves = capsys.readouterr().out.split("Milestone moves:")[1]
    # the first orbital flight was "2026": forecast from the status date, it moves into 2027 (274 days later)
    assert "Long March 10 first orbital flight (lm10): 2026 → 2027 (+1 y)" in moves  # at the years' precision
    assert main(["diff", str(ilrs_db), str(later), "--json"]) == 1
    lm10 = next(m for m in json.loads(capsys.readouterr().out)["milestone_moves"] if m["label"].endswith("(lm10)"))
    assert (lm10["old"], lm10["new"], lm10["new_precision"]) == ("2026-12-01", "2027-09-01", "year")
