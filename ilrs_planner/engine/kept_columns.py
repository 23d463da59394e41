"""A plan's scheduling inputs kept as columns across its edits, read again only where an edit reached.

Scheduling a 100,000-task plan again after one edit spent most of its time reading the inputs back
from the objects: each task's duration, parent, calendar and flags, each link's ends, type and lag,
and 300,000 ids' places found again (see file_columns). The window keeps one `ColumnKeeper` per
plan; after each edit it names the tasks the edit touched, and the keeper reads again only:

- tasks and links that are new objects in the plan (an added task or link, an undone deletion),
  found by the objects' identity;
- the tasks named, and every link with an end at one of them (an edited link names both its ends);
- a task whose parent, or a link whose end, is no longer in the plan.

Tasks and links gone from the plan are dropped and the places of the rest follow them, so the
columns are those a full reading gives and the schedule is the one the objects give. Whatever the
keeper cannot read as the scheduler would accept it (a parent or link end that is no task's, a
duration or lag that is not whole days, an unknown link type, a link to itself) makes it hand over
nothing: the scheduler then reads the objects, and its refusal names the problem.
"""

from __future__ import annotations

from collections.abc import Collection

from ..domain import Project
from ._followed import Unreadable
from ._kept_reads import _read_again, _read_all
from ._kept_types import KeptColumns, LinkColumns, _Reading
from .id_rows import places_known

__all__ = ["ColumnKeeper", "KeptColumns", "LinkColumns", "VariantColumns"]


class ColumnKeeper:
    """The columns of one plan as last read (see the module doc)."""

    def __init__(self) -> None:
        self._last: _Reading | None = None

    def columns(self, project: Project, touched: Collection[str] | None = None,
                relinked: bool = True) -> KeptColumns | None:
        """The plan's columns now, or None when it must be read from its objects. `touched`: the ids
        of every task an edit has named since the last call (every task added, removed or changed);
        None reads the whole plan again. `relinked`: False when no edit since the last call changed
        a link (their ChangeSets said no `links`), so the plan holds the link objects last read.

        When as many tasks are in the plan as last read, and each task named is the object last
        read under its id, the plan holds the tasks last read, in their order: only those named, and
        their links, are read again. Otherwise the lists are compared (see _followed)."""
        if not isinstance(project.tasks, dict) or not isinstance(project.links, dict):
            self._last = None  # a plan read without objects (see column_rows) is never edited
            return None
        last = self._last
        try:
            if last is None or touched is None or len(touched) > max(len(last.tasks) // 8, 64):
                self._last = _read_all(project)
            else:
                self._last = _read_again(last, project, touched, relinked)
                if self._last.columns.old_of_new is not None:  # the new ids' index is made from the old
                    places_known(last.keys, self._last.keys, self._last.columns.old_of_new)
        except Unreadable:
            self._last = None
            return None
        return self._last.columns

    def variants(self, touched: Collection[str] | None, relinked: bool, named: set[str]) -> VariantColumns:
        """The columns of copies of the plan each of which differs from it in the tasks `named` alone
        (a bar dragged over the days, previewed), read from this keeper's last reading, which stays
        as it is (readings are never changed): `touched` and `relinked` as `columns` would be given."""
        keeper = ColumnKeeper()
        keeper._last = self._last
        return VariantColumns(keeper, touched, relinked, named)


class VariantColumns:
    """The columns of one copy of a plan after another (see ColumnKeeper.variants): each read from the
    one before, where only the tasks named differ (so the bounds kept follow them, see _kept_bounds)."""

    def __init__(self, keeper: ColumnKeeper, touched: Collection[str] | None, relinked: bool, named: set[str]):
        self._keeper, self._named = keeper, set(named)
        self._touched = None if touched is None else set(touched) | self._named
        self._relinked = relinked

    def __call__(self, variant: Project) -> KeptColumns | None:
        columns = self._keeper.columns(variant, self._touched, self._relinked)
        self._touched, self._relinked = set(self._named), False
        return columns
