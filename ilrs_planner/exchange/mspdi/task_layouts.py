"""A task read by one match of a pattern made for the order of its children (its layout).

A file written by MS Project repeats a few tens of layouts: the same children in the same order, only
their texts differing. Once `task_scan` has read two tasks of one layout child by child, the layout
is compiled into one pattern that spells out every tag (`<Task>`, each child and grandchild, each end
tag, in order) and captures every text, so each later task of that layout is read by one call in C,
its texts as the groups of the match, rather than by a match per child. A task the pattern does not
match in full, from just before its `<Task>` to its `</Task>`, is read child by child as before: the
patterns only take the text where they spell out exactly what the child-by-child reading would
find (the same tags, texts and children; text between children is skipped by both), so the records
are the same either way.

What is compiled is bounded (a file of many odd layouts costs the compiling of a few at most): a
layout is compiled once seen twice, with at most `_MOST_GROUPS` texts, and at most
`_TOTAL_GROUPS` texts' worth of patterns are kept in a process.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from operator import itemgetter

from .task_record import TaskRecord

Picker = Callable[[tuple], tuple]
_MOST_GROUPS = 400  # texts in one layout's pattern (MS Project writes some 40-120 a task)
_TOTAL_GROUPS = 16_000  # all patterns together (compiling costs some 40 µs a text)
_MOST_SEEN = 4096  # layouts counted towards their second sighting
_MOST_TRIED = 8  # layouts tried for a task of a given number of tags
_SKIPPED = r"[^<]*+"  # text between children (or before the task): no tag, ignored as the tree ignores it


def _picker(indices: list[int]) -> Picker:
    """What takes these groups of a match, as a tuple (itemgetter gives a bare item for one index)."""
    if len(indices) >= 2:
        return itemgetter(*indices)
    if indices:
        index = indices[0]
        return lambda groups: (groups[index],)
    return lambda groups: ()


class Layout:
    """One layout's pattern and how its match's groups become the task's record (see `task_record`):
    `places` gives each child's text's group and its children's groups, `size` how many groups."""

    __slots__ = ("pattern", "tags", "below_tags", "places", "size", "texts", "belows", "empty")

    def __init__(self, tags: tuple[str, ...], below_tags: tuple[tuple[str, ...] | None, ...]):
        parts, group = [_SKIPPED, "<Task>"], 0
        places: list[tuple[int, tuple[int, ...]]] = []
        self.belows: list[tuple[int, tuple[str, ...], Picker]] = []  # (child, its children's tags, their texts)
        for child, (tag, below) in enumerate(zip(tags, below_tags)):
            name = re.escape(tag)
            parts.append(f"{_SKIPPED}<{name}>([^<]*+)")
            for below_tag in below or ():
                below_name = re.escape(below_tag)
                parts.append(f"<{below_name}>([^<]*+)</{below_name}>{_SKIPPED}")
            places.append((group, tuple(range(group + 1, group + 1 + len(below or ())))))
            if below:
                self.belows.append((child, below, _picker(list(places[-1][1]))))
            group += 1 + len(below or ())
            parts.append(f"</{name}>")
        parts.append(f"{_SKIPPED}</Task>")
        self.pattern = re.compile("".join(parts))
        self.tags, self.below_tags, self.places, self.size = tags, below_tags, tuple(places), group
        self.texts, self.empty = _picker([place[0] for place in places]), ("",) * len(tags)

    def record(self, groups: tuple[str, ...]) -> TaskRecord:
        if not self.belows:
            return self.tags, self.texts(groups), self.empty
        belows: list = list(self.empty)
        for child, below_tags, below_texts in self.belows:
            belows[child] = (below_tags, below_texts(groups))
        return self.tags, self.texts(groups), tuple(belows)


class Layouts:
    """The layouts compiled so far, by the number of `<` a task of each holds (one less than its tags)."""

    def __init__(self) -> None:
        self.by_marks: dict[int, list[Layout]] = {}
        self.seen: dict[tuple, int] = {}
        self.groups = 0

    def read(self, text: str, start: int, stop: int, unescape: Callable[[str], str] | None) -> TaskRecord | None:
        """The record of the task from `start` (before its `<Task>`) to `stop` (its `</Task>`), or None if
        no layout compiled matches it in full; `unescape`: what each text goes through, if anything."""
        found = self.match(text, start, stop, unescape)
        return None if found is None else found[0].record(found[1])

    def match(self, text: str, start: int, stop: int,
              unescape: Callable[[str], str] | None) -> tuple[Layout, tuple[str, ...]] | None:
        """The layout of the task from `start` to `stop` and its match's groups (its texts, unescaped), or
        None if no layout compiled matches it in full."""
        for layout in self.by_marks.get(text.count("<", start, stop), ()):
            match = layout.pattern.fullmatch(text, start, stop + 7)
            if match is not None:
                groups = match.groups()
                return layout, groups if unescape is None else tuple(map(unescape, groups))
        return None

    def learn(self, record: TaskRecord) -> None:
        """Count the layout of a task read child by child; compile it the second time (within bounds)."""
        tags, _, belows = record
        below_tags = tuple([below[0] if isinstance(below, tuple) else None for below in belows])
        key = (tags, below_tags)
        seen = self.seen.get(key, 0)
        if seen == 1:
            groups = len(tags) + sum(len(below) for below in below_tags if below)
            if groups <= _MOST_GROUPS and self.groups + groups <= _TOTAL_GROUPS:
                marks = 2 * len(tags) + 2 * (groups - len(tags)) + 1
                tried = self.by_marks.setdefault(marks, [])
                if len(tried) < _MOST_TRIED:
                    tried.append(Layout(tags, below_tags))
                    self.groups += groups
        if seen < 2 and (seen or len(self.seen) < _MOST_SEEN):
            self.seen[key] = seen + 1
