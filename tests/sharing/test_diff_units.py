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
    assert data["tasks"]["changed"][0] == {"id": "a", "label": "a A", "changes": [
        {"field": "duration", "old": 10, "new": 1200}], "old_id": ""}
