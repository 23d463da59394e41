"""A Predecessors entry is read as the pattern MS Project's column is described by, in one pass."""

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from ilrs_planner.exchange.predecessor_entry import split_typed
from ilrs_planner.exchange.predecessors import parse_predecessors

# The reading split_typed gives, as a (slow on long runs of spaces) pattern: its result is the rule.
_RULE = re.compile(r"^(?P<id>.+?)\s*(?P<type>FS|SS|FF|SF)\s*(?:(?P<sign>[+-])\s*(?P<lag>.+))?$", re.IGNORECASE)
# Characters every branch of the reading turns on: spaces and line breaks, link type letters in
# both cases (and the long s a case-blind match takes for an s), signs, digits, unit letters.
_PIECES = st.sampled_from([" ", "  ", "\t", "\n", "\r", "F", "S", "f", "s", "\u017f", "+", "-", "1", "2",
                           "d", "x", "%", "FS", "SS+", "ff-", "sf"])


def _by_rule(entry: str) -> tuple[str, str, str | None, str | None] | None:
    m = _RULE.match(entry)
    return None if m is None else (m["id"], m["type"], m["sign"], m["lag"])


# An ID holding a link type, spaces and line breaks on every side, the long s, a sign with nothing
# after it, a lag of spaces, and entries with no ID or no link type.
@example("1FSFS+2d")
@example("1 \n fs \r - \t1 w")
@example("1\u017fs")
@example("2SS+")
@example("ff-  ")
@example("FS")
@example("12")
@example("s sf sf-1d")
@settings(max_examples=600)
@given(st.lists(_PIECES, max_size=12).map("".join))
def test_an_entry_reads_as_the_pattern_reads_it(entry):
    found = split_typed(entry)
    assert (None if found is None else tuple(found)) == _by_rule(entry)


def test_the_usual_entries_read_by_parts():
    assert tuple(split_typed("3FS+2d")) == ("3", "FS", "+", "2d")
    assert tuple(split_typed("change-7 ss - 1 w")) == ("change-7", "ss", "-", "1 w")
    assert tuple(split_typed("9SF")) == ("9", "SF", None, None)
    assert split_typed("FS") is None  # a link type needs an ID before it
    assert split_typed("12") is None


def test_a_cell_of_a_hundred_thousand_spaces_between_id_and_text_is_refused():
    # '1', 100,000 spaces, 'x': tried one length of ID at a time, this took hours; now it is read once.
    entry = "1" + " " * 100_000 + "x"
    assert split_typed(entry) is None
    try:
        parse_predecessors(entry, {"1"})
    except Exception as err:  # noqa: BLE001 - any refusal will do; the entry is not a dependency
        assert getattr(err, "code", None) == "import.bad_row"
    else:
        raise AssertionError("a run of spaces was read as a dependency")


def test_a_long_entry_with_a_link_type_after_many_spaces_is_read():
    entry = "1" + " " * 100_000 + "FS" + " " * 100_000 + "+" + " " * 100_000 + "3d"
    [ref] = parse_predecessors(entry, {"1"})
    assert (ref.ref, ref.type.value, ref.lag) == ("1", "FS", 3)
