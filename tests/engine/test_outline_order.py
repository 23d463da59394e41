"""The outline put in order level by level is the outline walked row by row: every row's place in outline
order (a summary, then its children's rows in display order) and its count of rows under it, for random
outlines with positions in any order, and for one deeper than the levels are used for."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from ilrs_planner.engine.outline_order import DEEPEST_BY_LEVELS, outline_order, preorder_walked, subtree_sizes_walked
from ilrs_planner.engine.schedule_check_chain import OutlineChildren


def _children(parents: list[int], positions: list[int]) -> OutlineChildren:
    ids = [f"t{row}" for row in range(len(parents))]
    return OutlineChildren(ids, np.array(parents, np.int64), np.array(positions, np.int64),
                           dict(zip(ids, range(len(ids)))))


@st.composite
def outlines(draw: st.DrawFn) -> tuple[list[int], list[int]]:
    """Parents that point to an earlier row or to the top (no loop), shuffled into any row order."""
    n = draw(st.integers(0, 40))
    parents = [draw(st.integers(-1, row - 1)) for row in range(n)]
    shuffle = draw(st.permutations(range(n)))
    moved = [-1] * n
    for old, new in enumerate(shuffle):
        moved[new] = shuffle[parents[old]] if parents[old] >= 0 else -1
    return moved, draw(st.lists(st.integers(0, 5), min_size=n, max_size=n))


@settings(max_examples=200, deadline=None)
@given(outlines())
def test_levels_give_the_walks_order_and_sizes(outline: tuple[list[int], list[int]]) -> None:
    parents, positions = outline
    children = _children(parents, positions)
    order, size = outline_order(children, np.array(parents, np.int64))
    walked = preorder_walked(children, len(parents))
    assert order.tolist() == walked.tolist()
    assert size.tolist() == subtree_sizes_walked(np.array(parents, np.int64), walked).tolist()


def test_a_phase_and_its_work_packages_in_display_order() -> None:
    # Row 0 a phase holding rows 2 (shown second) and 3 (shown first, itself holding row 1); row 4 at the top.
    parents, positions = [-1, 3, 0, 0, -1], [0, 0, 1, 0, 1]
    order, size = outline_order(_children(parents, positions), np.array(parents, np.int64))
    assert order.tolist() == [0, 3, 1, 2, 4]
    assert size.tolist() == [4, 1, 1, 2, 1]


def test_an_outline_deeper_than_the_levels_is_walked_alike() -> None:
    depth = DEEPEST_BY_LEVELS + 10
    parents = [-1] + list(range(depth - 1)) + [-1]  # one nested chain, then a task at the top
    positions = [0] * depth + [1]
    order, size = outline_order(_children(parents, positions), np.array(parents, np.int64))
    assert order.tolist() == list(range(depth + 1))
    assert size.tolist() == list(range(depth, 0, -1)) + [1]
