"""The ids of a partner copy's bridges: not to be told from the ids of the links the copy keeps.

A bridge (a dependency through withheld work, re-made as a link between the kept tasks at its ends)
is a new link, and every other link of the copy keeps the id it has in the plan. A fresh random id
would single the bridges out twice over: in a plan whose ids are derived from keys (uuid5, as the
reference roadmap's are) a random id is the only version-4 one, and two copies sent a week apart
would differ in link ids only at the bridges. So a bridge's id is
- the same in every copy of the same plan: a keyed hash (HMAC-SHA256) of the plan's id and its two ends;
- keyed on the plan's secret (domain.model): random bytes kept in the owner's file and never written
  into a copy. Keyed on anything a partner can learn or guess (the plan's id, the withheld tasks'
  ids or keys: words like "ce7-launch", or the uuid5 of such a key in the reference roadmap), the
  id would let a partner confirm a guess by recomputing it. Nor does it depend on the withheld work
  it passes over: a change there would show as a changed id between two copies;
- shaped like the kept links' ids that nobody can recompute: 32 hex digits with the RFC 4122 variant
  and the UUID version most of those have. A link of the reference roadmap has the uuid5 of its ends'
  keys (domain.ids.reference_id), which anyone holding the program derives again from the copy: shaped
  as a uuid5 that does not derive so, a bridge was the only such link, naming the two tasks with
  withheld work between them. Such links are left out of the count, so in a plan made from the
  reference roadmap a bridge reads as a link the planner drew (version 4, as the window draws one).
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections import Counter
from collections.abc import Mapping

from ..domain import Link, Project, reference_id

_UUID_HEX = re.compile(r"[0-9a-f]{12}([1-8])[0-9a-f]{3}[89ab][0-9a-f]{15}")
_DRAWN = "4"  # uuid4: what a link gets when the plan's own ids follow no UUID version


def link_id_version(links: Mapping[str, Link], keys: Mapping[str, str]) -> str:
    """The UUID version (as a hex digit) most of `links`' ids carry, those derived from their ends' `keys`
    (task id -> key) as the reference roadmap's are left out; 4 where none is left that looks like a UUID."""
    drawn = (lid for lid, link in links.items()
             if lid != reference_id("link", f"{keys.get(link.pred_id)}>{keys.get(link.succ_id)}"))
    versions = Counter(m.group(1) for m in map(_UUID_HEX.fullmatch, drawn) if m)
    return versions.most_common(1)[0][0] if versions else _DRAWN


def bridge_id(project: Project, pred: str, succ: str, version: str) -> str:
    """The id of the copy's bridge `pred` -> `succ` in a copy of `project` (drawing its secret if it has none)."""
    message = f"{project.id}\n{pred}\n{succ}".encode()
    digest = bytearray(hmac.new(project.own_secret(), message, hashlib.sha256).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | (int(version, 16) << 4)
    digest[8] = (digest[8] & 0x3F) | 0x80
    return digest.hex()
