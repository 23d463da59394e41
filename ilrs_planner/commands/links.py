"""Dependency edits. A link that would close a loop is refused, naming the loop, before any change."""

from __future__ import annotations

from ..domain import Link, LinkType, PlannerError, Project
from ..domain.durations import format_days
from ..engine.graph import find_cycle
from .base import ChangeSet, Command
from .link_graph import graph_of
from .link_journal import link_made, link_taken, links_rearranged
from .link_places import put_back


def ancestors(project: Project, task_id: str) -> set[str]:
    found, parent = set(), project.tasks[task_id].parent_id
    while parent is not None and parent not in found:
        found.add(parent)
        parent = project.tasks[parent].parent_id
    return found


def check_link_allowed(project: Project, pred_id: str, succ_id: str) -> None:
    """Raise the PlannerError a link pred → succ would cause (unknown, self, duplicate, summary, cycle)."""
    for tid in (pred_id, succ_id):
        if tid not in project.tasks:
            raise PlannerError("link.unknown_task", f"no task has the id {tid!r}", [tid])
    pred, succ = project.tasks[pred_id], project.tasks[succ_id]
    if pred_id == succ_id:
        raise PlannerError("link.self", f"{pred.key} cannot depend on itself", [pred_id])
    graph = graph_of(project)
    duplicate = graph.has_link(pred_id, succ_id)
    if duplicate is None:  # no graph: the plan has a stray link; look through the links themselves
        duplicate = any(k.pred_id == pred_id and k.succ_id == succ_id for k in project.links.values())
    if duplicate:
        raise PlannerError("link.duplicate", f"{succ.key} already depends on {pred.key}", [pred_id, succ_id])
    if pred_id in ancestors(project, succ_id) or succ_id in ancestors(project, pred_id):
        raise PlannerError("link.summary_child", f"{pred.key} and {succ.key} are a summary and its own sub-task",
                           [pred_id, succ_id])
    if graph.closes_loop(pred_id, succ_id) is False:
        return
    # A loop (or a plan the graph cannot answer for): the scheduler's search names it, or the fault.
    loop = find_cycle(project, [Link(pred_id, succ_id)])
    if loop is not None:
        names = " → ".join(project.tasks[tid].key for tid in loop + loop[:1])
        raise PlannerError("link.cycle", f"linking {pred.key} → {succ.key} would close the loop {names}", loop)


class AddLink(Command):
    """Make `succ_id` depend on `pred_id` by `type`, offset by `lag` days."""

    def __init__(self, pred_id: str, succ_id: str, type: LinkType | str = LinkType.FS, lag: int = 0,
                 link_id: str | None = None):
        self.link = Link(pred_id, succ_id, LinkType(type), int(lag))
        if link_id:
            self.link.id = link_id
        self.text = "Add link"

    def apply(self, project: Project) -> ChangeSet:
        check_link_allowed(project, self.link.pred_id, self.link.succ_id)
        pred, succ = project.tasks[self.link.pred_id], project.tasks[self.link.succ_id]
        self.text = f"Link '{pred.name}' → '{succ.name}'"
        project.add_link(self.link)
        link_made(project, self.link)
        return links_changed(self.link)

    def revert(self, project: Project) -> ChangeSet:
        del project.links[self.link.id]
        link_taken(project, self.link)
        return links_changed(self.link)


class EditLink(Command):
    """Change a link's type and lag."""

    def __init__(self, link_id: str, type: LinkType | str, lag: int):
        self.link_id, self.type, self.lag = link_id, LinkType(type), int(lag)
        self.text = f"Edit link ({self.type.value} {format_days(self.lag, signed=True)})"
        self._old: tuple[LinkType, int] | None = None

    def apply(self, project: Project) -> ChangeSet:
        link = _link_or_error(project, self.link_id)
        self._old = (link.type, link.lag)
        link.type, link.lag = self.type, self.lag
        return links_changed(link)

    def revert(self, project: Project) -> ChangeSet:
        assert self._old is not None, "revert follows apply"
        link = project.links[self.link_id]
        link.type, link.lag = self._old
        return links_changed(link)


class DeleteLink(Command):
    """Remove a link."""

    def __init__(self, link_id: str):
        self.link_id = link_id
        self.text = "Delete link"
        self._link: Link | None = None
        self._place = 0  # its place among the plan's links, for the undo to put it back there

    def apply(self, project: Project) -> ChangeSet:
        self._link = _link_or_error(project, self.link_id)
        if self.text == "Delete link":  # the Undo list names the tasks, as "Link ..." does
            pred, succ = project.tasks.get(self._link.pred_id), project.tasks.get(self._link.succ_id)
            if pred is not None and succ is not None:
                self.text = f"Delete link '{pred.name}' → '{succ.name}'"
        self._place = list(project.links).index(self.link_id)  # C speed: about 1 ms at 200,000 links
        del project.links[self.link_id]
        link_taken(project, self._link)
        return links_changed(self._link)

    def revert(self, project: Project) -> ChangeSet:
        assert self._link is not None, "revert follows apply"
        put_back(project.links, [(self._place, self._link)])
        links_rearranged(project)
        return links_changed(self._link)


def _link_or_error(project: Project, link_id: str) -> Link:
    link = project.links.get(link_id)
    if link is None:
        raise PlannerError("link.unknown_task", f"no link has the id {link_id!r}", [link_id])
    return link


def links_changed(*links: Link) -> ChangeSet:
    """What adding or removing `links` changes: their tasks' dates (none: nothing)."""
    if not links:
        return ChangeSet()
    return ChangeSet(frozenset(tid for link in links for tid in (link.pred_id, link.succ_id)), links=True, dates=True)

