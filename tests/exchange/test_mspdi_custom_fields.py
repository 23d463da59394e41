"""MS Project XML custom fields (Text, Number, Flag, Date... fields, outline codes) no plan holds: the
import names each one that carried values, by the name MS Project shows, once, with its count of tasks."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from mspdi_ways import both_ways

from ilrs_planner.cli import main
from ilrs_planner.domain import Project, Task
from ilrs_planner.exchange.mspdi import write
from ilrs_planner.exchange.mspdi.reader import read_mspdi

REAL = Path(__file__).parent / "msp_real"

DEFINITIONS = """<ExtendedAttributes>
<ExtendedAttribute><FieldID>188743731</FieldID><FieldName>Text1</FieldName><Alias>Cost centre</Alias>
</ExtendedAttribute>
<ExtendedAttribute><FieldID>188743734</FieldID><FieldName>Text2</FieldName></ExtendedAttribute>
<ExtendedAttribute><FieldID>188743752</FieldID><FieldName>Flag1</FieldName><Alias>Long lead</Alias></ExtendedAttribute>
<ExtendedAttribute><FieldID>188743767</FieldID><FieldName>Number1</FieldName></ExtendedAttribute>
</ExtendedAttributes>"""


def _task(uid: int, values: dict[str, str]) -> str:
    attributes = "".join(f"<ExtendedAttribute><FieldID>{field}</FieldID><Value>{value}</Value></ExtendedAttribute>"
                         for field, value in values.items())
    return (f"<Task><UID>{uid}</UID><ID>{uid}</ID><Name>Task {uid}</Name><OutlineLevel>1</OutlineLevel>"
            f"<Duration>PT8H0M0S</Duration>{attributes}</Task>")


def _file(tmp_path: Path) -> Path:
    tasks = [_task(0, {"188743731": "the project's"}),  # the project summary task: no task of the plan
             _task(1, {"188743731": "CC-1", "188743752": "1", "188743999": "x"}), _task(2, {"188743731": "CC-2"}),
             _task(3, {"188743731": "CC-2", "188743767": "42"}), _task(4, {})]
    path = tmp_path / "partner.xml"
    path.write_text(f"<Project><Title>Partner</Title><StartDate>2030-01-07T08:00:00</StartDate>{DEFINITIONS}"
                    f"<Tasks>{''.join(tasks)}</Tasks></Project>", encoding="utf-8")
    return path


def test_the_cli_names_each_custom_field_left_out_once_with_its_tasks(tmp_path, capsys):
    assert main(["import", str(_file(tmp_path)), "-o", str(tmp_path / "p.db")]) == 0
    notes = [line for line in capsys.readouterr().err.splitlines() if "custom field" in line]
    # By alias where the file gives one, else MS Project's own name; Text2, defined but empty, is no loss;
    # a value of a field the file does not define comes last, by its FieldID.
    assert notes == [
        "warning: custom field 'Cost centre' not imported (a plan has no place for it): 3 tasks and the project "
        "summary task carried a value",
        "warning: custom field 'Long lead' not imported (a plan has no place for it): 1 task carried a value",
        "warning: custom field 'Number1' not imported (a plan has no place for it): 1 task carried a value",
        "warning: custom field 'FieldID 188743999' not imported (a plan has no place for it): 1 task carried a "
        "value"]


@pytest.mark.parametrize("name, field, tasks", [("task-dates-project2016-mspdi.xml", "Date1", 1),
                                                ("task-durations-project2003-mspdi.xml", "Duration1", 11)])
def test_a_real_ms_project_file_says_which_of_its_custom_fields_did_not_come_across(name, field, tasks):
    warnings = read_mspdi(REAL / name).warnings
    noted = [w for w in warnings if w.startswith("custom field")]
    assert len(noted) == 10  # ten fields of one kind, each filled on some tasks: one note a field
    assert f"custom field '{field}' not imported (a plan has no place for it): {tasks} task" in noted[0]


def test_our_own_export_reads_back_without_a_custom_field_note(tmp_path):
    project = Project(name="Ours", start=date(2030, 1, 7))
    project.add_task(Task(key="A", name="Survey", duration=5))
    write(project, tmp_path / "ours.xml")
    assert not [w for w in read_mspdi(tmp_path / "ours.xml").warnings if "custom field" in w]


def test_an_outline_code_of_an_older_file_is_named_too(tmp_path):
    codes = ("<OutlineCodes><OutlineCode><FieldID>188744096</FieldID><FieldName>Outline Code1</FieldName>"
             "<Alias>Work package</Alias></OutlineCode></OutlineCodes>")
    task = ("<Task><UID>1</UID><ID>1</ID><Name>Drill</Name><OutlineLevel>1</OutlineLevel><Duration>PT8H0M0S</Duration>"
            "<OutlineCode><FieldID>188744096</FieldID><ValueID>3</ValueID></OutlineCode></Task>")
    path = tmp_path / "codes.xml"
    path.write_text(f"<Project><StartDate>2030-01-07T08:00:00</StartDate>{codes}<Tasks>{task}</Tasks></Project>")
    assert ("custom field 'Work package' not imported (a plan has no place for it): 1 task carried a value"
            in read_mspdi(path).warnings)


def test_the_notes_are_the_same_whichever_way_the_file_is_parsed(monkeypatch):
    """In one process, in a worker process, and the short way for a task list as MS Project writes it."""
    _, warnings = both_ways(monkeypatch, REAL / "task-durations-project2016-mspdi.xml")
    assert sum(w.startswith("custom field 'Duration") for w in warnings) == 10


def test_a_value_written_otherwise_than_ms_project_writes_it_is_counted_too(tmp_path):
    """Its Value before its FieldID, the FieldID spaced: the same field, the same count."""
    task = ("<Task><UID>1</UID><ID>1</ID><Name>Drill</Name><OutlineLevel>1</OutlineLevel><Duration>PT8H0M0S</Duration>"
            "<ExtendedAttribute><Value>CC-9</Value><FieldID> 188743731 </FieldID></ExtendedAttribute></Task>")
    path = tmp_path / "odd.xml"
    path.write_text(f"<Project><StartDate>2030-01-07T08:00:00</StartDate>{DEFINITIONS}<Tasks>{task}</Tasks></Project>")
    assert ("custom field 'Cost centre' not imported (a plan has no place for it): 1 task carried a value"
            in read_mspdi(path).warnings)


def test_an_mpp_file_read_through_mpxj_names_its_custom_fields_too(tmp_path, capsys):
    from mpxj_needs import skip_without_mpxj

    skip_without_mpxj()
    assert main(["import", str(REAL / "task-durations-project2013-mpp12.mpp"), "-o", str(tmp_path / "p.db")]) == 0
    notes = [line for line in capsys.readouterr().err.splitlines() if "custom field" in line]
    assert len(notes) == 10 and notes[0] == ("warning: custom field 'Duration1' not imported (a plan has no place "
                                             "for it): 11 tasks carried a value")


def test_a_file_of_thousands_of_fields_names_twenty_and_counts_the_rest(tmp_path, capsys):
    # One defined field, then 500 tasks each carrying a value of a field of its own (a file naming a
    # note per task would bury every other note): 20 named, the other 481 counted in one line.
    tasks = [_task(uid, {"188743731": "CC", str(188800000 + uid): "x"}) for uid in range(1, 501)]
    path = tmp_path / "many.xml"
    path.write_text(f"<Project><Title>Many</Title><StartDate>2030-01-07T08:00:00</StartDate>{DEFINITIONS}"
                    f"<Tasks>{''.join(tasks)}</Tasks></Project>", encoding="utf-8")
    assert main(["import", str(path), "-o", str(tmp_path / "m.db")]) == 0
    notes = [line for line in capsys.readouterr().err.splitlines() if "custom field" in line]
    assert len(notes) == 21 and notes[0].startswith("warning: custom field 'Cost centre' not imported")
    assert notes[-1] == "warning: and 481 more custom fields not imported (481 values in all)"
