"""A partner copy's bridges (links re-made over withheld work) carry ids no one can tell from the kept
links' ids: the same in every copy of the plan, shaped like the kept ones, and keyed on the plan's secret,
which only the owner's file holds, so a partner who guesses a withheld task cannot confirm the guess."""

import hashlib
import hmac
import sqlite3
import uuid
from datetime import date

from guess_bridge_ids import guessed_ids

from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.domain import Classification as C
from ilrs_planner.domain import Link, LinkType, Project, Task, new_id
from ilrs_planner.sharing.merge import merge_projects
from ilrs_planner.sharing.redact import redact_project
from ilrs_planner.store import open_project, save_project


def _bridges(plan: Project, copy: Project) -> dict[str, Link]:
    return {lid: link for lid, link in copy.links.items() if lid not in plan.links}


_KEPT_LINK = "8c3d4f0e9a6b4c1d8e2f3a4b5c6d7e8f"  # Relay -> Crew, a uuid4 as drawn


def _drawn_plan(ids: dict[str, str] | None = None, plan_id: str | None = None) -> Project:
    """Lander -> [restricted reserve] -> Relay, and Relay -> Crew kept: ids drawn at random (uuid4)
    unless given."""
    plan = Project(name="Relay study", start=date(2030, 1, 1), id=plan_id or new_id())
    ids = dict(ids or {})
    for key, name, level in (("A", "Lander", C.PUBLIC), ("S", "Nightjar reserve", C.RESTRICTED),
                             ("B", "Relay", C.PUBLIC), ("C", "Crew", C.PUBLIC)):
        plan.add_task(Task(key=key, name=name, duration=10, id=ids.setdefault(key, new_id()), classification=level))
    for pred, succ in (("A", "S"), ("S", "B"), ("B", "C")):
        plan.add_link(Link(ids[pred], ids[succ], LinkType.FS, 0, id=_KEPT_LINK if succ == "C" else new_id()))
    return plan


def test_two_copies_of_the_same_plan_give_a_bridge_the_same_id(tmp_path):
    # A weekly copy diffed against last week's must not single out the bridges by a change of id.
    plan = build_reference_project()
    first, second = redact_project(plan, "public"), redact_project(plan, "public")
    assert _bridges(plan, first), "the reference roadmap at Everyone has links over withheld work"
    assert list(first.links) == list(second.links)
    save_project(first, tmp_path / "a.db")
    assert list(open_project(tmp_path / "a.db").links) == list(second.links)


def test_a_bridge_id_has_the_version_and_variant_of_the_kept_links_of_a_drawn_plan():
    plan = _drawn_plan()
    copy = redact_project(plan, "public")
    assert _bridges(plan, copy)
    for lid in copy.links:
        parsed = uuid.UUID(hex=lid)
        assert (parsed.version, parsed.variant, parsed.hex) == (4, uuid.RFC_4122, lid)


def _recomputed(copy: Project, link: Link) -> str:
    """A link's id as the reference roadmap derives it from its ends' keys (what anyone holding the program can do)."""
    namespace = uuid.UUID("9de773a8-fdac-4307-a28d-4a9a2fe1b6f4")
    return uuid.uuid5(namespace, f"link/{copy.tasks[link.pred_id].key}>{copy.tasks[link.succ_id].key}").hex


def test_a_bridge_in_the_reference_roadmap_reads_as_a_link_the_planner_drew():
    # The reference roadmap's link ids are uuid5 of their ends' keys, which anyone can recompute. A bridge
    # shaped as a uuid5 that does not recompute was the only such link in a copy: it named the two tasks
    # with withheld work between them (Lanyue -> Crewed landing, over the withheld crewed reserve).
    plan = build_reference_project()
    copy = redact_project(plan, "public")
    bridges = _bridges(plan, copy)
    assert len(bridges) == 2
    left = [lid for lid, link in copy.links.items() if lid != _recomputed(copy, link)]
    assert sorted(left) == sorted(bridges)  # what recomputing sets aside, and no kept link among it
    for lid in left:  # each reads as one the window draws for a link the planner adds
        parsed = uuid.UUID(hex=lid)
        assert (parsed.version, parsed.variant) == (4, uuid.RFC_4122)


def test_a_bridge_id_cannot_be_recomputed_from_its_ends_alone():
    # What the copy shows of a bridge is its two ends (and the plan's id): keyed on those alone, or
    # hashed from them without a key, the id would name the link a bridge to anyone who tries.
    plan = _drawn_plan()
    copy = redact_project(plan, "public")
    [(lid, bridge)] = _bridges(plan, copy).items()
    ends = f"{bridge.pred_id}\n{bridge.succ_id}".encode()
    shown = [copy.id.encode(), b"", bridge.pred_id.encode(), bridge.succ_id.encode()]
    guesses = {hashlib.sha256(ends).hexdigest()[:32], uuid.uuid5(uuid.NAMESPACE_OID, ends.decode()).hex}
    guesses |= {hmac.new(key, ends, hashlib.sha256).hexdigest()[:32] for key in shown}
    assert all(guess[:12] != lid[:12] for guess in guesses)


