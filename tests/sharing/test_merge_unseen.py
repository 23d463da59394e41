"""A partner's copy that raises a phase's level or changes a shared calendar reaches work of ours they
cannot see: merging it back asks the owner (a conflict naming the change and that work), as a changed
baseline does; the same edits reaching only what they can see merge as any edit."""

from __future__ import annotations

import copy
from datetime import date

import pytest

from ilrs_planner.domain import Calendar, CalendarException, Link, Project, Task, TaskKind
from ilrs_planner.domain import Classification as C
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.sharing.clone import clone_project
from ilrs_planner.sharing.merge import merge_projects
from ilrs_planner.sharing.redact import redact_project

WEEKDAYS = (True, True, True, True, True, False, False)


def _plan() -> Project:
    """Phase "Pad works" (Everyone) holding the kept "Pad survey" and the restricted "Nightjar reserve",
    both on the "Pad crew" calendar; "Relay" on the plan's default calendar "Office"."""
    plan = Project(name="Pad plan", start=date(2030, 1, 7))
    plan.calendars = {"office": Calendar("Office", WEEKDAYS, id="office"), "crew": Calendar("Pad crew", WEEKDAYS,
                                                                                          id="crew")}
    plan.default_calendar_id = "office"
    plan.add_task(Task("PH", "Pad works", kind=TaskKind.PHASE, id="ph"))
    plan.add_task(Task("PS", "Pad survey", 10, id="ps", parent_id="ph", calendar_id="crew"))
    plan.add_task(Task("NJ", "Nightjar reserve", 20, id="nj", parent_id="ph", position=1, calendar_id="crew",
                       classification=C.RESTRICTED))
    plan.add_task(Task("RL", "Relay", 5, id="rl", position=1))
    plan.add_link(Link("ps", "nj", id="l1"))
    plan.add_link(Link("nj", "rl", id="l2"))
    return plan


@pytest.fixture(params=["our plan", "the copy sent"])
def merge(request):
    """Merge `theirs` (edited from the Everyone copy) with our plan, against our plan as it was when
    sent or against the copy sent."""
    def run(ours: Project, theirs: Project, choices: dict[str, str] | None = None):
        base = ours if request.param == "our plan" else redact_project(ours, C.PUBLIC)
        return merge_projects(base, ours, theirs, choices)
    return run


def _theirs(ours: Project) -> Project:
    copy_sent = redact_project(ours, C.PUBLIC)
    assert "nj" not in copy_sent.tasks and {"office", "crew"} <= copy_sent.calendars.keys()
    return clone_project(copy_sent)


def test_a_phase_raised_over_work_they_cannot_see_is_the_owners_to_decide(merge):
    ours = _plan()
    theirs = _theirs(ours)
    theirs.tasks["ph"].classification = C.PARTNERS
    result = merge(ours, theirs)
    [conflict] = result.conflicts
    assert conflict.key == "task:ph:classification" and conflict.resolution == "ours"
    assert "restricts it to Partners" in conflict.reason and "NJ Nightjar reserve" in conflict.reason
    assert "withhold 1 task under it from copies at a lower level (PS Pad survey)" in conflict.reason
    assert result.project.tasks["ph"].classification is C.PUBLIC  # ours kept
    assert theirs.tasks["ph"].classification is C.PARTNERS  # their plan left as they sent it
    chosen = merge(ours, theirs, {conflict.key: "theirs"})
    assert chosen.project.tasks["ph"].classification is C.PARTNERS


def test_a_level_raised_on_what_they_can_see_alone_merges_cleanly(merge):
    ours = _plan()
    theirs = _theirs(ours)
    theirs.tasks["ps"].classification = C.PARTNERS  # a task of their copy with nothing under it
    result = merge(ours, theirs)
    assert result.clean and result.project.tasks["ps"].classification is C.PARTNERS


