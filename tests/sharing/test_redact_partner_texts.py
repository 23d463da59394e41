"""Text a partner wrote comes back to them as they wrote it: withheld there, it would tell them which of
their guesses name withheld work (a note asking "Is Nightjar on time? Is Kestrel?" came back in the next
copy as "Is [withheld] on time? Is Kestrel?"). Text the owner wrote, or edited since, is withheld as ever."""

from __future__ import annotations

from datetime import date

from ilrs_planner.domain import Baseline, Classification, Link, Participant, Project, Task
from ilrs_planner.domain.calendar import Calendar, CalendarException
from ilrs_planner.sharing.clone import clone_project
from ilrs_planner.sharing.merge import merge_projects
from ilrs_planner.sharing.redact import WITHHELD, redact_project
from ilrs_planner.store import open_project, save_project

ASKING = "Is Nightjar on time? Is Kestrel on time?"


def _plan() -> Project:
    plan = Project("Plan", date(2030, 1, 1), author="Owner")
    plan.calendars["c-office"] = Calendar("Office", id="c-office")
    plan.add_task(Task("a", "Survey", 5, id="a", calendar_id="c-office", notes="Our survey"))
    plan.add_task(Task("h", "Nightjar static fire", 5, id="h", position=1, classification=Classification.RESTRICTED))
    plan.add_task(Task("b", "Landing", 5, id="b", position=2, notes="After the Nightjar test"))
    plan.add_link(Link("a", "h", id="l-ah"))
    plan.add_link(Link("h", "b", id="l-hb"))
    plan.participants["p"] = Participant("esa", "ESA", id="p")
    plan.baselines.append(Baseline("Original", date(2029, 12, 1), {"a": (date(2030, 1, 1), date(2030, 1, 6))},
                                   id="b-1"))
    return plan


def _their_questions(copy: Project) -> Project:
    """Their copy, with a guess at a withheld codename in every text they can write."""
    theirs = clone_project(copy)
    theirs.name, theirs.author = "Plan (Nightjar?)", "Owner and Nightjar"
    theirs.tasks["a"].notes = ASKING
    theirs.add_task(Task("T-4", "Ask", 1, id="t-ask", position=3, notes="Osprey or Nightjar?",
                         source_url="https://example.org/nightjar"))
    theirs.participants["p"].notes = "Nightjar?"
    office = theirs.calendars["c-office"]
    office.name = "Office Nightjar"
    office.exceptions.append(CalendarException("Nightjar day", date(2031, 1, 1), date(2031, 1, 2)))
    return theirs


def _texts(copy: Project) -> list[str]:
    office = copy.calendars["c-office"]
    return [copy.name, copy.author, copy.tasks["a"].notes, copy.tasks["t-ask"].notes, copy.participants["p"].notes,
            office.name, *[e.name for e in office.exceptions]]


def _merged_back(tmp_path, plan: Project) -> Project:
    copy = redact_project(plan, Classification.PARTNERS)
    result = merge_projects(copy, plan, _their_questions(copy))
    assert result.clean
    save_project(result.project, tmp_path / "plan.db")  # the record goes with the plan's file
    return open_project(tmp_path / "plan.db")


def test_every_text_a_partner_wrote_comes_back_as_they_wrote_it(tmp_path):
    merged = _merged_back(tmp_path, _plan())
    assert merged.tasks["a"].notes == ASKING
    again = redact_project(merged, Classification.PARTNERS)
    assert _texts(again) == ["Plan (Nightjar?)", "Owner and Nightjar", ASKING, "Osprey or Nightjar?", "Nightjar?",
                             "Office Nightjar", "Nightjar day"]


def test_the_owners_own_text_and_a_partners_text_the_owner_edited_are_withheld_as_ever(tmp_path):
    merged = _merged_back(tmp_path, _plan())
    merged.tasks["a"].notes = ASKING + " Nightjar slipped."  # the owner's answer: theirs now
    again = redact_project(merged, Classification.PARTNERS)
    assert again.tasks["a"].notes == f"Is {WITHHELD} on time? Is Kestrel on time? {WITHHELD} slipped."
    assert again.tasks["b"].notes == f"After the {WITHHELD} test"


def test_a_partner_who_writes_the_owners_words_elsewhere_sees_them_only_where_they_wrote_them(tmp_path):
    plan = _plan()
    copy = redact_project(plan, Classification.PARTNERS)
    theirs = clone_project(copy)
    theirs.tasks["a"].notes = "After the Nightjar test"  # a guess at what Landing's note says
    merged = merge_projects(copy, plan, theirs).project
    again = redact_project(merged, Classification.PARTNERS)
    assert again.tasks["a"].notes == "After the Nightjar test"
    assert again.tasks["b"].notes == f"After the {WITHHELD} test"


def test_the_record_is_the_owners_alone(tmp_path):
    merged = _merged_back(tmp_path, _plan())
    assert merged.partner_texts
    copy = redact_project(merged, Classification.PARTNERS)
    assert copy.partner_texts == frozenset()
    save_project(copy, tmp_path / "copy.db")
    assert open_project(tmp_path / "copy.db").partner_texts == frozenset()


def test_an_owners_text_a_partner_writes_out_exactly_stays_withheld_as_a_wrong_guess_does():
    # Their copy shows "After the [withheld] test"; written back as "After the Nightjar test", the merge
    # took it as theirs and the next copy showed it as written, while a wrong guess stayed withheld: an
    # answer either way. A text our plan already holds there is ours.
    plan = _plan()
    copy = redact_project(plan, Classification.PARTNERS)
    shown = []
    for guess in ("After the Nightjar test", "After the Osprey test"):
        theirs = clone_project(copy)
        theirs.tasks["b"].notes = guess
        merged = merge_projects(copy, plan, theirs).project
        shown.append(redact_project(merged, Classification.PARTNERS).tasks["b"].notes)
    assert shown == [f"After the {WITHHELD} test"] * 2
