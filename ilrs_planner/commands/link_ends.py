"""Which links touch some tasks? Answered from the plan's link ends kept as columns across edits.

Deleting one task of a 100,000-task plan looked at both ends of every one of 200,000 links in a
Python loop (50 ms); even at C speed, reading 400,000 ids scattered in memory took as long. The
hashes of the ends are kept as two arrays beside the list of link objects they were read from, and
a search compares numbers, then checks the few links found by their ids (two ids may share a hash).
On each use the links made and taken out since are replayed from the journal of the plan's links
(link_journal); when it cannot tell, the plan's links are listed again (a copy of the dict's values,
at C speed) and compared with that list: a link made or undone last is at the end of the plan's
links, so the arrays are extended or cut there, and anything else reads them again. A link never
changes its ends (an edit changes its type and lag), so the same link object has the same ends.
"""

from __future__ import annotations

from collections.abc import Iterable
from operator import attrgetter
from typing import Any

import numpy as np

from ..domain import Link, Project
from .graph_edges import offered_link_ends
from .link_journal import Mark, forget_link_journal, link_mark, replay

_PRED, _SUCC = attrgetter("pred_id"), attrgetter("succ_id")


def _hashes(ids: Iterable[str]) -> np.ndarray:
    listed = list(ids)
    return np.fromiter(map(hash, listed), dtype=np.int64, count=len(listed))


def _read(project: Project, links: list[Link]) -> tuple[np.ndarray, np.ndarray]:
    """The hashes of every link's ends: through the schedule offered when it holds them as task
    places (100,000 task ids hashed, not 400,000 ends read from scattered link objects), else read."""
    offered = offered_link_ends(project)
    if offered is None:
        return _hashes(map(_PRED, links)), _hashes(map(_SUCC, links))
    ids, preds, succs = offered
    by_place = _hashes(ids)
    return by_place[preds], by_place[succs]


def starts_with(items: list[Any], first: list[Any]) -> bool:
    """True when `items` begins with the items of `first` (the same objects, or equal ones),
    compared in C without copying either: `items`, a list the caller owns, has the rest of its items
    taken off for the comparison and put back (a slice of 200,000 links to compare cost 2-3 ms).
    Safe because it runs only where commands run, on the one undo stack's thread (the window's GUI
    thread, or the command line's only one): no worker thread (risk, file parsing, saving, recovery)
    reads the link lists passed here, each a LinkEnds' or a LinkGraph's own or the caller's fresh one."""
    if len(items) < len(first):
        return False
    if len(items) == len(first):
        return items == first
    rest = items[len(first):]
    del items[len(first):]
    try:
        return items == first
    finally:
        items.extend(rest)


class LinkEnds:
    """One plan's links in plan order, with the hashes of each link's predecessor and successor ids."""

    def __init__(self, project: Project):
        self.project: Project | None = None  # read whole by the first follow
        self.links: list[Link] = []
        self.preds = self.succs = np.zeros(0, dtype=np.int64)
        self.mark: Mark = None  # where the journal of the plan's links stood when they were last listed
        self.follow(project)

    def follow(self, project: Project) -> None:
        """Bring the arrays up to date with the plan's links: by the journal of the links made and
        taken out since (link_journal), else by listing them and comparing the list with the last."""
        replayed = replay(project, self.links, self.mark) if project is self.project else None
        if replayed is not None:
            kept, came = replayed[0], self.links[replayed[0]:]
            self.preds, self.succs = self.preds[:kept], self.succs[:kept]
            if came:
                self.preds = np.concatenate([self.preds, _hashes(map(_PRED, came))])
                self.succs = np.concatenate([self.succs, _hashes(map(_SUCC, came))])
            self.mark = link_mark(project)
            return
        self.mark = link_mark(project)
        links, seen = list(project.links.values()), self.links
        if project is self.project and starts_with(links, seen):
            added = links[len(seen):]
            if added:
                self.preds = np.concatenate([self.preds, _hashes(map(_PRED, added))])
                self.succs = np.concatenate([self.succs, _hashes(map(_SUCC, added))])
        elif project is self.project and starts_with(seen, links):
            self.preds, self.succs = self.preds[:len(links)], self.succs[:len(links)]
        else:
            self.project = project
            self.preds, self.succs = _read(project, links)
        self.links = links

    def touching(self, task_ids: set[str]) -> list[tuple[int, Link]]:
        """The links with an end in `task_ids`, in plan order, each with its place among the plan's links."""
        if not task_ids:
            return []
        wanted = list(map(hash, task_ids))
        maybe = np.flatnonzero(np.isin(self.preds, wanted) | np.isin(self.succs, wanted)).tolist()
        return [(place, link) for place, link in zip(maybe, map(self.links.__getitem__, maybe))
                if link.pred_id in task_ids or link.succ_id in task_ids]


_latest: list[LinkEnds] = []  # the link ends of the plan last asked about


def links_touching(project: Project, task_ids: set[str]) -> list[Link]:
    """The links of `project` with an end in `task_ids`, in plan order."""
    return [link for _place, link in placed_links_touching(project, task_ids)]


def placed_links_touching(project: Project, task_ids: set[str]) -> list[tuple[int, Link]]:
    """The links of `project` with an end in `task_ids`, in plan order, each with its place among
    the plan's links (counted from 0), so that an undo can put it back there."""
    if _latest:
        _latest[0].follow(project)
    else:
        _latest.append(LinkEnds(project))
    return _latest[0].touching(task_ids)


def forget_link_ends() -> None:
    """Let go of the plan last asked about (its links are kept alive by the arrays and the journal)."""
    _latest.clear()
    forget_link_journal()
