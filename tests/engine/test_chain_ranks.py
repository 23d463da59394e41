"""Each row's coarsest rank along its chain of drivers, by pointer doubling whose rounds are laid out
once and reused for other ranks, is what walking each chain step by step gives."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from ilrs_planner.engine.chain_ranks import Doubling


@st.composite
def chains(draw):
    """Drivers making chains (each row driven by an earlier row, or by none), and two sets of ranks."""
    n = draw(st.integers(1, 80))
    drivers = [draw(st.integers(-1, row - 1)) if row else -1 for row in range(n)]
    order = draw(st.permutations(range(n)))  # rows numbered in any order, not only along the chains
    place = {row: at for at, row in enumerate(order)}
    first = np.full(n, -1, np.int64)
    for row, driver in enumerate(drivers):
        first[place[row]] = place[driver] if driver >= 0 else -1
    ranks = [np.array(draw(st.lists(st.integers(0, 3), min_size=n, max_size=n)), np.int64) for _ in range(2)]
    return first, ranks


def _walked(first: np.ndarray, ranks: np.ndarray) -> list[int]:
    shown = []
    for row in range(len(first)):
        coarsest, at = ranks[row], first[row]
        while at >= 0:
            coarsest, at = max(coarsest, ranks[at]), first[at]
        shown.append(int(coarsest))
    return shown


@settings(max_examples=200, deadline=None)
@given(chains())
def test_the_coarsest_along_each_chain_is_the_one_walked_to(drawn) -> None:
    first, (ranks, other) = drawn
    doubling = Doubling(first)
    assert Doubling(first).coarsest(ranks).tolist() == _walked(first, ranks)
    # The rounds laid out once carry any ranks: those of a second pass (ties lifted) too.
    assert doubling.coarsest(ranks).tolist() == _walked(first, ranks)
    assert doubling.coarsest(other).tolist() == _walked(first, other)


def test_a_long_chain_carries_its_first_rank_to_its_last_row() -> None:
    n = 1000  # ten rounds of doubling
    first = np.arange(-1, n - 1)
    ranks = np.zeros(n, np.int64)
    ranks[0] = 3
    assert Doubling(first).coarsest(ranks).tolist() == [3] * n
    ranks[0], ranks[500] = 0, 2
    assert Doubling(first).coarsest(ranks).tolist() == [0] * 500 + [2] * 500


@settings(max_examples=200, deadline=None)
@given(chains(), st.data())
def test_rounds_carried_to_rows_added_or_removed_at_the_end_give_the_walked_ranks(drawn, data) -> None:
    # A task added is the plan's last row and its deletion removes that row: the rounds laid out
    # before are carried to the new drivers, the rows at the end followed after them.
    first, (ranks, _) = drawn
    doubling, n = Doubling(first), len(first)
    for _ in range(data.draw(st.integers(1, 4))):
        if data.draw(st.booleans()) or n < 2:  # rows added, driven by any row (or none), drivers first or not
            added = data.draw(st.integers(1, 3))
            tail = [data.draw(st.integers(-1, n + added - 1)) for _ in range(added)]
            tail = [driver if driver < n + at else -1 for at, driver in enumerate(tail)]  # no loop
            first = np.append(first, np.array(tail, np.int64))
        else:  # the last rows removed, none of them driving a row kept
            gone = data.draw(st.integers(1, min(3, n - 1)))
            if np.any(first[:n - gone] >= n - gone):
                continue
            first = first[:n - gone]
        n = len(first)
        ranks = np.array(data.draw(st.lists(st.integers(0, 3), min_size=n, max_size=n)), np.int64)
        carried = doubling.carried(first)
        assert carried is not None
        assert carried.coarsest(ranks).tolist() == _walked(first, ranks)
        doubling = carried


def test_rounds_are_laid_out_again_when_a_row_kept_changed_its_driver() -> None:
    first = np.array([-1, 0, 1, 2])
    assert Doubling(first).carried(np.array([-1, 0, 0, 2, 3])) is None
