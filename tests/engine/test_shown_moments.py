"""Why, MTA and what-if read every kind of task's dates as the schedule shows them: a task's last
day, a milestone at the end or the start of a day, and a phase by its moments (engine/schedule.py)."""

from __future__ import annotations

import copy
from datetime import date

import pytest

from ilrs_planner.domain import Baseline, ConstraintType
from ilrs_planner.engine.attribution import attribute_projects, attribute_versions
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.engine.mta import milestone_trend
from ilrs_planner.engine.slippage import baseline_version, schedule_version
from ilrs_planner.engine.whatif import what_if

WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri"]


def _phases(make_project, weekdays):
    """From Monday 2030-01-07. Phase P: A (5 days, last day Friday 01-11) and M, held to start no
    earlier than Monday 01-21: M is at Monday 08:00, so P finishes then and shows Monday 01-21.
    Phase Q: B (5 days) -> N: N is at Friday 17:00, shown Friday 01-11, and so is Q's finish."""
    spec = {"start": date(2030, 1, 7), "status_date": date(2030, 1, 7), "tasks": [
        {"key": "P"}, {"key": "A", "duration": 5, "parent": "P"},
        {"key": "M", "parent": "P", "constraint": "SNET", "constraint_date": date(2030, 1, 21)},
        {"key": "Q"}, {"key": "B", "duration": 5, "parent": "Q"}, {"key": "N", "parent": "Q"}],
        "links": [{"from": "B", "to": "N"}]}
    if weekdays:
        spec |= {"calendars": [{"id": "std", "weekdays": weekdays}], "calendar": "std"}
    return make_project(spec)


def _later(project):
    """The same plan with M held to Thursday 01-24 and B lasting 7 days (last day Tuesday 01-15 on
    five days a week, Sunday 01-13 on seven)."""
    later = copy.deepcopy(project)
    later.tasks["M"].constraint_date = date(2030, 1, 24)
    later.tasks["B"].duration = 7
    return later


def _later_than_its_baseline(make_project, weekdays):
    """The phases plan with a baseline of its schedule, then made later (see _later)."""
    project = _phases(make_project, weekdays)
    before = schedule(project)
    project.baselines.append(Baseline("plan", date(2030, 1, 1),
                                      {tid: (d.early_start, d.early_finish) for tid, d in before.tasks.items()}))
    return _later(project)


def _b_last_day(weekdays):
    return date(2030, 1, 15) if weekdays else date(2030, 1, 13)


@pytest.mark.parametrize("weekdays", [None, WEEKDAYS], ids=["7-day", "5-day"])
def test_why_shows_each_kind_of_task_on_the_day_the_schedule_shows(make_project, weekdays):
    old = _phases(make_project, weekdays)
    new = _later(old)
    expected = {"P": ("2030-01-21", "2030-01-24"), "M": ("2030-01-21", "2030-01-24"),
                "Q": ("2030-01-11", _b_last_day(weekdays).isoformat()),
                "N": ("2030-01-11", _b_last_day(weekdays).isoformat()),
                "B": ("2030-01-11", _b_last_day(weekdays).isoformat())}
    for key, (was, now) in expected.items():
        result = attribute_projects(old, new, key)
        assert (result.old_text, result.new_text) == (was, now), key
        assert (result.old_shown, result.new_shown) == (date.fromisoformat(was), date.fromisoformat(now)), key


@pytest.mark.parametrize("weekdays", [None, WEEKDAYS], ids=["7-day", "5-day"])
def test_why_against_a_baseline_reads_a_phase_by_its_moments(make_project, weekdays):
    later = _later_than_its_baseline(make_project, weekdays)
    result = attribute_versions(later, schedule(later), baseline_version(later.baselines[0]),
                                schedule_version(later, schedule(later)), "P")
    assert (result.old_text, result.new_text) == ("2030-01-21", "2030-01-24")


@pytest.mark.parametrize("weekdays", [None, WEEKDAYS], ids=["7-day", "5-day"])
def test_trend_points_are_the_days_the_schedule_shows(make_project, weekdays):
    later = _later_than_its_baseline(make_project, weekdays)
    trend = milestone_trend(later, schedule(later), ["P", "M", "Q", "N", "B"])
    forecasts = {line.key: [day for _report, day in line.points] for line in trend.lines}
    b_last = _b_last_day(weekdays)
    assert forecasts == {"P": [date(2030, 1, 21), date(2030, 1, 24)], "M": [date(2030, 1, 21), date(2030, 1, 24)],
                         "Q": [date(2030, 1, 11), b_last], "N": [date(2030, 1, 11), b_last],
                         "B": [date(2030, 1, 11), b_last]}


@pytest.mark.parametrize("weekdays", [None, WEEKDAYS], ids=["7-day", "5-day"])
def test_what_if_lists_each_move_on_the_day_the_schedule_shows(make_project, weekdays):
    project = _phases(make_project, weekdays)
    result = what_if(project, "M", finish_on=date(2030, 1, 24))
    after = {m.key: (m.old_last_day, m.new_last_day) for m in result.moves}
    assert after == {"P": (date(2030, 1, 21), date(2030, 1, 24)), "M": (date(2030, 1, 21), date(2030, 1, 24))}
    assert project.tasks["M"].constraint is ConstraintType.SNET  # the plan itself is untouched
