"""The roadmap as announced: each baseline's dates as a plan, with the same rows in every step."""

from datetime import date

import numpy as np

from ilrs_planner.chart.history import announced_dates, history_chart_data, known_by, moments
from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.domain import Baseline
from ilrs_planner.engine.cpm import schedule as cpm_schedule


def test_one_step_per_baseline_oldest_first_then_the_current_plan(plan):
    project, _schedule, rows = plan
    project.baselines += [Baseline("2029-06-01 later", date(2029, 6, 1), {}),
                          Baseline("2028-01-01 first", date(2028, 1, 1), {})]
    steps = moments(project)
    assert [s.as_of for s in steps[:2]] == [date(2028, 1, 1), date(2029, 6, 1)]
    assert [s.topic for s in steps[:2]] == ["first", "later"]
    assert steps[-1].baseline is None and len(steps) == 3


def test_a_summary_the_baseline_leaves_out_spans_its_announced_children(plan):
    project, _schedule, rows = plan
    phase, design, build, launch = rows
    baseline = Baseline("b", date(2028, 1, 1), {design: (date(2031, 1, 1), date(2031, 2, 1)),
                                                launch: (date(2032, 6, 1), date(2032, 6, 1))})
    dates = announced_dates(project, baseline)
    assert dates[phase] == (date(2031, 1, 1), date(2032, 6, 1))
    assert build not in dates  # announced later


def test_a_step_draws_the_baselines_dates_and_nothing_for_tasks_not_yet_announced(plan):
    project, schedule, rows = plan
    phase, design, build, launch = rows
    project.tasks[design].actual_start = date(2030, 1, 1)
    baseline = Baseline("b", date(2028, 1, 1), {design: (date(2031, 1, 1), date(2031, 2, 1))})
    project.baselines.append(baseline)
    data = history_chart_data(project, moments(project)[0], rows, schedule)
    assert data.task_ids == rows  # the same rows in every step
    assert data.start[1] == date(2031, 1, 1).toordinal() and np.isnan(data.start[2])
    assert not data.actual[1]  # flown in 2030, not yet in 2028
    assert not data.critical.any()
    assert known_by(date(2030, 1, 1), date(2031, 1, 1)) and not known_by(None, None)


def test_a_milestone_announced_by_the_end_of_a_year_is_labelled_that_year_in_its_frame():
    # 2022-11-22, Wu Weiren: "basic structure by 2028". The baseline keeps the point 2029-01-01 (the end
    # of 31 December 2028); the frame labelled it "· 2029" and drew its year band over 2029, while the
    # slip report, the trend chart and the tracking Gantt read the same announcement as 2028.
    project = build_reference_project()
    schedule = cpm_schedule(project)
    rows = list(project.tasks)
    moment = next(m for m in moments(project) if m.as_of == date(2022, 11, 22))
    data = history_chart_data(project, moment, rows, schedule)
    basic = data.task_ids.index(project.task_by_key("ilrs-basic").id)
    assert data.labels[basic].endswith("2028")
    assert date.fromordinal(int(data.soft0[basic])).year == 2028
    assert date.fromordinal(int(data.soft1[basic]) - 1).year == 2028
