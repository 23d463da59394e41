"""Rows pasted from a spreadsheet become tasks: columns by header name or, without one, Name, Duration,
Start; cells read as the task table reads typing; a bad cell refuses the paste, naming line and column."""

from __future__ import annotations

from datetime import date

import pytest
from commands.conftest import build_small_plan

from ilrs_planner.domain import Calendar, ConstraintType, LinkType, PlannerError, Precision, Project, TaskKind
from ilrs_planner.exchange.clip_sheet import paste_from_sheet

WEEKDAYS = (True,) * 5 + (False,) * 2


def working_week_plan() -> Project:
    plan = Project("Week", date(2031, 1, 6))
    plan.default_calendar_id = plan.add_calendar(Calendar("Standard", WEEKDAYS, [], id="std")).id
    return plan


def refusal(text: str, plan: Project) -> PlannerError:
    with pytest.raises(PlannerError) as caught:
        paste_from_sheet(text, plan)
    return caught.value


def test_without_a_header_the_columns_are_name_duration_start():
    pasted = paste_from_sheet("Dig trench\t3w\t2031-06\nPour base\t10d\n\nSign off\n", working_week_plan())
    dig, pour, sign = pasted.copied.tasks
    assert (dig.name, dig.duration, dig.constraint, dig.constraint_date, dig.precision) == \
        ("Dig trench", 15, ConstraintType.SNET, date(2031, 6, 1), Precision.MONTH)  # 3 weeks of 5 days
    assert (pour.name, pour.duration, pour.constraint) == ("Pour base", 10, ConstraintType.ASAP)
    assert (sign.name, sign.duration) == ("Sign off", 1)  # a new task's one day, as Insert gives
    assert [t.key for t in pasted.copied.tasks] == ["T-1", "T-2", "T-3"]
    assert pasted.notes == ["1 start pasted as Start No Earlier Than"]


def test_a_header_maps_columns_by_name_in_any_order_and_names_the_ones_left_out():
    text = "Colour\tnotes\tNAME\tStart\tFinish\tBudget\n" \
           "red\tSee the memo\tSurvey\t2031-06-02\t2031-06-13\t5\n"
    pasted = paste_from_sheet(text, working_week_plan())
    (survey,) = pasted.copied.tasks
    # Monday 2 June to Friday 13 June 2031: two weeks of five working days
    assert (survey.name, survey.notes, survey.duration, survey.constraint_date) == \
        ("Survey", "See the memo", 10, date(2031, 6, 2))
    assert pasted.notes == ["columns not pasted: Colour, Budget", "1 start pasted as Start No Earlier Than"]


@pytest.mark.parametrize("header", ["Task\tDays\tBegin\tAfter", "Task Name\tDuration\tStart\tPredecessors",
                                    "name\tDAYS\tStart Date\tDepends On"])
def test_the_header_names_a_csv_import_reads_name_the_pasted_columns(header):
    text = f"{header}\nSite survey\t4w\t2031-06-02\t\nClear site\t3d\t\t1\n"
    pasted = paste_from_sheet(text, working_week_plan())
    survey, clear = pasted.copied.tasks
    assert (survey.name, survey.duration, survey.constraint_date) == ("Site survey", 20, date(2031, 6, 2))  # 4 x 5 d
    assert (clear.name, clear.duration, clear.constraint) == ("Clear site", 3, ConstraintType.ASAP)
    assert [(link.pred_id, link.succ_id) for link in pasted.copied.links] == [(survey.id, clear.id)]
    assert pasted.notes == ["1 start pasted as Start No Earlier Than"]


def test_a_columns_own_name_wins_over_another_name_for_it_in_a_pasted_header():
    pasted = paste_from_sheet("ID\tName\tTask\tDuration\tDays\n1\tAlpha\tA-100\t5d\t7\n", working_week_plan())
    (task,) = pasted.copied.tasks
    assert (task.name, task.duration) == ("Alpha", 5)
    assert pasted.notes[0] == "columns not pasted: Task, Days"


def test_finishes_without_a_start_are_said_to_be_pasted_as_finish_no_earlier_than():
    pasted = paste_from_sheet("Name\tFinish\nA\t2031-06-02\nB\t2031-07-01\n", working_week_plan())
    assert pasted.notes == ["2 finishes pasted as Finish No Earlier Than"]


def test_a_finish_without_a_start_is_a_finish_no_earlier_than_its_period_end():
    (task,) = paste_from_sheet("Name\tDuration\tFinish\nLaunch window\t0\tQ3 2032\n", working_week_plan()).copied.tasks
    assert (task.kind, task.constraint, task.constraint_date, task.precision) == \
        (TaskKind.MILESTONE, ConstraintType.FNET, date(2032, 9, 30), Precision.QUARTER)
    assert task.key == "M-1"


def test_a_pasted_finish_is_the_tasks_last_day_of_work():
    from ilrs_planner.engine.cpm import schedule

    plan = working_week_plan()
    (task,) = paste_from_sheet("Name\tDuration\tFinish\nBeta\t5d\t2031-06-20\n", plan).copied.tasks
    plan.add_task(task)
    # Finish No Earlier Than the end of Friday 2031-06-20: five working days Monday 16 to Friday 20 June
    dates = schedule(plan).tasks[task.id]
    assert (dates.shown_start, dates.shown_finish) == (date(2031, 6, 16), date(2031, 6, 20))


