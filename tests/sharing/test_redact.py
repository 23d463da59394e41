"""Partner exports: only what the level may see, same dates for what remains, nothing removed left behind."""

from datetime import date

import pytest

from ilrs_planner.domain import Baseline, Confidence, ConstraintType, Link, LinkType, Project, Task
from ilrs_planner.domain import Classification as C
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.sharing.redact import WITHHELD, redact_project


def _plan(*tasks, links=()):
    plan = Project(name="Crafted", start=date(2030, 1, 1))
    for task in tasks:
        plan.add_task(task)
    for pred, succ, type_, lag in links:
        plan.add_link(Link(pred, succ, type_, lag, id=f"l-{pred}-{succ}"))
    return plan


def _t(tid, duration, cls=C.PUBLIC, **kw):
    return Task(key=tid.upper(), name=f"Task {tid}", duration=duration, id=tid, classification=cls, **kw)


def _assert_same_dates(original, redacted):
    before, after = schedule(original).tasks, schedule(redacted).tasks
    for tid in redacted.tasks:
        assert (after[tid].early_start, after[tid].early_finish) == (before[tid].early_start,
                                                                     before[tid].early_finish), tid


def test_chain_through_a_restricted_task_keeps_dates_by_a_bridge():
    plan = _plan(_t("a", 10), _t("x", 30, C.RESTRICTED), _t("b", 5),
                 links=[("a", "x", LinkType.FS, 2), ("x", "b", LinkType.FS, 3)])
    out = redact_project(plan, "public")
    assert set(out.tasks) == {"a", "b"}
    [bridge] = out.links.values()
    # a: [Jan 1, Jan 11); x starts Jan 13, ends Feb 12; b starts Feb 15. a has no float (x follows it and
    # drives b): the bridge's lag is the 35 days a's finish and b's start show, less a's float, so it
    # tells nothing the dates do not, a keeps its float, and b needs no constraint to keep its date.
    assert (bridge.pred_id, bridge.succ_id, bridge.type, bridge.lag) == ("a", "b", LinkType.FS, 35)
    assert out.tasks["b"].constraint == ConstraintType.ASAP
    assert schedule(out).tasks["a"].total_float == 0
    _assert_same_dates(plan, out)


@pytest.mark.parametrize("type_in,type_out", [(LinkType.SS, LinkType.FF), (LinkType.FF, LinkType.SF),
                                              (LinkType.SF, LinkType.SS)])
def test_other_link_types_and_fan_in(type_in, type_out):
    plan = _plan(_t("a", 10), _t("c", 4), _t("x", 20, C.PARTNERS), _t("y", 7, C.RESTRICTED), _t("b", 5),
                 links=[("a", "x", type_in, 5), ("c", "y", LinkType.FS, -1), ("x", "y", type_out, 2),
                        ("y", "b", LinkType.FS, 0)])
    out = redact_project(plan, "public")
    assert {(k.pred_id, k.succ_id) for k in out.links.values()} == {("a", "b"), ("c", "b")}
    _assert_same_dates(plan, out)


def test_removed_task_with_its_own_constraint_pins_the_successor():
    plan = _plan(_t("x", 10, C.RESTRICTED, constraint=ConstraintType.SNET, constraint_date=date(2031, 5, 1)),
                 _t("b", 5), links=[("x", "b", LinkType.FS, 0)])
    out = redact_project(plan, "public")
    b = out.tasks["b"]
    assert (b.constraint, b.constraint_date) == (ConstraintType.SNET, date(2031, 5, 11))
    _assert_same_dates(plan, out)


def test_partners_level_keeps_partner_tasks():
    plan = _plan(_t("a", 1), _t("p", 2, C.PARTNERS), _t("r", 3, C.RESTRICTED))
    assert set(redact_project(plan, "partners").tasks) == {"a", "p"}
    assert set(redact_project(plan, "restricted").tasks) == {"a", "p", "r"}


def test_children_of_a_removed_summary_go_with_it():
    plan = _plan(_t("ph", 0, C.RESTRICTED), _t("a", 5, parent_id="ph"), _t("b", 5))
    assert set(redact_project(plan, "public").tasks) == {"b"}


def test_removed_names_keys_ids_notes_and_urls_are_scrubbed_everywhere():
    secret = _t("secretid123", 9, C.RESTRICTED, notes="Reactor fuel is HEU-7 grade",
                source_url="https://internal.example/reactor")
    secret.name, secret.key = "Project Kestrel reactor", "KESTREL-1"
    kept = _t("a", 3, notes="waits on Project Kestrel reactor (KESTREL-1)")
    plan = _plan(secret, kept, links=[("secretid123", "a", LinkType.FS, 0)])
    plan.baselines.append(Baseline("Before KESTREL-1 slip", date(2029, 1, 1),
                                   {"secretid123": (date(2030, 1, 1), date(2030, 1, 10)),
                                    "a": (date(2030, 1, 10), date(2030, 1, 13))}))
    out = redact_project(plan, "public")
    assert out.tasks["a"].notes == f"waits on {WITHHELD} ({WITHHELD})"
    assert out.baselines[0].name == f"Before {WITHHELD} slip"
    assert list(out.baselines[0].entries) == ["a"]
    from ilrs_planner.domain.canonical import canonical_bytes
    blob = canonical_bytes(out)
    for word in (b"Kestrel", b"KESTREL-1", b"secretid123", b"HEU-7", b"internal.example"):
        assert word not in blob


def test_a_kept_task_keeps_its_provenance_and_a_removed_one_takes_it_along():
    # Provenance is not secret by itself: like the source address, it stays with a task the partner sees.
    kept = _t("a", 5, source_url="https://example.org/plan", confidence=Confidence.INFERRED,
              source_date=date(2025, 6, 18))
    secret = _t("x", 3, C.RESTRICTED, confidence=Confidence.ASSUMPTION, source_date=date(2024, 1, 2))
    out = redact_project(_plan(kept, secret), "public")
    assert set(out.tasks) == {"a"}
    a = out.tasks["a"]
    assert (a.source_url, a.confidence, a.source_date) == ("https://example.org/plan", Confidence.INFERRED,
                                                           date(2025, 6, 18))


def test_a_bridge_never_asks_for_a_lead_a_plan_file_cannot_hold(tmp_path):
    # b started (actual) 300 years before a's finish: the lead its dates show is past the file's
    # bound on a lag (300 years), so the copy could not be saved. The bridge takes the bound, and b
    # keeps its dates (its actual start holds it).
    from ilrs_planner.store import open_project, save_project

    plan = Project(name="Long", start=date(2190, 1, 1))
    plan.add_task(_t("a", 109575, constraint=ConstraintType.SNET, constraint_date=date(2191, 1, 1)))
    plan.add_task(_t("x", 5, C.RESTRICTED))
    plan.add_task(_t("b", 5, actual_start=date(2190, 1, 1)))
    plan.add_link(Link("a", "x", LinkType.FS, 0, id="l-ax"))
    plan.add_link(Link("x", "b", LinkType.FS, 0, id="l-xb"))
    out = redact_project(plan, "public")
    [bridge] = out.links.values()
    assert (bridge.pred_id, bridge.succ_id, bridge.lag) == ("a", "b", -109575)
    save_project(out, tmp_path / "partner.db")
    _assert_same_dates(plan, open_project(tmp_path / "partner.db"))
