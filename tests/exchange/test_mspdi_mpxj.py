"""Our MS Project XML as partners' tools read it.

ProjectLibre and GanttProject both read MS Project files through MPXJ, so reading our export with
MPXJ's own MSPDI reader (Java, through its PyPI wrapper) shows what a partner will see there:
the outline, durations in days, link types and lags, constraints, actuals and baselines.
"""

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

from mpxj_needs import skip_without_mpxj

from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.domain import ConstraintType, Link, LinkType, Project, Task
from ilrs_planner.exchange.formats import write_plan

skip_without_mpxj()


def read_with_mpxj(path) -> dict[str, dict]:
    """What MPXJ reads from `path`: task name -> fields (see mpxj_read.py), in a separate process."""
    script = Path(__file__).with_name("mpxj_read.py")
    done = subprocess.run([sys.executable, str(script), str(path)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return {task["name"]: task for task in json.loads(done.stdout)}


def _small_plan() -> Project:
    project = Project("Interop", date(2030, 1, 1))
    phase = project.add_task(Task("phase", "Phase"))
    a = project.add_task(Task("a", "Design", 10, parent_id=phase.id))
    b = project.add_task(Task("b", "Build", 20, parent_id=phase.id, position=1, constraint=ConstraintType.SNET,
                              constraint_date=date(2030, 2, 1)))
    m = project.add_task(Task("m", "Ready", 0, position=1))
    project.add_link(Link(a.id, b.id, LinkType.SS, 3))
    project.add_link(Link(b.id, m.id, LinkType.FS, -2))
    return project


def test_outline_durations_links_and_constraints_read_as_written(tmp_path):
    path = tmp_path / "interop.xml"
    write_plan(_small_plan(), path)
    tasks = read_with_mpxj(path)
    assert set(tasks) == {"Phase", "Design", "Build", "Ready"}
    assert tasks["Design"]["outline_level"] == 2 and tasks["Phase"]["summary"]
    assert tasks["Build"]["duration"] == [20.0, "d"] and tasks["Ready"]["milestone"]
    assert tasks["Build"]["constraint"] == "START_NO_EARLIER_THAN"
    assert tasks["Build"]["constraint_date"].startswith("2030-02-01")
    assert tasks["Build"]["predecessors"] == [["Design", "SS", 3.0]]
    assert tasks["Ready"]["predecessors"] == [["Build", "FS", -2.0]]


def test_the_ilrs_roadmap_opens_with_its_history(tmp_path):
    path = tmp_path / "ilrs.xml"
    reference = build_reference_project()
    write_plan(reference, path)
    tasks = read_with_mpxj(path)
    assert len(tasks) == len(reference.tasks)
    flown = tasks["Chang'e 6 far-side sample return"]
    assert flown["actual_start"].startswith("2024-05-03") and flown["percent_complete"] == 100
    basic = tasks["ILRS basic station complete"]
    assert basic["milestone"] and basic["deadline"].startswith("2035-12-31")
    # It is due by 2035 and falls at the end of 2035-12-31: MS Project reads the deadline as that day's
    # end (17:00), not its start, so the milestone meets it (written at 08:00 it read a day missed).
    assert basic["finish"] == "2035-12-31T17:00" and basic["deadline"] >= basic["finish"]
    # Baseline0 is the newest announcement kept; the MTA history lives in Baseline0..10.
    assert basic["baseline_finish"].startswith("2035")
