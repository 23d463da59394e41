"""Slip colours at the precision of the words: a variance counted in years, quarters or months is
coloured by those periods (engine.variance_periods), so a bar's colour, its badge and the legend say
what the table's Finish variance and the slip report say. Worked by hand."""

from __future__ import annotations

from datetime import date

import numpy as np

from ilrs_planner.chart import SceneOptions, TimeScale, build_chart_data, build_scene
from ilrs_planner.chart.data import symbols_in
from ilrs_planner.chart.refresh import Edits, refresh_chart_data
from ilrs_planner.chart.variance import ON_TIME_STEP, SLIP_STEPS, WEEK_STEPS, slip_steps
from ilrs_planner.commands.tasks import SetTaskFields
from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.domain import Baseline, Calendar, ConstraintType, Precision, Project, Task, TaskKind
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.engine.schedule import shown_days
from ilrs_planner.engine.slippage import slip_report
from ilrs_planner.engine.variance_periods import counted_days

HEFEI = "2023-04-25 Hefei conference (Wu Weiren, Wu Yanhua)"
SPACE_COM_2020 = "2020-10 Chang'e 6-8 plans (Space.com)"


def _steps(data, keys, project) -> dict[str, int]:
    rows = [data.row_of[project.task_by_key(key).id] for key in keys]
    return dict(zip(keys, slip_steps(data.slip_counted[rows], data.slip_scale).tolist()))


def _marked_rows(data) -> set[int]:
    """The rows with a slip mark drawn, the whole plan in view."""
    scale = TimeScale.fit(date(2015, 1, 1), date(2060, 1, 1), 4000)
    scene = build_scene(data, scale, 4000, 0, len(data), SceneOptions())
    return set(scene.slips.rows.tolist()) if scene.slips is not None else set()


def test_the_roadmaps_year_announcements_are_coloured_as_their_words_read():
    project = build_reference_project()
    plan = schedule(project)
    data = build_chart_data(project, plan, list(project.tasks), baseline=HEFEI)
    report = slip_report(project, plan, HEFEI)
    keys = ("change-6", "queqiao-2", "ilrs-founding-agreements", "lm9")
    words = {key: report.row(project.task_by_key(key).id).variance_texts()[1] for key in keys}
    assert words == {"change-6": "0 y", "queqiao-2": "0 y", "ilrs-founding-agreements": "+1 y", "lm9": "+3 y"}
    # Hefei said "in 2024": Chang'e 6's baseline ends 2024-02-24 (exclusive), its return 2024-06-25:
    # 123 calendar days, but within the year announced: on time, no slip mark. Queqiao-2: 79 days, 2024.
    change_6 = data.row_of[project.task_by_key("change-6").id]
    assert data.slip[change_6] == 123 and data.slip_counted[change_6] == 0
    # The founding agreements, "2023", came 427 days later in 2024: '+1 y', 365 days, "1–12 months
    # late" (by days, 427, it was "1–3 years late"); the Long March 9's '+3 y' (1,096 days) is 1,095
    # days: "1–3 years late", not "over 3 years late".
    steps = _steps(data, keys, project)
    assert steps == {"change-6": ON_TIME_STEP, "queqiao-2": ON_TIME_STEP, "ilrs-founding-agreements": 3, "lm9": 4}
    assert SLIP_STEPS[3][2] == "1–12 months late" and SLIP_STEPS[4][2] == "1–3 years late"
    marked = _marked_rows(data)
    assert change_6 not in marked and data.row_of[project.task_by_key("ilrs-founding-agreements").id] in marked


def test_chang_e_6_189_days_inside_its_announced_year_is_not_drawn_early():
    project = build_reference_project()
    data = build_chart_data(project, schedule(project), list(project.tasks), baseline=SPACE_COM_2020)
    change_6 = data.row_of[project.task_by_key("change-6").id]
    # The 2020 plan placed "2024" to its last day, 2024-12-31: 189 days after the return, in 2024.
    assert data.slip[change_6] == -189 and data.slip_counted[change_6] == 0
    assert change_6 not in _marked_rows(data)


