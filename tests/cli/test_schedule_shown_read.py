"""`schedule` reads its plan without Task and Link objects: what it prints is byte for byte what the
objects give.

The command schedules and prints a plan read as columns (domain.column_rows, engine.file_columns);
here the same file is also read with objects and scheduled and printed from them alone, and both
outputs, the table and the JSON, must be the same text. The plans vary every column the command
reads: outline, link types and lags, constraints (As Late As Possible too), deadlines, actual
dates and a status date, calendars and elapsed durations, precision, confidence, sources and
their dates, names that JSON must escape.
"""

from __future__ import annotations

import io
import random
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from ilrs_planner.cli import main
from ilrs_planner.cli.render import print_schedule_table
from ilrs_planner.cli.schedule_rows import write_json
from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.domain import Calendar, Confidence, ConstraintType, Precision, Project
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.store import open_project, save_project

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the benchmarks' plan maker, beside the package
from bench.synth import make_plan  # noqa: E402


def _varied(size: int, seed: int) -> Project:
    """A synthetic plan whose tasks also differ in every field the schedule shows or depends on."""
    plan = make_plan(size, seed=seed)
    rng = random.Random(seed)
    five_days = plan.add_calendar(Calendar("Five days", (True,) * 5 + (False, False), [], id="cal-5"))
    plan.status_date = date(2027, 6, 1)
    summaries = plan.summary_ids()
    for i, task in enumerate(plan.tasks.values()):
        task.precision = rng.choice(list(Precision)) if i % 7 == 0 else Precision.DAY
        task.confidence = rng.choice([None, *Confidence]) if i % 5 == 0 else None
        task.source_url = f"https://example.org/{i}?q=\"{i}\"" if i % 3 == 0 else ""
        task.source_date = date(2025, 1, 1) + timedelta(days=i % 400) if i % 6 == 0 else None
        task.name = task.name + (' "quoted" é\\' if i % 11 == 0 else "")
        task.calendar_id = five_days.id if i % 13 == 0 else None
        task.elapsed = i % 17 == 0
        if task.id in summaries:
            continue
        if i % 19 == 0:
            task.constraint = ConstraintType.ALAP
        if i % 23 == 0:
            task.deadline = date(2040, 1, 1)
        if i % 29 == 0:
            task.actual_start = date(2026, 1, 5)
            task.percent_complete = 40
        if i % 31 == 0:
            task.actual_start, task.actual_finish = date(2026, 1, 5), date(2026, 2, 5)
    return plan


PLANS = {
    "synthetic 400": lambda: make_plan(400, seed=3),
    "synthetic 1500, every column varied": lambda: _varied(1500, seed=5),
    "synthetic 600, every column varied": lambda: _varied(600, seed=11),
    "reference roadmap": build_reference_project,
}


def _from_objects(path: Path) -> tuple[str, str]:
    """(table, JSON) of the plan read with objects and scheduled from them alone."""
    project = open_project(path)
    result = schedule(project)
    table, data = io.StringIO(), io.StringIO()
    print_schedule_table(project, result, table)
    write_json(project, result, data)
    return table.getvalue(), data.getvalue()


@pytest.mark.parametrize("make", PLANS.values(), ids=PLANS.keys())
def test_the_command_prints_what_the_objects_give(tmp_path, capsys, make):
    path = tmp_path / "plan.db"
    save_project(make(), path)
    table, data = _from_objects(path)
    assert main(["schedule", str(path)]) == 0
    assert capsys.readouterr().out == table
    assert main(["schedule", str(path), "--json"]) == 0
    assert capsys.readouterr().out == data
    assert '"precision":"day"' in data and table.count("\n") > 10  # a real schedule, not two empty texts
