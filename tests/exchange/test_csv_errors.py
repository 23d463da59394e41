"""Bad CSV input gets an error naming the file line and column, never a traceback or a guess."""

from pathlib import Path

import pytest

from ilrs_planner.domain import PlannerError
from ilrs_planner.exchange import formats
from ilrs_planner.exchange.formats import read_plan, write_plan

HEADER = "ID,Name,Duration,Predecessors,Outline Level,Start,Constraint Type,Constraint Date,% Complete,Kind\n"
GOOD = "1,Design,5d,,1,,,,,\n2,Build,10d,1,1,,,,,\n"


def import_error(tmp_path, rows, header=HEADER):
    path = tmp_path / "bad.csv"
    path.write_text(header + GOOD + rows, encoding="utf-8")
    with pytest.raises(PlannerError) as caught:
        read_plan(path)
    return caught.value


@pytest.mark.parametrize("row, column, fragment", [
    ("3,Test,2d,3XX+2d,1,,,,,", "Predecessors", "'3XX+2d' is not a dependency (write 3, 3FS+2d, 4SS-1d)"),
    ("3,Test,2d,99,1,,,,,", "Predecessors", "no task has the ID '99'"),
    ("3,Test,2d,7FS+2d,1,,,,,", "Predecessors", "no task has the ID '7'"),
    ("3,Test,2d,1FS+50%,1,,,,,", "Predecessors", "percent"),
    ("3,Test,2d,1FS+2 fortnights,1,,,,,", "Predecessors", "has a lag that is not a duration"),
    ("3,Test,2d,3,1,,,,,", "Predecessors", "cannot depend on itself"),
    ("3,Test,2d,1;1,1,,,,,", "Predecessors", "listed twice"),
    ("2,Test,2d,,1,,,,,", "ID", "already used on row 3"),
    ("3,Test,2d,,1,2029-02-31,,,,", "Start", "not a real date"),
    ("3,Test,2d,,1,2/31/2029,,,,", "Start", "not a real date"),
    ("3,Test,2d,,1,15/06/2029,,,,", "Start", "write 2029-06-15"),
    ("3,Test,2d,,1,someday,,,,", "Start", "is not a date"),
    ("3,Test,-3d,,1,,,,,", "Duration", "negative"),
    ("3,Test,2 fortnights,,1,,,,,", "Duration", "not a duration"),
    ("3,Test,2d,,3,,,,,", "Outline Level", "level 3 follows level 1"),
    ("3,Test,2d,,x,,,,,", "Outline Level", "not a whole number"),
    ("3,Test,2d,,1,,Sometime,,,", "Constraint Type", "is not a constraint"),
    ("3,Test,2d,,1,,Must Start On,NA,,", "Constraint Date", "needs a date"),
    ("3,Test,2d,,1,,,2030-01-01,,", "Constraint Type", "needs a Constraint Type"),
    ("3,Test,2d,,1,,,,150%,", "% Complete", "0 to 100"),
    ("3,Test,2d,,1,,,,,rocket", "Kind", "is not one of phase, mission"),
    ("3,,2d,,1,,,,,", "Name", "no name"),
])
def test_bad_cell_names_row_and_column(tmp_path, row, column, fragment):
    err = import_error(tmp_path, row + "\n")
    assert err.code == "import.bad_row"
    assert err.message.startswith(f"row 4, column {column}: "), err.message
    assert fragment in err.message


def test_row_number_is_the_file_line_after_multi_line_cells(tmp_path):
    rows = '3,Test,2d,,1,,,,,\n4,"Two\nline name",1d,,1,,,,,\n5,Broken,2d,3XX+2d,1,,,,,\n'
    err = import_error(tmp_path, rows)
    assert err.message.startswith("row 7, column Predecessors:")


def test_too_many_cells_names_the_row(tmp_path):
    err = import_error(tmp_path, "3,Test,2d,,1,,,,,,,surplus\n")
    assert err.code == "import.bad_row" and "row 4" in err.message


def test_duplicate_keys_name_both_rows(tmp_path):
    header = "ID,Key,Name,Duration\n"
    path = tmp_path / "keys.csv"
    path.write_text(header + "1,same,A,1d\n2,other,B,1d\n3,same,C,1d\n", encoding="utf-8")
    with pytest.raises(PlannerError) as caught:
        read_plan(path)
    assert caught.value.message.startswith("row 4, column Key:") and "row 2" in caught.value.message


@pytest.mark.parametrize("content, fragment", [
    ("", "empty"),
    ("ID,Activity,Duration\n1,A,5d\n", "no Name column"),
    ("ID,Name,Name\n1,A,B\n", "appears twice"),
    ("ID,Name\n1,A\x00\n", "NUL"),
])
def test_unreadable_files(tmp_path, content, fragment):
    path = tmp_path / "file.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(PlannerError) as caught:
        read_plan(path)
    assert caught.value.code == "import.bad_file" and fragment in caught.value.message


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(PlannerError) as caught:
        read_plan(tmp_path / "absent.csv")
    assert caught.value.code == "import.bad_file" and "absent.csv" in caught.value.message


def test_unknown_extension_lists_the_supported_ones(tmp_path):
    with pytest.raises(PlannerError) as caught:
        read_plan(tmp_path / "plan.abc")
    assert caught.value.code == "import.bad_file"
    assert "'.abc'" in caught.value.message and ".csv" in caught.value.message and ".mpp" in caught.value.message


def test_format_whose_module_is_absent_is_reported_as_not_supported(tmp_path, monkeypatch):
    monkeypatch.setitem(formats.FORMAT_MODULES, ".gan", "no_such_format_module")
    monkeypatch.setitem(formats.FORMAT_NAMES, ".gan", "GanttProject")
    with pytest.raises(PlannerError) as caught:
        read_plan(tmp_path / "plan.gan")
    assert caught.value.code == "import.bad_file" and "not supported" in caught.value.message
    with pytest.raises(PlannerError) as caught:
        write_plan(None, tmp_path / "plan.gan")
    assert caught.value.code == "export.failed" and "not supported" in caught.value.message
    assert not Path(tmp_path / "plan.gan").exists()


@pytest.mark.parametrize("row, column", [
    ("3,Test,99999999999999999999d,,1,,,,,", "Duration"),
    ("3,Test,1" + "0" * 400 + "d,,1,,,,,", "Duration"),
    ("3,Test,301 y,,1,,,,,", "Duration"),
    ("3,Test,2d,1FS+99999999999999999999d,1,,,,,", "Predecessors"),
])
def test_a_duration_beyond_any_plan_is_refused_with_its_own_code(tmp_path, row, column):
    err = import_error(tmp_path, row + "\n")
    assert err.code == "duration.too_long"
    assert err.message.startswith(f"row 4, column {column}: ") and "300 years" in err.message
    assert len(err.message) < 200  # the 400-digit number is shortened
