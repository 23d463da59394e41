"""Comparing plans: added/removed/changed objects field by field, matched by id then key."""

import dataclasses
import json
from datetime import date

from ilrs_planner.domain import ConstraintType, Link, LinkType, Participant, Precision, Task
from ilrs_planner.sharing.clone import clone_project
from ilrs_planner.sharing.diff import diff_projects
from ilrs_planner.sharing.diff_text import format_diff


def test_identical_plans_have_no_differences(small_plan):
    diff = diff_projects(small_plan, clone_project(small_plan), with_schedule=False)
    assert diff.is_empty()
    assert "content is the same" in format_diff(diff)


def test_changed_fields_are_listed_old_to_new(small_plan):
    other = clone_project(small_plan)
    other.tasks["t-a"].duration = 12
    other.tasks["t-a"].notes = "slipped"
    other.tasks["t-b"].parent_id = None
    diff = diff_projects(small_plan, other, with_schedule=False)
    changes = {item.label: {c.field: (c.old, c.new) for c in item.changes} for item in diff.tasks.changed}
    assert changes["Mission A (A)"] == {"duration": (10, 12), "notes": ("first mission", "slipped")}
    assert changes["Mission B (B)"] == {"parent_id": ("PH", None)}  # shown by key, not by id
    text = format_diff(diff)
    assert "duration: 10 d → 12 d" in text and "parent_id: PH → (none)" in text


def test_added_and_removed_tasks_links_participants_and_baselines(small_plan):
    other = clone_project(small_plan)
    other.add_task(Task(key="C", name="Mission C", duration=3, id="t-c"))
    del other.tasks["t-m"]
    del other.links["l-bm"]
    other.add_link(Link("t-a", "t-c", LinkType.SS, 1, id="l-ac"))
    other.add_participant(Participant(key="ROS", name="Roscosmos", id="p-ros"))
    other.baselines.pop(0)
    diff = diff_projects(small_plan, other, with_schedule=False)
    assert [i.label for i in diff.tasks.added] == ["Mission C (C)"]
    assert [i.label for i in diff.tasks.removed] == ["Station ready (M)"]
    assert [i.label for i in diff.links.added] == ["Mission A → Mission C (SS +1 d)"]  # by name
    assert [i.label for i in diff.links.removed] == ["Mission B → Station ready (FS)"]
    assert [i.label for i in diff.participants.added] == ["Roscosmos (ROS)"]
    assert [i.label for i in diff.baselines.removed] == ["Original"]
    as_json = json.loads(json.dumps(diff.to_dict()))
    assert as_json["tasks"]["added"][0]["id"] == "t-c"


def test_plans_with_new_ids_are_matched_by_key(small_plan):
    other = clone_project(small_plan)
    renamed = {}
    for old_id in list(other.tasks):
        task = other.tasks.pop(old_id)
        task.id = "new-" + old_id
        renamed[old_id] = task.id
        other.tasks[task.id] = task
    for task in other.tasks.values():
        task.parent_id = renamed.get(task.parent_id, task.parent_id)
    for link in other.links.values():
        link.pred_id, link.succ_id = renamed[link.pred_id], renamed[link.succ_id]
    other.tasks["new-t-b"].name = "Mission B prime"
    diff = diff_projects(small_plan, other, with_schedule=False)
    assert diff.tasks.added == [] and diff.tasks.removed == [] and diff.links.changed == []
    assert [(i.label, [c.field for c in i.changes]) for i in diff.tasks.changed] == [("Mission B prime (B)", ["name"])]


def test_link_type_and_lag_changes(small_plan):
    other = clone_project(small_plan)
    other.links["l-ab"].lag = 5
    other.links["l-ab"].type = LinkType.SS
    diff = diff_projects(small_plan, other, with_schedule=False)
    assert {c.field: (c.old, c.new) for c in diff.links.changed[0].changes} == {"type": ("FS", "SS"), "lag": (2, 5)}


def test_baseline_date_change_lists_only_the_differing_entries(small_plan):
    import dataclasses
    other = clone_project(small_plan)
    other.baselines[0] = dataclasses.replace(other.baselines[0], entries={"t-a": (date(2030, 1, 5), date(2030, 1, 15))})
    diff = diff_projects(small_plan, other, with_schedule=False)
    change = diff.baselines.changed[0].changes[0]
    assert change.field == "entries"
    assert change.old == {"A": ["2030-01-01", "2030-01-11"]} and change.new == {"A": ["2030-01-05", "2030-01-15"]}


