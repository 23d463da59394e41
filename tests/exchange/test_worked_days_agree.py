"""Days of work between two dates are counted by one rule (domain.working_count.WorkedDays) wherever a
span is written as a Duration: the task table and tooltip, the CSV, XLSX and MS Project XML exports,
a baseline's Duration in MS Project XML. On random calendars (weekday patterns, worked and closed
exceptions, the last one deciding) and random finished tasks under a phase, every writer gives the
count made day by day with Calendar.is_working (calendar days for an elapsed task)."""

from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from ilrs_planner.domain import Baseline, Calendar, CalendarException, Project, Task, TaskKind
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.engine.shown_dates import shown_duration
from ilrs_planner.exchange.formats import write_plan

BASE = date(2030, 1, 7)
NS = "{http://schemas.microsoft.com/project}"
days = st.integers(0, 60).map(lambda n: BASE + timedelta(days=n))


@st.composite
def plans(draw) -> Project:
    exceptions = []
    for number in range(draw(st.integers(0, 6))):
        start = draw(days)
        exceptions.append(CalendarException(f"e{number}", start, start + timedelta(days=draw(st.integers(0, 20))),
                                            working=draw(st.booleans())))
    weekdays = draw(st.lists(st.booleans(), min_size=7, max_size=7).filter(any))
    project = Project("Counts", BASE)
    project.default_calendar_id = project.add_calendar(Calendar("Site", tuple(weekdays), exceptions, id="site")).id
    start = draw(days)
    stop = start + timedelta(days=draw(st.integers(1, 90)))
    project.add_task(Task("P", "Phase", 0, TaskKind.PHASE, id="p"))
    project.add_task(Task("C", "Work", 5, id="c", parent_id="p", elapsed=draw(st.booleans()),
                          actual_start=start, actual_finish=stop, percent_complete=100))
    project.baselines.append(Baseline("Plan", BASE, {"c": (start, stop)}, id="b"))
    return project


def _by_hand(project: Project, task: Task, start: date, stop: date) -> int:
    calendar = project.default_calendar()
    span = [start + timedelta(days=n) for n in range((stop - start).days)]
    return len(span) if task.elapsed else sum(calendar.is_working(day) for day in span)


def _xml_days(text: str, elapsed: bool) -> int:
    found = re.fullmatch(r"PT(\d+)H0M0S", text)
    assert found is not None, text
    return int(found[1]) // (24 if elapsed else 8)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(project=plans())
def test_every_writer_counts_a_span_as_the_calendar_works_it(tmp_path, project):
    dates = schedule(project).tasks
    work = project.tasks["c"]
    want = {key: _by_hand(project, project.tasks[key], dates[key].early_start, dates[key].early_finish)
            for key in ("c", "p")}
    assert {key: shown_duration(project, project.tasks[key], dates[key], key == "p") for key in want} == want

    write_plan(project, tmp_path / "plan.csv")
    with open(tmp_path / "plan.csv", encoding="utf-8-sig", newline="") as handle:
        cells = {row["Name"]: row["Duration"] for row in csv.DictReader(handle)}
    assert [int(cells[name].split()[0]) for name in ("Work", "Phase")] == [want["c"], want["p"]]

    write_plan(project, tmp_path / "plan.xlsx")
    rows = list(load_workbook(tmp_path / "plan.xlsx", read_only=True)["Tasks"].iter_rows(values_only=True))
    column = rows[0].index("Duration (d)")
    assert [rows[1][column], rows[2][column]] == [want["p"], want["c"]]

    write_plan(project, tmp_path / "plan.xml")
    tasks = {t.findtext(f"{NS}Name"): t for t in ET.parse(tmp_path / "plan.xml").getroot().iter(f"{NS}Task")}
    assert _xml_days(tasks["Phase"].findtext(f"{NS}Duration"), False) == want["p"]
    assert _xml_days(tasks["Work"].findtext(f"{NS}Duration"), work.elapsed) == want["c"]
    baseline = tasks["Work"].find(f"{NS}Baseline")
    entry = project.baselines[0].entries["c"]
    # An elapsed task's baseline is in 24-hour days, as its own Duration (DurationFormat 8, edays).
    assert baseline.findtext(f"{NS}DurationFormat") == ("8" if work.elapsed else "7")
    assert _xml_days(baseline.findtext(f"{NS}Duration"), work.elapsed) == _by_hand(project, work, *entry)
