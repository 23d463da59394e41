"""Earlier announcements as baselines: the real slips of the programme are in the bundled plan."""

from datetime import date

import pytest

from ilrs_planner.domain import shown_finish
from ilrs_planner.domain.alternatives import alternative_figures


def _as_of(plan, day):
    """The baseline reported on `day`."""
    matches = [b for b in plan.baselines if b.as_of == day]
    assert len(matches) == 1, day
    return matches[0]


def _entry(plan, day, key):
    return _as_of(plan, day).entries.get(plan.task_by_key(key).id)


def test_baselines_are_sorted_named_and_consistent(plan):
    days = [b.as_of for b in plan.baselines]
    assert days == sorted(days) and len(days) == len(set(days))
    assert len({b.name for b in plan.baselines}) == len(plan.baselines)
    for baseline in plan.baselines:
        assert set(baseline.entries) <= set(plan.tasks), baseline.name
        assert all(start <= finish for start, finish in baseline.entries.values()), baseline.name


@pytest.mark.parametrize("day", [
    date(2019, 10, 8), date(2021, 6, 16), date(2021, 10, 21), date(2022, 11, 22), date(2023, 4, 25),
    date(2023, 8, 31), date(2024, 4, 25), date(2025, 4, 23), date(2025, 8, 22),
])
def test_each_major_announcement_is_a_baseline(plan, day):
    assert _as_of(plan, day).entries


def test_month_only_announcements_are_dated_to_the_month_end(plan):
    borisov = _as_of(plan, date(2023, 8, 31))
    assert borisov.name.startswith("2023-08 ")


def test_basic_station_slips_from_2028_to_2035(plan):
    # The milestone follows the five launches, so it stands at the end of a day: a baseline keeps its
    # point, the end of 2028-12-31 (2029-01-01 at 00:00), which reads as 2028-12-31.
    assert _entry(plan, date(2021, 10, 21), "ilrs-basic") is None  # not yet announced
    assert _entry(plan, date(2022, 11, 22), "ilrs-basic")[1] == date(2029, 1, 1)
    assert _entry(plan, date(2023, 4, 25), "ilrs-basic")[1] == date(2029, 1, 1)
    assert _entry(plan, date(2024, 4, 25), "ilrs-basic")[1] == date(2036, 1, 1)
    assert plan.baselines[-1].entries[plan.task_by_key("ilrs-basic").id][1] == date(2036, 1, 1)


def test_luna_26_slips_from_2023_2024_to_2028(plan):
    assert _entry(plan, date(2019, 10, 8), "luna-26") == (date(2023, 1, 1), date(2025, 1, 1))  # through 2024-12-31
    assert _entry(plan, date(2021, 10, 21), "luna-26")[0].year == 2024
    assert _entry(plan, date(2023, 10, 26), "luna-26")[0].year == 2027
    assert _entry(plan, date(2025, 8, 22), "luna-26")[0] == date(2028, 1, 1)


@pytest.mark.parametrize("key, before_day, before_year, after_day, after_year", [
    ("change-7", date(2021, 6, 16), 2024, date(2023, 4, 25), 2026),
    ("change-8", date(2023, 4, 25), 2028, date(2025, 4, 24), 2029),
    ("luna-27", date(2021, 10, 21), 2025, date(2025, 8, 22), 2029),
    ("lunar-power-plant", date(2024, 12, 28), 2035, date(2025, 12, 24), 2036),
])
def test_other_real_slips(plan, key, before_day, before_year, after_day, after_year):
    moved_from = _entry(plan, before_day, key)
    moved_to = _entry(plan, after_day, key)
    if key == "lunar-power-plant":  # the plant's finish (its last day) moved; the missions' launches
        moved_from, moved_to = (shown_finish(*e) for e in (moved_from, moved_to))
    else:
        moved_from, moved_to = moved_from[0], moved_to[0]
    assert (moved_from.year, moved_to.year) == (before_year, after_year)


def test_statements_older_than_the_plan_are_in_its_first_baseline(plan):
    first = plan.baselines[0]
    assert first.as_of >= plan.start
    assert first.entries[plan.task_by_key("luna-28").id][0].year == 2026  # 2019 statement, not 2016's
    assert first.entries[plan.task_by_key("lm9").id][0] == date(2030, 1, 1)  # said in 2017


def test_crewed_landing_was_pulled_forward(plan):
    # A milestone after a task: its points are the ends of 2036-12-31 and of 2030-12-31.
    assert _entry(plan, date(2019, 10, 8), "crewed-landing")[1] == date(2037, 1, 1)  # said in 2016
    assert _entry(plan, date(2023, 7, 12), "crewed-landing")[1] == date(2031, 1, 1)


def test_what_had_happened_is_history_in_later_baselines(plan):
    assert _entry(plan, date(2024, 2, 16), "change-6")[0] == date(2024, 5, 1)  # "May 2024", still a plan
    assert _entry(plan, date(2024, 9, 5), "change-6") == (date(2024, 5, 3), date(2024, 6, 26))
    assert shown_finish(*_entry(plan, date(2024, 9, 5), "change-6")) == date(2024, 6, 25)  # samples landed
    assert shown_finish(*_entry(plan, date(2025, 8, 22), "luna-25")) == date(2023, 8, 19)  # lost that day


def test_a_second_officials_figure_is_an_alternative_not_a_baseline(plan):
    # Wu Weiren said 2045 (2024-04-25, again 2025-04-23); Wu Yanhua said about 2050 in between. Two
    # officials disagreeing is not a change of plan: no baseline moves the extended station to 2050.
    for day in (date(2024, 4, 25), date(2024, 9, 5), date(2025, 4, 23)):
        assert _entry(plan, day, "ilrs-extended")[1] == date(2046, 1, 1), day  # the end of 2045-12-31
    extended = plan.task_by_key("ilrs-extended")
    assert alternative_figures(extended.notes) == (
        "by 2050 - Wu Yanhua (2nd Int'l Deep Space Exploration Conference), 2024-09-05 "
        "(https://mail.bangladeshpost.net/posts/china-unveils-ambitious-moon-base-plans-with-south-pole-focus-by-2035-145442)",)
    assert "ilrs-extended@2024-09-05 (Wu Yanhua" in _as_of(plan, date(2024, 9, 5)).notes  # said that day, kept out
    assert "alternative" in _as_of(plan, date(2024, 9, 5)).name


def test_internal_planning_tasks_have_no_history(plan):
    internal = {t.id for t in plan.tasks.values() if t.classification.value != "public"}
    for baseline in plan.baselines:
        assert not internal & set(baseline.entries), baseline.name