@pytest.mark.parametrize("edit, named", [
    (lambda cal: cal.exceptions.append(CalendarException("Pad refit", date(2030, 3, 4), date(2030, 3, 22))),
     "adds the closure 'Pad refit' (2030-03-04 to 2030-03-22)"),
    (lambda cal: setattr(cal, "weekdays", (True, True, True, True, False, False, False)),
     "stops working on Friday"),
])
def test_a_shared_calendar_changed_under_work_they_cannot_see_is_the_owners_to_decide(merge, edit, named):
    ours = _plan()
    theirs = _theirs(ours)
    edit(theirs.calendars["crew"])
    result = merge(ours, theirs)
    [conflict] = result.conflicts
    assert conflict.key == "calendar:crew:*" and conflict.resolution == "ours"
    assert f"changes calendar 'Pad crew': {named}" in conflict.reason
    assert "would move 1 task of ours on it they cannot see (NJ Nightjar reserve)" in conflict.reason
    assert result.project.calendars["crew"] == ours.calendars["crew"]
    chosen = merge(ours, theirs, {conflict.key: "theirs"})
    assert chosen.project.calendars["crew"] == theirs.calendars["crew"]


def test_the_default_calendar_reaches_withheld_work_that_names_no_calendar(merge):
    ours = _plan()
    ours.tasks["nj"].calendar_id = None  # on the plan's default calendar, "Office"
    theirs = _theirs(ours)
    theirs.calendars["office"].exceptions.append(CalendarException("Audit", date(2030, 2, 4), date(2030, 2, 4)))
    result = merge(ours, theirs)
    assert [c.key for c in result.conflicts] == ["calendar:office:*"]
    assert "adds the closure 'Audit' (2030-02-04)" in result.conflicts[0].reason


def test_a_calendar_only_work_they_can_see_uses_merges_cleanly(merge):
    ours = _plan()
    ours.tasks["nj"].calendar_id = "office"  # the withheld work leaves the crew's calendar
    theirs = _theirs(ours)
    closure = CalendarException("Pad refit", date(2030, 3, 4), date(2030, 3, 22))
    theirs.calendars["crew"].exceptions.append(copy.copy(closure))
    result = merge(ours, theirs)
    assert result.clean and result.project.calendars["crew"].exceptions == [closure]


def test_their_switch_of_the_default_calendar_under_withheld_work_is_the_owners_to_decide(merge):
    ours = _plan()
    ours.tasks["nj"].calendar_id = None  # on the plan's default calendar, "Office"
    theirs = _theirs(ours)
    shutdown = CalendarException("Shutdown", date(2030, 1, 1), date(2030, 6, 30))
    theirs.calendars["closed"] = Calendar("Closed", WEEKDAYS, [shutdown], id="closed")
    theirs.default_calendar_id = "closed"
    result = merge(ours, theirs)
    [conflict] = result.conflicts
    assert conflict.key == f"plan:{ours.id}:default_calendar_id" and conflict.resolution == "ours"
    assert (conflict.base, conflict.ours, conflict.theirs) == ("Office", "Office", "Closed")
    assert ("theirs makes 'Closed' the plan's default calendar instead of 'Office', which would move 1 task "
            "of ours naming no calendar they cannot see (NJ Nightjar reserve)") in conflict.reason
    # Kept ours, the withheld work stays where our plan has it.
    assert result.project.default_calendar_id == "office"
    assert schedule(result.project).tasks["nj"].early_start == schedule(ours).tasks["nj"].early_start
    chosen = merge(ours, theirs, {conflict.key: "theirs"})
    assert chosen.clean is False and chosen.project.default_calendar_id == "closed"
    # Taken, the half-year shutdown moves it: "Pad survey" (10 days on the crew's Mon-Fri from Mon
    # 2030-01-07) finishes Fri 2030-01-18; the next working day on "Closed" is Mon 2030-07-01.
    assert schedule(chosen.project).tasks["nj"].early_start == date(2030, 7, 1)


def test_a_default_calendar_switch_reaching_only_work_they_can_see_merges_cleanly(merge):
    ours = _plan()  # the withheld "Nightjar reserve" names the crew's calendar
    theirs = _theirs(ours)
    theirs.default_calendar_id = "crew"
    result = merge(ours, theirs)
    assert result.clean and result.project.default_calendar_id == "crew"
