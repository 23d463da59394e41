"""What a CSV import makes of its header: unknown tables refused by name, other tools' columns
understood, bare Start dates reported as the constraints they become, and huge headers refused."""

import pytest
from csv_text import read_csv_text

from ilrs_planner.domain import ConstraintType, PlannerError


def _refusal(tmp_path, text) -> PlannerError:
    with pytest.raises(PlannerError) as err:
        read_csv_text(tmp_path, text)
    return err.value


def test_a_table_with_no_column_we_read_is_refused_naming_both_sides(tmp_path):
    err = _refusal(tmp_path, "Titel,Anfang,Ende\nEntwurf,2030-01-01,2030-01-31\n")
    assert err.code == "import.no_columns"
    assert "the file has: Titel, Anfang, Ende" in err.message  # what it saw
    assert all(column in err.message for column in ("Name", "Duration", "Predecessors", "Start"))  # what it knows


def test_a_spreadsheet_gantt_table_imports_with_its_dates_and_dependencies(tmp_path):
    result = read_csv_text(tmp_path, "Task Name,Start Date,End Date,Depends On\n"
                               "Design,2030-01-01,2030-01-31,\nBuild,2030-02-01,2030-02-10,1\n")
    tasks = {t.name: t for t in result.project.tasks.values()}
    assert tasks["Design"].duration == 31 and tasks["Build"].duration == 10  # Jan 1-31, Feb 1-10 inclusive
    assert tasks["Build"].constraint_date.isoformat() == "2030-02-01"
    assert [(result.project.tasks[k.pred_id].name, result.project.tasks[k.succ_id].name)
            for k in result.project.links.values()] == [("Design", "Build")]
    assert result.project.start.isoformat() == "2030-01-01"
    assert any("from its Start to its Finish" in w for w in result.warnings)


def test_a_sheet_headed_task_days_begin_after_imports_as_name_duration_start_predecessors(tmp_path):
    result = read_csv_text(tmp_path, "Task,Days,Begin,After\nDesign,5d,2030-01-01,\nBuild,3d,,1\n")
    tasks = {t.name: t for t in result.project.tasks.values()}
    assert (tasks["Design"].duration, tasks["Build"].duration) == (5, 3)
    assert tasks["Design"].constraint_date.isoformat() == "2030-01-01"
    assert [(result.project.tasks[k.pred_id].name, result.project.tasks[k.succ_id].name)
            for k in result.project.links.values()] == [("Design", "Build")]


def test_a_columns_own_name_wins_over_another_name_for_it_which_is_left_unread(tmp_path):
    # A "Task" code column beside "Name", and "Days" beside "Duration", as tables from elsewhere have
    # them: read as before spreadsheets' names were, the others listed as not read, not refused.
    result = read_csv_text(tmp_path, "ID,Task,Name,Duration,Days\n1,T1,Alpha,5d,7\n")
    (task,) = result.project.tasks.values()
    assert (task.name, task.duration) == ("Alpha", 5)
    assert "columns not read: Task, Days" in result.warnings


def test_the_import_says_how_many_start_dates_became_constraints(tmp_path):
    result = read_csv_text(tmp_path, "ID,Name,Duration,Start,Constraint Type,Constraint Date\n"
                               "1,A,5d,2030-01-01,,\n2,B,3d,2030-02-01,,\n"
                               "3,C,3d,2030-03-01,Must Start On,2030-03-01\n4,D,2d,,,\n")
    snet = [t.key for t in result.project.tasks.values() if t.constraint is ConstraintType.SNET]
    assert snet == ["1", "2"]
    [warning] = [w for w in result.warnings if "Start No Earlier Than" in w]
    assert warning.startswith("2 Start date(s) became 'Start No Earlier Than' constraints") and "tasks 1, 2" in warning


def test_an_ms_project_export_with_constraint_types_gets_no_such_warning(tmp_path):
    result = read_csv_text(tmp_path, "ID,Name,Duration,Start,Constraint Type\n1,A,5d,2030-01-01,As Soon As Possible\n")
    assert not any("Start No Earlier Than" in w for w in result.warnings)


@pytest.mark.parametrize("columns", [100_000, 1_000_000])
def test_a_header_of_very_many_columns_is_refused_with_a_short_message(tmp_path, columns):
    header = ",".join(f"Column {n}" for n in range(columns))
    err = _refusal(tmp_path, f"Name,{header}\nA\n")
    assert err.code == "import.bad_file" and f"{columns + 1:,} columns" in err.message
    assert len(err.message) < 200


def test_a_wide_table_within_bounds_lists_its_unread_columns_briefly(tmp_path):
    header = ",".join(f"Extra {n}" for n in range(900))
    result = read_csv_text(tmp_path, f"Name,Duration,{header}\nA,5d\n")
    [warning] = [w for w in result.warnings if w.startswith("columns not read")]
    assert "Extra 0, Extra 1" in warning and "and 888 more" in warning and len(warning) < 400
