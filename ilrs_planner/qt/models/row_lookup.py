"""RowLookup: the rows a table shows, and which row shows a task, found without a map of every row.

A map of 100,000 rows costs 30 ms to make after each change; the few tasks asked for after an edit
(its own, the summaries above it, the selection) are found by a scan of the list at C speed, near
where the rows changed first, and remembered until the next change, which carries the rows it left
where they were (or shifted past it).
"""

from __future__ import annotations

import contextlib

# Rows either side of a change looked through first for a task, then ever wider: the summaries
# above an edited task lie a few, then a few hundred rows above it, and a scan of the whole list
# from its top took about 1 ms each at 100,000 rows.
_NEAR = (32, 512, 8192)


class RowLookup:
    """The row list (`_rows`, replaced by `_set_rows`, never changed in place) and look-ups in it."""

    _rows: list[str]

    def _set_rows(self, rows: list[str], near: int | None = None, stretch: tuple[int, int, int] | None = None) -> None:
        """Show `rows`; `stretch`: (first, gone, came) when only the `gone` rows from `first` on were
        replaced by `came` rows, so rows found before keep their place above it, or shift below it."""
        found = {} if stretch is None else self._found_after(*stretch)
        self._rows = rows
        self._row_of: dict[str, int] | None = None  # built when many rows are looked up, once per change
        self._lookups = 0
        self._found: dict[str, int | None] = found  # the rows looked up since
        self._near = near  # where the rows changed: the task an edit touched is looked up there first
        self._last_found: int | None = None  # else near the row found last (a summary above the task found)

    def _found_after(self, first: int, gone: int, came: int) -> dict[str, int | None]:
        """The rows found before an edit that replaced `gone` rows from `first` on by `came` rows,
        where they are now: the summaries above an edited task, asked for after every edit, were
        each scanned for again (1-5 ms a scan at 100,000 rows, where no edit had moved them). Rows
        not found (hidden then) are asked again."""
        end, shift, carried = first + gone, came - gone, {}
        for tid, row in self._found.items():
            if row is not None and (row < first or row >= end):
                carried[tid] = row if row < first else row + shift
        return carried

    def _rows_by_id(self) -> dict[str, int]:
        if self._row_of is None:
            self._row_of = {tid: row for row, tid in enumerate(self._rows)}
        return self._row_of

    def row_of(self, task_id: str) -> int | None:
        """The row showing `task_id` (None when hidden). The first few look-ups after a change scan
        the list (C speed, ~1 ms at 100,000 rows); a map of every row (30 ms) is built only when
        many are asked for, as when a large selection is restored."""
        if self._row_of is not None:
            return self._row_of.get(task_id)
        if task_id in self._found:  # an edit's task is asked for again and again (selection, editor, chart)
            return self._found[task_id]
        if self._lookups >= 8:
            return self._rows_by_id().get(task_id)
        self._lookups += 1
        found = self._found[task_id] = self._scan(task_id)
        return found

    def scanned_row(self, task_id: str) -> int | None:
        """The row showing `task_id`, found by a scan that leaves the look-ups counted towards the
        map of every row alone (the columns measuring an edit's rows would otherwise bring on that
        30 ms map for the selection's look-ups that follow)."""
        if self._row_of is not None:
            return self._row_of.get(task_id)
        if task_id not in self._found:
            self._found[task_id] = self._scan(task_id)
        return self._found[task_id]

    def _scan(self, task_id: str) -> int | None:
        """The row of `task_id` found in the list: around where the rows changed first (a few
        dozen rows, then more), or the row found last, then everywhere."""
        centre = self._near if self._near is not None else self._last_found
        if centre is not None:
            for reach in _NEAR:
                with contextlib.suppress(ValueError):
                    return self._rows.index(task_id, max(0, centre - reach), centre + reach)
        try:
            self._last_found = self._rows.index(task_id)
        except ValueError:
            return None
        return self._last_found
