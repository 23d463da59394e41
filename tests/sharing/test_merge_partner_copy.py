"""Merging a partner's edited copy with our own plan as base: what they could not see is never read as
their edit (the reference roadmap, whose Everyone copy withholds three tasks). How the copy was made is
read from our plan's record of it (`record_sent`, as `redact` and Export for partner keep it), never
from their file; a copy we hold no record of reads as one for Everyone, without notes."""

import dataclasses
from datetime import date

import pytest

from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.domain import Classification, Link
from ilrs_planner.domain.canonical import canonical_bytes
from ilrs_planner.sharing.clone import clone_project
from ilrs_planner.sharing.merge import merge_projects
from ilrs_planner.sharing.redact import redact_project
from ilrs_planner.sharing.sent_record import record_sent


@pytest.fixture(scope="module")
def roadmap():
    return build_reference_project()


def _by_key(plan, key):
    return next(t for t in plan.tasks.values() if t.key == key)


def _partner_edit(sent):
    """The partner records progress on Chang'e 7, as a partner does."""
    theirs = clone_project(sent)
    change7 = _by_key(theirs, "change-7")
    theirs.tasks[change7.id] = dataclasses.replace(change7, actual_start=date(2026, 12, 20), percent_complete=20)
    return theirs


def test_our_plan_as_base_merges_as_the_copy_we_sent_would(roadmap):
    sent = redact_project(roadmap, Classification.PUBLIC)
    record_sent(roadmap, sent, date(2026, 12, 4))
    assert sent.partner_level is Classification.PUBLIC
    theirs = _partner_edit(sent)
    with_original = merge_projects(roadmap, roadmap, theirs)
    with_copy = merge_projects(sent, roadmap, theirs)
    assert with_original.clean and with_copy.clean
    merged = with_original.project
    assert canonical_bytes(merged) == canonical_bytes(with_copy.project)
    # Only their edit is taken: no withheld task deleted, no bridge or stand-in deadline brought in.
    assert merged.tasks.keys() == roadmap.tasks.keys() and merged.links == roadmap.links
    change7 = _by_key(merged, "change-7")
    assert (change7.percent_complete, change7.deadline) == (20, _by_key(roadmap, "change-7").deadline)
    assert merged.baselines == roadmap.baselines and merged.partner_level is None
    assert with_original.notes == [
        "their plan is the partner copy made for level Everyone on 2026-12-04: merged against that copy of the "
        "base, so the 3 tasks withheld from it stay as ours, a change of theirs to what it lacked is a conflict "
        "kept ours, and what the copy made in their place (links over withheld work, held dates) is not taken "
        "as their edit"]


def test_a_copy_sent_without_notes_leaves_our_notes_alone(roadmap):
    theirs = _partner_edit(redact_project(roadmap, Classification.PARTNERS, without_notes=True))
    merged = merge_projects(roadmap, roadmap, theirs).project
    assert {t.id: t.notes for t in merged.tasks.values()} == {t.id: t.notes for t in roadmap.tasks.values()}


def test_their_link_to_a_withheld_task_is_still_a_conflict_with_our_plan_as_base(roadmap):
    theirs = _partner_edit(redact_project(roadmap, Classification.PUBLIC))
    hidden, landing = _by_key(roadmap, "crewed-reserve"), _by_key(roadmap, "crewed-landing")
    smuggled = Link(_by_key(theirs, "change-7").id, hidden.id, lag=300, id="l-smuggled")  # an id learnt elsewhere
    theirs.links[smuggled.id] = smuggled
    result = merge_projects(roadmap, roadmap, theirs)
    assert [(c.kind, c.id, c.resolution) for c in result.conflicts] == [("link", "l-smuggled", "ours")]
    assert "l-smuggled" not in result.project.links
    assert result.project.tasks[landing.id] == roadmap.tasks[landing.id]


