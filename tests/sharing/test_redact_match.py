"""The scrub finds exactly the matches of the pattern the partner copy's rule is written as, in one
pass over a text however it is made (a long "a-a-a-..." note took twenty minutes to scrub)."""

import re

from hypothesis import example, given, settings
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


# Each way the module doc says a match is made, written out (random texts find them too, these on
# every run): a compound reached through its joiner and digits, the greedy prefix reaching the
# compound's last secret, a match widened to its digits and the rest of its compound, a plural,
# secrets of several words, a longer secret before a shorter one at the same place, a secret
# continued by a letter (no match), and a secret in a script written without spaces.
@example(["ab"], "b-1ab ab-ab-ab x")
@example(["ab"], "ab12-x_y ab1_ ab- -ab")
@example(["ab"], "abs abes sab abab ab.")
@example(["a b", "a.b"], "a b1 a.b-a a  b")
@example(["ab", "a"], "aab ab a-a a1")
@example(["中a", "b"], "x中a中a1 b中b-中")
@example(["aй"], "aй aйs йaй")
@settings(max_examples=800)
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


def test_a_long_word_before_a_hyphen_is_read_in_one_pass():
    # A word of 100,000 letters before one hyphen: the compound's finder tried every place inside the word
    # to start a compound, each running to its end, and a partner's note so made held up a partner copy
    # for four minutes (a plan of such notes, for days).
    scrub = scrubber({"nightjar"})
    note = "a" * 99_999 + "-"
    assert scrub(note) == note
    assert scrub("b" * 99_990 + "-nightjar") == "[withheld]"  # the compound is withheld whole
    assert scrub("Night-" + "c" * 99_990 + " Night-jar") == "Night-" + "c" * 99_990 + " [withheld]"
