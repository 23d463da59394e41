"""A cleaned copy of a plan saved before text could not hold bidirectional controls.

Such a plan no longer opens (domain/text.py: U+202A–U+202E and U+2066–U+2069 reorder what is
drawn). `repair_copy` reads it with every check of `open_project`, except that those characters
are dropped from each text before the text is checked, and saves the plan to a new file with every
check of `save_project`. Nothing else is forgiven: any other control character, bound, reference
or schema problem refuses the file as it would on opening. The original is only read.

Every removal is reported (table, row, column, and the task or object it belongs to), so the
planner can see which names and notes now read differently; the cleaning reading itself is
store/repair_reading.py.

The copy is never signed. A signature vouches for the file its signer sent; a repaired copy is not
that file (its text was changed, or held characters no signed plan of this version holds), and a
signature kept on it would verify as "trusted" whenever the removed characters were added after
signing, hiding that the file was tampered with. So the signature is left behind and the repair
says whose it was (Repaired.dropped_signature): `verify` calls the copy unsigned, and the signer
is asked for a newly signed plan.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..domain import PlannerError, PlanSignature, Project
from ..domain.terminal_text import one_line
from ..files.same import same_file
from .reader import open_project_columns
from .repair_reading import Removal, Repair
from .table_access import LINKS_REPAIR_HINT, REPAIR_HINT
from .writer import save_project

__all__ = ["REPAIR_HINT", "Removal", "Repair", "Repaired", "is_repairable", "repair_copy", "read_repaired"]


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

    def summary(self) -> str:
        """'4 bidirectional controls removed from 2 values; 1 link repeating another left out'."""
        texts = [r for r in self.removals if not r.note]
        links = len(self.removals) - len(texts)
        count = sum(len(r.characters) for r in texts)
        parts = [f"{count} bidirectional control{'s' * (count != 1)} removed from {len(texts)} "
                 f"value{'s' * (len(texts) != 1)}"] if texts or not links else []
        parts += [f"{links} link{'s' * (links != 1)} repeating another left out"] if links else []
        return "; ".join(parts)

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
    """Is this the refusal of a bidirectional control or of a repeated link, which a cleaned copy may recover?"""
    return error.code == "store.bad_value" and any(hint[: hint.index("{")] in error.message
                                                   for hint in (REPAIR_HINT, LINKS_REPAIR_HINT))
