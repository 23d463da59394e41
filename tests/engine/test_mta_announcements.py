"""The roadmap's trend lines read, row by row, what ilrs_facts.csv says each announcement said: at
each report a milestone's forecast is the period the announcement of that day gave, as announced
("by 2035" reads 2035), so every slip the chart and `mta` show is one an official announced.

The file is read here with the csv module alone, not through the roadmap's own reading of it."""

from __future__ import annotations

import csv
import io
from importlib import resources

import pytest

from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.data.roadmap import load_roadmap
from ilrs_planner.domain import parse_fuzzy_date
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.engine.mta import milestone_trend


@pytest.fixture(scope="module")
def announcements():
    """(task key, report date, what the row announced), one per row the trend should read as written.

    A row counts where its task is fed by its item alone (a phase spanning two announced phases reads
    the later one's end), it gives a finish (or a milestone's date: a start alone, whose finish the
    task's duration sets, is not a forecast of the finish), a report of its day exists, and the task
    had not happened by then (what had happened is history, read from its actual dates). A row the
    roadmap names as an alternative (Wu Yanhua's "about 2050" beside Wu Weiren's 2045) is no forecast."""
    project = build_reference_project()
    reports = {b.as_of for b in project.baselines}
    specs = {spec.key: spec for spec in load_roadmap()[1]}
    text = resources.files("ilrs_planner.data").joinpath("ilrs_facts.csv").read_text(encoding="utf-8")
    found = []
    for row in csv.DictReader(io.StringIO(text)):
        base, _, said = row["id"].partition("@")
        spec = specs.get(base)
        if not said or not row["announced_on"] or spec is None or {r.base for r in spec.rows} != {base}:
            continue
        if row["id"] not in {r.id for r in spec.rows}:  # another official's figure: an alternative (README)
            continue
        task = project.task_by_key(base)
        milestone = task.duration == 0 and not project.is_summary(task.id)
        finish = row["planned_finish"] or (row["planned_start"] if milestone else "")
        on = parse_fuzzy_date(row["announced_on"], end=True)[0]
        if finish and on in reports and not (task.actual_start and task.actual_start <= on):
            found.append((base, on, finish.removeprefix("by ").strip()))
    return project, found


def test_each_announcement_is_the_forecast_its_report_shows(announcements):
    project, found = announcements
    plan = schedule(project)
    keys = sorted({key for key, _on, _said in found})
    lines = {line.key: line for line in milestone_trend(project, plan, keys).lines}
    read = []
    for key, on, _said in found:
        line = lines[key]
        at = [n for n, (report, _forecast) in enumerate(line.points) if report == on]
        read.append((key, on.isoformat(), line.point_text(at[-1]) if at else None))
    assert read == [(key, on.isoformat(), said) for key, on, said in found]
    assert len(found) >= 30 and len(keys) >= 15  # 32 announcements of 18 items


def test_the_net_slip_of_a_line_is_its_last_announcement_against_its_first(announcements):
    """Luna-26: 'by 2024' (Zeleny, 2019) then '2028' (Krasnikov, 2025): the line's first forecast reads
    2024 and its last announced 2028, four years later."""
    project, found = announcements
    said = [(on, text) for key, on, text in found if key == "luna-26"]
    (line,) = milestone_trend(project, None, ["luna-26"]).lines
    assert (line.point_text(0), line.point_text(-1)) == (said[0][1], said[-1][1])
