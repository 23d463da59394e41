"""Where two lists of ids start and stop agreeing: the answer kept for the same two lists, and let
go of when a plan is replaced."""

from __future__ import annotations

import random

import numpy as np

from ilrs_planner.chart.list_ends import agreed_places, agreeing_ends, forget_lists


def test_two_long_lists_agree_up_to_the_one_row_that_changed():
    old = [f"t{i}" for i in range(2000)]
    new = [*old[:1000], "added", *old[1001:]]  # row 1000 replaced: 1,000 rows before it, 999 after
    assert agreeing_ends(old, new) == (1000, 999)
    assert agreeing_ends(old, old[:1500]) == (1500, 0)  # cut short: the first 1,500 agree


def test_a_list_sorted_in_place_is_answered_afresh_once_the_kept_lists_are_let_go():
    rows, wanted = ["c", "b", "a"], ["a", "b", "c"]
    assert agreeing_ends(rows, wanted) == (0, 0)
    rows.sort()  # the rule broken: a list handed to agreeing_ends is never changed, the answer is kept
    assert agreeing_ends(rows, wanted) == (0, 0)
    forget_lists()  # as a plan replaced lets them go
    assert agreeing_ends(rows, wanted) == (3, 0)


def test_a_copy_of_the_list_compared_before_is_given_the_same_ends():
    """The chart keeps an equal copy of the rows the table compared with its new rows: it is answered
    as the table was, and a list compared with itself agrees throughout."""
    old = [f"t{i}" for i in range(3000)]
    new = [*old[:1200], "added", *old[1200:]]
    assert agreeing_ends(old, new) == (1200, 1800)
    assert agreeing_ends(list(old), new) == (1200, 1800)
    assert agreeing_ends([*old[:5], "other", *old[6:]], new) == (5, 1800)  # not a copy: compared
    assert agreeing_ends(new, new) == (3001, 0)


def test_a_list_with_items_added_or_taken_at_its_end_agrees_up_to_them():
    old = [f"t{i}" for i in range(3000)]
    assert agreeing_ends(old, [*old, "added"]) == (3000, 0)  # a task added last
    assert agreeing_ends([*old, "added"], list(old)) == (3000, 0)  # and deleted again
    moved = ["t2999", *old[1:2999], "t0"]  # the same last item at the shorter one's end, other heads
    assert agreeing_ends(moved[:-1], [*old[:2999], "t0", "x"]) == (0, 0)


def test_the_ends_told_from_places_are_those_a_comparison_finds():
    """A schedule's ids after an edit, told by where each came from in the ids before (added last,
    deleted, a run replaced), agree where a comparison of the lists finds them to."""
    rng = random.Random(3)
    for _ in range(300):
        old = [f"t{i}" for i in range(rng.randint(0, 40))]
        start = rng.randint(0, len(old))
        stop = rng.randint(start, len(old))
        run = [f"n{i}" for i in range(rng.randint(0, 4))] + rng.sample(old[start:stop], rng.randint(0, stop - start))
        new = [*old[:start], *run, *old[stop:]]
        where = {tid: place for place, tid in enumerate(old)}
        forget_lists()
        agreed_places(old, new, np.array([where.get(tid, -1) for tid in new], dtype=np.int64))
        told = agreeing_ends(old, new)
        forget_lists()
        assert told == agreeing_ends(old, new), (old, new)
