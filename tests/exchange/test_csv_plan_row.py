"""A CSV table carries the plan's status date, Must Finish By and author on its project summary row,
so a plan exported and read back is scheduled as it was; a table without a status date says how its
unstarted work is scheduled."""

from __future__ import annotations

from datetime import date

import pytest

from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.domain import PlannerError, Project, Task
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.exchange.formats import read_plan, write_plan

HEADER = '"ID","Name","Outline Level","Duration","Start","Constraint Type","Status Date","Must Finish By","Author"\n'


def _dates(project: Project) -> dict[str, tuple]:
    """Each task's dates by its GUID: start, finish, late finish, total float."""
    dates = schedule(project).tasks
    return {tid: (d.early_start, d.early_finish, d.late_finish, d.total_float) for tid, d in dates.items()}


def test_the_roadmap_with_work_from_the_status_date_comes_back_with_the_same_dates(tmp_path):
    plan = build_reference_project()
    plan.status_date = date(2026, 12, 1)
    plan.add_task(Task("WP", "Surface power WP", 25))  # unstarted: scheduled from the status date
    path = tmp_path / "roadmap.csv"
    assert not any("status date" in w for w in write_plan(plan, path))
    back = read_plan(path)
    assert (back.project.status_date, back.project.author) == (date(2026, 12, 1), plan.author)
    assert not any("status date" in w for w in back.warnings)
    before, after = _dates(plan), _dates(back.project)
    assert after == before  # task by task (the GUID column keeps each task's id)
    work = next(t.id for t in back.project.tasks.values() if t.name == "Surface power WP")
    assert after[work][:2] == (date(2026, 12, 1), date(2026, 12, 26))  # 25 days from 1 December


def test_must_finish_by_comes_back_and_keeps_the_float(tmp_path):
    plan = Project("Finish by", date(2030, 1, 1), must_finish_by=date(2030, 3, 31))
    task = plan.add_task(Task("A", "Task a", 10))
    write_plan(plan, tmp_path / "plan.csv")
    back = read_plan(tmp_path / "plan.csv").project
    assert back.must_finish_by == date(2030, 3, 31)
    # 2030-01-01 + 10 days ends 2030-01-11 (exclusive); late finish the end of 31 March, 2030-04-01: 80 days
    assert _dates(back)[task.id][3] == _dates(plan)[task.id][3] == 80


def test_a_table_from_elsewhere_without_a_status_date_says_where_unstarted_work_starts(tmp_path):
    path = tmp_path / "msp.csv"
    path.write_text('"ID","Name","Outline Level","Duration","Start","Constraint Type"\n'
                    '"0","Plan","0","","2018-01-01",""\n'
                    '"1","Late work","1","5d","2026-12-01","As Soon As Possible"\n', encoding="utf-8")
    warnings = read_plan(path).warnings
    assert any(w.startswith("1 task starts on another day than the file's Start column shows (first: row 3, "
                            "'Late work', 2026-12-01 in the file, 2018-01-01 here); the file has no status date, "
                            "so unstarted work is scheduled from the plan's start 2018-01-01") for w in warnings)


def test_a_plan_without_a_status_date_comes_back_without_a_note(tmp_path):
    plan = Project("No status", date(2030, 1, 1))
    plan.add_task(Task("A", "Work", 5))
    write_plan(plan, tmp_path / "plan.csv")
    back = read_plan(tmp_path / "plan.csv")
    assert back.project.status_date is None and back.warnings == []


def test_a_table_whose_starts_are_read_needs_no_status_date_note(tmp_path):
    path = tmp_path / "sheet.csv"
    path.write_text('"Name","Duration","Start"\n"Work","5d","2026-12-01"\n', encoding="utf-8")
    assert not any("status date" in w for w in read_plan(path).warnings)


def test_plan_columns_on_a_task_row_are_named_and_not_read(tmp_path):
    path = tmp_path / "plan.csv"
    path.write_text(HEADER + '"0","Plan","0","","2030-01-01","","","",""\n'
                    '"1","Work","1","5d","","","2031-01-01","","Someone"\n', encoding="utf-8")
    result = read_plan(path)
    assert result.project.status_date is None and result.project.author == ""
    assert any("read on the project summary row (ID 0) only; 1 task row holds them, not read (row 3)" in w
               for w in result.warnings)


def test_a_status_date_that_is_not_a_day_is_refused_naming_row_and_column(tmp_path):
    path = tmp_path / "plan.csv"
    path.write_text(HEADER + '"0","Plan","0","","2030-01-01","","2031","",""\n', encoding="utf-8")
    with pytest.raises(PlannerError) as caught:
        read_plan(path)
    assert caught.value.code == "import.bad_row"
    assert "row 2, column Status Date: '2031' is not a day" in caught.value.message