def test_predecessors_name_pasted_rows_by_line_or_the_plans_tasks_by_key():
    plan = build_small_plan()
    text = "Name\tPredecessors\nFirst\tB\nSecond\t1FS+3d\nThird\t1SS, 2\n"
    pasted = paste_from_sheet(text, plan)
    first, second, third = pasted.copied.tasks
    links = {(k.pred_id, k.succ_id): (k.type, k.lag) for k in pasted.copied.links}
    assert links == {("b", first.id): (LinkType.FS, 0), (first.id, second.id): (LinkType.FS, 3),
                     (first.id, third.id): (LinkType.SS, 0), (second.id, third.id): (LinkType.FS, 0)}


def test_an_id_column_names_the_rows_as_the_table_copied_them():
    text = "ID\tName\tPredecessors\n7\tDesign\t\n9\tBuild\t7FS+2 days\n"
    design, build = paste_from_sheet(text, working_week_plan()).copied.tasks
    (link,) = paste_from_sheet(text, working_week_plan()).copied.links
    assert (design.name, build.name, link.type, link.lag) == ("Design", "Build", LinkType.FS, 2)


def test_keys_given_are_kept_unless_the_plan_has_them():
    pasted = paste_from_sheet("Key\tName\nA\tAnother A\nNEW\tNew one\n", build_small_plan())
    assert [t.key for t in pasted.copied.tasks] == ["A-2", "NEW"]


def test_rows_keyed_alike_are_numbered_on_in_their_order_past_the_numbers_taken():
    # The plan has A; a row takes A-3 as typed, so the rows keyed A get A-2, then A-4 and A-5 (not A-3 twice).
    text = "Key\tName\nA-3\tThird\nA\tOne\nA\tTwo\nA\tThree\n"
    pasted = paste_from_sheet(text, build_small_plan())
    assert [t.key for t in pasted.copied.tasks] == ["A-3", "A-2", "A-4", "A-5"]


def test_a_longest_key_pasted_twice_is_numbered_within_what_a_key_holds():
    longest = "k" * 200
    first, second = paste_from_sheet(f"Key\tName\n{longest}\ta\n{longest}\tb\n", build_small_plan()).copied.tasks
    assert (first.key, second.key) == (longest, "k" * 198 + "-2")


def test_a_cell_a_spreadsheet_kept_from_running_as_a_formula_pastes_as_written():
    (task,) = paste_from_sheet("'=cmd|' /C calc'!A0\t2d\n", working_week_plan()).copied.tasks
    assert task.name == "=cmd|' /C calc'!A0"


@pytest.mark.parametrize("text, named", [
    ("Dig\t3w\t2031-02-31\n", "Pasted line 1, Start: '2031-02-31' is not a real date"),
    ("Name\tDuration\nDig\t3w\nFill\tthree weeks\n", "Pasted line 3, Duration:"),
    ("Name\tDuration\nDig\t-3d\n", "Pasted line 2, Duration:"),
    ("Name\tPredecessors\nDig\tafter rain\n", "Pasted line 2, Predecessors: 'after rain' is not a dependency"),
    ("Name\tPredecessors\nDig\t1\n", "Pasted line 2, Predecessors: '1' is the row itself"),
    ("Name\tStart\tFinish\nDig\t2031-06-10\t2031-06-02\n", "Pasted line 2, Finish: '2031-06-02' is before"),
    ("Name\tDuration\n\t3d\n", "Pasted line 2, Name: a task needs a name"),
    ("Duration\tStart\n3d\t2031\n", "a header without a Name column"),
])
def test_a_bad_cell_refuses_the_whole_paste_naming_line_and_column(text, named):
    plan = working_week_plan()
    error = refusal(text, plan)
    assert error.code == "paste.bad_cell" and named in error.message
    assert plan.tasks == {}


def test_text_loses_control_and_bidirectional_characters():
    (task,) = paste_from_sheet("Name\tNotes\n\u202eDig\x1b[2J\t\"one\ntwo\x07\"\n", working_week_plan()).copied.tasks
    assert (task.name, task.notes) == ("Dig[2J", "one\ntwo")


def test_predecessors_outside_the_rows_are_left_out_and_named_the_rest_pasted():
    # Rows 9 and 10 copied from a table: 10 follows 9 (pasted with it), and 8 and 41 (not copied).
    text = "ID\tName\tDuration\tPredecessors\n9\tBuild\t5d\t8\n10\tTest\t3d\t9, 41SS\n"
    pasted = paste_from_sheet(text, working_week_plan())
    build, test = pasted.copied.tasks
    assert [(link.pred_id, link.succ_id) for link in pasted.copied.links] == [(build.id, test.id)]
    assert pasted.notes[-1] == ("predecessors '8' (line 2), '41SS' (line 3) left out: no pasted row has that ID "
                                "and no task of this plan that key")
