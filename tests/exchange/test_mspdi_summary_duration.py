"""Durations in MS Project XML that are spans: a phase's and a baseline's, the working days of the span,
as the tree and MS Project show them."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date

from ilrs_planner.domain import Baseline, Calendar, Link, Project, Task, TaskKind
from ilrs_planner.domain.calendar import MONDAY_TO_FRIDAY
from ilrs_planner.exchange.formats import read_plan, write_plan

NS = "{http://schemas.microsoft.com/project}"


def test_a_phase_and_a_baseline_are_written_with_the_working_days_of_their_spans(tmp_path):
    # A (5 days, Monday 4 to Friday 8 January 2027) -> B (5 days, Monday 11 to Friday 15): the phase
    # spans 10 working days (12 calendar days); MS Project writes 10 days of 8 hours, PT80H.
    project = Project("Phase", date(2027, 1, 4))
    project.default_calendar_id = project.add_calendar(Calendar("Standard", MONDAY_TO_FRIDAY)).id
    project.add_task(Task("P", "Phase", 0, kind=TaskKind.PHASE, id="p", position=0))
    for position, key in enumerate("AB"):
        project.add_task(Task(key, key, 5, id=key.lower(), parent_id="p", position=position))
    project.add_link(Link("a", "b"))
    # B was planned for Wednesday 6 to Tuesday 12: 5 working days over 7 calendar days, PT40H.
    project.baselines.append(Baseline("plan", date(2027, 1, 1), {"b": (date(2027, 1, 6), date(2027, 1, 13))}))
    path = tmp_path / "phase.xml"
    write_plan(project, path)
    durations = {task.findtext(f"{NS}Name"): task.findtext(f"{NS}Duration")
                 for task in ET.parse(path).getroot().iter(f"{NS}Task")}
    assert (durations["Phase"], durations["A"], durations["B"]) == ("PT80H0M0S", "PT40H0M0S", "PT40H0M0S")
    baseline = next(task.find(f"{NS}Baseline") for task in ET.parse(path).getroot().iter(f"{NS}Task")
                    if task.findtext(f"{NS}Name") == "B")
    assert baseline.findtext(f"{NS}Duration") == "PT40H0M0S"
    read = read_plan(path).project
    assert [t.key for t in read.tasks.values()] == ["P", "A", "B"]
    assert read.baseline("plan").entries[read.task_by_key("B").id] == (date(2027, 1, 6), date(2027, 1, 13))
