"""The reading that cleans a plan saved before text could not hold bidirectional controls.

`Repair` is the reader's mend (store.table_access.Mend) that drops U+202A–U+202E and U+2066–U+2069
from each text before the text is checked, and records every removal (table, row, column, and the
task or object it belongs to). It imports nothing of the reader, so both the repair (store/repair.py)
and the reading of old pins (store/old_pins.py), which the reader calls, can name it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..domain.text import BIDI_CONTROLS
from .column_read import Repeated
from .locate import columns_of

__all__ = ["Removal", "Repair"]

_BIDI = re.compile(f"[{BIDI_CONTROLS}]")
# Per table, the column that names a row to a person (the task key for tasks) and what it names.
_LABELS = {"tasks": ("key", "task"), "participants": ("key", "participant"), "calendars": ("name", "calendar"),
           "baselines": ("name", "baseline"), "plan": ("name", "plan"), "calendar_exceptions": ("name", "exception"),
           "signature": ("signer", "signer"), "baseline_entries": ("task_id", "task id")}


@dataclass(frozen=True, slots=True)
class Removal:
    """Bidirectional controls dropped from one value: where, whose, which characters."""

    table: str
    rowid: int
    column: str
    label: str  # the task key (or the row's name) as it reads after the removal; "" when none
    characters: tuple[str, ...]  # "U+202E", in the order they stood
    note: str = ""  # what was removed, when it was not characters (a link repeating another)

    def describe(self) -> str:
        """'table tasks, row 3, column name (task M1): removed U+202E'."""
        whose = f" ({_LABELS[self.table][1]} {self.label})" if self.label and self.table in _LABELS else ""
        where = f"table {self.table}, row {self.rowid}, column {self.column}{whose}"
        return f"{where}: {self.note or 'removed ' + ', '.join(self.characters)}"


@dataclass(slots=True)
class Repair:
    """What the reading dropped; called by the reader on each table's columns (store.table_access.Mend)."""

    removals: list[Removal] = field(default_factory=list)
    drops_repeated_links = True  # a second link between two tasks is left out (store/tables.py), not refused

    def __call__(self, table: str, names: list[str], columns: list[Sequence[Any]]) -> None:
        kinds = dict(columns_of()[table])
        label_column = _LABELS.get(table, ("", ""))[0]
        labels = columns[1 + names.index(label_column)] if label_column in names else None
        for place, name in enumerate(names, start=1):
            values = columns[place]
            if kinds.get(name) != "TEXT" or isinstance(values, Repeated) or not _holds_bidi(values):
                continue
            cleaned = list(values)
            for index, value in enumerate(values):
                if isinstance(value, str) and _BIDI.search(value):
                    cleaned[index] = _BIDI.sub("", value)
                    label = labels[index] if labels is not None and not isinstance(labels, Repeated) else ""
                    self.removals.append(Removal(table, columns[0][index], name, _BIDI.sub("", str(label or "")),
                                                 tuple(f"U+{ord(c):04X}" for c in _BIDI.findall(value))))
            columns[place] = cleaned


def _holds_bidi(values: Sequence[Any]) -> bool:
    """Does any text among `values` hold a bidirectional control? (One search over them joined.)"""
    return bool(_BIDI.search("".join(value for value in values if isinstance(value, str))))
