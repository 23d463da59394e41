"""The bundled roadmap scheduled by the critical-path engine lands on the announced dates."""

from datetime import date, timedelta

import pytest

from ilrs_planner.domain import ConstraintType, Precision, period_end, shown_finish
from ilrs_planner.engine.cpm import schedule


def _day_shown(d) -> date:
    """The last day a task is shown on: a milestone at a day's end on that day, not the next."""
    return d.early_finish - timedelta(days=1) if d.early_at_day_end else shown_finish(d.early_start, d.early_finish)


@pytest.fixture(scope="module")
def dates(plan):
    result = schedule(plan)
    return result, {plan.tasks[tid].key: d for tid, d in result.tasks.items()}


def test_schedule_spans_the_programme(plan, dates):
    result, _ = dates
    assert result.project_start <= date(2018, 12, 8)
    assert date(2045, 1, 1) <= result.project_finish <= date(2050, 12, 31)
    assert set(result.tasks) == set(plan.tasks)


def test_basic_station_finishes_in_2035(dates):
    basic = dates[1]["ilrs-basic"]
    assert _day_shown(basic) == date(2035, 12, 31)  # by 2035: at the end of the launches' last day
    assert basic.total_float >= 0


def test_change_7_not_flown_by_the_status_date_starts_on_it(plan, dates):
    change_7 = dates[1]["change-7"]
    # Its window opened in July 2026 but it has no actual start on the status date (2026-12-01):
    # no remaining work is forecast in the past, so the 184-day window runs from the status date.
    assert change_7.early_start == plan.status_date == date(2026, 12, 1)
    assert shown_finish(change_7.early_start, change_7.early_finish) == date(2027, 6, 2)


def test_change_8_in_2029_crewed_landing_by_2030_extended_station_by_2045(plan, dates):
    by_key = dates[1]
    assert by_key["change-8"].early_start.year == 2029
    assert _day_shown(by_key["crewed-landing"]) <= date(2030, 12, 31)
    assert _day_shown(by_key["ilrs-extended"]) <= date(2045, 12, 31)
    assert by_key["luna-26"].early_start.year == 2028
    plant = by_key["lunar-power-plant"]
    # "by 2036" allows all of 2036 (the latest last day); under way since the December 2025 contract
    # (9 % at the status date, the elapsed share of its span), its remaining work from the status date ends within 2036.
    assert shown_finish(plant.late_start, plant.late_finish) == date(2036, 12, 31)
    assert plant.early_start == date(2025, 12, 24) and plant.total_float >= 0


def test_flown_missions_keep_their_history(dates):
    by_key = dates[1]
    assert by_key["change-6"].early_start == by_key["icube-q"].early_start == date(2024, 5, 3)
    assert by_key["change-4"].early_start == date(2018, 12, 8)
    flown = {key: shown_finish(by_key[key].early_start, by_key[key].early_finish)
             for key in ("luna-25", "change-6", "change-4", "icube-q")}
    assert flown == {"luna-25": date(2023, 8, 19), "change-6": date(2024, 6, 25), "change-4": date(2019, 1, 3),
                     "icube-q": date(2024, 5, 8)}  # the last day shown is the day it happened


def test_every_announced_start_lands_in_its_announced_period(plan, dates):
    by_key = dates[1]
    for task in plan.tasks.values():
        if task.constraint is not ConstraintType.SNET or task.key == "pakistan-rover-ce8":
            continue  # the Pakistani rover rides Chang'e 8, whose later date wins
        # A start not made by the status date is forecast on the status date, not in the past.
        earliest = max(task.constraint_date, plan.status_date) if task.actual_start is None else task.constraint_date
        latest = max(period_end(task.constraint_date, task.precision), earliest)
        assert earliest <= by_key[task.key].early_start <= latest, task.key


def test_by_dates_are_missed_only_by_work_not_started_by_the_status_date(plan, dates):
    by_key = dates[1]
    missed = {t.key for t in plan.tasks.values()
              if t.deadline and _day_shown(by_key[t.key]) > t.deadline}
    # Only the 2023 agreements were missed: the lunar power plant is under way (recorded as started), so
    # its remaining work from the status date still meets Russia's 2036.
    assert missed == {"ilrs-founding-agreements"}


