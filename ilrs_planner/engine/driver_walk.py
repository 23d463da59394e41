"""The walk back along what drives a task, shared by the shown precision and the shown confidence.

A task's shown precision is the coarsest of its own and its drivers' (engine/shown_precision.py); its
shown confidence the weakest of its own and its pushers' (engine/shown_confidence.py). Both are found
by one depth-first walk back along the drivers, each task's drivers' values found before its own; the
two differ only in the step (which tasks drive this one) and the merge (what their values make of it).

A summary follows every sub-task that finishes when it does, not one picked by outline order: its
driver is the node `SummaryEnd`, "the tasks finishing with this summary", whose steps are the summary's
children finishing with it (a sub-summary: its own `SummaryEnd`). Carried up the outline a level at a
time, an outline whose levels all finish on one day costs one step a level, not a list of every tied
sub-task for every summary above it. A summary's own value is no part of its end: a task linked after
a phase reads what finishes the phase, as it always has.
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping, Sequence
from typing import NamedTuple, TypeVar

V = TypeVar("V")


class SummaryEnd(NamedTuple):
    """The sub-tasks finishing with `summary` (at any depth), as one node of the walk; `pushed`: only
    those pushed past their announcement (a phase follows them, engine/shown_confidence.py)."""

    summary: str
    pushed: bool = False


Node = str | SummaryEnd  # a task id, or a summary's end
Steps = Callable[[Node], Sequence[Node]]
Merge = Callable[[Node, Sequence[Node], "Sequence[V | None]"], V]


def walk_back(start: Node, steps: Steps, merge: Merge[V], known: MutableMapping[Node, V]) -> V:
    """`known[start]`, found by walking back along `steps` depth first: each node's value is
    merge(node, its steps, their values), a step met again on the way (a loop the scheduler would
    refuse) given as None. A loop, not recursion: a chain of thousands of tasks is an ordinary plan."""
    stack: list[tuple[Node, bool]] = [(start, False)]
    on_way: set[Node] = set()
    found: dict[Node, Sequence[Node]] = {}
    while stack:
        current, expanded = stack.pop()
        if current in known:
            continue
        if not expanded:
            on_way.add(current)
            found[current] = steps(current)
            stack.append((current, True))
            stack.extend((d, False) for d in found[current] if d not in known and d not in on_way)
            continue
        on_way.discard(current)
        known[current] = merge(current, found[current], [known.get(d) for d in found[current]])
    return known[start]
