"""The scrub finds exactly the matches of the pattern the partner copy's rule is written as, in one
pass over a text however it is made (a long "a-a-a-..." note took twenty minutes to scrub)."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from ilrs_planner.sharing.redact_scrub import _UNSPACED, _alternatives, _pattern, scrubber

# Letters, digits, the compound's joiners, the separators a secret's words take, a plural's
# letters, a letter of another script and one of a script written without spaces.
_LETTERS = "ab1_-. se中й"
_SECRETS = st.lists(st.text("ab1-. 中", min_size=2, max_size=4).filter(lambda t: t.strip(" .-") == t),
                    min_size=1, max_size=3, unique=True)


def _rule(ordered: list[str]) -> re.Pattern[str]:
    """The rule as one pattern, run as written (slow on long compounds): the matches it must give."""
    bounded = rf"(?:[\w-]*[-_])?\d*(?:{_alternatives(ordered)})\d*(?:[-_][\w-]*)?"
    unspaced = "|".join(re.escape(t) for t in ordered if _UNSPACED.search(t))
    return re.compile(bounded + (f"|{unspaced}" if unspaced else ""))


@settings(max_examples=4000)
@given(_SECRETS, st.text(_LETTERS, max_size=24))
def test_the_matches_are_the_rules_matches(secrets, text):
    ordered = sorted(secrets, key=len, reverse=True)
    expected = [m.span() for m in _rule(ordered).finditer(text) if m.end() > m.start()]
    assert _pattern(ordered).spans(text) == expected


def test_a_long_compound_note_is_scrubbed_and_a_secret_at_its_end_withheld_with_it():
    # One Chinese character and 100,000 characters "a-a-...": every secret is tried there, as the
    # text is in a script written without spaces; run as written the pattern took 20 minutes.
    scrub = scrubber({"夜鹰中继", "nightjar"})
    note = "中" + "a-" * 50_000
    assert scrub(note) == note
    assert scrub(note + "nightjar2 and more") == "[withheld] and more"  # "中" is a letter of the compound
    digits = "nightjar1" * 10_000  # each a match of its own, glued to the next
    assert scrub(digits) == "[withheld]" * 10_000
