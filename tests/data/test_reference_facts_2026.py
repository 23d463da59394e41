"""The roadmap brought up to 1 December 2026: each checked fact lands in the plan as its source says."""

from datetime import date

import pytest

from ilrs_planner.data.facts import load_facts
from ilrs_planner.domain import Precision, shown_finish
from ilrs_planner.engine.cpm import schedule


@pytest.fixture(scope="module")
def dates(plan):
    result = schedule(plan)
    return {t.key: result.tasks[t.id] for t in plan.tasks.values()}


def _fact(row_id):
    return next(f for f in load_facts() if f.id == row_id)


def test_mengzhou_pad_abort_is_on_17_june_2025(plan, dates):
    task = plan.task_by_key("mengzhou-abort-test")
    assert (task.actual_start, task.precision) == (date(2025, 6, 17), Precision.DAY)  # not "2025-06"
    assert shown_finish(dates[task.key].early_start, dates[task.key].early_finish) == date(2025, 6, 17)
    assert "chinadaily.com.cn" in task.source_url


def test_long_march_10_static_fires_are_ground_tests_before_the_low_altitude_flight(plan):
    fires = [plan.task_by_key(k).actual_start for k in ("lm10-static-fire-1", "lm10-static-fire-2")]
    assert fires == [date(2025, 8, 15), date(2025, 9, 12)]
    assert plan.task_by_key("lm10-static-fire-2").source_url == "http://en.people.cn/n3/2025/0913/c90000-20365765.html"
    assert plan.task_by_key("lm10-lowalt-test").actual_start == date(2026, 2, 11)


def test_the_low_altitude_test_is_not_long_march_10s_first_orbital_flight(plan):
    first_flight = plan.task_by_key("lm10")
    assert first_flight.actual_start is None and first_flight.percent_complete == 0  # no source reports it
    assert "orbital" in first_flight.name
    assert "prototype first stage" in plan.task_by_key("lm10-lowalt-test").name


def test_chang_e_6_lands_on_its_beijing_date(plan):
    landing = plan.task_by_key("change-6-landing")
    assert landing.actual_start == date(2024, 6, 2)
    assert "Beijing time" in _fact("change-6-landing").notes and "22:23 UTC on 2024-06-01" in _fact(
        "change-6-landing").notes


def test_luna_29_is_an_orbiter_with_no_announced_date(plan):
    rows = [f for f in load_facts() if f.base == "luna-29"]
    assert [r.announced_on for r in rows] == ["2025-04-29", "2025-08-22"]
    assert all(r.window is None for r in rows)  # neither statement gives a date
    task = plan.task_by_key("luna-29")
    assert "orbiter" in task.name and "by inference" in task.notes


def test_university_of_sharjah_signed_with_dsel_in_november_2023(plan):
    assert plan.task_by_key("agr-sharjah-dsel").actual_start == date(2023, 11, 14)
    sharjah = next(p for p in plan.participants.values() if p.name.startswith("University of Sharjah"))
    assert sharjah.joined == date(2023, 11, 14)


def test_long_march_9_2033_is_marked_as_resting_on_no_primary_statement(plan):
    assert "Wikipedia alone" in _fact("lm9@current").notes
    assert plan.task_by_key("lm9").notes.startswith("INFERRED")


def test_lanyue_is_under_way_at_the_status_date_and_nothing_unreported_is_flown(plan):
    lanyue = plan.task_by_key("lanyue")
    assert (lanyue.actual_start, lanyue.actual_finish, lanyue.percent_complete) == (date(2025, 8, 6), None, 27)
    for key in ("change-7", "lm10", "mengzhou"):  # no source reports them by 2026-12-01
        assert plan.task_by_key(key).actual_start is None, key


def test_progress_no_source_reports_is_the_elapsed_share_of_the_span(plan, dates):
    # No fact row measures the progress of work under way, so the plan claims none of its own: the
    # % complete is the share of the task's span elapsed at the status date (342 of the power plant's
    # 4,026 days from its 2025-12-24 contract to the end of 2036: 8.5 %, rounded up to 9), which
    # keeps its remaining work inside the announced period. A figure of 16 % claimed twice that.
    plant = plan.task_by_key("lunar-power-plant")
    assert (plant.actual_start, plant.duration, plant.percent_complete) == (date(2025, 12, 24), 4026, 9)
    assert "342 of its 4,026 days" in plant.notes
    for task in plan.tasks.values():
        if task.actual_start is not None and task.actual_finish is None:
            elapsed = (plan.status_date - task.actual_start).days
            assert task.percent_complete == -(-100 * elapsed // task.duration), task.key
    assert shown_finish(dates[plant.key].early_start, dates[plant.key].early_finish).year == 2036
