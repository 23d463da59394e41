"""What a signature covers of the plan's record of the partner copies sent from it (sent_record.py).

A merge reads from that record what each partner was sent: a record rewritten to "restricted" makes the
copy made again for the merge hold work the partner never saw, which then reads as work they deleted, and
"notes" on a copy sent without them reads our notes as ones they emptied. So a signature binds the records
the plan holds when it is signed: their number and a digest of them, kept in the signature's row and
signed with the rest (signed_beside.py), so that one of them changed, removed or reordered since reads
as "Altered after signing", naming the record. `redact` and Export for partner record each copy they
write after that, in the signed file, without the signer's key: those records follow the signed ones
and are covered when the plan is next signed; `verify` and a merge reading one say it is not covered.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

from ..domain import PlanSignature, Project, SentCopy

_SENT_DOMAIN = b"ILRS-Planner partner copies sent\n"


def sent_digest(copies: Sequence[SentCopy]) -> str:
    """A digest of `copies`, in order (each as the file keeps it: id, level, notes or not, day)."""
    records = [[c.copy_id, c.level.value, c.without_notes, c.written.isoformat()] for c in copies]
    return hashlib.sha256(_SENT_DOMAIN + json.dumps(records).encode()).hexdigest()


def sent_cover(project: Project) -> tuple[int, str]:
    """What a signature made now covers of the plan's records of copies sent: how many, and their digest."""
    copies = project.sent_copies
    return (len(copies), sent_digest(copies)) if copies else (0, "")


def sent_line(count: int, digest: str) -> str | None:
    """The line a signed message holds for the records it covers, or None for a signature covering none
    (whose message is then as it was before records were covered, so earlier signatures hold)."""
    return f"sent {count} {digest}" if count else None


def sent_changed(project: Project, signature: PlanSignature) -> str | None:
    """What changed since signing in the records `signature` covers, or None when they are as signed."""
    count, copies = signature.sent_count, project.sent_copies
    if count == 0:
        return None
    covered = "the first record" if count == 1 else f"the first {count:,} records"
    if len(copies) < count:
        return (f"its record of the partner copies sent from it changed since signing: the signature covers "
                f"{covered}, and the plan holds {len(copies):,}")
    if sent_digest(copies[:count]) != signature.sent_digest:
        return (f"its record of the partner copies sent from it changed since signing: {covered}, which the "
                "signature covers, no longer read as signed (a merge reads from them what each partner was sent)")
    return None


def uncovered_copies(project: Project) -> tuple[SentCopy, ...]:
    """The records of copies sent that the plan's signature does not cover (written since it was signed)."""
    if project.signature is None:
        return ()
    return project.sent_copies[project.signature.sent_count:]


def copies_sent_since(later: Sequence[SentCopy]) -> str:
    """'1 partner copy' / '3 partner copies': the records of copies sent since signing, in words."""
    return "1 partner copy" if len(later) == 1 else f"{len(later):,} partner copies"


def covered(record: SentCopy, owner: Project) -> bool:
    """Whether `record` is vouched for in `owner` as far as a signature can: the plan is unsigned (nothing is
    covered, and nothing is to be said), or it holds the record among those its signature covers."""
    if owner.signature is None or record not in owner.sent_copies:
        return True
    return owner.sent_copies.index(record) < owner.signature.sent_count