def test_a_partner_who_guesses_the_withheld_key_cannot_confirm_it_by_the_bridge_id():
    # The reference roadmap's ids are the uuid5 of its keys, so a partner who guesses a withheld key
    # ("ce7-launch") knows its id too: every way of keying the id on what the copy shows plus the
    # withheld tasks' true ids and keys (the earlier keying among them) misses it.
    plan = build_reference_project()
    copy = redact_project(plan, "public")
    bridges = _bridges(plan, copy)
    assert bridges
    withheld = [t for t in plan.tasks.values() if t.id not in copy.tasks]
    for lid, bridge in bridges.items():
        for plan_id in (copy.id, plan.id):  # the copy's own id, and ours (a copy no longer shows it)
            guesses = guessed_ids(plan_id, bridge.pred_id, bridge.succ_id, [(t.id, t.key) for t in withheld])
            assert lid[:12] not in {guess[:12] for guess in guesses}
        # The same guesses with the owner's secret among the keys find it: they are made as the id is.
        assert lid in guessed_ids(plan.id, bridge.pred_id, bridge.succ_id, [], [plan.own_secret()])


def test_the_ids_follow_the_plans_secret_not_its_withheld_work():
    plan = _drawn_plan()
    [lid] = _bridges(plan, redact_project(plan, "public"))
    # The same plan with other withheld work (another id, key and name) gives the bridge the same id:
    # two copies sent a week apart do not tell the partner that the withheld work changed.
    other = _drawn_plan({t.key: t.id for t in plan.tasks.values() if t.key != "S"}, plan.id)
    other.secret = plan.secret
    other.tasks[next(t.id for t in other.tasks.values() if t.key == "S")].name = "Kestrel spare"
    assert lid in redact_project(other, "public").links
    # The same plan with another secret (another owner's file) gives it another.
    other.secret = bytes(32)
    assert lid not in redact_project(other, "public").links


def test_a_copy_holds_no_byte_of_the_secret(tmp_path):
    plan = _drawn_plan()
    save_project(plan, tmp_path / "plan.db")
    secret = open_project(tmp_path / "plan.db").secret
    assert secret == plan.secret and secret is not None and secret in (tmp_path / "plan.db").read_bytes()
    copy = redact_project(open_project(tmp_path / "plan.db"), "public")
    assert copy.secret is None
    save_project(copy, tmp_path / "copy.db")
    written = (tmp_path / "copy.db").read_bytes()
    # Not the secret, nor any eight bytes of it in a row (nor the secret's hex). (Four-byte runs of a
    # random secret turn up by chance in a file of random ids about once in a thousand runs.)
    assert not any(secret[i:i + 8] in written for i in range(len(secret) - 7))
    assert secret.hex().encode() not in written.lower()
    # Nor a secret of its own drawn here, which the owner would know: the copy's file holds none.
    assert _stored_secret(tmp_path / "copy.db") is None


def _stored_secret(path) -> bytes | None:
    """The secret a plan file holds, read with plain SQLite."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT secret FROM plan").fetchone()[0]
    finally:
        conn.close()


def test_a_partner_sharing_the_copy_on_keys_it_on_a_secret_of_their_own(tmp_path):
    plan = _drawn_plan()
    [reserve] = [t for t in plan.tasks.values() if t.key == "S"]
    reserve.classification = C.PARTNERS  # in the partner's copy, withheld from their own partners'
    save_project(redact_project(plan, "partners"), tmp_path / "copy.db")
    theirs = open_project(tmp_path / "copy.db")
    assert theirs.secret is None
    save_project(theirs, tmp_path / "copy.db")  # the partner's save draws nothing the owner could know
    assert _stored_secret(tmp_path / "copy.db") is None
    onward = redact_project(theirs, "public")  # their own onward copy draws their secret ...
    assert theirs.secret not in (None, plan.secret)
    save_project(theirs, tmp_path / "copy.db")  # ... which their next save keeps
    assert open_project(tmp_path / "copy.db").secret == theirs.secret
    assert set(redact_project(open_project(tmp_path / "copy.db"), "public").links) == set(onward.links)


def test_the_secret_of_a_reopened_plan_gives_the_same_ids(tmp_path):
    # Kept in the owner's file, the secret gives every copy made after reopening the same bridge ids.
    plan = _drawn_plan()
    first = redact_project(plan, "public")
    save_project(plan, tmp_path / "plan.db")
    assert list(redact_project(open_project(tmp_path / "plan.db"), "public").links) == list(first.links)


def test_a_partners_edited_copy_merges_back_without_the_bridges(tmp_path):
    plan = _drawn_plan()
    save_project(redact_project(plan, "public"), tmp_path / "copy.db")
    base, theirs = open_project(tmp_path / "copy.db"), open_project(tmp_path / "copy.db")
    next(t for t in theirs.tasks.values() if t.name == "Crew").duration = 12
    merged = merge_projects(base, plan, theirs)
    assert merged.clean
    assert merged.project.links == plan.links  # the bridge does not come back into the plan
    assert next(t for t in merged.project.tasks.values() if t.name == "Crew").duration == 12
    # A base made afresh (the same plan redacted again) knows the partner's bridge by its id too.
    merged_again = merge_projects(redact_project(plan, "public"), plan, theirs)
    assert merged_again.clean and merged_again.project.links == plan.links