def _months_plan(year: Precision = Precision.YEAR) -> Project:
    """Half a year on a seven-day week from 2029-01-01, so a plan of months (variance.WEEK_STEPS):
    A and B, 181 days each, finish on 2029-06-30 (exclusive 2029-07-01). Y, "2029", makes the plan one
    whose baselines may hold periods. A's baseline starts on the 1st of February: "2029-03", its
    last day 2029-03-01; B's lies on no month's edge: days, last 2029-05-09."""
    project = Project("Months", date(2029, 1, 1))
    project.default_calendar_id = project.add_calendar(Calendar("Every day", (True,) * 7, id="all")).id
    for position, (key, precision) in enumerate((("A", Precision.DAY), ("B", Precision.DAY), ("Y", year))):
        project.add_task(Task(key, key, 181, id=key, position=position, precision=precision))
    project.baselines.append(Baseline("Spring", date(2029, 1, 1), {
        "A": (date(2029, 2, 1), date(2029, 3, 2)), "B": (date(2029, 1, 10), date(2029, 5, 10))}))
    return project


def test_a_month_announcement_is_coloured_in_months_and_a_day_one_in_days():
    project = _months_plan()
    plan = schedule(project)
    assert plan.tasks["A"].early_finish == plan.tasks["B"].early_finish == date(2029, 7, 1)
    data = build_chart_data(project, plan, list(project.tasks), baseline="Spring")
    assert data.slip_scale == WEEK_STEPS
    report = slip_report(project, plan, "Spring")
    # A: "2029-03" to 2029-06-30, '+3 mo': 3 x 365 / 12 = 91 days, "1–3 months late"; its calendar
    # days, 2029-03-02 to 2029-07-01, 121, would be "over 3 months late".
    assert report.row("A").variance_texts()[1] == "+3 mo"
    assert data.slip[0] == 121 and data.slip_counted[0] == 91
    # B: two days known to the day, 2029-05-10 to 2029-07-01: 52 days, '+52 d', "1–3 months late" by its days.
    assert report.row("B").variance_texts()[1] == "+52 d" and data.slip_counted[1] == 52
    assert np.isnan(data.slip_counted[2])  # Y is not in the baseline
    steps = slip_steps(data.slip_counted[:2], WEEK_STEPS).tolist()
    assert steps == [4, 4] and WEEK_STEPS[4][2] == "1–3 months late"
    assert {key for key in symbols_in(data) if key.startswith("slip")} == {"slip4"}  # the legend's one step


def test_a_plan_dated_to_the_day_that_gets_its_first_coarse_date_reads_its_baseline_anew():
    """In a plan dated to the day throughout every baseline date is a day: A's slip is its 121 days.
    Y set to "a year" makes A's baseline, from the 1st of February, "2029-03": '+3 mo', 91 days,
    though only Y was edited; undone, 121 again. The chart brought up to date after the edit says so."""
    project = _months_plan(year=Precision.DAY)
    rows = list(project.tasks)
    data = build_chart_data(project, schedule(project), rows, baseline="Spring")
    assert data.slip_counted[0] == 121
    set_year = SetTaskFields("Y", precision=Precision.YEAR)
    for step, counted in ((set_year.apply, 91), (set_year.revert, 121)):
        changes, plan = step(project), schedule(project)
        refreshed = refresh_chart_data(data, project, plan, rows, Edits(changes.task_ids), baseline="Spring")
        data = refreshed or build_chart_data(project, plan, rows, baseline="Spring")
        assert data.slip_counted[0] == counted


