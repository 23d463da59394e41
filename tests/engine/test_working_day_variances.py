"""Slips, what-if moves, why's credits and the trend's moves count working days of the task's calendar,
as MS Project's Finish Variance and P6's variances do; `d` means working days wherever it is written.
The plan and its hand-worked dates: tests/four_day_week.py (Monday-to-Thursday, 24 and 31 Dec off)."""

from __future__ import annotations

from datetime import date as D

from four_day_week import four_day_week, unstarted_week, with_progress
from openpyxl import load_workbook

from ilrs_planner.engine.attribution import attribute_projects, attribute_versions
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.engine.mta import milestone_trend
from ilrs_planner.engine.slippage import baseline_version, report_csv, schedule_version, slip_report
from ilrs_planner.engine.whatif import what_if
from ilrs_planner.exchange.formats import write_plan


def test_the_slip_report_counts_working_days_of_each_task_calendar():
    project = four_day_week()
    report = slip_report(project, schedule(project))
    texts = {row.key: row.variance_texts() for row in report.rows}
    # Fabricate's last day Wed 12-30 -> Mon 01-04: Thu 31 is New Year's Eve off, Fri to Sun are not
    # worked, so one working day (Monday), not five calendar days.
    assert texts["T-2"] == ("0 d", "+1 d")
    assert texts["T-3"] == ("+5 ed", "+5 ed")  # elapsed: calendar days, written as its Duration is
    # Review Thu 01-07 -> Tue 01-12 starts two working days later (Thu 7, Mon 11) and ends two later
    # (Tue 01-12 -> Thu 01-14: Wed 13, Thu 14); the milestone after it moves as much.
    assert texts["T-4"] == ("+2 d", "+2 d") and texts["T-5"] == ("+2 d", "+2 d")
    assert [row.key for row in report.slipped()] == ["T-3", "T-4", "T-5", "T-2"]  # largest first


def test_the_csv_and_json_name_their_unit_and_keep_the_calendar_days_beside():
    project = four_day_week()
    report = slip_report(project, schedule(project))
    fabricate = next(t for t in report.to_dict()["tasks"] if t["key"] == "T-2")
    assert fabricate["finish_variance_working_days"] == 1 and fabricate["finish_variance_calendar_days"] == 5
    header, *rows = report_csv(report).splitlines()
    assert '"finish_variance_working_days"' in header
    assert next(r for r in rows if r.startswith('"T-2"')).split(",")[8] == '"1"'


def test_what_if_moves_are_working_days():
    # Fabricate to finish on Thu 01-07 instead of Mon 01-04: three working days (5, 6, 7). Cure runs
    # 7 calendar days from Fri 01-08 to Thu 01-14, Review cannot start on Fri 01-15 and takes Mon 18
    # to Wed 20: three working days later than Thu 01-14, as the milestone after it.
    project = four_day_week()
    result = what_if(project, "T-2", finish_on=D(2027, 1, 7))
    moves = {m.key: (m.finish_delta, m.elapsed) for m in result.moves}
    assert moves == {"T-2": (3, False), "T-3": (3, True), "T-4": (3, False), "T-5": (3, False)}
    assert result.new_project_finish == D(2027, 1, 21) and result.project_finish_delta == 3
    ship = next(m for m in result.to_dict()["moves"] if m["key"] == "T-5")
    assert ship["finish_delta_working_days"] == 3 and (ship["old_finish"], ship["new_finish"]) == (
        "2027-01-15", "2027-01-21")  # six calendar days, three of them worked


def test_why_against_the_baseline_says_durations_as_the_duration_column_reads():
    project = four_day_week()
    result = attribute_versions(project, schedule(project), baseline_version(project.baselines[0]),
                                schedule_version(project, schedule(project)), "T-5")
    assert result.slip_days == 2 and result.slip_text == "+2 d" and result.unexplained_days == 0
    credits = {c.key: (c.days, c.description) for c in result.contributions}
    # Fabricate is 10 d in both plans: it ends a working day later because its 7 days left run from
    # the status date. Cure's 7 elapsed days now hold Mon 4 to Thu 7 and Mon 11 of the milestone's
    # week (four working days) where they held Mon 4 to Wed 6 (three, New Year's Eve off).
    assert credits == {
        "T-2": (1, "'Fabricate' (T-2) ends later, still 10 d: its work left runs from the status date 2026-12-21"),
        "T-3": (1, "'Cure (elapsed)' (T-3) still lasts 7 ed, across more working days on the calendar of 'T-5'")}
    assert all("lasts -" not in c.description and "lasts +" not in c.description for c in result.contributions)


def test_why_reads_the_baselines_chain_without_the_progress_recorded_since():
    project = four_day_week()
    result = attribute_versions(project, schedule(project), baseline_version(project.baselines[0]),
                                schedule_version(project, schedule(project)), "T-5")
    then = {step.key: step.driver for step in result.old_chain}
    now = {step.key: step.driver for step in result.new_chain}
    # On 3 December nothing had started: Fabricate followed Design (Thursday's finish, Monday's start).
    assert then["T-2"] == "FS from 'Design' (T-1)" and then["T-1"] == "plan start"
    assert now["T-2"] == "actual dates (history)"


def test_why_between_two_plans_credits_working_days_that_add_up():
    before, after = unstarted_week(), with_progress(unstarted_week())
    result = attribute_projects(before, after, "T-5")
    assert result.slip_days == 2 and sum(c.days for c in result.contributions) == 2
    assert result.to_dict()["slip_calendar_days"] == 2 and result.to_dict()["slip_working_days"] == 2


def test_the_trend_counts_the_milestones_move_in_working_days():
    project = four_day_week()
    line = milestone_trend(project, schedule(project), ["T-2"]).lines[0]
    assert line.total_slip_days == 1 and line.total_calendar_days == 5 and line.total_slip_text == "+1 d"
    assert [m.text for m in line.moves()] == ["+1 d"]


def test_the_xlsx_variance_columns_count_working_days(tmp_path):
    # The one note: the four-day week goes out by its name only (its days are the columns' own below).
    assert write_plan(four_day_week(), tmp_path / "week.xlsx") == [
        "calendars are written by name only, without their working days and exceptions: Four-day; a spreadsheet "
        "cannot carry them: use .db or MS Project XML to keep them"]
    sheet = load_workbook(tmp_path / "week.xlsx")["Tasks"]
    header = [c.value for c in sheet[1]]
    rows = {row[header.index("Key")]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    finish = header.index("Finish variance (d)")
    assert (rows["T-2"][finish], rows["T-3"][finish], rows["T-5"][finish]) == (1, 5, 2)
