"""After combining two sides: one dependency between two tasks.

Each side may add a link between the same two tasks (their ids differ, so both would be kept), or
one side may add one where the other edited the base's. A plan holds one link per pair of tasks:
every way into a plan refuses a second, and the plan's own CSV export of one holding two (a
Predecessors cell naming the task twice) could not be imported back. So one is kept, the chosen
side's (ours unless chosen), and the other is reported as a conflict naming both.
"""

from __future__ import annotations

from ..domain import Link, Project
from .merge_parts import Conflict


def keep_one_link_per_pair(merged: Project, base: Project, ours: Project, theirs: Project,
                           choices: dict[str, str], conflicts: list[Conflict]) -> None:
    """Drop from `merged` every link but one between the same two tasks, one conflict per pair."""
    by_pair: dict[tuple[str, str], list[Link]] = {}
    for link in merged.links.values():
        by_pair.setdefault((link.pred_id, link.succ_id), []).append(link)
    for links in by_pair.values():
        if len(links) > 1:
            _keep_one(merged, links, base, ours, theirs, choices, conflicts)


def _keep_one(merged: Project, links: list[Link], base: Project, ours: Project, theirs: Project,
              choices: dict[str, str], conflicts: list[Conflict]) -> None:
    pred, succ = (merged.tasks[task_id] for task_id in (links[0].pred_id, links[0].succ_id))
    shown = {side: ", ".join(_written(k) for k in links if k.id in plan.links) or "none"
             for side, plan in (("ours", ours), ("theirs", theirs))}
    conflict = Conflict("link", "-".join(sorted(k.id for k in links)), f"{pred.key} → {succ.key}", None, None,
                        shown["ours"], shown["theirs"],
                        f"both sides make '{succ.key}' ({succ.name}) depend on '{pred.key}' ({pred.name}) (ours "
                        f"{shown['ours']}, theirs {shown['theirs']}); a plan holds one dependency between two tasks")
    conflict.resolution = choices.get(conflict.key, "ours")
    chosen = ours if conflict.resolution == "ours" else theirs
    # The chosen side's link, the base's if it holds two; the first otherwise.
    kept = max(links, key=lambda k: (k.id in chosen.links, k.id in base.links))
    for link in links:
        if link is not kept:
            del merged.links[link.id]
    conflicts.append(conflict)


def _written(link: Link) -> str:
    """The link as a Predecessors entry reads its type and lag: 'FS', 'SS+3d'."""
    lag = f"{link.lag:+d}{'ed' if link.elapsed else 'd'}" if link.lag else ""
    return f"{link.type.value}{lag}"
