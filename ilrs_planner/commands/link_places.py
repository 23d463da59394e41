"""Links put back where they stood among the plan's links, as an undo must.

A plan's links are kept in the order they were made: a task's Predecessors cell lists its links in
that order, and the saved file holds them in it. Undoing a deletion that put its links back at the
end moved them after every other link: 'C' with predecessors '3FS, 5SS+2d, 7' read '3FS, 7, 5SS+2d'
after deleting 5 and undoing. The links come back at their places instead; only the links after the
first of them move, in slices at C speed (links taken from the end are simply added again).
"""

from __future__ import annotations

from ..domain import Link

Placed = list[tuple[int, Link]]  # each link with its place among the plan's links before it was taken out


def put_back(links: dict[str, Link], placed: Placed) -> None:
    """Put the links of `placed` back into `links` at their places (places counted with them in).
    The links after the first place are taken out and added again with them, in order: the ones
    before it keep their places (a whole new dict cost twice as much)."""
    ordered = sorted(placed, key=lambda item: item[0])
    if not ordered:
        return
    first = ordered[0][0]
    keys = list(links)[first:]  # none when the links were taken from the end
    values = list(map(links.pop, keys))
    merged_keys: list[str] = []
    merged_values: list[Link] = []
    taken = 0
    for place, link in ordered:
        keep = place - first - len(merged_keys)  # how many of the links taken out come before this one
        merged_keys += keys[taken:taken + keep]
        merged_values += values[taken:taken + keep]
        taken += keep
        merged_keys.append(link.id)
        merged_values.append(link)
    links.update(zip(merged_keys + keys[taken:], merged_values + values[taken:]))