def test_a_bridge_they_changed_is_not_taken_as_a_dependency_of_theirs(roadmap):
    sent = redact_project(roadmap, Classification.PUBLIC)
    bridges = [k for lid, k in sent.links.items() if lid not in roadmap.links]
    assert bridges  # the copy re-made dependencies over withheld work
    theirs = _partner_edit(sent)
    theirs.links[bridges[0].id] = dataclasses.replace(bridges[0], lag=bridges[0].lag + 30)
    result = merge_projects(roadmap, roadmap, theirs)
    assert [(c.kind, c.id, c.resolution) for c in result.conflicts] == [("link", bridges[0].id, "ours")]
    assert result.project.links == roadmap.links


def test_a_bridge_under_an_id_of_its_own_is_still_known_for_what_it_is(roadmap):
    """A copy written before bridges had stable ids: the same bridges, under other ids."""
    sent = redact_project(roadmap, Classification.PUBLIC)
    theirs = _partner_edit(sent)
    for lid in [lid for lid in sent.links if lid not in roadmap.links]:
        link = theirs.links.pop(lid)
        theirs.links["old-" + lid] = dataclasses.replace(link, id="old-" + lid)
    result = merge_projects(roadmap, roadmap, theirs)
    assert result.clean and result.project.links == roadmap.links


def test_a_copy_claiming_a_wider_level_than_it_shows_cannot_delete_what_it_never_held(roadmap):
    theirs = _partner_edit(redact_project(roadmap, Classification.PUBLIC))
    theirs.partner_level = Classification.RESTRICTED  # rewritten in the file: "we saw everything"
    result = merge_projects(roadmap, roadmap, theirs)
    assert result.clean and result.project.tasks.keys() == roadmap.tasks.keys()
    assert result.project.links == roadmap.links
    assert result.notes[0].startswith("their plan is a partner copy this plan holds no record of sending (their "
                                      "file says level Restricted), so it is read as one made for level Everyone, "
                                      "without notes")


def test_a_copy_whose_record_of_its_making_was_cleared_still_merges_as_a_copy(roadmap):
    # Their file says what it is: cleared, the merge deleted the three withheld tasks, and a copy sent
    # without notes, its record cleared, emptied every note of ours. Our record of the copy says what
    # it is, whatever their file says.
    sent = redact_project(roadmap, Classification.PUBLIC, without_notes=True)
    record_sent(roadmap, sent)
    theirs = _partner_edit(sent)
    theirs.partner_level, theirs.partner_without_notes = None, False
    result = merge_projects(roadmap, roadmap, theirs)
    merged = result.project
    assert merged.tasks.keys() == roadmap.tasks.keys() and merged.links == roadmap.links
    assert {t.id: t.notes for t in merged.tasks.values()} == {t.id: t.notes for t in roadmap.tasks.values()}
    assert _by_key(merged, "change-7").percent_complete == 20
    assert any("partner copy made for level Everyone, without notes" in note for note in result.notes)


def test_a_plan_of_ours_merged_whole_is_not_taken_for_a_copy(roadmap):
    theirs = _partner_edit(clone_project(roadmap))  # a colleague's full plan: nothing withheld
    result = merge_projects(roadmap, roadmap, theirs)
    assert not any("partner copy" in note for note in result.notes)
    assert _by_key(result.project, "change-7").percent_complete == 20


def test_the_note_on_a_copy_that_withheld_nothing_says_so():
    from ilrs_planner.domain import Project, Task
    plan = Project("Plan", date(2030, 1, 1))
    plan.add_task(Task("a", "Survey", 5, id="a"))
    plan.own_secret()
    sent = redact_project(plan, Classification.PUBLIC)
    record_sent(plan, sent, date(2026, 12, 4))
    (note,) = merge_projects(plan, plan, clone_project(sent)).notes
    assert "merged against that copy of the base, so it withheld no task, and a change of theirs" in note
    assert "0 tasks" not in note
