"""Other planners' files through MPXJ: real .mpp and Primavera .xer, and a clear refusal without Java."""

from __future__ import annotations

from pathlib import Path

import pytest
from xer_rows import task_rows

from ilrs_planner.cli import main
from ilrs_planner.domain import PlannerError
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.exchange import mpxj_run
from ilrs_planner.exchange.formats import read_plan
from ilrs_planner.exchange.mspdi.reader import read_mspdi

REAL = Path(__file__).parent / "msp_real"
NO_JAVA = mpxj_run.missing_parts()
needs_java = pytest.mark.skipif(bool(NO_JAVA), reason=f"reading through MPXJ needs {' and '.join(NO_JAVA)}")


@needs_java
@pytest.mark.parametrize("name", ["task-links-project2016-mpp14.mpp", "task-links-project2003-mpp9.mpp"])
def test_a_real_mpp_file_opens_on_the_dates_of_the_same_plan_saved_as_xml(name):
    """The .mpp and the MS Project XML of the same plan were saved by MS Project from one schedule."""
    from_mpp = read_plan(REAL / name)
    xml = REAL / name.replace("-mpp14.mpp", "-mspdi.xml").replace("-mpp9.mpp", "-mspdi.xml")
    from_xml = read_mspdi(xml).project
    assert from_mpp.warnings[0] == "read through MPXJ from MS Project (.mpp) format"
    ours, theirs = schedule(from_mpp.project), schedule(from_xml)
    got = sorted((t.name, ours.tasks[t.id].early_start, ours.tasks[t.id].early_finish)
                 for t in from_mpp.project.tasks.values() if not from_mpp.project.is_summary(t.id))
    want = sorted((t.name, theirs.tasks[t.id].early_start, theirs.tasks[t.id].early_finish)
                  for t in from_xml.tasks.values() if not from_xml.is_summary(t.id))
    assert got == want and len(got) == 16
    assert from_mpp.project.default_calendar().name == "Standard"


@needs_java
def test_a_primavera_xer_file_imports_with_its_calendars():
    result = read_plan(REAL / "percent-complete-8.4.xer")
    project = result.project
    assert result.warnings[0] == "read through MPXJ from Primavera P6 (.xer) format"
    assert project.tasks and project.calendars
    schedule(project)  # schedules without error


@needs_java
def test_a_primavera_activity_keeps_its_activity_id_as_its_key():
    # MSPDI has no Activity ID: MPXJ wrote the project's code in its place, and every activity came in
    # as 'EC00640-2', 'EC00640-3' ... with a warning each that the key was taken twice.
    xer = REAL / "percent-complete-8.4.xer"
    result = read_plan(xer)
    keys = {task.name: task.key for task in result.project.tasks.values()}
    expected = {row["task_name"]: code for code, row in task_rows(xer).items()}
    assert expected and {name: keys[name] for name in expected} == expected
    assert not any("is used twice" in warning for warning in result.warnings)


@needs_java
def test_the_cli_imports_an_mpp_file(tmp_path, capsys):
    assert main(["import", str(REAL / "task-links-project2016-mpp14.mpp"), "-o", str(tmp_path / "p.db")]) == 0
    assert "Imported 16 tasks" in capsys.readouterr().out


def test_without_java_the_import_is_refused_naming_what_to_install(monkeypatch):
    monkeypatch.setattr(mpxj_run.shutil, "which", lambda name: None)
    with pytest.raises(PlannerError) as caught:
        read_plan(REAL / "task-links-project2016-mpp14.mpp")
    error = caught.value
    assert error.code == "import.needs_java"
    assert "apt-get install default-jre-headless" in error.message and "Java runtime" in error.message


def test_without_the_extra_the_import_is_refused_naming_it(monkeypatch):
    monkeypatch.setattr(mpxj_run.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(PlannerError) as caught:
        read_plan(REAL / "percent-complete-8.4.xer")
    assert caught.value.code == "import.needs_java" and 'pip install -e ".[mpp]"' in caught.value.message


def test_a_p6_xml_file_given_as_xml_goes_through_mpxj(tmp_path, monkeypatch):
    path = tmp_path / "p6.xml"
    path.write_text('<?xml version="1.0"?><APIBusinessObjects xmlns="http://xmlns.oracle.com/Primavera/P6/V8.3/API/'
                    'BusinessObjects"></APIBusinessObjects>', encoding="utf-8")
    monkeypatch.setattr(mpxj_run.shutil, "which", lambda name: None)
    with pytest.raises(PlannerError) as caught:
        read_plan(path)
    assert caught.value.code == "import.needs_java" and "Primavera P6 XML" in caught.value.message


def test_a_file_that_is_not_there_is_named_before_any_java_starts(tmp_path):
    with pytest.raises(PlannerError) as caught:
        read_plan(tmp_path / "gone.mpp")
    assert caught.value.code == "import.bad_file" and "gone.mpp: no such file" in caught.value.message


@needs_java
def test_a_file_mpxj_cannot_read_is_refused_with_its_reason(tmp_path):
    bad = tmp_path / "plan.mpp"
    bad.write_bytes(b"not a project file")
    with pytest.raises(PlannerError) as caught:
        read_plan(bad)
    assert caught.value.code == "import.bad_file" and "MPXJ could not read it" in caught.value.message
