"""The plan comparison writes days with their unit, as the task table does; its JSON keeps numbers."""

from __future__ import annotations

import json
from datetime import date

from ilrs_planner.domain import Link, Project, Task
from ilrs_planner.sharing.diff import diff_projects
from ilrs_planner.sharing.diff_text import format_diff


def plan() -> Project:
    project = Project("Units", date(2030, 1, 1))
    project.add_task(Task("a", "A", 10, id="a", position=0))
    project.add_task(Task("b", "B", 5, id="b", position=1, elapsed=True))
    project.add_link(Link("a", "b", lag=2, id="ab"))
    return project


def test_durations_estimates_and_lags_read_with_their_unit_elapsed_ones_in_calendar_days():
    old, new = plan(), plan()
    new.tasks["a"].duration, new.tasks["a"].pessimistic = 1200, 1500
    new.tasks["b"].duration = 7
    new.links["ab"].lag = -3
    text = format_diff(diff_projects(old, new, with_schedule=False))
    assert "duration: 10 d → 1,200 d" in text and "pessimistic: (none) → 1,500 d" in text
    assert "duration: 5 ed → 7 ed" in text  # B counts calendar days, as the table writes it
    assert "lag: +2 d → -3 d" in text


def test_the_json_keeps_the_days_as_numbers_and_no_more_keys():
    old, new = plan(), plan()
    new.tasks["a"].duration = 1200
    data = json.loads(json.dumps(diff_projects(old, new, with_schedule=False).to_dict()))
    assert data["tasks"]["changed"][0] == {"id": "a", "label": "A (a)", "changes": [
        {"field": "duration", "old": 10, "new": 1200}], "old_id": ""}


def test_baseline_entries_read_by_task_name_with_the_last_day_of_work():
    # Read '{ilrs-construction: 2029-01-01..2036-01-01}': a key, and the day after the work ends.
    import dataclasses
    from datetime import date

    from ilrs_planner.domain import Baseline, Project, Task, TaskKind
    from ilrs_planner.sharing.diff import diff_projects
    from ilrs_planner.sharing.diff_text import format_diff

    plan = Project(name="Entries", start=date(2029, 1, 1))
    plan.add_task(Task(key="ilrs-construction", name="Construction / basic station", duration=10, id="c"))
    plan.add_task(Task(key="ready", name="Station ready", kind=TaskKind.MILESTONE, id="m", position=1))
    plan.baselines.append(Baseline("2021 roadmap", date(2021, 6, 16), {"c": (date(2029, 1, 1), date(2036, 1, 1)),
                                                                        "m": (date(2036, 1, 1), date(2036, 1, 1))}))
    other = dataclasses.replace(plan, baselines=[dataclasses.replace(plan.baselines[0], entries={
        "c": (date(2026, 1, 1), date(2036, 1, 1)), "m": (date(2035, 7, 1), date(2035, 7, 1))})])
    text = format_diff(diff_projects(plan, other, with_schedule=False), "a.db", "b.db")
    assert text.splitlines()[2:] == [
        "  ~ 2021 roadmap",
        "      Construction / basic station (ilrs-construction): 2029-01-01 to 2035-12-31 → 2026-01-01 to 2035-12-31",
        "      Station ready (ready): 2036-01-01 → 2035-07-01"]


def test_a_lag_taken_away_or_added_reads_no_lag_not_zero_days():
    # The Predecessors column writes a link without lag as its type alone ('1FS', no '+0 d'); so does
    # the link's label, and its lag's change says "no lag".
    old, new = plan(), plan()
    new.links["ab"].lag = 0
    text = format_diff(diff_projects(old, new, with_schedule=False))
    assert text.splitlines()[2:] == ["  ~ A → B (FS)", "      lag: +2 d → no lag"]
    back = format_diff(diff_projects(new, old, with_schedule=False))
    assert back.splitlines()[2:] == ["  ~ A → B (FS +2 d)", "      lag: no lag → +2 d"]
