"""The link check's starting order: every edge runs forward in it, however deep the graph, and a
loop leaves no order."""

from __future__ import annotations

import numpy as np
import pytest

from ilrs_planner.commands.link_order import LEVELS_AT_MOST, DynamicOrder


def _runs_forward(order: DynamicOrder, sources: np.ndarray, targets: np.ndarray) -> bool:
    rank = order.rank
    assert rank is not None and len(set(rank)) == len(rank)  # one place per node
    return all(rank[x] < rank[y] for x, y in zip(sources.tolist(), targets.tolist()))


@pytest.mark.parametrize("nodes", [5, LEVELS_AT_MOST + 50])  # levels in numpy, and a chain past them
def test_a_chain_is_ordered_from_its_first_node(nodes):
    rng = np.random.default_rng(7)
    chain = rng.permutation(nodes)  # numbered out of order
    sources, targets = chain[:-1], chain[1:]
    order = DynamicOrder(nodes, sources, targets)
    assert _runs_forward(order, sources, targets)


def test_a_wide_graph_with_shared_targets_is_ordered():
    rng = np.random.default_rng(3)
    sources = rng.integers(0, 300, 2000)
    targets = sources + rng.integers(1, 50, 2000)  # always forward in numbering: no loop
    order = DynamicOrder(400, sources, targets)
    assert _runs_forward(order, sources, targets)


def test_a_loop_leaves_no_order():
    order = DynamicOrder(4, np.array([0, 1, 2, 3]), np.array([1, 2, 3, 1]))
    assert order.rank is None
