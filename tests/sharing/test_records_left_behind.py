"""A plan written to a file of another format leaves behind its records of what partners wrote in it
(names a merge took from their plans, texts they wrote): read back, every word is the owner's, so a
partner's "Bird survey: Nightjar" would unmask the owner's withheld Nightjar in the next copy. Such a
file carries no record (any program could write one claiming an owner's note as a partner's, which a
copy would then send out unwithheld), so the export warns, naming what the record covers."""

from __future__ import annotations

from datetime import date

import pytest

from ilrs_planner.cli import main
from ilrs_planner.domain import Classification, Project, Task
from ilrs_planner.exchange.formats import read_plan, write_plan
from ilrs_planner.sharing.clone import clone_project
from ilrs_planner.sharing.merge import merge_projects
from ilrs_planner.sharing.redact import WITHHELD, redact_project
from ilrs_planner.store import save_project


def _merged() -> Project:
    plan = Project("Plan", date(2030, 1, 1))
    plan.add_task(Task("survey", "Survey", 10, id="survey", notes="Nightjar waits on this"))
    plan.add_task(Task("r-1", "Nightjar reserve", 10, id="nj", position=1, classification=Classification.PARTNERS))
    copy = redact_project(plan, Classification.PUBLIC)
    theirs = clone_project(copy)
    theirs.add_task(Task("T-3", "Bird survey: Falcon Osprey Nightjar", 5, id="t-theirs", position=2))
    return merge_projects(copy, plan, theirs).project


@pytest.mark.parametrize("name", ["plan.xlsx", "plan.csv", "plan.xml"])
def test_an_export_names_the_partners_words_the_file_leaves_behind(tmp_path, name):
    merged = _merged()
    assert redact_project(merged, Classification.PUBLIC).tasks["survey"].notes == f"{WITHHELD} waits on this"
    warnings = write_plan(merged, tmp_path / name)
    (warning,) = [w for w in warnings if "record of what partners wrote" in w]
    assert warning.startswith(f"{name} (") and "T-3 'Bird survey: Falcon Osprey Nightjar'" in warning
    assert "make partner copies from this plan file" in warning
    # What it warns of: read back, the partner's name is the owner's and unmasks the withheld word.
    back = read_plan(tmp_path / name).project
    assert back.supplied == frozenset() and back.partner_texts == frozenset()
    survey = next(t for t in back.tasks.values() if t.name == "Survey")
    assert redact_project(back, Classification.PUBLIC).tasks[survey.id].notes == "Nightjar waits on this"


def test_a_plan_without_records_exports_without_the_warning(tmp_path):
    plan = Project("Plan", date(2030, 1, 1))
    plan.add_task(Task("survey", "Survey", 10, id="survey"))
    assert not [w for w in write_plan(plan, tmp_path / "plan.xlsx") if "partners wrote" in w]


def test_the_command_line_export_prints_the_warning(tmp_path, capsys):
    save_project(_merged(), tmp_path / "plan.db")
    assert main(["export", str(tmp_path / "plan.db"), "-o", str(tmp_path / "plan.csv")]) == 0
    assert "does not carry this plan's record of what partners wrote in it" in capsys.readouterr().err
