"""A task of a recurring layout read from its pattern's groups straight into what the reading process
takes of it (`plain_task.prepared`), its record never made: the worker's short way (`plain_file`).

`task_layouts` reads a task of a layout seen before by one match, whose groups hold the task's texts in
the layout's order. For a layout whose custom fields' values are written as MS Project writes them (a
FieldID, then a Value) and its links too (`read_links.WRITTEN_TAGS`), without baselines, where each
text `prepared` reads lies among the groups is found once, and each task's reading is picked from its
groups: the reading `prepared` makes of the task's record (the tests compare the two), without the
record's tuples (a fifth of the worker's time at 100,000 tasks). A task with a link whose texts are not
plain is left to its record, as `plain_task.needs_record` leaves it.
"""

from __future__ import annotations

from operator import itemgetter

from .plain_task import _ABSENT, _TAGS, Prepared
from .read_links import AS_READ, WRITTEN_TAGS, plain_texts
from .read_tasks import _FIELD_AND_VALUE
from .task_layouts import Layout


class _Places:
    """Where the texts a task's reading takes lie among its layout's groups."""

    __slots__ = ("values", "fields", "links")

    def __init__(self, layout: Layout):
        firsts: dict[str, int] = {}
        for index, tag in enumerate(layout.tags):
            firsts.setdefault(tag, index)
        # The first child of each tag (as `find` finds it); one absent points past the groups, at `_ABSENT`.
        self.values = itemgetter(*[layout.places[firsts[tag]][0] if tag in firsts else layout.size for tag in _TAGS])
        self.fields = [layout.places[child][1] for child, tag in enumerate(layout.tags) if tag == "ExtendedAttribute"]
        self.links = [itemgetter(*AS_READ(layout.places[child][1]))
                      for child, tag in enumerate(layout.tags) if tag == "PredecessorLink"]

    def reading(self, field_ids: dict[str, str], groups: tuple[str, ...]) -> Prepared | None:
        custom: dict[str, str] = {}
        for field_group, value_group in self.fields:  # as `plain_task._custom` reads a FieldID and a Value
            field = field_ids.get(groups[field_group].strip())
            if field:
                custom[field] = groups[value_group].strip()
        links: list[tuple[str, ...] | None] = []
        for link in self.links:
            texts = plain_texts(link(groups))
            if texts is None:
                return None  # read from its record (`needs_record`)
            links.append(texts)
        return self.values(groups + _ABSENT), custom, links


def _places(layout: Layout) -> _Places | None:
    """Where a layout's texts lie, or None for a layout whose tasks are read from their records."""
    written = {"ExtendedAttribute": _FIELD_AND_VALUE, "PredecessorLink": WRITTEN_TAGS}  # as MS Project writes them
    for tag, below in zip(layout.tags, layout.below_tags):
        if tag == "Baseline" or tag in written and below != written[tag]:
            return None
    return _Places(layout)


class LayoutReadings:
    """Takes a task of a compiled layout (`task_scan.scan_taking`) where its reading can be made from its
    groups, keeping the readings made in file order (`made`); `field_ids`: the file's custom fields."""

    def __init__(self, field_ids: dict[str, str]):
        self.field_ids = field_ids
        self.made: list[Prepared] = []
        self.of_layout: dict[Layout, _Places | None] = {}  # as many as the layouts compiled (a bounded number)

    def __call__(self, layout: Layout, groups: tuple[str, ...]) -> bool:
        places = self.of_layout.get(layout)
        if places is None and layout not in self.of_layout:
            places = self.of_layout[layout] = _places(layout)
        reading = places.reading(self.field_ids, groups) if places is not None else None
        if reading is None:
            return False
        self.made.append(reading)
        return True
