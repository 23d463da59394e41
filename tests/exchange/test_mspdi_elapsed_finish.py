"""An elapsed task's Finish in MS Project XML is MS Project's: its Start plus 24 hours a day.

MS Project counts an elapsed day as 24 hours (its own files, msp_real/task-durations-*, write one
elapsed day as `PT24H0M0S` with DurationFormat 8), so 7 elapsed days from Thursday 08:00 end
the next Thursday at 08:00, and MS Project shows that Thursday as the Finish. The file must say
so: a Finish of the Wednesday at 17:00 beside `PT168H0M0S` contradicts its own Duration, and MS
Project re-derives a finish of its own. Read back, every date is the one the plan had.
"""

import xml.etree.ElementTree as ET
from datetime import date, datetime, timedelta
from pathlib import Path

from ilrs_planner.domain import Baseline, Calendar, ConstraintType, Link, LinkType, Project, Task
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.exchange.formats import read_plan, write_plan

NS = "{http://schemas.microsoft.com/project}"
REAL = Path(__file__).parent / "msp_real" / "task-durations-project2016-mspdi.xml"


def _plan() -> Project:
    """Monday-to-Thursday week. 'Cure': 7 elapsed days, Start No Earlier Than Thu 2027-01-21, so it
    runs Thu 21 08:00 + 168 h = Thu 28 08:00 (its last calendar day Wed 27). 'After' (2 d) follows
    it: Thu 28 and Mon Feb 1 (Fri-Sun off), finish 17:00 Feb 1. 'Set' (7 ed, finished) ran
    Fri 2027-01-08 08:00 + 168 h = Fri 15 08:00. A baseline holds Cure at Jan 21..28 (exclusive)."""
    plan = Project("Elapsed", date(2027, 1, 4), status_date=date(2027, 1, 18))
    week = plan.add_calendar(Calendar("Four-day week", (True,) * 4 + (False,) * 3))
    plan.default_calendar_id = week.id
    cure = plan.add_task(Task("cure", "Cure", 7, elapsed=True, constraint=ConstraintType.SNET,
                              constraint_date=date(2027, 1, 21)))
    after = plan.add_task(Task("after", "After", 2, position=1))
    plan.add_task(Task("set", "Set", 7, position=2, elapsed=True, actual_start=date(2027, 1, 8),
                       actual_finish=date(2027, 1, 15), percent_complete=100))
    plan.add_link(Link(cure.id, after.id, LinkType.FS, 0))
    plan.baselines.append(Baseline("Agreed", date(2027, 1, 4), {cure.id: (date(2027, 1, 21), date(2027, 1, 28))}))
    return plan


def _tasks(path: Path) -> dict[str, ET.Element]:
    root = ET.parse(path).getroot()
    return {task.findtext(f"{NS}Name"): task for task in root.iter(f"{NS}Task")}


def _hours(text: str) -> int:
    return int(text.removeprefix("PT").split("H")[0])


def test_an_elapsed_task_finishes_at_its_start_plus_24_hours_a_day(tmp_path):
    path = tmp_path / "plan.xml"
    write_plan(_plan(), path)
    tasks = _tasks(path)
    cure = tasks["Cure"]
    start, finish = (datetime.fromisoformat(cure.findtext(f"{NS}{tag}")) for tag in ("Start", "Finish"))
    assert (start, finish) == (datetime(2027, 1, 21, 8), datetime(2027, 1, 28, 8))
    assert finish - start == timedelta(hours=_hours(cure.findtext(f"{NS}Duration"))) == timedelta(days=7)
    assert cure.findtext(f"{NS}DurationFormat") == "8"
    # A working-day task still ends at the end of its last working day, as MS Project writes it.
    assert tasks["After"].findtext(f"{NS}Finish") == "2027-02-01T17:00:00"
    finished = tasks["Set"]
    assert (finished.findtext(f"{NS}ActualStart"), finished.findtext(f"{NS}ActualFinish")) == \
        ("2027-01-08T08:00:00", "2027-01-15T08:00:00")
    baseline = cure.find(f"{NS}Baseline")
    assert (baseline.findtext(f"{NS}Start"), baseline.findtext(f"{NS}Finish"), baseline.findtext(f"{NS}Duration"),
            baseline.findtext(f"{NS}DurationFormat")) == ("2027-01-21T08:00:00", "2027-01-28T08:00:00",
                                                          "PT168H0M0S", "8")


def test_an_elapsed_day_is_written_as_ms_project_writes_one():
    """MS Project's own file: a custom duration of one elapsed day is PT24H0M0S with format 8."""
    written = [(attribute.findtext(f"{NS}Value"), attribute.findtext(f"{NS}DurationFormat"))
               for attribute in ET.parse(REAL).getroot().iter(f"{NS}ExtendedAttribute")
               if attribute.findtext(f"{NS}DurationFormat") == "8"]
    assert written and set(written) == {("PT24H0M0S", "8")}


def test_an_elapsed_task_reads_back_on_the_same_dates(tmp_path):
    plan = _plan()
    path = tmp_path / "plan.xml"
    write_plan(plan, path)
    read = read_plan(path).project
    ours = schedule(plan).tasks
    theirs = schedule(read).tasks
    by_name = {task.name: task for task, _ in read.walk()}
    for task, _ in plan.walk():
        back = by_name[task.name]
        assert (theirs[back.id].early_start, theirs[back.id].early_finish, back.duration, back.elapsed) == \
            (ours[task.id].early_start, ours[task.id].early_finish, task.duration, task.elapsed), task.name
    finished = next(task for task, _ in plan.walk() if task.key == "set")
    assert by_name["Set"].actual_finish == finished.actual_finish
    assert list(read.baselines[0].entries.values()) == [(date(2027, 1, 21), date(2027, 1, 28))]
