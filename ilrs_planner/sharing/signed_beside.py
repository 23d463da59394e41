"""What a signature binds beside the plan's content hash: the plan's secret and the order of its links.

The content hash (domain.canonical) sorts every collection by id and leaves the secret out, so two
plans alike but for those are the same plan. A signature binds them too (from message version 2):

- The secret, the key its partner copies' link ids are made with: not content (a plan gains one
  when first saved or shared), yet whoever sets it can work out every bridge id of the copies made
  afterwards, and whoever changes it gives next week's copy other ids than the ones a partner's
  merge-back names. Bound as a one-way hash, so the signed message says nothing of the key. A partner
  copy's secret is not its signer's: a copy is written without one and its holder draws their own
  when they first share it on, after it was signed; a copy's tag says so ("copy") whatever it holds.
- The order of the links: a task's Predecessors and Successors cells list its links in it, the file
  holds them in it, and every undo puts a link back at its place (commands/link_places.py). The other
  collections' order is shown nowhere (the outline is the tasks' parents and positions, which are
  content; participants and calendars are listed by date or name) and is not kept by an undo (a
  task whose deletion is undone goes back last), so it is not bound: bound, a signed plan saved
  after an edit and its undo would read as altered.
- The owner's records of what partners wrote in the plan (merge_supplied.py, partner_texts.py): not
  content either, yet a copy made from the plan shows the words they name, so one stripped or added
  after signing would make next week's copy show a codename where it said "[withheld]". Bound only
  when the plan holds any, so the message of a plan without them is as it was before they were bound,
  and its earlier signatures hold.
- The records of partner copies sent from it, as many as it held when signed (signed_sent.py): the
  signature's row keeps their number and digest, so copies recorded after signing leave it holding.
"""

from __future__ import annotations

import hashlib
import json

from ..domain import Project
from ..domain.partner_records import kept_partner_texts, kept_supplied
from .signed_sent import sent_line

_SECRET_DOMAIN = b"ILRS-Planner plan secret\n"
_ORDER_DOMAIN = b"ILRS-Planner link order\n"
_RECORDS_DOMAIN = b"ILRS-Planner partner records\n"
COPY = "copy"  # a partner copy: its secret is its holder's, not signed
NONE = "none"  # a plan of one's own without a secret (only a file of an older format has none)


def secret_tag(project: Project) -> str:
    """The plan's secret as a signature binds it."""
    if project.partner_level is not None:
        return COPY
    if project.secret is None:
        return NONE
    return hashlib.sha256(_SECRET_DOMAIN + project.secret).hexdigest()


def link_order(project: Project) -> str:
    """The order of the plan's links as a signature binds it (the ids as one JSON list: no two orders
    of any ids give the same text)."""
    return hashlib.sha256(_ORDER_DOMAIN + json.dumps(list(project.links)).encode()).hexdigest()


def partner_records(project: Project) -> str | None:
    """The plan's records of what partners wrote as a signature binds them, or None when it holds none."""
    if not kept_supplied(project) and not project.partner_texts:
        return None
    records = json.dumps([kept_supplied(project), kept_partner_texts(project.partner_texts)])  # as the file keeps
    return hashlib.sha256(_RECORDS_DOMAIN + records.encode()).hexdigest()


def beside_content(project: Project, sent_count: int = 0, sent_digest: str = "") -> str:
    """Everything a version-2 signature binds beside the content hash, one line each; `sent_count` and
    `sent_digest` are what it covers of the records of copies sent (as signed, not as the plan holds now)."""
    lines = [secret_tag(project), link_order(project), partner_records(project), sent_line(sent_count, sent_digest)]
    return "\n".join(line for line in lines if line)
