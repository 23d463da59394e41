"""A withheld word written as flags' letters, with emoji between its letters, or broken by a hyphen at a
line's end is read as a person reads it and withheld; ordinary words that merely share its letters stay."""

from datetime import date

import pytest

from ilrs_planner.domain import Classification as C
from ilrs_planner.domain import Project, Task
from ilrs_planner.sharing.redact import WITHHELD, redact_project


def _flags(word: str) -> str:
    """`word` in regional indicator letters (what flags are made of): "NIGHT" as 🇳🇮🇬🇭🇹."""
    return "".join(chr(0x1F1E6 + ord(letter) - ord("A")) for letter in word.upper())


def _kept_notes(notes: str) -> str:
    """A kept task's notes in the Everyone copy of a plan with a restricted "Nightjar static fire"."""
    plan = Project(name="Relay study", start=date(2030, 1, 1))
    plan.add_task(Task(key="nightjar-sf", name="Nightjar static fire", duration=30, id="t-secret",
                       classification=C.RESTRICTED, notes="Orbitex builds it; fired at Wenchang."))
    plan.add_task(Task(key="A", name="Lander build", duration=10, id="t-a", notes=notes))
    return redact_project(plan, "public").tasks["t-a"].notes


@pytest.mark.parametrize("written, shown", [
    (_flags("Nightjar"), WITHHELD),  # 🇳🇮🇬🇭🇹🇯🇦🇷
    (f"waits on {_flags('Orbitex')} hardware", f"waits on {WITHHELD} hardware"),
    (" ".join(_flags("Nightjar")), WITHHELD),  # 🇳 🇮 🇬 🇭 🇹 🇯 🇦 🇷: flags' letters spelt out one by one
    (" \U0001F680 ".join("NIGHTJAR"), WITHHELD),  # N 🚀 I 🚀 G: letters spelt out with pictures between
    ("\U0001F15D\U0001F158\U0001F156\U0001F157\U0001F163\U0001F159\U0001F150\U0001F161", WITHHELD),  # 🅝🅘🅖🅗🅣🅙🅐🅡
    ("\U0001F17D\U0001F178\U0001F176\U0001F177\U0001F183\U0001F179\U0001F170\U0001F181", WITHHELD),  # 🅽🅸🅶🅷🆃🅹🅰🆁
    ("Night\U0001F680jar slips", f"{WITHHELD} slips"),  # a rocket between its letters
    ("N\U0001F319i\U0001F319g\U0001F319h\U0001F319t\U0001F319j\U0001F319a\U0001F319r", WITHHELD),  # moons
    ("Nightj\U0001F44D\U0001F3FDar", WITHHELD),  # an emoji with its skin tone
    # Joined, a CamelCase word: it ends where its next part begins, as "OrbitexCorp" does.
    ("Or\U0001F680bitex\U0001F680Corp ships", f"{WITHHELD} ships"),
    ("Night\U0001F680jar\U0001F319Programme", WITHHELD),
    ("Night\U0001F469\u200d\U0001F680jar", WITHHELD),  # an emoji made of two joined by a ZWJ
    ("N\u200bi\u200cg\u200dh\u2060t\ufeffjar", WITHHELD),  # zero-width characters between every letter
    ("test of Night-\njar on the pad", f"test of {WITHHELD} on the pad"),  # broken at a line's end
    ("NIGHT-\r\nJAR", WITHHELD),
    ("Night-  \n   jar", WITHHELD),  # spaces around the break
    ("Night\u00ad\njar", WITHHELD),  # a soft hyphen at the break
    ("Night\u2010\njar", WITHHELD),  # the Unicode hyphen
    ("Wen-\nchang and Orbi-\ntex", f"{WITHHELD} and {WITHHELD}"),  # words of the hidden task's notes
    ("Nightjar\U0001F1E8\U0001F1F3 slip", f"{WITHHELD}\U0001F1E8\U0001F1F3 slip"),  # a flag after it
    # A hyphen inside the word, in the middle of a line, as at a line's end: the compound goes whole.
    ("test of Night-jar on the pad", f"test of {WITHHELD} on the pad"),
    ("NIGHT-JAR, Nigh-tjar and two Night\u2011jars", f"{WITHHELD}, {WITHHELD} and two {WITHHELD}"),
    ("the Lunar-Night-jar-2 unit and Or-bitex parts", f"the {WITHHELD} unit and {WITHHELD} parts"),
])
def test_a_withheld_word_written_across_symbols_or_a_line_break_is_withheld(written, shown):
    assert _kept_notes(written) == shown


@pytest.mark.parametrize("kept", [
    "Night\njar",  # a line break with no hyphen parts two words
    "Night \U0001F680 jar",  # an emoji between two words
    "Night\U0001F680jarring",  # joined, a longer word of the same letters
    "Nightly-\nring",  # joined, "Nightlyring": no withheld word
    "the night-\nly jar",  # joined, "nightly", not the codename
    f"launch {_flags('CN')} {_flags('US')}, flags \U0001F680 and Wen\U0001F3E0 base",  # flags and emoji as such
    "\u00a9 2030 Orbit\u00ae text",  # symbols beside words that merely share letters
    "Night-jarring, midnight-jar, Night - jar",  # a longer word; spaces part words
])
def test_ordinary_words_that_share_the_letters_stay(kept):
    assert _kept_notes(kept) == kept


def test_a_kept_name_written_with_a_hyphen_shows_the_word_so_it_is_no_secret():
    # The partner reads "Night-jar survey" in the copy anyway: "Nightjar" is a word of a kept name.
    plan = Project(name="Relay study", start=date(2030, 1, 1))
    plan.add_task(Task(key="nightjar-sf", name="Nightjar static fire", duration=30, id="t-secret",
                       classification=C.RESTRICTED))
    plan.add_task(Task(key="A", name="Night-jar survey", duration=10, id="t-a", notes="Nightjar and Night-jar"))
    kept = redact_project(plan, "public").tasks["t-a"]
    assert (kept.name, kept.notes) == ("Night-jar survey", "Nightjar and Night-jar")


def _squares(word: str) -> str:
    """`word` in negative squared capitals: "KES" as 🅺🅴🆂."""
    return "".join(chr(0x1F170 + ord(letter) - ord("A")) for letter in word.upper())


@pytest.mark.parametrize("disguise", [_flags, _squares, lambda word: " ".join(_flags(word))])
@pytest.mark.parametrize("word", ["Kestrel", "Falcon"])
def test_a_withheld_word_with_an_l_in_flags_or_squares_is_withheld(disguise, word):
    # A word is matched folded as drawn ("Kestrel" as "kestrei", the l read as the I it is drawn like):
    # the letters a flag or a square shows are folded so too, or every word with an l got through.
    plan = Project(name="Relay study", start=date(2030, 1, 1))
    plan.add_task(Task(key="hidden", name=f"{word} static fire", duration=30, id="t-secret",
                       classification=C.RESTRICTED))
    plan.add_task(Task(key="A", name="Lander build", duration=10, id="t-a", notes=f"See {disguise(word)} now"))
    assert redact_project(plan, "public").tasks["t-a"].notes == f"See {WITHHELD} now"
