"""The command line reads the roadmap's headline milestone as the table does.

"ILRS basic station complete" was announced by 2035: its point is 2036-01-01 00:00, the end of
2035-12-31, known to the year. `schedule --json` keeps that point and gives beside it the day a
person reads, 2035-12-31, so date and precision read 2035, not 2036. Typed to 2036-03-15 and
compared with the April 2026 baseline, `slip` reads the baseline as announced, 2035, and the
milestone a year late: '+1 y', slipped (2036 is a later year than 2035).
"""

from __future__ import annotations

import json
from datetime import date

from ilrs_planner.cli import main
from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.domain import ConstraintType, Precision
from ilrs_planner.domain.dates import format_fuzzy_date
from ilrs_planner.store import save_project

APRIL_2026 = "2026-04-13 Chang'e 7 in the second half of 2026"


def test_schedule_json_gives_the_day_shown_beside_the_point(tmp_path, capsys):
    path = tmp_path / "ilrs.db"
    save_project(build_reference_project(), path)
    for pretty in ([], ["--pretty"]):
        assert main(["schedule", str(path), "--json", *pretty]) == 0
        data = json.loads(capsys.readouterr().out)
        basic = next(t for t in data["tasks"] if t["key"] == "ilrs-basic")
        assert (basic["early_finish"], basic["shown_start"], basic["shown_finish"], basic["precision"]) == (
            "2036-01-01", "2035-12-31", "2035-12-31", "year")
        assert format_fuzzy_date(date.fromisoformat(basic["shown_finish"]), Precision(basic["precision"])) == "2035"
        change6 = next(t for t in data["tasks"] if t["key"] == "change-6")  # flown 2024-05-03 to 2024-06-25
        assert (change6["early_finish"], change6["shown_finish"]) == ("2024-06-26", "2024-06-25")
        assert "shown_finish" in data["finish_convention"]


def test_slip_reads_the_basic_station_a_year_late_against_by_2035(tmp_path, capsys):
    project = build_reference_project()
    basic = project.task_by_key("ilrs-basic")
    basic.constraint, basic.constraint_date, basic.precision = ConstraintType.SNET, date(2036, 3, 15), Precision.DAY
    path = tmp_path / "moved.db"
    save_project(project, path)
    assert main(["slip", str(path), "--baseline", APRIL_2026]) == 0
    line = next(line for line in capsys.readouterr().out.splitlines() if line.rstrip().endswith("ilrs-basic"))
    assert line.split()[5:9] == ["2035", "2036-03-15", "+1", "y"]  # baseline, now, start variance
    assert "SLIPPED" in line
    assert main(["slip", str(path), "--baseline", APRIL_2026, "--json"]) == 0
    row = next(t for t in json.loads(capsys.readouterr().out)["tasks"] if t["key"] == "ilrs-basic")
    assert row["slipped"] is True and row["baseline_precision"] == "year" and row["variance_precision"] == "year"
    # The point "by 2035" (2036-01-01) beside the day read, 2035-12-31: at year precision, 2035.
    assert (row["baseline_finish"], row["baseline_shown_finish"]) == ("2036-01-01", "2035-12-31")
    assert (row["current_finish"], row["current_shown_finish"]) == ("2036-03-15", "2036-03-15")
