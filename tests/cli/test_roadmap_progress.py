"""The bundled roadmap's progress at 1 December 2026 is what the Update progress flow records.

The roadmap stores its status date and the progress of work under way in roadmap.toml. Taking the
plan as it stood before (status date 2026-11-22, nothing recorded as under way) through
`ilrs-planner status --as-of 2026-12-01` with the same facts must give the bundled plan, task for
task and date for date; and no remaining work may then sit before the status date.
"""

from __future__ import annotations

from datetime import date

import pytest

from ilrs_planner.cli import main
from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.store import open_project, save_project

STATUS = date(2026, 12, 1)
# Work under way at the status date that no fact row dates: (started, percent complete).
UNDER_WAY = {"lanyue": ("2025-08-06", 27), "lunar-power-plant": ("2025-12-24", 9)}


@pytest.fixture(scope="module")
def bundled():
    return build_reference_project()


def _before_the_update():
    plan = build_reference_project()
    plan.status_date = date(2026, 11, 22)
    for key in UNDER_WAY:
        task = plan.task_by_key(key)
        task.actual_start, task.percent_complete = None, 0
    return plan


def test_the_status_command_records_what_roadmap_toml_stores(bundled, tmp_path, capsys):
    path = tmp_path / "ilrs.db"
    save_project(_before_the_update(), path)
    progress = [arg for key, (day, percent) in UNDER_WAY.items()
                for arg in ("--started", f"{key}={day}", "--percent", f"{key}={percent}")]
    assert main(["status", str(path), "--as-of", "2026-12-01", *progress]) == 0
    out = capsys.readouterr().out
    # Listed as due but left: no source reports Chang'e 7's launch or Long March 10's orbital flight.
    assert "change-7" in out and "lm10" in out
    updated = open_project(path)
    assert updated.status_date == bundled.status_date == STATUS
    fields = ("actual_start", "actual_finish", "percent_complete", "duration")
    for task in bundled.tasks.values():
        again = updated.tasks[task.id]
        assert [getattr(again, f) for f in fields] == [getattr(task, f) for f in fields], task.key
    ours, theirs = schedule(bundled), schedule(updated)
    for task_id, dates in ours.tasks.items():
        assert (theirs.tasks[task_id].early_start, theirs.tasks[task_id].early_finish) == (
            dates.early_start, dates.early_finish), bundled.tasks[task_id].key


def test_no_unstarted_work_lies_before_the_status_date(bundled):
    result = schedule(bundled)
    summaries = bundled.summary_ids()
    for task in bundled.tasks.values():
        if task.id in summaries or task.actual_start is not None:
            continue
        assert result.tasks[task.id].early_start >= STATUS, task.key
    for key in UNDER_WAY:  # under way: started before, remaining work runs from the status date
        task = bundled.task_by_key(key)
        assert task.actual_start < STATUS < result.tasks[task.id].early_finish, key
