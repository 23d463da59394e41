"""Calendars merge one by one, and a calendar a task of the merged plan still uses is never lost."""

from datetime import date

from launch_site import launch_site_plan

from ilrs_planner.domain import Calendar, Classification
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.sharing.clone import clone_project
from ilrs_planner.sharing.merge import merge_projects
from ilrs_planner.sharing.redact import redact_project


def test_a_partner_dropping_a_calendar_our_withheld_task_uses_keeps_it_for_us():
    ours = launch_site_plan()
    sent = redact_project(ours, Classification.PARTNERS)
    theirs = clone_project(sent)
    theirs.tasks["t-k"].calendar_id = None  # they move their only task on it to the default week ...
    del theirs.calendars["c-site"]  # ... and delete the calendar, unused in their copy
    result = merge_projects(sent, ours, theirs)
    merged = result.project
    assert result.clean
    assert merged.tasks["t-k"].calendar_id is None  # their change is taken
    assert merged.tasks["t-h"].calendar_id == "c-site"  # our hidden task keeps its 6-day week
    assert merged.calendars["c-site"] == ours.calendars["c-site"]
    # K, now Monday-Friday: 20 days from Mon 7 Jan 2030 end Fri 1 Feb. H, on Monday-Saturday: Sat 2 Feb,
    # Mon 4-Sat 9 (7 days), Mon 11-Wed 13 (10): last day Wed 13 Feb (on the default week, Fri 15 Feb).
    dates = schedule(merged).tasks
    assert dates["t-k"].early_finish == date(2030, 2, 2)  # finishes are exclusive: the day after
    assert dates["t-h"].early_finish == date(2030, 2, 14)


def test_the_default_calendar_we_keep_stays_when_they_delete_it():
    base = launch_site_plan()
    ours, theirs = clone_project(base), clone_project(base)
    ours.tasks["t-k"].calendar_id = None
    ours.default_calendar_id = "c-site"  # we work the 6-day week now ...
    theirs.default_calendar_id = None  # ... they moved to the 7-day week and deleted ours
    theirs.tasks["t-k"].calendar_id = theirs.tasks["t-h"].calendar_id = None
    del theirs.calendars["c-site"]
    result = merge_projects(base, ours, theirs)
    assert [(c.kind, c.field) for c in result.conflicts] == [("plan", "default_calendar_id")]
    assert result.project.default_calendar_id == "c-site"  # ours kept, and the calendar with it
    assert result.project.calendars["c-site"] == base.calendars["c-site"]
    assert schedule(result.project).tasks["t-m"].early_start is not None


def test_taking_their_side_of_a_calendar_conflict_leaves_the_calendars_they_never_saw():
    ours = launch_site_plan()
    ours.tasks["t-k"].calendar_id = None  # only the withheld task uses the launch site now
    ours.calendars["c-site2"] = Calendar("Pad crew", (True,) * 7, id="c-site2")
    ours.tasks["t-h"].calendar_id = "c-site2"
    sent = redact_project(ours, Classification.PARTNERS)
    assert "c-site2" not in sent.calendars  # only hidden work uses it: left out of the copy
    mine, theirs = clone_project(ours), clone_project(sent)
    mine.calendars["c-std"].name, theirs.calendars["c-std"].name = "Office week", "Standard week"
    result = merge_projects(sent, mine, theirs)
    assert [(c.kind, c.id) for c in result.conflicts] == [("calendar", "c-std")]
    chosen = merge_projects(sent, mine, theirs, choices={result.conflicts[0].key: "theirs"})
    assert chosen.project.calendars["c-std"].name == "Standard week"
    assert chosen.project.calendars["c-site2"] == ours.calendars["c-site2"]
    assert chosen.project.tasks["t-h"].calendar_id == "c-site2"


def test_merging_calendars_leaves_both_sides_calendars_as_they_were():
    ours = launch_site_plan()
    theirs = clone_project(ours)
    theirs.calendars["c-site"].name = "Launch pad"
    result = merge_projects(clone_project(ours), ours, theirs)
    result.project.calendars["c-site"].name = "edited after merging"
    assert theirs.calendars["c-site"].name == "Launch pad"
    assert ours.calendars["c-site"].name == "Launch site"


def test_a_partner_copy_renames_its_own_calendars_never_ours():
    ours = launch_site_plan()
    ours.calendars["c-site"].name = "Hidden static fire site"  # names the withheld task
    copy = redact_project(ours, Classification.PARTNERS)
    assert copy.calendars["c-site"].name == "[withheld] site"
    assert ours.calendars["c-site"].name == "Hidden static fire site"
