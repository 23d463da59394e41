"""A cleaned copy of a plan saved before text could not hold bidirectional controls.

Such a plan no longer opens (domain/text.py: U+202A–U+202E and U+2066–U+2069 reorder what is
drawn). `repair_copy` reads it with every check of `open_project`, except that those characters
are dropped from each text before the text is checked, and saves the plan to a new file with every
check of `save_project`. Nothing else is forgiven: any other control character, bound, reference
or schema problem refuses the file as it would on opening. The original is only read.

Every removal is reported (table, row, column, and the task or object it belongs to), so the
planner can see which names and notes now read differently.

The copy is never signed. A signature vouches for the file its signer sent; a repaired copy is not
that file (its text was changed, or held characters no signed plan of this version holds), and a
signature kept on it would verify as "trusted" whenever the removed characters were added after
signing, hiding that the file was tampered with. So the signature is left behind and the repair
says whose it was (Repaired.dropped_signature): `verify` calls the copy unsigned, and the signer
is asked for a newly signed plan.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..domain import PlannerError, PlanSignature, Project
from ..domain.terminal_text import one_line
from ..domain.text import BIDI_CONTROLS
from ..files.same import same_file
from .column_read import Repeated
from .locate import columns_of
from .reader import open_project_columns
from .table_access import REPAIR_HINT
from .writer import save_project

__all__ = ["REPAIR_HINT", "Removal", "Repair", "Repaired", "is_repairable", "repair_copy", "read_repaired"]

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

    def describe(self) -> str:
        """'table tasks, row 3, column name (task M1): removed U+202E'."""
        whose = f" ({_LABELS[self.table][1]} {self.label})" if self.label else ""
        where = f"table {self.table}, row {self.rowid}, column {self.column}{whose}"
        return f"{where}: removed {', '.join(self.characters)}"


@dataclass(slots=True)
class Repair:
    """What the reading dropped; called by the reader on each table's columns (store.table_access.Mend)."""

    removals: list[Removal] = field(default_factory=list)

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


def read_repaired(source: str | os.PathLike[str]) -> tuple[Project, list[Removal]]:
    """The plan in `source`, its bidirectional controls dropped, and each removal; refuses as
    `open_project` does anything else."""
    repair = Repair()
    project = open_project_columns(source, repair)[0]
    return project, repair.removals


@dataclass(frozen=True, slots=True)
class Repaired:
    """What a repair did: each removal, and the signature the unsigned copy left behind (if any)."""

    removals: list[Removal]
    dropped_signature: PlanSignature | None = None

    def signature_note(self) -> str:
        """One line on the signature left behind; "" when the original was unsigned."""
        sig = self.dropped_signature
        if sig is None:
            return ""
        return (f"the copy is unsigned: the signature in the name of {one_line(sig.signer)} ({sig.signed_at}) "
                "vouched for the file as it was sent, not for a repaired copy; ask the signer for a newly signed plan")


def repair_copy(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> Repaired:
    """Write the cleaned plan of `source` to `target` (a new file, never `source` itself), unsigned."""
    if same_file(target, source):  # by name, through a link, or another name for it
        raise PlannerError("store.io", f"the cleaned copy must be a new file, not '{source}' itself: the original "
                           "is kept as it is", [str(source)])
    project, removals = read_repaired(source)
    dropped, project.signature = project.signature, None
    save_project(project, Path(target), as_opened=True)  # the plan as it opens, only cleaned
    return Repaired(removals, dropped)


def is_repairable(error: PlannerError) -> bool:
    """Is this the refusal of a bidirectional control, which a cleaned copy may recover?"""
    return error.code == "store.bad_value" and REPAIR_HINT[: REPAIR_HINT.index("{")] in error.message
