"""Real MS Project files (tests/exchange/msp_real) open on the dates MS Project stored in them."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from ilrs_planner.domain import Calendar, CalendarException, Link, Project, Task
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.exchange.mspdi import write
from ilrs_planner.exchange.mspdi.helpers import finish_from_stamp, start_from_stamp
from ilrs_planner.exchange.mspdi.reader import read_mspdi
from ilrs_planner.exchange.mspdi.xml_safe import parse_untrusted

REAL = Path(__file__).parent / "msp_real"
TASK_FILES = sorted(REAL.glob("task-*-mspdi.xml"))


def stored_dates(path: Path) -> list[tuple[str, date, date]]:
    """(name, start, exclusive finish) MS Project stored for each task, in file order (as the reader reads)."""
    rows = []
    for task in parse_untrusted(path).iterfind("Tasks/Task"):
        if task.findtext("UID") == "0" or task.findtext("OutlineLevel") == "0" or task.findtext("IsNull") == "1":
            continue
        start, finish = datetime.fromisoformat(task.findtext("Start")), datetime.fromisoformat(task.findtext("Finish"))
        rows.append((task.findtext("Name"), start_from_stamp(start), finish_from_stamp(finish)))
    return rows


def test_the_real_files_are_there():
    assert len(TASK_FILES) >= 10 and (REAL / "README.md").read_text().count("LGPL") == 1


@pytest.mark.parametrize("path", TASK_FILES, ids=[p.stem for p in TASK_FILES])
def test_every_task_lands_on_the_dates_ms_project_stored(path):
    project = read_mspdi(path).project
    result = schedule(project)
    rows = list(zip(project.tasks, stored_dates(path)))  # summaries too, where a file has them
    assert any(not project.is_summary(tid) for tid, _ in rows)
    got = [(want[0], result.tasks[tid].early_start, result.tasks[tid].early_finish) for tid, want in rows]
    assert got == [want for _, want in rows]


@pytest.mark.parametrize("path", TASK_FILES, ids=[p.stem for p in TASK_FILES])
def test_every_task_is_shown_on_the_days_ms_project_shows(path):
    """The days of MS Project's stamps (a finish at 17:00 is that day, a milestone at 17:00 too) are
    the start and last day every view shows, not only the same moments of working time."""
    project = read_mspdi(path).project
    result = schedule(project)
    stamps = [(task.findtext("Start"), task.findtext("Finish")) for task in parse_untrusted(path).iterfind("Tasks/Task")
              if task.findtext("UID") != "0" and task.findtext("OutlineLevel") != "0"
              and task.findtext("IsNull") != "1"]
    got = [(result.tasks[tid].shown_start, result.tasks[tid].shown_finish) for tid in project.tasks]
    assert got == [(datetime.fromisoformat(a).date(), datetime.fromisoformat(b).date()) for a, b in stamps]


@pytest.mark.parametrize("path", TASK_FILES, ids=[p.stem for p in TASK_FILES])
def test_the_plan_spans_the_project_summary_ms_project_stored(path):
    summary = next(t for t in parse_untrusted(path).iterfind("Tasks/Task") if t.findtext("UID") == "0")
    want = (start_from_stamp(datetime.fromisoformat(summary.findtext("Start"))),
            finish_from_stamp(datetime.fromisoformat(summary.findtext("Finish"))))
    result = schedule(read_mspdi(path).project)
    assert (result.project_start, result.project_finish) == want
    assert result.last_day() == datetime.fromisoformat(summary.findtext("Finish")).date()


def test_links_across_weekends_follow_the_standard_calendar():
    project = read_mspdi(REAL / "task-links-project2016-mspdi.xml").project
    assert project.default_calendar().name == "Standard"
    assert project.default_calendar().weekdays == (True,) * 5 + (False, False)


def test_recurring_exceptions_arrive_as_named_dated_exceptions():
    project = read_mspdi(REAL / "calendar-recurring-exceptions-project2016-mspdi.xml").project
    standard = project.default_calendar()
    names = {e.name for e in standard.exceptions}
    assert {"Daily 1", "Monthly Relative 1"} <= names
    first = next(e for e in standard.exceptions if e.name == "Daily 1")
    assert (first.start, first.finish, first.working) == (date(2000, 1, 1), date(2000, 1, 3), False)
    assert not standard.is_working(date(2000, 1, 3)) and standard.is_working(date(2000, 1, 4))


def test_every_calendar_of_the_file_is_read_by_name():
    project = read_mspdi(REAL / "calendar-calendars-project2016-mspdi.xml").project
    assert sorted(c.name for c in project.calendars.values()) == [
        "Calendar1", "Calendar2", "Resource One", "Resource Two", "Standard"]
    assert project.default_calendar().name == "Standard"


def test_a_plan_on_calendars_round_trips_through_ms_project_xml(tmp_path):
    project = Project("Calendars", date(2030, 1, 3))
    project.add_calendar(Calendar("Launch site", (True,) * 5 + (False, False), [
        CalendarException("Closure", date(2030, 1, 8), date(2030, 1, 9)),
        CalendarException("Saturday shift", date(2030, 1, 12), date(2030, 1, 12), working=True)]))
    cruise = project.add_calendar(Calendar("Cruise", (True,) * 7))
    project.default_calendar_id = next(iter(project.calendars))
    a = project.add_task(Task("A", "A", 4, position=0))
    b = project.add_task(Task("B", "B", 3, position=1, calendar_id=cruise.id))
    c = project.add_task(Task("C", "C", 2, position=2, elapsed=True))
    project.add_link(Link(a.id, b.id))
    project.add_link(Link(b.id, c.id, lag=2, elapsed=True))
    write(project, tmp_path / "plan.xml")
    back = read_mspdi(tmp_path / "plan.xml").project
    assert back.calendars == project.calendars and back.default_calendar_id == project.default_calendar_id
    by_key = {t.key: t for t in back.tasks.values()}
    assert by_key["B"].calendar_id == cruise.id and by_key["C"].elapsed
    assert [k.elapsed for k in back.links.values()] == [False, True]
    before, after = schedule(project), schedule(back)
    assert [(before.tasks[t.id].early_start, before.tasks[t.id].early_finish) for t in (a, b, c)] == [
        (after.tasks[by_key[k].id].early_start, after.tasks[by_key[k].id].early_finish) for k in "ABC"]


def _friday_milestone_plan() -> tuple[Project, Task]:
    project = Project("Milestone", date(2027, 1, 4))
    project.default_calendar_id = project.add_calendar(Calendar("Standard", (True,) * 5 + (False, False))).id
    work = project.add_task(Task("work", "Ends Friday", 5, position=0))
    done = project.add_task(Task("done", "MS after Friday", 0, position=1))
    project.add_task(Task("open", "At the start", 0, position=2))
    project.add_link(Link(work.id, done.id))
    return project, done


def test_a_milestone_after_friday_is_written_at_friday_17_and_read_back_to_the_same_point(tmp_path):
    project, done = _friday_milestone_plan()
    write(project, tmp_path / "plan.xml")
    tasks = {t.findtext("Name"): t for t in parse_untrusted(tmp_path / "plan.xml").iterfind("Tasks/Task")}
    assert (tasks["MS after Friday"].findtext("Start"), tasks["MS after Friday"].findtext("Finish")) == (
        "2027-01-08T17:00:00", "2027-01-08T17:00:00")  # as MS Project writes it
    assert tasks["At the start"].findtext("Start") == "2027-01-04T08:00:00"
    back = read_mspdi(tmp_path / "plan.xml").project
    again = schedule(back).tasks[next(t.id for t in back.tasks.values() if t.key == "done")]
    ours = schedule(project).tasks[done.id]
    assert (again.early_start, again.early_at_day_end, again.shown_finish) == (
        ours.early_start, True, date(2027, 1, 8))
