"""Channels a partner copy leaked hidden work through, each closed: a kept task's source address,
names in scripts written without spaces, letters whose case folding changes their length,
calendars named after hidden work, baseline entries of tasks deleted since, a deep outline."""

from datetime import date

import pytest

from ilrs_planner.domain import Baseline, Calendar, CalendarException, Link, LinkType, Participant, Project, Task
from ilrs_planner.domain import Classification as C
from ilrs_planner.sharing.redact import WITHHELD, redact_project
from ilrs_planner.store import save_project

D = date


def _plan() -> Project:
    plan = Project(name="Relay study", start=D(2030, 1, 1))
    plan.add_task(Task(key="A", name="Lander build", duration=10, id="t-a"))
    plan.add_task(Task(key="NJ", name="Nightjar relay", duration=30, id="t-secret", classification=C.RESTRICTED))
    return plan


def test_a_kept_tasks_source_address_is_scrubbed_of_hidden_names():
    plan = _plan()
    plan.tasks["t-a"].source_url = "https://example.org/briefings/nightjar-relay-launch"
    out = redact_project(plan, "public")
    assert "nightjar" not in out.tasks["t-a"].source_url.casefold()


def test_a_hidden_name_in_chinese_is_scrubbed_inside_a_sentence_without_spaces():
    plan = _plan()
    plan.tasks["t-secret"].name = "夜鹰中继"
    plan.tasks["t-a"].notes = "着陆器须在夜鹰中继之后发射"  # "the lander launches after the Nightjar relay"
    out = redact_project(plan, "public")
    assert "夜鹰中继" not in out.tasks["t-a"].notes and WITHHELD in out.tasks["t-a"].notes


def test_a_hidden_participant_named_with_a_sharp_s_is_scrubbed_as_written_and_in_capitals():
    plan = _plan()
    plan.add_participant(Participant(key="GM", name="Großmann Raumfahrt", id="p-gm",
                                     classification=C.RESTRICTED))
    plan.tasks["t-a"].notes = "Großmann supplies the mast; GROSSMANN signed in May"
    out = redact_project(plan, "public")
    assert "grossmann" not in out.tasks["t-a"].notes.casefold()  # casefold() spells ß as ss


def test_a_calendar_only_hidden_work_uses_is_left_out_and_kept_calendars_are_scrubbed():
    plan = _plan()
    plan.add_calendar(Calendar("Nightjar launch window", (True,) * 7,
                               [CalendarException("Range closed", D(2030, 3, 1), D(2030, 3, 5))], id="c-secret"))
    plan.add_calendar(Calendar("Site", (True,) * 5 + (False, False),
                               [CalendarException("Nightjar static fire", D(2030, 2, 1), D(2030, 2, 1))],
                               id="c-site"))
    plan.tasks["t-secret"].calendar_id = "c-secret"
    plan.tasks["t-a"].calendar_id = "c-site"
    out = redact_project(plan, "public")
    assert set(out.calendars) == {"c-site"}
    assert [e.name for e in out.calendars["c-site"].exceptions] == [f"{WITHHELD} static fire"]


def test_baseline_entries_of_tasks_deleted_since_are_withheld():
    # Nobody can say how a task deleted long ago was classified: a partner copy does not guess.
    plan = _plan()
    plan.baselines.append(Baseline("2029 plan", D(2029, 1, 1), {
        "t-a": (D(2030, 1, 1), D(2030, 1, 11)), "t-deleted": (D(2031, 1, 1), D(2033, 1, 1))}, id="b-1"))
    out = redact_project(plan, "public")
    assert dict(out.baselines[0].entries) == {"t-a": (D(2030, 1, 1), D(2030, 1, 11))}


def test_a_deep_outline_is_redacted(tmp_path):
    plan = _plan()
    parent = None
    for depth in range(3000):  # a partner's file may nest tasks this deep
        parent = plan.add_task(Task(key=f"L{depth}", name=f"Level {depth}", duration=1, id=f"d{depth}",
                                    parent_id=parent)).id
    plan.add_task(Task(key="S", name="Secret leaf", duration=1, id="leaf", parent_id=parent,
                       classification=C.RESTRICTED))
    out = redact_project(plan, "public")
    assert "leaf" not in out.tasks and "d2999" in out.tasks
    save_project(out, tmp_path / "copy.db")


def test_bridges_over_hidden_work_are_not_told_apart_by_their_place_among_the_links():
    plan = _plan()
    plan.add_task(Task(key="B", name="Station ready", duration=0, id="t-b"))
    plan.add_task(Task(key="C", name="Crew", duration=3, id="t-c"))
    plan.add_link(Link("t-a", "t-secret", LinkType.FS, 0, id="ffff-before-secret"))
    plan.add_link(Link("t-secret", "t-b", LinkType.FS, 0, id="0000-after-secret"))
    plan.add_link(Link("t-b", "t-c", LinkType.FS, 0, id="zzzz-kept"))
    out = redact_project(plan, "public")
    assert len(out.links) == 2 and list(out.links) == sorted(out.links)  # the bridge is not simply last


@pytest.mark.parametrize("written", [
    "Night\u00adjar",  # a soft hyphen, as word processors put into long words
    "Night\u200bjar",  # a zero-width space
    "NIGHT\u200fJAR",  # a right-to-left mark (plan text may hold it: Arabic and Hebrew need it)
    "\uff2e\uff49\uff47\uff48\uff54\uff4a\uff41\uff52",  # full-width letters
])
def test_a_hidden_name_is_scrubbed_however_invisibly_it_is_split_or_whatever_width_it_is_written_in(written):
    plan = _plan()
    plan.tasks["t-a"].notes = f"\u200fwaits for {written} (see the brief)"
    out = redact_project(plan, "public")
    assert out.tasks["t-a"].notes == f"\u200fwaits for {WITHHELD} (see the brief)"  # the rest as written


def test_a_hidden_name_written_with_an_invisible_character_is_scrubbed_where_it_is_written_plainly():
    plan = _plan()
    plan.tasks["t-secret"].name = "Night\u00adjar relay"
    plan.tasks["t-a"].notes = "after Nightjar"
    assert redact_project(plan, "public").tasks["t-a"].notes == f"after {WITHHELD}"


def test_the_plans_author_is_scrubbed_of_a_hidden_participant():
    plan = _plan()
    plan.author = "Orbitex Corporation planning office"
    plan.add_participant(Participant(key="ORB", name="Orbitex Corporation", id="p-orb", classification=C.RESTRICTED))
    assert redact_project(plan, "public").author == f"{WITHHELD} planning office"


@pytest.mark.parametrize("name,key,written", [
    ("Nightjar relay", "NJ", "N\u0131ghtjar"),  # a dotless i, as a Turkish keyboard types it
    ("Nightjar relay", "NJ", "NIGHTJAR-2"),  # capitals, in a compound
    ("Σελήνη relay", "SR", "ΣΕΛΉΝΗ"),  # Greek in capitals
    ("Νήσος relay", "NR", "ΝΉΣΟΣ"),  # the final sigma written as a capital one
    ("Nightjar relay", "++", "++"),  # a key of signs only, with no word in it
])
def test_a_hidden_name_is_scrubbed_in_any_spelling_the_case_rules_pair_with_it(name, key, written):
    plan = _plan()
    plan.tasks["t-secret"].name, plan.tasks["t-secret"].key = name, key
    plan.tasks["t-a"].notes = f"waits for {written} (see the brief)"
    assert redact_project(plan, "public").tasks["t-a"].notes == f"waits for {WITHHELD} (see the brief)"
