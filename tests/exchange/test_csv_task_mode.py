"""MS Project's Task Mode column in CSV tables: a manually scheduled task keeps its Start whatever its
predecessors say, is written back as "Manually Scheduled", and an unknown mode is refused by name."""

from datetime import date

import pytest
from csv_text import read_csv_text

from ilrs_planner.domain import ConstraintType, PlannerError
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.exchange import msp_csv
from ilrs_planner.exchange.formats import read_plan

HEADER = "ID,Name,Duration,Start,Predecessors,Constraint Type,Task Mode\n"



def _by_name(project):
    return {t.name: t for t in project.tasks.values()}


def test_a_manually_scheduled_row_keeps_its_start_before_its_predecessor_finishes(tmp_path):
    # As MS Project exports it: a constraint on every row, As Soon As Possible; Build is manual and
    # starts 2030-01-03 though Design, its predecessor, runs to 2030-01-10 (its last day).
    result = read_csv_text(tmp_path, HEADER + "1,Design,10d,2030-01-01,,As Soon As Possible,Auto Scheduled\n"
                                        "2,Build,5d,2030-01-03,1,As Soon As Possible,Manually Scheduled\n"
                                        "3,Test,2d,2030-01-08,2,As Soon As Possible,Auto Scheduled\n")
    tasks = _by_name(result.project)
    assert [t.manual for t in tasks.values()] == [False, True, False]
    dates = schedule(result.project).tasks
    assert (dates[tasks["Build"].id].early_start, dates[tasks["Build"].id].early_finish) == (
        date(2030, 1, 3), date(2030, 1, 8))
    assert dates[tasks["Test"].id].early_start == date(2030, 1, 8)  # follows Build, not Design
    assert not any("Start No Earlier Than" in w for w in result.warnings)


def test_a_manual_task_on_the_plan_start_is_held_by_no_constraint(tmp_path):
    result = read_csv_text(tmp_path, HEADER + "1,Design,10d,2030-01-01,,As Soon As Possible,Manually Scheduled\n")
    [task] = result.project.tasks.values()
    assert task.manual and task.constraint is ConstraintType.ASAP and task.constraint_date is None


def test_task_mode_survives_a_csv_round_trip_with_the_dates(tmp_path):
    first = read_csv_text(tmp_path, HEADER + "1,Design,10d,2030-01-01,,As Soon As Possible,Auto Scheduled\n"
                                       "2,Build,5d,2030-01-03,1,As Soon As Possible,Manually Scheduled\n")
    path = tmp_path / "again.csv"
    msp_csv.write(first.project, path)
    assert "Manually Scheduled" in path.read_text(encoding="utf-8")
    again = read_plan(path).project
    assert [t.manual for t in again.tasks.values()] == [False, True]
    before, after = schedule(first.project).tasks, schedule(again).tasks
    assert [(d.early_start, d.early_finish, d.total_float) for d in before.values()] == [
        (d.early_start, d.early_finish, d.total_float) for d in after.values()]


def test_the_start_holding_a_manual_task_is_written_as_ms_project_exports_one(tmp_path):
    """Build, held Start No Earlier Than its start 2030-01-03 (as a plan made before manual starts were
    kept apart holds it), is written as MS Project exports a manual task: As Soon As Possible beside its
    Start, no Constraint Date, read back as its manual start; a planner's own constraint stays."""
    import csv

    from ilrs_planner.domain import Link, Project, Task

    plan = Project("Modes", date(2030, 1, 1))
    design = plan.add_task(Task("A", "Design", 10))
    build = plan.add_task(Task("B", "Build", 5, position=1, manual=True, constraint=ConstraintType.SNET,
                               constraint_date=date(2030, 1, 3)))
    review = plan.add_task(Task("C", "Review", 3, position=2, manual=True, constraint=ConstraintType.FNLT,
                                constraint_date=date(2030, 2, 1)))
    plan.add_link(Link(design.id, build.id))
    plan.add_link(Link(build.id, review.id))
    path = tmp_path / "plan.csv"
    msp_csv.write(plan, path)
    rows = {row["Name"]: row for row in csv.DictReader(path.read_text(encoding="utf-8-sig").splitlines())}
    assert (rows["Build"]["Constraint Type"], rows["Build"]["Constraint Date"]) == ("As Soon As Possible", "")
    assert rows["Build"]["Start"] == "2030-01-03" and rows["Build"]["Task Mode"] == "Manually Scheduled"
    assert rows["Review"]["Constraint Type"] == "Finish No Later Than"
    again = _by_name(read_plan(path).project)["Build"]
    assert (again.manual, again.manual_start, again.constraint) == (True, date(2030, 1, 3), ConstraintType.ASAP)


@pytest.mark.parametrize("mode, manual", [("manual", True), ("AUTO", False), ("", False),
                                          ("Manually  scheduled", True)])
def test_task_mode_words_are_read_as_people_type_them(tmp_path, mode, manual):
    result = read_csv_text(tmp_path, f"Name,Duration,Task Mode\nA,2d,{mode}\n")
    assert [t.manual for t in result.project.tasks.values()] == [manual]


def test_an_unknown_task_mode_is_refused_naming_the_row_and_column(tmp_path):
    with pytest.raises(PlannerError) as caught:
        read_csv_text(tmp_path, "Name,Duration,Task Mode\nA,2d,Sometimes\n")
    assert caught.value.code == "import.bad_row"
    message = caught.value.message
    assert "row 2, column Task Mode" in message and "'Sometimes' is not a task mode" in message
