"""Split tasks in real MS Project files keep MS Project's start and finish (read as one bar, pauses included)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest

from ilrs_planner.engine.cpm import schedule
from ilrs_planner.exchange import mpxj_run
from ilrs_planner.exchange.formats import read_plan
from ilrs_planner.exchange.mspdi.helpers import finish_from_stamp, start_from_stamp
from ilrs_planner.exchange.mspdi.reader import read_mspdi
from ilrs_planner.exchange.mspdi.xml_safe import parse_untrusted

REAL = Path(__file__).parent / "msp_real"
NO_JAVA = mpxj_run.missing_parts()


def _stored(path: Path) -> dict[str, tuple[date, date]]:
    """Name -> (start, exclusive finish) MS Project stored for each task."""
    return {task.findtext("Name"): (start_from_stamp(datetime.fromisoformat(task.findtext("Start"))),
                                    finish_from_stamp(datetime.fromisoformat(task.findtext("Finish"))))
            for task in parse_untrusted(path).iterfind("Tasks/Task") if task.findtext("UID") != "0"}


def test_split_tasks_keep_ms_projects_start_and_finish():
    path = REAL / "split-tasks-mspdi.xml"
    result = read_mspdi(path)
    project = result.project
    dates = schedule(project).tasks
    got = {t.name: (dates[t.id].early_start, dates[t.id].early_finish) for t in project.tasks.values()}
    assert got == _stored(path)  # without the split, both would finish days early
    # 10 days of work paused for 3 (Wed 27 - Fri 29 Sep 2006): 13 working days from Thu 21 Sep to Mon 9 Oct.
    assert {t.name: t.duration for t in project.tasks.values()} == {"Split Task 1": 13, "Split Task 2": 20}
    assert any("'Split Task 1' is split in MS Project (10 days of work" in w for w in result.warnings)


def test_a_task_without_pauses_keeps_its_duration():
    path = REAL / "task-durations-project2016-mspdi.xml"  # weekends in the timephased work, no splits
    result = read_mspdi(path)
    assert not any("split" in w for w in result.warnings)


@pytest.mark.skipif(bool(NO_JAVA), reason=f"reading .mpp files needs {' and '.join(NO_JAVA)}")
def test_split_tasks_in_an_mpp_file_keep_ms_projects_finish():
    project = read_plan(REAL / "split-tasks-mpp9.mpp").project
    dates = schedule(project).tasks
    finishes = {t.name: dates[t.id].early_finish for t in project.tasks.values()}
    # MS Project's stored finishes: Task 1 is not split; 2-6 pause one day, 7-13 six days.
    want = {"Task 1": date(2006, 1, 20)} | {f"Task {n}": date(2006, 1, 21) for n in range(2, 7)} | \
        {f"Task {n}": date(2006, 1, 28) for n in range(7, 14)}
    assert finishes == want
    assert all(dates[t.id].early_start == date(2006, 1, 6) for t in project.tasks.values())


def test_split_warnings_come_in_file_order_whatever_the_hash_seed():
    # A set of UIDs used to order the warnings by string hash: the same file gave its warnings in a
    # different order from one run to the next.
    script = ("import sys; from ilrs_planner.exchange.mspdi.reader import read_mspdi; "
              "print([w.split(\"'\")[1] for w in read_mspdi(sys.argv[1]).warnings if 'is split' in w])")
    path = str(REAL / "split-tasks-mspdi.xml")
    runs = {subprocess.run([sys.executable, "-c", script, path], env={**os.environ, "PYTHONHASHSEED": str(seed)},
                           capture_output=True, text=True, check=True).stdout.strip() for seed in range(4)}
    assert runs == {"['Split Task 1', 'Split Task 2']"}
