"""What a hidden task's (or participant's, or baseline's) notes name is withheld wherever else it is
written: its codename in a kept task's notes, an address it cites. Its everyday and engineering
words, and the parts of any address, stay."""

from datetime import date

import pytest

from ilrs_planner.domain import Baseline, Participant, Project, Task
from ilrs_planner.domain import Classification as C
from ilrs_planner.sharing.redact import WITHHELD, redact_project

HIDDEN_NOTES = ("Flies under the codename Orbitex; cryogenic propellant loading of the payloads, "
                "telemetry review at Wenchang. Design: https://intranet.example/orbitex-design.")


def _plan(kept_notes: str) -> Project:
    plan = Project(name="Relay study", start=date(2030, 1, 1))
    plan.add_task(Task(key="R-1", name="Relay satellite", duration=20, id="t-hidden", notes=HIDDEN_NOTES,
                       classification=C.RESTRICTED))
    plan.add_task(Task(key="L-1", name="Lander integration", duration=10, id="t-kept", notes=kept_notes,
                       source_url="https://www.example.com/news/lander"))
    return plan


@pytest.mark.parametrize("written, shown", [
    ("Integrate with the Orbitex bus", f"Integrate with the {WITHHELD} bus"),
    ("ORBITEX slips, and orbitexes later", f"{WITHHELD} slips, and {WITHHELD} later"),  # any case, plural
    ("Crew rehearsal at Wenchang", f"Crew rehearsal at {WITHHELD}"),
    ("As in intranet.example/orbitex-design.", f"As in {WITHHELD}."),  # the address it cites, as a whole
])
def test_a_word_only_the_hidden_notes_name_is_withheld_in_kept_notes(written, shown):
    assert redact_project(_plan(written), "public").tasks["t-kept"].notes == shown


def test_everyday_and_engineering_words_of_hidden_notes_and_address_parts_stay():
    kept = ("Cryogenic propellant loading of the payloads; telemetry review at https://www.example.com/news "
            "and https://intranet.example/handbook.")
    out = redact_project(_plan(kept), "public").tasks["t-kept"]
    assert out.notes == kept
    assert out.source_url == "https://www.example.com/news/lander"


def test_the_notes_of_a_hidden_participant_and_a_hidden_baseline_are_read_too():
    plan = _plan("Orbitex reviews; Kestrelwing audits; Harrowgate signs")
    plan.add_participant(Participant(key="SUP", name="Supplier", id="p-hidden", classification=C.RESTRICTED,
                                     notes="trades as Kestrelwing"))
    plan.baselines.append(Baseline("Board plan", date(2029, 1, 1), {}, notes="agreed at Harrowgate",
                                   id="b-hidden", classification=C.RESTRICTED))
    out = redact_project(plan, "public")
    assert out.tasks["t-kept"].notes == f"{WITHHELD} reviews; {WITHHELD} audits; {WITHHELD} signs"


def test_a_word_a_kept_task_is_named_with_stays():
    plan = _plan("Orbitex bus delivered")
    plan.tasks["t-kept"].name = "Orbitex bus integration"  # the partner sees the name anyway
    assert redact_project(plan, "public").tasks["t-kept"].notes == "Orbitex bus delivered"


def test_hidden_notes_made_of_dotted_letters_are_read_in_one_pass_and_their_address_still_withheld():
    # "a.a.a. ..." read as the start of an address's scheme at every letter, each try running to the note's
    # end: one 100,000-character note of a hidden task (a partner's, or imported) held a copy up for minutes.
    plan = _plan("See intranet.example/orbitex-design and the a.b plan")
    plan.tasks["t-hidden"].notes = "a." * 45_000 + " " + HIDDEN_NOTES
    assert redact_project(plan, "public").tasks["t-kept"].notes == f"See {WITHHELD} and the a.b plan"
