"""Every date a person reads in the CLI's text is a last day; only --json keeps exclusive finishes."""

from __future__ import annotations

import json
import re

import pytest

from ilrs_planner.cli import main
from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.store import save_project


@pytest.fixture(scope="module")
def ilrs_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("plans") / "ilrs.db"
    save_project(build_reference_project(), path)
    return path


def _row(text: str, key: str) -> str:
    """The line of the task `key`: written last on the schedule table's line, first on slip's."""
    return next(line for line in text.splitlines() if line.split() and key in (line.split()[0], line.split()[-1]))


def test_schedule_table_shows_flown_missions_ending_on_the_day_they_ended(ilrs_db, capsys):
    assert main(["schedule", str(ilrs_db)]) == 0
    out = capsys.readouterr().out
    assert "2023-08-19" in _row(out, "luna-25") and "2023-08-20" not in _row(out, "luna-25")
    assert "2024-06-25" in _row(out, "change-6")
    assert "2019-01-03" in _row(out, "change-4")
    assert "2024-05-08" in _row(out, "icube-q")
    # Announced for 2028: shown as the year it is known to (start and finish), not as 1 January.
    assert re.search(r"\s2028\s+2028\s", _row(out, "luna-26")) and "2028-01-01" not in _row(out, "luna-26")


def test_schedule_json_keeps_exclusive_finishes_and_says_so(ilrs_db, capsys):
    assert main(["schedule", str(ilrs_db), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    luna25 = next(t for t in data["tasks"] if t["key"] == "luna-25")
    assert luna25["early_finish"] == "2023-08-20" and "exclusive" in data["finish_convention"]
    luna26 = next(t for t in data["tasks"] if t["key"] == "luna-26")  # announced for 2028: through 31 December
    assert (luna26["early_finish"], luna26["precision"]) == ("2029-01-01", "year")


def test_slip_and_why_text_show_last_days(ilrs_db, capsys):
    assert main(["slip", str(ilrs_db), "--baseline", "2023-04-12 Luna-26 2027-2028 (Russian government)"]) == 0
    out = capsys.readouterr().out
    assert "2023-08-19" in _row(out, "luna-25") and "2023-08-20" not in _row(out, "luna-25")
    assert "2028" in _row(out, "luna-26").split() and "2029" not in _row(out, "luna-26")  # announced to the year
    assert main(["why", str(ilrs_db), "luna-25", "--baseline",
                 "2023-08 Russian Luna schedule (Borisov)"]) == 0
    out = capsys.readouterr().out
    assert "2023-08-19" in out and "2023-08-20" not in out
