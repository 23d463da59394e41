"""A plan copied a step at a time, and recovery copies written from it on a thread of their own."""

from __future__ import annotations

import copy
import math
import threading
from datetime import date

import pytest

from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.domain import CalendarException, Link, PlannerError, Project, Task
from ilrs_planner.store import PlanSession, find_recoveries, open_project, read_recovery, recovery_thread
from ilrs_planner.store.snapshot import take_snapshot


@pytest.fixture(autouse=True)
def recovery_folder(tmp_path, monkeypatch):
    folder = tmp_path / "state" / "recovery"
    monkeypatch.setenv("ILRS_PLANNER_RECOVERY_DIR", str(folder))
    return folder


def taken(project: Project, rows_per_step: int | None = None):
    """(the snapshot, how many steps it took)."""
    steps, count = take_snapshot(project, rows_per_step), 0
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value, count
        count += 1


def chain_plan(tasks: int) -> Project:
    project = Project("Chain", date(2030, 1, 1))
    for number in range(tasks):
        project.add_task(Task(f"T{number}", f"Task {number}", 3, id=f"t{number}", position=number))
    for number in range(tasks - 1):
        project.add_link(Link(f"t{number}", f"t{number + 1}", lag=number % 4, id=f"l{number}"))
    return project


@pytest.mark.parametrize("which", ["reference roadmap", "every field"])
def test_a_snapshot_makes_the_plan_again_with_objects_of_its_own(which, rich_project):
    plan = build_reference_project() if which == "reference roadmap" else rich_project
    copied = taken(plan)[0].project()
    assert copied == plan
    for kind in ("tasks", "links", "participants", "calendars"):
        ours, theirs = getattr(plan, kind), getattr(copied, kind)
        assert list(theirs) == list(ours) and not any(theirs[key] is ours[key] for key in ours)


def test_edits_after_the_snapshot_do_not_reach_it(rich_project):
    before = copy.deepcopy(rich_project)
    snapshot = taken(rich_project)[0]
    rich_project.name = "Renamed plan"
    rich_project.tasks["task-1"].name = "Renamed task"
    rich_project.tasks["task-2"].duration = 99
    rich_project.links["link-0"].lag = 40
    rich_project.participants["participant-0"].name = "Renamed member"
    rich_project.calendars["cal-site"].exceptions = [CalendarException("Closure", date(2029, 3, 1), date(2029, 3, 9))]
    del rich_project.tasks["task-3"]
    assert snapshot.project() == before


def test_a_large_plan_is_copied_a_few_objects_at_a_time():
    plan = chain_plan(250)
    snapshot, steps = taken(plan, rows_per_step=100)
    assert steps == math.ceil(250 / 100) + math.ceil(249 / 100)  # the window's events run between them
    assert snapshot.project() == plan


def write_later(session: PlanSession, project: Project):
    """Start a background copy of `project`; returns the event set when it is done and what it reported."""
    finished, reported = threading.Event(), []

    def done(path, error):
        reported.append((path, error))
        finished.set()

    session.write_recovery_later(taken(project)[0], done)
    return finished, reported


def test_a_copy_written_in_the_background_opens_as_the_plan_was(rich_project):
    session = PlanSession.untitled(rich_project)
    before = copy.deepcopy(rich_project)
    finished, reported = write_later(session, rich_project)
    rich_project.tasks["task-1"].name = "Edited while the copy is written"
    assert finished.wait(60)
    (path, error), = reported
    assert error is None and read_recovery(None, session.copy_name).copy_path == path == session.recovery_path
    assert read_recovery(None, session.copy_name).load() == before


def test_closing_waits_for_the_copy_being_written_then_removes_it(rich_project, plan_file, monkeypatch):
    release = threading.Event()
    write = recovery_thread.write_recovery
    monkeypatch.setattr(recovery_thread, "write_recovery",
                        lambda plan, path, untitled="": release.wait() and write(plan, path, untitled))
    session = PlanSession.open(plan_file)
    finished, _ = write_later(session, open_project(plan_file))
    threading.Timer(0.2, release.set).start()  # however late the copy is written, the close comes after
    session.close()
    assert finished.is_set() and find_recoveries() == []


def test_a_copy_that_cannot_be_written_reports_why(rich_project, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("ILRS_PLANNER_RECOVERY_DIR", str(blocker / "recovery"))
    finished, reported = write_later(PlanSession.untitled(rich_project), rich_project)
    assert finished.wait(60)
    (path, error), = reported
    assert path is None and isinstance(error, PlannerError) and error.code == "store.io"
