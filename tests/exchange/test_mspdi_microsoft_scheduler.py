"""MS Project XML we write, scheduled by MPXJ's MicrosoftScheduler, lands on our dates.

MPXJ (the library ProjectLibre and GanttProject read MS Project files with) has a scheduler that
follows MS Project's rules. A file we export is read by MPXJ and rescheduled from scratch in a
child JVM (mpxj_schedule.py); every task must come out where our own scheduler put it. MS Project
writes the end of one working day and the start of the next interchangeably (a milestone after a
task sits at 17:00 of the task's last day; an elapsed task ends at 08:00 of the day after), so the
two are compared as moments of working time: a stamp at or after 17:00, or on a day the task's
calendar does not work, stands for the start of the next working day.
"""

import dataclasses
import json
import subprocess
import sys
import warnings
from datetime import date, datetime, time, timedelta
from pathlib import Path

from mpxj_needs import skip_without_mpxj

from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.domain import Calendar, CalendarException, ConstraintType, Link, LinkType, Project, Task
from ilrs_planner.domain.calendar import MONDAY_TO_FRIDAY
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.exchange.formats import write_plan

skip_without_mpxj()
END_OF_DAY = time(17, 0)


def _scheduled_by_mpxj(path: Path) -> dict:
    script = Path(__file__).with_name("mpxj_schedule.py")
    done = subprocess.run([sys.executable, str(script), str(path)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


def _moment(day: date, calendar) -> date:
    """The start of the first working day on or after `day`."""
    while not calendar.is_working(day):
        day += timedelta(days=1)
    return day


def _stamp_moment(stamp: str, calendar) -> date:
    moment = datetime.fromisoformat(stamp)
    return _moment(moment.date() + timedelta(days=moment.time() >= END_OF_DAY), calendar)


def _differences(project: Project, tmp_path: Path) -> tuple[list[str], int]:
    """Tasks MPXJ schedules elsewhere than we do, and how many tasks were compared.

    An MPXJ without MicrosoftScheduler (before 14.0) is said so, and its read-back dates are compared.
    """
    path = tmp_path / "plan.xml"
    write_plan(project, path)  # its warnings (the oldest baselines left out) do not touch dates
    result = _scheduled_by_mpxj(path)
    # MS Project leaves unstarted work before the status date until told to reschedule it; we never do
    # (see cpm), so the dates compared are ours without the status date.
    ours = schedule(dataclasses.replace(project, status_date=None)).tasks
    by_uid = {number: task for number, (task, _) in enumerate(project.walk(), start=1)}
    different = []
    for row in result["tasks"]:
        task = by_uid[row["uid"]]
        calendar = project.task_calendar(task)
        dates = ours[task.id]
        expected = (_moment(dates.early_start, calendar), _moment(dates.early_finish, calendar))
        got = tuple(_stamp_moment(stamp, calendar) for stamp in row["scheduled"])
        if got != expected:
            different.append(f"{task.name}: ours {dates.early_start}..{dates.early_finish}, MPXJ {row['scheduled']}")
    if result["scheduler"] is None:
        warnings.warn("this mpxj has no MicrosoftScheduler: compared with the dates MPXJ reads back", stacklevel=2)
    return different, len(result["tasks"])


def _calendar_plan() -> Project:
    """A 5-day plan with a holiday, a 6-day task calendar, every link type and every kind of actual."""
    plan = Project("Calendars with actuals", date(2030, 1, 7), status_date=date(2030, 1, 21))
    office = plan.add_calendar(Calendar("Office", MONDAY_TO_FRIDAY,
                                        [CalendarException("Spring festival", date(2030, 2, 18), date(2030, 2, 22))]))
    plan.default_calendar_id = office.id
    range_days = plan.add_calendar(Calendar("Launch range", (True,) * 6 + (False,),
                                            [CalendarException("Range closed", date(2030, 1, 28), date(2030, 1, 29))]))
    phase = plan.add_task(Task("ph", "Phase"))
    tasks = {task.key: plan.add_task(task) for task in [
        # Finished: planned for 3 days, took 5, typed as finishing on the Monday after (the end of Friday's work).
        Task("done", "Done", 3, parent_id=phase.id, actual_start=date(2030, 1, 7),
             actual_finish=date(2030, 1, 14), percent_complete=100),
        Task("doing", "Doing", 10, parent_id=phase.id, position=1, actual_start=date(2030, 1, 14),
             percent_complete=40),
        Task("finish_only", "Finish only", 3, parent_id=phase.id, position=2,
             actual_finish=date(2030, 1, 17), percent_complete=100),
        Task("next", "Next", 4, parent_id=phase.id, position=3),
        Task("range", "On the range", 6, position=1, calendar_id=range_days.id),
        Task("cure", "Cure (elapsed)", 10, position=2, elapsed=True),
        Task("ready", "Ready", 0, position=3),
        Task("snet", "Held by a constraint", 2, position=4, constraint=ConstraintType.SNET,
             constraint_date=date(2030, 2, 9)),
    ]}
    for pred, succ, kind, lag in [("done", "next", LinkType.FS, 0), ("doing", "next", LinkType.FS, 2),
                                  ("next", "range", LinkType.SS, 1), ("range", "cure", LinkType.FS, 0),
                                  ("cure", "ready", LinkType.FF, 0), ("finish_only", "snet", LinkType.FS, 0),
                                  ("ready", "snet", LinkType.SF, 3)]:
        plan.add_link(Link(tasks[pred].id, tasks[succ].id, kind, lag))
    return plan


def test_the_ilrs_roadmap_is_scheduled_by_microsoft_scheduler_to_our_dates(tmp_path):
    reference = build_reference_project()
    different, compared = _differences(reference, tmp_path)
    assert compared == len(reference.tasks) and different == []


def test_a_calendar_plan_with_actuals_is_scheduled_to_our_dates(tmp_path):
    plan = _calendar_plan()
    different, compared = _differences(plan, tmp_path)
    assert compared == len(plan.tasks) and different == []
    # What the comparison stands on, worked out by hand: 'Done' took Monday 7 to Friday 11 January
    # (typed as finishing the Monday after); 'Doing' runs its 10 working days from Monday 14 January
    # to Friday 25 January; 'Finish only' gets the 3 working days before its finish.
    # (without the status date, as compared: MS Project does not move work after it unless asked)
    unmoved = schedule(dataclasses.replace(plan, status_date=None))
    by_key = {task.key: unmoved.tasks[task.id] for task in plan.tasks.values()}
    assert (by_key["done"].early_start, by_key["done"].early_finish) == (date(2030, 1, 7), date(2030, 1, 12))
    assert (by_key["doing"].early_start, by_key["doing"].early_finish) == (date(2030, 1, 14), date(2030, 1, 26))
    assert by_key["finish_only"].early_start == date(2030, 1, 14)


def _ms_project_rules_plan() -> Project:
    """As-late-as-possible tasks (with and without successors, a milestone, lags, an FF link) and SS/SF
    links leaving summaries whose earliest sub-task is not their last, on a Monday-Friday calendar."""
    project = Project("MS Project rules", date(2030, 1, 3))
    project.default_calendar_id = project.add_calendar(Calendar("Standard", MONDAY_TO_FRIDAY)).id

    def task(key: str, duration: int, **fields) -> Task:
        return project.add_task(Task(key, key, duration, position=len(project.tasks), **fields))

    def link(a: Task, b: Task, kind: LinkType = LinkType.FS, lag: int = 0) -> None:
        project.add_link(Link(a.id, b.id, kind, lag))

    alap = {"constraint": ConstraintType.ALAP}
    a, b, c = task("A", 2), task("B", 2, **alap), task("C", 1)
    task("D", 6)
    link(a, b), link(b, c)
    task("E", 3, **alap)
    s, x = task("S", 0), task("X", 3)
    task("S1", 2, parent_id=s.id)
    s2, y, z = task("S2", 4, parent_id=s.id), task("Y", 2), task("Z", 3)
    link(x, s2), link(s, y, LinkType.SS, 1), link(s, z, LinkType.SF, 5)
    m, f, g = task("M", 0, **alap), task("F", 2, **alap), task("G", 1)
    link(a, m), link(a, f), link(f, g, LinkType.FS, 2)
    q = task("Q", 0)
    q1, w, h = task("Q1", 2, parent_id=q.id), task("W", 2), task("H", 2, **alap)
    task("Q2", 1, parent_id=q.id)
    link(x, q1), link(q, w, LinkType.SS), link(h, w, LinkType.FF, 1)
    return project


def test_alap_tasks_and_links_leaving_summaries_are_scheduled_to_our_dates(tmp_path):
    """As late as possible, and SS/SF links keyed on a summary's start: MicrosoftScheduler agrees with us."""
    plan = _ms_project_rules_plan()
    different, compared = _differences(plan, tmp_path)
    assert compared == len(plan.tasks) and different == []
    got = {t.name: (d.early_start, d.early_finish) for t in plan.tasks.values() for d in [schedule(plan).tasks[t.id]]}
    assert got["B"] == (date(2030, 1, 9), date(2030, 1, 11))  # as late as possible: Wed-Thu, right before C
    assert got["Y"] == (date(2030, 1, 4), date(2030, 1, 8))  # SS+1 from S's start (S1's), not from S2's


def test_milestones_are_shown_on_the_days_microsoft_scheduler_places_them(tmp_path):
    """Each milestone's day as MS Project shows it (the day of its stamp: Friday 17:00 is Friday),
    for a milestone after a finish, after a start, at the plan start, on a constraint, after a lag,
    after another milestone, and one where a finish and a start tie (the start wins)."""
    project = Project("Milestones", date(2027, 1, 4))
    project.default_calendar_id = project.add_calendar(Calendar("Standard", MONDAY_TO_FRIDAY)).id

    def task(key: str, duration: int, **fields) -> Task:
        return project.add_task(Task(key, key, duration, position=len(project.tasks), **fields))

    friday, monday = task("friday", 5), task("monday", 1, constraint=ConstraintType.SNET,
                                             constraint_date=date(2027, 1, 11))
    after = {key: task(key, 0) for key in ("fs", "ss", "tie", "ff", "sf", "lag", "chain", "chain_ss")}
    task("start", 0), task("snet", 0, constraint=ConstraintType.SNET, constraint_date=date(2027, 1, 6))
    for pred, succ, kind, lag in [(friday, "fs", LinkType.FS, 0), (monday, "ss", LinkType.SS, 0),
                                  (friday, "tie", LinkType.FS, 0), (monday, "tie", LinkType.SS, 0),
                                  (friday, "ff", LinkType.FF, 0), (friday, "sf", LinkType.SF, 2),
                                  (friday, "lag", LinkType.FS, 2), (after["fs"], "chain", LinkType.FS, 0),
                                  (after["fs"], "chain_ss", LinkType.SS, 1)]:
        project.add_link(Link(pred.id, after[succ].id, kind, lag))
    path = tmp_path / "plan.xml"
    write_plan(project, path)
    result = _scheduled_by_mpxj(path)
    if result["scheduler"] is None:
        return  # an MPXJ without MicrosoftScheduler only reads back what we wrote
    ours = schedule(project).tasks
    by_uid = {number: task for number, (task, _) in enumerate(project.walk(), start=1)}
    got = {by_uid[row["uid"]].key: tuple(datetime.fromisoformat(s).date() for s in row["scheduled"])
           for row in result["tasks"] if by_uid[row["uid"]].duration == 0}
    assert got == {t.key: (ours[t.id].shown_start, ours[t.id].shown_finish)
                   for t in project.tasks.values() if t.duration == 0}
    assert got["fs"] == (date(2027, 1, 8),) * 2 and got["tie"] == (date(2027, 1, 11),) * 2  # worked out by hand


def test_manually_scheduled_tasks_are_scheduled_to_our_dates(tmp_path):
    """A manual task keeps its start whatever its predecessor says, and what follows it starts from
    there: MicrosoftScheduler, reading Manual and the dates written with it, agrees with us."""
    plan = Project("Manual", date(2030, 1, 7))
    plan.default_calendar_id = plan.add_calendar(Calendar("Standard", MONDAY_TO_FRIDAY)).id
    for position, (key, days) in enumerate((("A", 10), ("B", 5), ("C", 3), ("D", 4))):
        plan.add_task(Task(key, key, days, id=key.lower(), position=position))
    plan.tasks["b"].manual = True
    plan.tasks["b"].constraint, plan.tasks["b"].constraint_date = ConstraintType.SNET, date(2030, 1, 9)
    plan.tasks["d"].manual = True  # no date of its own: it starts with the plan
    for pred, succ in (("a", "b"), ("b", "c")):
        plan.add_link(Link(pred, succ, id=f"{pred}{succ}"))
    different, compared = _differences(plan, tmp_path)
    assert compared == len(plan.tasks) and different == []
    got = {t.key: schedule(plan).tasks[t.id].early_start for t in plan.tasks.values()}
    assert (got["B"], got["C"], got["D"]) == (date(2030, 1, 9), date(2030, 1, 16), date(2030, 1, 7))