def test_a_task_set_to_be_known_to_the_day_and_back_is_coloured_as_a_fresh_build_colours_it():
    """With the Hefei baseline compared, the founding agreements ('+1 y') and Chang'e 7 ('+153 d')
    set to be known to the day, and back: the chart brought up to date after each edit counts every
    row's slip as a fresh build does."""
    project = build_reference_project()
    rows = list(project.tasks)
    data = build_chart_data(project, schedule(project), rows, baseline=HEFEI)
    for key in ("ilrs-founding-agreements", "change-7"):
        edit = SetTaskFields(project.task_by_key(key).id, precision=Precision.DAY)
        for step in (edit.apply, edit.revert):
            changes, plan = step(project), schedule(project)
            refreshed = refresh_chart_data(data, project, plan, rows, Edits(changes.task_ids), baseline=HEFEI)
            fresh = build_chart_data(project, plan, rows, baseline=HEFEI)
            assert refreshed is not None
            np.testing.assert_array_equal(refreshed.slip_counted, fresh.slip_counted)
            data = refreshed


def test_every_row_of_the_roadmap_is_coloured_as_the_slip_report_counts_it_against_every_baseline():
    """For each of the roadmap's 32 baselines, each row the baseline holds: the days its colour counts
    are those of the slip report's finish variance at the precision its words use, each side's last
    day read at the row's moments of day (a milestone at a day's end, a summary's)."""
    project = build_reference_project()
    plan = schedule(project)
    rows, compared = list(project.tasks), 0
    for baseline in project.baselines:
        data = build_chart_data(project, plan, rows, baseline=baseline.name)
        report = {row.task_id: row for row in slip_report(project, plan, baseline.name).rows}
        for i in np.flatnonzero(~np.isnan(data.slip_counted)).tolist():
            row = report[data.task_ids[i]]
            was = shown_days(row.baseline_start, row.baseline_finish, row.baseline_at_day_end, row.summary_moments)
            now = shown_days(row.current_start, row.current_finish, row.current_at_day_end, row.summary_moments)
            expected = counted_days(row.finish_calendar_days, was[1], now[1], Precision(row.baseline_precision),
                                    Precision(row.current_precision))
            assert data.slip_counted[i] == expected, (baseline.name, row.key, row.variance_texts())
            compared += 1
    assert compared > 1000


def test_a_stage_ending_at_a_days_start_reads_its_baseline_as_the_table_does():
    """Stage S ends with Review, a milestone at the start of 2029-03-01 (its SNET date), so S is
    shown ending on 2029-03-01, and its baseline's finish, the start of 2029-04-01, is read on
    2029-04-01 as the task table and the slip report read it: "Q2 2029" (from 2029-01-05 to a
    quarter's end) against 2029-03-01 in Q1, '-3 mo'. Three months are 91 days: on this plan of half
    a year, "over 3 months early", as 91 days early are. By its calendar days it is 31 days early."""
    project = Project("Moments", date(2029, 1, 1))
    project.default_calendar_id = project.add_calendar(Calendar("Every day", (True,) * 7, id="all")).id
    project.add_task(Task("S", "Stage", kind=TaskKind.PHASE, id="S", position=0))
    project.add_task(Task("T", "Work", 10, id="T", parent_id="S", position=0))
    project.add_task(Task("M", "Review", 0, id="M", parent_id="S", position=1, constraint=ConstraintType.SNET,
                          constraint_date=date(2029, 3, 1)))
    project.add_task(Task("Y", "Elsewhere", 181, id="Y", position=1, precision=Precision.YEAR))
    project.baselines.append(Baseline("B", date(2029, 1, 1), {"S": (date(2029, 1, 5), date(2029, 4, 1))}))
    plan = schedule(project)
    assert plan.tasks["S"].shown_finish == date(2029, 3, 1)
    assert slip_report(project, plan, "B").row("S").variance_texts()[1] == "-3 mo"
    data = build_chart_data(project, plan, list(project.tasks), baseline="B")
    assert data.slip[0] == -31 and data.slip_counted[0] == -91
    assert data.slip_scale == WEEK_STEPS and slip_steps(data.slip_counted[:1], WEEK_STEPS).tolist() == [0]
