"""A duration's text is read by the same rule however its spaces fall, and a long run of them is refused."""

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from ilrs_planner.domain import PlannerError
from ilrs_planner.domain.durations import _NUMBER_UNIT, parse_duration

# The rule, written as plainly as the module doc says it (slow on runs of spaces: every way of
# sharing them among its three space runs is tried before it fails).
_RULE = re.compile(r"^\s*(-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*([a-z]*)\s*\??\s*$", re.IGNORECASE)
_PIECES = st.sampled_from([" ", "\t", "\n", "\u2003", "5", "12", "1,461", ",", ".", ".5", "-", "d", "days",
                           "E", "w", "mon", "?", "!", "\u017f", "x"])


# Spaces around and inside, thousands, decimals, a sign, a unit with or without spaces, an estimate's
# "?", the long s and Kelvin sign a case-blind [a-z] takes, and texts the rule refuses.
@example("  -1,461.5 \u2003days ?\n")
@example("5\t \u017f")
@example("12E")
@example("1,46 d")
@example(".5")
@example("5 ! ")
@example("5 d ? ?")
@example("\u212a")
@settings(max_examples=600)
@given(st.lists(_PIECES, max_size=10).map("".join))
def test_a_duration_text_is_split_as_the_rule_splits_it(text):
    found, by_rule = _NUMBER_UNIT.match(text), _RULE.match(text)
    assert (found is None) == (by_rule is None)
    if found and by_rule:
        assert found.groups() == by_rule.groups()


@pytest.mark.parametrize("text, days", [("5", 5), (" 5 d ", 5), ("2 w?", 14), ("1,461  d", 1461), ("3emon", 90)])
def test_durations_with_spaces_read_as_typed(text, days):
    assert parse_duration(text) == days


def test_a_cell_of_a_hundred_thousand_spaces_is_refused():
    # '5', 100,000 spaces, '!': sharing the spaces out three ways took hours; it is refused at once.
    with pytest.raises(PlannerError) as refused:
        parse_duration("5" + " " * 100_000 + "!")
    assert refused.value.code == "duration.invalid"
