"""Manually scheduled tasks in MS Project XML: <Manual> read into the task's flag, written back."""

import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

from ilrs_planner.domain import ConstraintType, Link, Project, Task
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.exchange.formats import read_plan, write_plan

NS = "{http://schemas.microsoft.com/project}"
REAL = Path(__file__).parent / "msp_real"


def _plan() -> Project:
    plan = Project("Manual", date(2030, 1, 1))
    plan.add_task(Task("A", "Design", 10, id="a"))
    plan.add_task(Task("B", "Build", 5, id="b", position=1, manual=True, constraint=ConstraintType.SNET,
                       constraint_date=date(2030, 1, 4)))
    plan.add_task(Task("C", "Review", 3, id="c", position=2, manual=True))
    plan.add_link(Link("a", "b", id="ab"))
    return plan


def test_only_manual_tasks_are_written_with_manual_1(tmp_path):
    path = tmp_path / "plan.xml"
    assert write_plan(_plan(), path) == []
    tasks = ET.parse(path).getroot().find(f"{NS}Tasks")
    flags = {t.findtext(f"{NS}Name"): t.findtext(f"{NS}Manual") for t in tasks}
    assert {name: flag for name, flag in flags.items() if name in ("Design", "Build", "Review")} == {
        "Design": None, "Build": "1", "Review": "1"}


def test_a_manual_task_reads_back_on_its_dates_with_its_float(tmp_path):
    plan = _plan()
    path = tmp_path / "plan.xml"
    write_plan(plan, path)
    again = read_plan(path).project
    assert {t.key: t.manual for t in again.tasks.values()} == {"A": False, "B": True, "C": True}
    before, after = schedule(plan).tasks, schedule(again).tasks
    keys = {tid: t.key for tid, t in again.tasks.items()}
    ours = {keys[tid]: (d.early_start, d.early_finish, d.total_float, d.critical) for tid, d in after.items()}
    assert ours == {plan.tasks[tid].key: (d.early_start, d.early_finish, d.total_float, d.critical)
                    for tid, d in before.items()}
    assert ours["B"][:2] == (date(2030, 1, 4), date(2030, 1, 9))  # its own start, before Design's finish


def test_a_real_ms_project_file_of_manual_tasks_reads_without_constraints_or_warnings():
    result = read_plan(REAL / "task-links-project2016-mspdi.xml")
    tasks = list(result.project.tasks.values())
    assert len(tasks) == 16 and all(t.manual for t in tasks)
    assert not any("manual" in w.lower() or "Must Start On" in w for w in result.warnings)
    assert {t.constraint for t in tasks} <= {ConstraintType.ASAP, ConstraintType.SNET}
    assert all(t.constraint_date is None or t.constraint_date > result.project.start for t in tasks)


def test_a_manual_task_carries_the_dates_it_was_given_as_ms_project_keeps_them(tmp_path):
    path = tmp_path / "plan.xml"
    write_plan(_plan(), path)
    build = next(t for t in ET.parse(path).getroot().find(f"{NS}Tasks") if t.findtext(f"{NS}Name") == "Build")
    given = [build.findtext(f"{NS}{tag}") for tag in ("ManualStart", "ManualFinish", "ManualDuration")]
    assert given == [build.findtext(f"{NS}Start"), build.findtext(f"{NS}Finish"), build.findtext(f"{NS}Duration")]
    assert given[0] == "2030-01-04T08:00:00" and given[2] == "PT40H0M0S"


def test_a_file_without_a_project_start_reads_its_manual_tasks_as_one_with_it_does(tmp_path):
    """The plan's start is then the earliest stored start: each manual task keeps its start as its
    manual start beside its constraint, as when the file names the same start."""
    path = tmp_path / "plan.xml"
    write_plan(_plan(), path)
    root = ET.parse(path).getroot()
    for task in root.find(f"{NS}Tasks"):
        if task.findtext(f"{NS}Name") == "Review":  # manual, on the plan's start 2030-01-01
            assert task.findtext(f"{NS}Start", "").startswith("2030-01-01")
    with_start = read_plan(path)
    text = path.read_text(encoding="utf-8")
    start_line = next(line for line in text.splitlines(keepends=True) if "<StartDate>" in line)
    (tmp_path / "no_start.xml").write_text(text.replace(start_line, "", 1), encoding="utf-8")
    without = read_plan(tmp_path / "no_start.xml")
    assert any("gives no project start; using 2030-01-01" in w for w in without.warnings)

    def held(result):
        return {t.key: (t.manual_start, t.constraint, t.constraint_date) for t in result.project.tasks.values()}

    assert held(without) == held(with_start)
    assert held(without)["C"] == (date(2030, 1, 1), ConstraintType.ASAP, None)
    assert held(without)["B"] == (date(2030, 1, 4), ConstraintType.ASAP, None)


def test_a_summary_of_unlinked_manual_tasks_is_critical_by_its_own_float_as_ms_project_marks_it():
    """MS Project stores its project summary task critical (no slack) over ten unlinked manual tasks
    it marks not critical: a summary's flag follows its own float, not its sub-tasks' flags."""
    import dataclasses

    from ilrs_planner.domain import TaskKind

    path = REAL / "task-dates-project2016-mspdi.xml"
    stored = {t.findtext(f"{NS}OutlineNumber"): (t.findtext(f"{NS}Critical"), t.findtext(f"{NS}Manual"))
              for t in ET.parse(path).getroot().find(f"{NS}Tasks")}
    assert stored.pop("0")[0] == "1" and {flags for flags in stored.values()} == {("0", "1")}
    read = read_plan(path).project
    assert not read.links
    plan = Project("Summary of manual tasks", read.start)
    plan.add_task(Task("PH", "Dates", 0, id="ph", kind=TaskKind.PHASE))
    for place, task in enumerate(read.tasks.values()):
        plan.add_task(dataclasses.replace(task, parent_id="ph", position=place))
    dates = schedule(plan).tasks
    assert dates["ph"].total_float == 0 and dates["ph"].critical
    assert len(dates) == 11 and not any(d.critical for tid, d in dates.items() if tid != "ph")


def test_the_start_holding_a_manual_task_is_written_as_ms_project_stores_it_and_read_back(tmp_path):
    """MS Project keeps a manual task's start as ManualStart beside no constraint (every manual task of
    its real files is As Soon As Possible): so is Build, held Start No Earlier Than its start 2030-01-04."""
    real = ET.parse(REAL / "task-links-project2016-mspdi.xml").getroot().find(f"{NS}Tasks")
    assert {t.findtext(f"{NS}ConstraintType") for t in real if t.findtext(f"{NS}Manual") == "1"} == {"0"}
    plan = _plan()
    plan.tasks["c"].constraint, plan.tasks["c"].constraint_date = ConstraintType.FNLT, date(2030, 2, 1)
    path = tmp_path / "plan.xml"
    write_plan(plan, path)
    written = {t.findtext(f"{NS}Name"): (t.findtext(f"{NS}ConstraintType"), t.findtext(f"{NS}ConstraintDate"))
               for t in ET.parse(path).getroot().find(f"{NS}Tasks")}
    assert written["Build"] == ("0", None) and written["Review"][0] == "7"  # the planner's own FNLT (code 7) is kept
    build = next(t for t in read_plan(path).project.tasks.values() if t.key == "B")
    assert (build.manual, build.manual_start, build.constraint) == (True, date(2030, 1, 4), ConstraintType.ASAP)
