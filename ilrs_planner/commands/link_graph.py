"""Would a new link close a dependency loop? Answered from a graph of the plan kept across edits.

Compiling the whole plan into the scheduler's network to look for a loop took half a second at
100,000 tasks, on every link made. A new link pred → succ closes a loop exactly when succ already
reaches pred; with a topological order of the plan kept up to date (link_order), a link that runs
forward in it is allowed at once, and any other needs a search among the tasks between its ends.

The graph is the scheduler's (engine/_network) with each task's start and finish sides merged,
which joins and parts no paths: each task has an in-node and an out-node. A link runs from its
predecessor's out-node to its successor's in-node; a leaf's in-node leads to its out-node; a
summary's in-node leads to each child's in-node and each child's out-node to the summary's
out-node, so a link into a summary binds all its sub-tasks and a link out of one waits for all.

The graph of the last plan asked about is kept and compared with the plan on every use (each task's
parent, each link object): the tasks and links that changed since have their edges removed and
added. A link never changes its ends (an edit changes its type and lag), so the same link object
is the same edge.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from itertools import compress, repeat
from operator import attrgetter, is_not, ne

from ..domain import Link, Project, Task
from .graph_edges import forget_schedule, graph_edges
from .link_ends import starts_with
from .link_journal import link_mark, replay
from .link_order import DynamicOrder
from .outline_since import follow_parents, outline_mark, touched_since

_PARENT = attrgetter("parent_id")
Edge = tuple[int, int]
Parents = Mapping[str, "str | None"]  # task id -> parent id, as the plan has it now or had it before
_GOLDEN = 0.6180339887498949


class LinkGraph:
    """One plan's links and WBS as a graph with a topological order (see the module's text)."""

    def __init__(self, project: Project):
        self.project = project
        tasks, self.link_list = list(project.tasks.values()), list(project.links.values())
        self.mark = link_mark(project)  # where the journal of the plan's links stood when they were listed
        parents = list(map(_PARENT, tasks))
        # The tasks and parents last listed (None: followed through the plan's index since).
        self.tasks: list[Task] | None = tasks
        self.parents: list[str | None] | None = parents
        self.parent_of = dict(zip(project.tasks, parents))
        self.children = Counter(parents)
        self.links = dict(project.links)
        count = len(tasks)
        self.node = dict(zip(project.tasks, range(0, 2 * count, 2)))  # in-node; the out-node follows it
        edges = graph_edges(project, parents, self.link_list)
        # None: a link or parent names a task the plan lacks; the scheduler's checks say what is wrong.
        self.order = DynamicOrder(2 * count, *edges) if edges is not None else None
        self.top = 2 * count - 1  # the highest whole rank given so far
        self.fractions: set[float] = set()  # the ranks given that are not whole numbers
        self.added = 0
        self.outline = outline_mark(project)

    def follow(self, project: Project) -> bool:
        """Bring the graph up to date with the plan's tasks and links; False when it must be made
        again instead (another plan, a loop, a stray link: the change may have mended it). The links
        made and taken out since are read from the journal of the plan's links (link_journal) when it
        can tell them, else the plan's links are listed and compared with the graph's."""
        replayed = replay(project, self.link_list, self.mark) if project is self.project else None
        self.mark = link_mark(project)
        links = self.link_list if replayed is not None else list(project.links.values())
        changes = _net_changes(links, *replayed) if replayed is not None else None
        touched = touched_since(project, self.outline) if project is self.project else None
        self.outline = outline_mark(project)
        before: Parents
        if touched is not None:  # the plan's index says which tasks came, went or moved
            before, moved = follow_parents(project, self.parent_of, touched)
            parent_of, same_outline = self.parent_of, not moved
            self.tasks = self.parents = None  # not listed: the next whole comparison reads the plan
        else:
            tasks = list(project.tasks.values())
            parents = list(map(_PARENT, tasks))
            same_outline = tasks == self.tasks and parents == self.parents
            parent_of = self.parent_of if same_outline else dict(zip(project.tasks, parents))
            before, moved = self.parent_of, self._moved(parent_of)
            self.tasks, self.parents = tasks, parents
        same_links = changes == ([], []) if changes is not None else links == self.link_list
        if same_outline and same_links and project is self.project:
            return True
        if project is not self.project or self.order is None or self.order.rank is None:
            return False
        if any(parent_of.get(tid) not in parent_of and parent_of.get(tid) is not None for tid in moved):
            return False
        gone, new = changes if changes is not None else self._link_changes(project, links)
        if any(link.pred_id not in parent_of or link.succ_id not in parent_of for link in new):
            return False
        old_edges, new_edges = self._outline_edges(before, parent_of, moved)
        for x, y in [*map(self._link_edge, gone), *(old_edges - new_edges).elements()]:
            self.order.remove_edge(x, y)
        for x, y in [*(new_edges - old_edges).elements(), *map(self._link_edge, new)]:
            self.order.add_edge(x, y)
        self.parent_of, self.link_list = parent_of, links
        for link in gone:
            del self.links[link.id]
        self.links.update((link.id, link) for link in new)
        return True

    def _link_changes(self, project: Project, links: list[Link]) -> tuple[list[Link], list[Link]]:
        """The links gone since, and the new ones. Links made or undone last are at the end."""
        seen = self.link_list  # the graph's own list, as `links` is the caller's
        if starts_with(links, seen):
            return [], links[len(seen):]
        if starts_with(seen, links):
            return seen[len(links):], []
        return _changed(self.links, project.links), _changed(project.links, self.links)

    def _moved(self, parent_of: dict[str, str | None]) -> list[str]:
        """Tasks added, removed or given another parent since."""
        if parent_of is self.parent_of:
            return []
        ids, absent = list(parent_of), object()
        moved = compress(ids, map(ne, map(self.parent_of.get, ids, repeat(absent)), parent_of.values()))
        return [*moved, *(self.parent_of.keys() - parent_of.keys())]

    def _outline_edges(self, then: Parents, parent_of: Parents,
                       moved: list[str]) -> tuple[Counter[Edge], Counter[Edge]]:
        """The WBS edges of the tasks the change touches, before (`then`) and after it (children
        counted anew)."""
        ends = [*map(then.get, moved), *map(parent_of.get, moved)]
        touched = {*moved, *(parent for parent in ends if parent is not None)}
        before = self._owned_edges(touched, then)
        for tid in moved:
            self.children[then.get(tid)] -= 1
            self.children[parent_of.get(tid)] += 1
        for tid in moved:
            if tid in parent_of and tid not in then:
                self._add_nodes(tid, parent_of[tid])
        return before, self._owned_edges(touched, parent_of)

    def _owned_edges(self, tasks: set[str], parent_of: Parents) -> Counter[Edge]:
        """Each task's own edges: its in-node to its out-node if a leaf, and its ties to its parent."""
        edges: Counter[Edge] = Counter()
        for tid in tasks:
            if tid not in parent_of:
                continue
            node, parent = self.node[tid], parent_of[tid]
            if self.children[tid] <= 0:
                edges[node, node + 1] += 1
            if parent is not None:
                edges[self.node[parent], node] += 1
                edges[node + 1, self.node[parent] + 1] += 1
        return edges

    def _add_nodes(self, task_id: str, parent_id: str | None) -> None:
        """A new task's two nodes, ranked inside its parent's span where there is room.

        Ranks must differ (two equal ranks would let the reordering put an edge's ends level): the
        order starts with whole numbers, a new task takes unused fractions of its parent's span
        (golden-ratio steps spread them), or whole numbers above every other rank.
        """
        assert self.order is not None and self.order.rank is not None
        rank = self.order.rank
        if parent_id in self.node:
            low, high = rank[self.node[parent_id]], rank[self.node[parent_id] + 1]
            self.added += 1
            first = low + (high - low) * (0.1 + 0.8 * (self.added * _GOLDEN % 1))
            second = first + (high - first) * (0.1 + 0.8 * ((self.added + 0.5) * _GOLDEN % 1))
            if low < first < second < high and not {first, second} & self.fractions \
                    and first % 1 and second % 1:
                self.fractions |= {first, second}
                self.node[task_id] = self.order.add_node(first)
                self.order.add_node(second)
                return
        self.top += 2
        self.node[task_id] = self.order.add_node(self.top - 1)
        self.order.add_node(self.top)

    def _link_edge(self, link: Link) -> Edge:
        return self.node[link.pred_id] + 1, self.node[link.succ_id]

    def has_link(self, pred_id: str, succ_id: str) -> bool | None:
        """Does a link pred → succ exist already? None when the graph could not be made."""
        if self.order is None:
            return None
        return self.node[succ_id] in self.order.successors(self.node[pred_id] + 1)

    def closes_loop(self, pred_id: str, succ_id: str) -> bool | None:
        """Would a link pred → succ close a loop? None when the graph has a loop already or could
        not be made (the scheduler's own search then says what is wrong)."""
        if self.order is None or self.order.rank is None:
            return None
        return self.order.reaches(self.node[succ_id], self.node[pred_id] + 1)


def _changed(links: dict[str, Link], other: dict[str, Link]) -> list[Link]:
    """The link objects of `links` that `other` does not hold under the same id."""
    return list(compress(links.values(), map(is_not, map(other.get, links.keys()), links.values())))


_latest: list[LinkGraph] = []  # the graph of the plan last asked about


def graph_of(project: Project) -> LinkGraph:
    """The graph of `project` as it is now: the one kept, brought up to date, or a new one."""
    if not (_latest and _latest[0].follow(project)):
        _latest[:] = [LinkGraph(project)]
    return _latest[0]


def forget_graphs() -> None:
    """Let go of the plan last asked about (its tasks and links are kept alive by the graph, its ids
    by the schedule offered)."""
    _latest.clear()
    forget_schedule()


def _net_changes(links: list[Link], kept: int, taken: list[Link]) -> tuple[list[Link], list[Link]]:
    """The links gone and the new ones, from a replay of the journal that kept the first `kept` of the
    graph's links, took `taken` from after them and left `links` (a link taken and made again is neither)."""
    came = links[kept:]
    came_ids, taken_ids = set(map(id, came)), set(map(id, taken))
    return [link for link in taken if id(link) not in came_ids], [link for link in came if id(link) not in taken_ids]
