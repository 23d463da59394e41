"""The driving chain reads a link as the scheduler does: a lag, a lead and an FF or SF link count
working days of the successor's calendar. Dates worked out by hand, checked against the schedule."""

from __future__ import annotations

from datetime import date as D

from ilrs_planner.domain import Calendar, ConstraintType, Link, LinkType, Project, Task
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.engine.driving_chain import driving_chain


def _plan(pred_days: int, link: Link, succ_days: int) -> Project:
    """p, every day from Tuesday 2030-01-01, then s on a Monday-to-Friday calendar, tied by `link`."""
    project = Project("Calendars", D(2030, 1, 1))
    project.add_calendar(Calendar("Standard", (True,) * 5 + (False,) * 2, id="std"))
    project.add_task(Task("P", "Pour", pred_days, id="p"))
    project.add_task(Task("S", "Set", succ_days, id="s", position=1, calendar_id="std"))
    project.add_link(link)
    return project


def _chain(project: Project) -> tuple[list[tuple[str, str]], tuple[D, D]]:
    """Each step's key and driver, and s's early (start, exclusive finish)."""
    dates = {tid: (d.early_start, d.early_finish) for tid, d in schedule(project).tasks.items()}
    return [(step.key, step.driver) for step in driving_chain(project, dates, "s")], dates["s"]


def test_a_lead_over_a_weekend_drives_its_successor():
    # p, 14 days, ends Monday 01-14. FS -3 counts three of s's working days back from that finish
    # (Monday 14, Friday 11, Thursday 10): s starts Thursday 01-10. In calendar days 01-15 less 3 is
    # Saturday 01-12, which is not s's start, and the chain read s as driven by nothing.
    chain, dates = _chain(_plan(14, Link("p", "s", LinkType.FS, -3, id="ps"), 5))
    assert dates == (D(2030, 1, 10), D(2030, 1, 17))  # Thursday 10, Friday 11, Monday 14 to Wednesday 16
    assert chain == [("S", "FS from 'Pour' (P) -3 d"), ("P", "plan start")]


def test_a_finish_to_finish_lag_drives_its_successor_in_its_working_days():
    # p, 10 days, ends Thursday 01-10 (its finish is the start of Friday 01-11). FF +2 counts two of
    # s's working days on from there (Friday 11, Monday 14): s ends Monday 01-14, and its 3 days start
    # on Thursday 01-10. In calendar days, 01-11 + 2 less s's five calendar days is 01-08: no match.
    chain, dates = _chain(_plan(10, Link("p", "s", LinkType.FF, 2, id="ps"), 3))
    assert dates == (D(2030, 1, 10), D(2030, 1, 15))
    assert chain == [("S", "FF from 'Pour' (P) +2 d"), ("P", "plan start")]


def test_a_start_to_finish_link_with_a_lead_drives_its_successor():
    # q, 6 days from Tuesday 01-01, holds p to start on Monday 01-07. SF -1 counts one of s's working
    # days back from that start: Friday 01-04, and s must finish by then, so its 2 days run Wednesday
    # 01-02 and Thursday 01-03. In calendar days, 01-07 less 1 less s's two days is 01-04: no match.
    project = _plan(5, Link("p", "s", LinkType.SF, -1, id="ps"), 2)
    project.add_task(Task("Q", "Quarry", 6, id="q", position=2))
    project.add_link(Link("q", "p", id="qp"))
    chain, dates = _chain(project)
    assert dates == (D(2030, 1, 2), D(2030, 1, 4))
    assert chain == [("S", "SF from 'Pour' (P) -1 d"), ("P", "FS from 'Quarry' (Q)"), ("Q", "plan start")]


def _held(kind: ConstraintType, day: D) -> tuple[list[tuple[str, str]], tuple[D, D]]:
    """s, 2 days on the Monday-to-Friday calendar, held by a constraint of `kind` on `day` (as stored:
    a finish constraint's day after the last day of work), after p (1 day from Tuesday 2030-01-01)."""
    project = _plan(1, Link("p", "s", id="ps"), 2)
    project.tasks["s"].constraint, project.tasks["s"].constraint_date = kind, day
    return _chain(project)


def test_a_constraint_dated_on_a_day_off_holds_the_task_at_the_working_day_after_it():
    # Must start on Sunday 01-13: s starts Monday 01-14, where its constraint puts it (it read 'not
    # driven by a link (date as planned)'); so does one to start no earlier than Saturday 01-12.
    chain, dates = _held(ConstraintType.MSO, D(2030, 1, 13))
    assert dates == (D(2030, 1, 14), D(2030, 1, 16))
    assert chain == [("S", "constraint MSO 2030-01-13")]
    assert _held(ConstraintType.SNET, D(2030, 1, 12))[0] == [("S", "constraint SNET 2030-01-12")]


def test_a_finish_constraint_is_named_by_the_last_day_of_work_the_planner_typed():
    # Must finish on Friday 01-18, stored as Saturday 01-19: s works Thursday 17 and Friday 18. The
    # chain named the stored day, 2030-01-19, a Saturday on which s does no work.
    chain, dates = _held(ConstraintType.MFO, D(2030, 1, 19))
    assert dates == (D(2030, 1, 17), D(2030, 1, 19))
    assert chain == [("S", "constraint MFO 2030-01-18")]
    # Finish no earlier than Sunday 01-20 (stored Monday 01-21): s ends with Friday 01-18's work.
    assert _held(ConstraintType.FNET, D(2030, 1, 21))[0] == [("S", "constraint FNET 2030-01-20")]
