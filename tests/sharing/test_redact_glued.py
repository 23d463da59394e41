"""A withheld word glued to a digit, to the next part of a CamelCase word or to Chinese text, or drawn in
look-alike capitals, small capitals, Cherokee or Armenian letters or an l for an I, is read as a person
reads it and withheld; ordinary words that merely begin with a withheld word's letters stay."""

from datetime import date

import pytest

from ilrs_planner.domain import Classification as C
from ilrs_planner.domain import Project, Task
from ilrs_planner.sharing.redact import WITHHELD, redact_project


def _plan(notes: str) -> Project:
    """A restricted "Nightjar static fire" (its notes name Orbitex and Wenchang) beside a kept task."""
    plan = Project(name="Relay study", start=date(2030, 1, 1))
    plan.add_task(Task(key="nightjar-sf", name="Nightjar static fire", duration=30, id="t-secret",
                       classification=C.RESTRICTED, notes="Orbitex builds it; fired at Wenchang."))
    plan.add_task(Task(key="A", name="Lander build", duration=10, id="t-a", notes=notes))
    return plan


def _kept_notes(notes: str) -> str:
    return redact_project(_plan(notes), "public").tasks["t-a"].notes


@pytest.mark.parametrize("written, shown", [
    ("Nightjar2 slips", f"{WITHHELD} slips"),  # a digit glued on: the digits go with it
    ("NightjarProgramme review", f"{WITHHELD} review"),  # CamelCase: the whole word goes
    ("NIGHTJARProgramme and ORBITEXCorp", f"{WITHHELD} and {WITHHELD}"),  # a word in capitals, then CamelCase
    ("three NIGHTJARs", f"three {WITHHELD}"),  # capitals, a small plural "s"
    ("Nightjar\u8ba1\u5212", f"{WITHHELD}\u8ba1\u5212"),  # "Nightjar plan": Chinese writes no space
    ("OrbitexCorp and Wenchang2", f"{WITHHELD} and {WITHHELD}"),  # words of the hidden task's notes
    ("three Nightjars", f"three {WITHHELD}"),  # the plural names the codename as well
    ("\u039dightjar, NIG\u0397TJAR, \u039dIG\u0397TJAR", f"{WITHHELD}, {WITHHELD}, {WITHHELD}"),  # Greek Nu, Eta
    ("\u0274ightjar, nig\u029ctjar", f"{WITHHELD}, {WITHHELD}"),  # Latin small capitals N and H
    ("NIG\u13bbTJAR, NIGH\u13a2\u13ab\u13aaR", f"{WITHHELD}, {WITHHELD}"),  # Cherokee capitals
    ("nig\u0570tjar, \u0578ightjar", f"{WITHHELD}, {WITHHELD}"),  # Armenian ho and vo
    ("NlGHTJAR, N1GHTJAR, N|GHTJAR", f"{WITHHELD}, {WITHHELD}, {WITHHELD}"),  # l, 1 and | for I
    ("0RBITEX", WITHHELD),  # a zero for the O
    ("I a N I G H T J A R and a I O-R-B-I-T-E-X", f"I a {WITHHELD} and a I {WITHHELD}"),  # spelt out after "I a"
    ("N 1 G H T J A R, 0 R B I T E X", f"{WITHHELD}, {WITHHELD}"),  # spelt out, a 1 or 0 for the letter
    ("\u039d \u0399 G H T J \u0391 R", WITHHELD),  # spelt out in Greek capitals drawn like Latin ones
    ("ORBITEX\u2122 and Orbitex\u00ae parts", f"{WITHHELD}\u2122 and {WITHHELD}\u00ae parts"),  # ™ is no "TM"
])
def test_a_withheld_word_is_withheld_however_it_is_glued_or_drawn(written, shown):
    assert _kept_notes(written) == shown


@pytest.mark.parametrize("kept", [
    "Nightjarring at dusk",  # a longer word of the same letters, in one script
    "NIGHTJARRING AT DUSK",  # capitals throughout: no CamelCase hump to part it
    "Orbitexample",
    "Fired at Wenchangcheng",
    "Lot 2021, T1, 10th, A0 sheet",  # numbers, and a digit beside a letter that spells nothing withheld
])
def test_a_word_that_only_begins_with_a_withheld_word_stays(kept):
    assert _kept_notes(kept) == kept


def test_a_withheld_key_like_word_does_not_blank_an_ordinary_word_it_begins():
    # A hidden task named "Ion drive": "Ion" is withheld where it stands as a word (also glued to a
    # digit, a CamelCase part or a hyphenated compound, which goes whole), never inside "Ionosphere"
    # or "IONOSPHERE", which a person reads as one word, nor "Io-nosphere", read across its hyphen.
    # Spelt out, the same: "I O N O S P H E R E" is the word "ionosphere", "a I O N" an "a" and "ION".
    plan = _plan("Ionosphere and IONOSPHERE survey; Ion2 and IonDrive slip, an Ion-drive; Io-nosphere; "
                 "I O N O S P H E R E, a I O N")
    plan.tasks["t-secret"].name, plan.tasks["t-secret"].key = "Ion thruster", "ion"
    plan.tasks["t-secret"].notes = ""
    notes = redact_project(plan, "public").tasks["t-a"].notes
    assert notes == (f"Ionosphere and IONOSPHERE survey; {WITHHELD} and {WITHHELD} slip, an {WITHHELD}; Io-nosphere; "
                     f"I O N O S P H E R E, a {WITHHELD}")


def test_a_greek_name_in_capitals_is_still_read_as_greek():
    # Read as drawn, "ΝΗΣΟΣ" would be N-H-...; read as Greek it is "νησος": both readings are tried.
    plan = _plan("see \u039d\u0389\u03a3\u039f\u03a3 and \u03bd\u03ae\u03c3\u03bf\u03c2")
    plan.tasks["t-secret"].name, plan.tasks["t-secret"].key = "\u039d\u03ae\u03c3\u03bf\u03c2 relay", "NR"
    assert redact_project(plan, "public").tasks["t-a"].notes == f"see {WITHHELD} and {WITHHELD}"