def test_events_before_the_status_date_that_happened_are_done_not_late_work(plan, dates):
    """The founding agreements, due by October 2023, were reached as the signings went on through
    2024: done in 2024 (known to the year), 100 %, its missed deadline kept, not critical work
    forecast at the status date with float -1,127 d. Every task begun before the status date is
    done, or under way with its progress recorded (Lanyue, the lunar power plant)."""
    result, by_key = dates
    agreements = plan.task_by_key("ilrs-founding-agreements")
    assert (agreements.percent_complete, agreements.precision) == (100, Precision.YEAR)
    assert agreements.deadline == date(2023, 10, 31) < by_key["ilrs-founding-agreements"].shown_finish
    assert by_key["ilrs-founding-agreements"].shown_finish.year == 2024
    assert by_key["ilrs-founding-agreements"].total_float == 0 and not by_key["ilrs-founding-agreements"].critical
    summaries = plan.summary_ids()
    begun = {t.key: t.percent_complete for t in plan.tasks.values()
             if t.id not in summaries and by_key[t.key].early_start < plan.status_date}
    assert {key for key, done in begun.items() if done < 100} == {"lanyue", "lunar-power-plant"}
    assert min(d.total_float for d in by_key.values()) >= 0  # nothing in the plan is late work any more
    critical = {plan.tasks[tid].key for tid in result.critical_ids()} - {plan.tasks[s].key for s in summaries}
    assert critical == {"change-8", "ilrs-1-5", "basic-readiness-review", "ilrs-basic", "ilrs-full", "ilrs-extended"}


def test_a_critical_chain_runs_to_the_programme_finish(plan, dates):
    result, by_key = dates
    critical = {plan.tasks[tid].key for tid in result.critical_ids()}
    assert {"ilrs-1-5", "ilrs-basic", "ilrs-full", "ilrs-extended"} <= critical
    assert _day_shown(by_key["ilrs-extended"]) == date(2045, 12, 31)  # on the build-out's last day
    assert result.project_finish == date(2046, 1, 1)  # exclusive: work runs through 2045-12-31
    assert "luna-30" not in critical  # Russian missions have years of float before 2045


def test_free_float_never_exceeds_total_float_on_the_roadmap(dates):
    _, by_key = dates
    above = {key: (d.total_float, d.free_float) for key, d in by_key.items() if d.free_float > d.total_float}
    assert above == {}
    # Lanyue, 27 % done, has ceil(1,793 x 0.73) = 1,309 days left from the status date: it ends two days
    # before the modelled 2030-07-04, so the landing, at the end of 2030-12-28, has three days before
    # the end of its "by 2030" (2030-12-31 at 17:00), as MS Project counts a deadline's slack.
    assert _day_shown(by_key["crewed-landing"]) == date(2030, 12, 28)
    assert by_key["crewed-landing"].free_float <= by_key["crewed-landing"].total_float == 3


def test_the_pakistani_rover_rides_change_8_through_its_last_day(dates):
    by_key = dates[1]
    rover, change_8 = by_key["pakistan-rover-ce8"], by_key["change-8"]
    # Chang'e 8 is announced for 2029: 2029-01-01 through 2029-12-31; the rover lasts as long (365 days).
    assert (rover.early_start, rover.early_finish) == (change_8.early_start, change_8.early_finish) == (
        date(2029, 1, 1), date(2030, 1, 1))


def test_every_phase_runs_from_its_first_shown_day_to_its_last(plan, dates):
    # "Agreements & membership" ends on the founding-agreements milestone, reached in 2024 (recorded on
    # 31 December): the phase's last day is that day, not 30 December.
    result, by_key = dates
    assert by_key["agreements"].shown_finish == by_key["ilrs-founding-agreements"].shown_finish == date(2024, 12, 31)
    for summary in plan.summary_ids():
        kids = [result.tasks[t.id] for t in plan.tasks.values() if t.parent_id == summary]
        phase = result.tasks[summary]
        assert phase.shown_start == min(k.shown_start for k in kids), plan.tasks[summary].key
        assert phase.shown_finish == max(k.shown_finish for k in kids), plan.tasks[summary].key