def test_milestone_moves_follow_the_schedule(small_plan):
    other = clone_project(small_plan)
    other.tasks["t-a"].duration = 40  # A: Jan 1 + 40 days pushes B past its SNET of 1 March
    diff = diff_projects(small_plan, other)
    # Hand-worked: A [Jan 1, Feb 10), lag 2 -> B starts Feb 12 (SNET Mar 1 wins before: Mar 1 -> Mar 6);
    # after: B start = max(Feb 12, Mar 1) = Mar 1 either way -> M does not move.
    assert diff.milestone_moves == []
    other.tasks["t-a"].duration = 70  # A ends Mar 12, B starts Mar 14, ends Mar 19 -> M on Mar 19 (was Mar 6)
    diff = diff_projects(small_plan, other)
    assert [(m.label, m.old, m.new, m.days) for m in diff.milestone_moves] == [
        ("Station ready (M)", "2030-03-06", "2030-03-19", 13)]
    # M follows B's last day: it is at the end of 03-05 (was) and 03-18 (now), shown on those days.
    assert [(m.shown(), m.variance()) for m in diff.milestone_moves] == [(("2030-03-05", "2030-03-18"), "+13 d")]
    assert "  Station ready (M): 2030-03-05 → 2030-03-18 (+13 d)" in format_diff(diff)


def test_a_move_reads_at_the_precision_the_dates_are_known_to(small_plan):
    # M announced to the month, after B: March 2030 (B ends 03-05), and with A 70 days long, still
    # March (03-18); with A 130 days long, May (05-17): "+2 mo", as the slip report says it.
    small_plan.tasks["t-m"].precision = Precision.MONTH
    later, much_later = clone_project(small_plan), clone_project(small_plan)
    later.tasks["t-a"].duration, much_later.tasks["t-a"].duration = 70, 130
    assert [(m.shown(), m.variance()) for m in diff_projects(small_plan, later).milestone_moves] == [
        (("2030-03", "2030-03"), "0 mo")]
    moves = diff_projects(small_plan, much_later).milestone_moves
    assert [(m.shown(), m.variance(), m.days) for m in moves] == [(("2030-03", "2030-05"), "+2 mo", 73)]
    assert "  Station ready (M): 2030-03 → 2030-05 (+2 mo)" in format_diff(diff_projects(small_plan, much_later))


def test_inserting_one_task_changes_no_other_task(small_plan):
    """Siblings after an insert shift their stored position, but nobody sees them change."""
    other = clone_project(small_plan)
    first = min(small_plan.tasks.values(), key=lambda t: (t.parent_id is not None, t.position))
    for task in other.tasks.values():
        if task.parent_id == first.parent_id:
            task.position += 1
    other.add_task(Task(key="NEW", name="Inserted first", duration=5, id="t-new", parent_id=first.parent_id,
                        position=first.position))
    diff = diff_projects(small_plan, other)
    assert [item.label for item in diff.tasks.added] == ["Inserted first (NEW)"]
    assert diff.tasks.changed == []


def test_moving_a_task_among_its_siblings_is_a_change(small_plan):
    other = clone_project(small_plan)
    siblings = sorted((t for t in other.tasks.values() if t.parent_id is None), key=lambda t: t.position)
    siblings[0].position, siblings[-1].position = siblings[-1].position, siblings[0].position
    changed = {item.label.rsplit("(", 1)[1].rstrip(")") for item in diff_projects(small_plan, other).tasks.changed}
    assert {siblings[0].key, siblings[-1].key} <= changed


def test_a_phase_is_never_a_milestone_move(small_plan):
    """Summaries have no duration of their own; their span moving is not a milestone moving."""
    small_plan.tasks["t-ph"].duration = 0  # as the roadmap's phases store it
    other = clone_project(small_plan)
    other.tasks["t-a"].constraint, other.tasks["t-a"].constraint_date = ConstraintType.SNET, date(2030, 2, 1)
    # Hand-worked: the phase now starts 1 Feb (was 1 Jan); A ends 11 Feb, +2 lag = 13 Feb, before B's
    # SNET of 1 March, so B and the milestone M stay where they were: no milestone moved.
    assert diff_projects(small_plan, other).milestone_moves == []


def test_a_renamed_parent_shows_on_its_sub_tasks_too(small_plan):
    # Every field of B is equal in both plans, yet the key its parent_id shows by has changed.
    other = clone_project(small_plan)
    other.tasks["t-b"].parent_id = small_plan.tasks["t-b"].parent_id
    parent = other.tasks[small_plan.tasks["t-b"].parent_id]
    parent.key = "PH2"
    diff = diff_projects(small_plan, other, with_schedule=False)
    changes = {item.label: {c.field: (c.old, c.new) for c in item.changes} for item in diff.tasks.changed}
    assert changes["Mission B (B)"] == {"parent_id": ("PH", "PH2")}
    assert changes[f"{parent.name} (PH2)"] == {"key": ("PH", "PH2")}


