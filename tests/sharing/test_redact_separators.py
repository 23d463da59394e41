"""A withheld word split by any punctuation or symbol between its letters is read as a person reads it,
as one split by a hyphen is ("Night·jar", "Night+jar", "Night_jar", "Night**jar**"), and withheld;
white space parts words, and ordinary words that merely begin with it stay."""

from datetime import date

import pytest

from ilrs_planner.domain import Classification as C
from ilrs_planner.domain import Project, Task
from ilrs_planner.sharing.redact import WITHHELD, redact_project


def _copy(notes: str, *kept: Task) -> Project:
    """The Everyone copy of a plan with a restricted "Nightjar static fire" keyed "kestrel-9", and a kept
    task with `notes`."""
    plan = Project(name="Relay study", start=date(2030, 1, 1))
    plan.add_task(Task(key="kestrel-9", name="Nightjar static fire", duration=30, id="t-secret",
                       classification=C.RESTRICTED))
    plan.add_task(Task(key="A", name="Lander build", duration=10, id="t-a", notes=notes, position=1))
    for task in kept:
        plan.add_task(task)
    return redact_project(plan, "public")


SEPARATORS = ["+", "=", "~", "|", "$", "<", ">", "%", "\u00b7", "\u2022", "\u2219", "\u22c5", "\u2027",
              "\u2212", "\u2014", "\u30fb", "_", ".", "/", "\\", "**", "'", ",", "!?",
              "\u200b", "\u2060", "\u00ad"]  # invisible: a zero-width space, a word joiner, a soft hyphen


@pytest.mark.parametrize("mark", SEPARATORS, ids=[f"U+{ord(m[0]):04X}x{len(m)}" for m in SEPARATORS])
def test_a_withheld_word_split_by_a_separator_is_withheld(mark):
    notes = f"Data goes to the Night{mark}jar team; night{mark}JAR too."
    assert _copy(notes).tasks["t-a"].notes == f"Data goes to the {WITHHELD} team; {WITHHELD} too."


def test_markdown_emphasis_inside_the_word_is_read_across():
    assert _copy("see Night**jar** now").tasks["t-a"].notes == f"see {WITHHELD}** now"


def test_a_key_s_words_are_read_alike_across_any_separator():
    notes = "kestrel+9, kestrel\u00b79, kestrel 9 and kestrel/9 slip"
    assert _copy(notes).tasks["t-a"].notes == f"{WITHHELD}, {WITHHELD}, {WITHHELD} and {WITHHELD} slip"


@pytest.mark.parametrize("notes", [
    "Night jar",  # white space parts words: two ordinary words
    "Night\u00b7jarring stays",  # an ordinary word that merely begins with it
    "midnight+jar",
    "after the night. Jars are stacked",  # a sentence's end, then the next
])
def test_ordinary_text_stays(notes):
    assert _copy(notes).tasks["t-a"].notes == notes


def test_a_kept_name_written_with_a_separator_shows_the_word_as_a_hyphen_does():
    copy = _copy("Data for the Nightjar team", Task(key="B", name="Night\u00b7jar survey", duration=2, id="t-b",
                                                     position=2))
    assert copy.tasks["t-b"].name == "Night\u00b7jar survey"
    assert copy.tasks["t-a"].notes == "Data for the Nightjar team"


def test_a_long_note_of_separators_is_scrubbed_whole():
    notes = ("Night" + "+=~|$<>\u00b7\u2022\u2212_.*" * 100)[:999] + "jar"
    assert _copy(notes).tasks["t-a"].notes == WITHHELD
