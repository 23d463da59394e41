"""A baseline name that is none of the plan's is refused with the names meant most likely, not a
line listing all 32 of the bundled roadmap's."""

from __future__ import annotations

import dataclasses
import json

import pytest

from ilrs_planner.cli import main
from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.store import save_project


@pytest.fixture(scope="module")
def ilrs_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("plans") / "ilrs.db"
    save_project(build_reference_project(), path)
    return path


@pytest.mark.parametrize("typed", ["2022-11", "wu weiren: BASIC", "Wu Weiren basic structure by 2028"])
def test_a_name_typed_in_part_or_misspelt_is_answered_with_the_one_meant(ilrs_db, capsys, typed):
    assert main(["slip", str(ilrs_db), "--baseline", typed]) == 2
    error = capsys.readouterr().err
    assert error.startswith(f"error[baseline.unknown]: no baseline is named '{typed}' (32 baselines,")
    assert "closest: 2022-11-22 Wu Weiren: basic structure by 2028)" in error
    assert "Luna-25 July 2023" not in error  # it listed every baseline, a line of 2,000 characters
    assert len(error) < 300


def test_a_few_baselines_are_all_named(tmp_path, capsys):
    project = build_reference_project()
    del project.baselines[3:]
    path = tmp_path / "few.db"
    save_project(project, path)
    assert main(["slip", str(path), "--baseline", "nope"]) == 2
    assert f"(baselines: {', '.join(b.name for b in project.baselines)})" in capsys.readouterr().err


def test_baselines_are_listed_with_numbers_that_every_command_takes_for_the_name(ilrs_db, capsys):
    assert main(["baselines", str(ilrs_db)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 32 and [line.split()[0] for line in lines] == [str(n) for n in range(1, 33)]
    by_number = {line.split()[0]: line for line in lines}
    assert " 2024-11-15 Chang'e 8 in 2028 (Wang Qiong) " in by_number["22"]
    assert main(["why", str(ilrs_db), "change-8", "--baseline", "22"]) == 0
    assert "2024-11-15 Chang'e 8 in 2028 (Wang Qiong): 2028" in capsys.readouterr().out
    assert main(["slip", str(ilrs_db), "--baseline", "22", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["baseline"]["name"] == "2024-11-15 Chang'e 8 in 2028 (Wang Qiong)"


def test_a_number_beyond_the_baselines_is_refused_saying_which_numbers_there_are(ilrs_db, capsys):
    assert main(["why", str(ilrs_db), "change-8", "--baseline", "33"]) == 2
    assert "or give its number, 1-32" in capsys.readouterr().err


def test_numbers_follow_the_as_of_date_and_a_baseline_named_by_a_number_keeps_its_name():
    project = build_reference_project()
    newest = dataclasses.replace(project.numbered_baselines()[-1], name="1")
    project.baselines[-1] = newest
    assert project.baseline("1") is newest  # found by its name, not as the first baseline
    assert project.baseline("2").name == "2020-10 Chang'e 6-8 plans (Space.com)"  # the second oldest
    shuffled = list(reversed(project.baselines))
    project.baselines[:] = shuffled
    assert project.baseline("31").as_of <= project.baseline("32").as_of


def test_the_baselines_json_carries_each_number(ilrs_db, capsys):
    assert main(["baselines", str(ilrs_db), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [b["number"] for b in listed] == list(range(1, 33))
    assert [b["as_of"] for b in listed] == sorted(b["as_of"] for b in listed)
