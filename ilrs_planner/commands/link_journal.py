"""The links made and taken out of the window's plan, in order, told by the commands that do it.

The readers that keep the plan's links across edits (link_ends, link_graph) listed the plan's
200,000 links after every edit that asked them and compared the list with theirs: 3-4 ms each time,
most of it reading every link object scattered in memory. A link made goes at the end of the plan's
links; one taken out by the undo of its making comes off the end. The journal of the links dict a
reader last listed holds these steps, and the reader replays them on its own list instead. Any other
step (a link taken out of the middle, links put back at their places) is noted as unknown, and the
reader lists the plan again, as it does for another dict (a plan replaced or a merge taken), a
journal started afresh, or a list that would not end as the plan's does.
"""

from __future__ import annotations

from ..domain import Link, Project

JOURNAL_LENGTH = 10_000  # steps noted before the journal starts afresh (its readers then list the plan)

Step = tuple[bool, Link] | None  # (made, the link): made at the end, or taken out; None: anything else


class LinkJournal:
    """The steps taken on one links dict since its journal started."""

    def __init__(self, links: dict[str, Link]):
        self.links = links
        self.steps: list[Step] = []


Mark = tuple[LinkJournal, int] | None  # a journal and how many of its steps a reader has replayed

_kept: list[LinkJournal] = []  # the journal of the links dict listed last


def link_mark(project: Project) -> Mark:
    """Where the journal of the plan's links stands now (started for them if another dict's was kept):
    taken by a reader that has just listed the plan's links."""
    if not _kept or _kept[0].links is not project.links:
        _kept[:] = [LinkJournal(project.links)]
    return _kept[0], len(_kept[0].steps)


def forget_link_journal() -> None:
    """Let go of the links dict followed (a plan closed: its links are not kept alive here)."""
    _kept.clear()


def link_made(project: Project, link: Link) -> None:
    """`link` was put at the end of the plan's links."""
    _note(project, (True, link))


def link_taken(project: Project, link: Link) -> None:
    """`link` was taken out of the plan's links (from anywhere)."""
    _note(project, (False, link))


def links_rearranged(project: Project) -> None:
    """The plan's links changed in some other way (links put back at their places)."""
    _note(project, None)


def _note(project: Project, step: Step) -> None:
    if not _kept or _kept[0].links is not project.links:
        return  # no reader follows this dict: the next one lists it
    if len(_kept[0].steps) >= JOURNAL_LENGTH:
        _kept[:] = [LinkJournal(project.links)]  # a new journal: readers holding the old list the plan
    _kept[0].steps.append(step)


def replay(project: Project, seen: list[Link], mark: Mark) -> tuple[int, list[Link]] | None:
    """Bring `seen`, a reader's own list of the plan's links as they stood at `mark`, up to date in
    place by the journal's steps since. Returns how many links at its start stayed, and the links
    taken from after them; None when the journal cannot tell (`seen` is then left as it was)."""
    if mark is None or not _kept or mark[0] is not _kept[0] or _kept[0].links is not project.links:
        return None
    kept, taken, came = len(seen), [], []
    for step in _kept[0].steps[mark[1]:]:
        if step is None:
            return None
        made, link = step
        if made:
            came.append(link)
        elif came and came[-1] is link:
            came.pop()
        elif not came and kept and seen[kept - 1] is link:
            kept -= 1
            taken.append(link)
        else:
            return None  # taken out of the middle: the places of the links after it are not known here
    last = came[-1] if came else seen[kept - 1] if kept else None
    if kept + len(came) != len(project.links) or (last is not None and last is not _last(project)):
        return None  # the plan's links changed without a word to the journal
    del seen[kept:]
    seen.extend(came)
    return kept, taken


def _last(project: Project) -> Link:
    return next(reversed(project.links.values()))