def _plan_with_shared_keys():
    """Two phases keyed "P" and two rovers keyed "R": keys need not be unique (a partner chooses them)."""
    from ilrs_planner.domain import Baseline, Project, TaskKind

    plan = Project("Shared keys", date(2030, 1, 1))
    plan.add_task(Task("P", "Phase one", 0, kind=TaskKind.PHASE, id="p1", position=0))
    plan.add_task(Task("P", "Phase two", 0, kind=TaskKind.PHASE, id="p2", position=1))
    plan.add_task(Task("X", "Lander", 5, id="x", parent_id="p1", position=0))
    plan.add_task(Task("R", "Rover", 5, id="r1", parent_id="p2", position=0))
    plan.add_task(Task("R", "Rover", 5, id="r2", parent_id="p2", position=1))
    plan.add_link(Link("x", "r1", LinkType.FS, 0, id="l1"))
    plan.baselines.append(Baseline("Agreed", date(2029, 12, 1), {
        "r1": (date(2030, 1, 6), date(2030, 1, 10)), "r2": (date(2030, 1, 11), date(2030, 1, 15))}))
    return plan


def test_a_task_moved_to_another_phase_sharing_its_parents_key_is_reported_moved():
    plan = _plan_with_shared_keys()
    other = clone_project(plan)
    other.tasks["x"].parent_id = "p2"
    diff = diff_projects(plan, other, with_schedule=False)
    (changed,) = diff.tasks.changed
    assert {c.field: (c.old, c.new) for c in changed.changes} == {"parent_id": ("P (Phase one)", "P (Phase two)")}
    assert not diff.is_empty() and "parent_id: P (Phase one) → P (Phase two)" in format_diff(diff)


def test_a_link_turned_to_another_task_of_the_same_key_and_name_is_reported_with_both_ids():
    plan = _plan_with_shared_keys()
    other = clone_project(plan)
    other.links["l1"].succ_id = "r2"
    diff = diff_projects(plan, other, with_schedule=False)
    (changed,) = diff.links.changed
    assert {c.field: (c.old, c.new) for c in changed.changes} == {"succ_id": ("R (Rover) [r1]", "R (Rover) [r2]")}


def test_baseline_entries_of_tasks_sharing_a_key_are_each_shown():
    plan = _plan_with_shared_keys()
    other = clone_project(plan)
    entries = dict(other.baselines[0].entries)
    entries["r1"], entries["r2"] = (date(2030, 2, 6), date(2030, 2, 10)), (date(2030, 2, 11), date(2030, 2, 15))
    other.baselines[0] = dataclasses.replace(other.baselines[0], entries=entries)
    (changed,) = diff_projects(plan, other, with_schedule=False).baselines.changed
    (change,) = changed.changes
    assert sorted(change.new) == ["R (Rover) [r1]", "R (Rover) [r2]"]


def test_a_partner_copy_of_the_roadmap_lists_no_baseline_as_changed_for_its_chain_hash():
    """A partner copy's baselines are chained again (their hashes differ); the comparison shows what a
    person reads, so only a baseline whose name, date, notes or entries differ is listed as changed."""
    from ilrs_planner.data.reference import build_reference_project
    from ilrs_planner.sharing.redact import redact_project

    plan = build_reference_project()
    copy = redact_project(plan, "partners")
    chained_again = [b.name for b in copy.baselines if b.prev_hash != plan.baseline(b.name).prev_hash]
    assert chained_again  # the case the test is about
    entries_differ = {b.name for b in copy.baselines if dict(b.entries) != dict(plan.baseline(b.name).entries)}
    changed = {item.label: [c.field for c in item.changes]
               for item in diff_projects(plan, copy, with_schedule=False).baselines.changed}
    assert set(changed) == entries_differ
    assert all("prev_hash" not in fields for fields in changed.values())


def test_a_must_finish_by_set_or_moved_is_a_plan_line(small_plan):
    other = clone_project(small_plan)
    other.must_finish_by = date(2036, 12, 31)
    diff = diff_projects(small_plan, other, with_schedule=False)
    assert [(c.field, c.old, c.new) for c in diff.plan] == [("must_finish_by", None, "2036-12-31")]
    assert "must_finish_by: (none) → 2036-12-31" in format_diff(diff)
