"""Which sampled durations reach a task's date in a Monte Carlo run: the tasks upstream of it through
links and summary gates, as rows of the duration matrix (engine/risk.py)."""

from __future__ import annotations

import numpy as np

from ._risk_network import RiskNetwork


class Upstream:
    """Per node its predecessors' nodes, per summary its children; built once (every milestone asks)."""

    def __init__(self, rnet: RiskNetwork):
        self._rnet = rnet
        self._maps: tuple[dict[int, list[int]], dict[int, list[int]]] | None = None

    def sampled_rows(self, row: int) -> np.ndarray:
        """Rows of the duration matrix of tasks upstream of the task at `row` (through links and gates)."""
        preds, kids = self._upstream_maps()
        seen, stack = set(), [row]
        while stack:
            node = stack.pop()
            if node in seen:
                continue
            seen.add(node)
            stack.extend(int(p) for p in preds.get(node, ()))
            stack.extend(kids.get(node, ()))  # a summary's finish is its sub-tasks'
        return np.asarray([k for k, t in enumerate(self._rnet.sampled.tolist()) if t in seen], dtype=np.int64)

    def _upstream_maps(self) -> tuple[dict[int, list[int]], dict[int, list[int]]]:
        if self._maps is None:
            rnet = self._rnet
            n_nodes = rnet.n_nodes
            preds = {rule.node: [row % n_nodes for row, _ in rule.starts + rule.finishes] for rule in rnet.rules}
            kids: dict[int, list[int]] = {p: [] for p in range(rnet.n_tasks)}
            for child, parent in enumerate(rnet.net.parent.tolist()):
                if parent >= 0:
                    kids[parent].append(child)
            self._maps = preds, kids
        return self._maps
