"""A baseline name that is none of the plan's is refused with the names meant most likely, not a
line listing all 32 of the bundled roadmap's."""

from __future__ import annotations

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
