"""The bundled ILRS roadmap's current plan: what a planner sees when the app opens on it."""

from datetime import date

import pytest

from ilrs_planner.data import roadmap
from ilrs_planner.data.facts import load_facts, read_data_toml
from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.data.roadmap import load_roadmap
from ilrs_planner.domain import (
    Classification,
    Confidence,
    ConstraintType,
    PlannerError,
    Precision,
    TaskKind,
    shown_finish,
)


def _reaches(plan, from_key, to_key):
    """True when a chain of links (any type) leads from one task to another."""
    succs = {}
    for link in plan.links.values():
        succs.setdefault(link.pred_id, []).append(link.succ_id)
    target, seen, todo = plan.task_by_key(to_key).id, set(), [plan.task_by_key(from_key).id]
    while todo:
        tid = todo.pop()
        if tid == target:
            return True
        if tid not in seen:
            seen.add(tid)
            todo.extend(succs.get(tid, []))
    return False


def test_plan_header(plan):
    assert plan.name == "ILRS reference roadmap"
    assert plan.start <= date(2018, 12, 8)  # Chang'e 4 fits
    assert plan.status_date == date(2026, 12, 1)  # the roadmap as of 1 December 2026


def test_keys_and_ids_are_unique(plan):
    keys = [t.key for t in plan.tasks.values()]
    assert len(keys) == len(set(keys))
    assert len(plan.tasks) > 50


def test_every_task_keeps_its_source_precision_and_owner(plan):
    owners = {p.id for p in plan.participants.values()}
    for task in plan.tasks.values():
        assert task.source_url.startswith("http"), task.key
        assert isinstance(task.precision, Precision), task.key
        assert task.owner_id in owners, task.key


def test_wbs_phases_are_summary_tasks(plan):
    phases = {t.key for t in plan.tasks.values() if t.parent_id is None}
    assert {"ilrs-recon", "ilrs-construction", "ilrs-utilization", "crewed-programme", "luna-programme",
            "power", "agreements"} <= phases
    for key in phases:
        assert plan.is_summary(plan.task_by_key(key).id), key
        assert plan.task_by_key(key).kind is TaskKind.PHASE


def test_every_leaf_is_anchored_by_a_fact_a_constraint_or_a_predecessor(plan):
    # Otherwise the scheduler would silently put it at the project start.
    succ_ids = {link.succ_id for link in plan.links.values()}
    for task in plan.tasks.values():
        if plan.is_summary(task.id):
            continue
        anchored = task.actual_start or task.constraint is not ConstraintType.ASAP or task.id in succ_ids
        assert anchored, task.key


@pytest.mark.parametrize("key, launched", [
    ("change-6", date(2024, 5, 3)), ("icube-q", date(2024, 5, 3)), ("change-4", date(2018, 12, 8)),
    ("queqiao-2", date(2024, 3, 20)), ("luna-25", date(2023, 8, 11)),
])
def test_flown_missions_carry_their_actual_dates(plan, key, launched):
    task = plan.task_by_key(key)
    assert task.actual_start == launched
    assert task.percent_complete == 100
    assert task.precision is Precision.DAY


def test_luna_25_records_its_loss(plan):
    task = plan.task_by_key("luna-25")
    assert task.actual_finish == date(2023, 8, 20)  # exclusive: its last day is 2023-08-19, the day it was lost
    assert shown_finish(task.actual_start, task.actual_finish) == date(2023, 8, 19)
    assert "FAILED" in task.notes and "2023-08-19" in task.notes


def test_icube_q_is_not_planned_for_2026(plan):
    task = plan.task_by_key("icube-q")
    assert task.actual_start.year == 2024
    assert task.constraint_date is None and task.deadline is None


def test_change_7_is_planned_for_the_second_half_of_2026_and_not_flown(plan):
    task = plan.task_by_key("change-7")
    assert task.actual_start is None and task.percent_complete == 0
    assert (task.constraint, task.constraint_date) == (ConstraintType.SNET, date(2026, 7, 1))
    assert task.precision is Precision.MONTH


def test_year_announcements_are_soft_starts_and_by_dates_are_deadlines(plan):
    change_8 = plan.task_by_key("change-8")
    assert (change_8.constraint, change_8.constraint_date, change_8.precision) == (
        ConstraintType.SNET, date(2029, 1, 1), Precision.YEAR)
    basic = plan.task_by_key("ilrs-basic")
    assert basic.is_milestone and basic.constraint is ConstraintType.ASAP
    assert (basic.deadline, basic.precision) == (date(2035, 12, 31), Precision.YEAR)
    assert plan.task_by_key("ilrs-extended").deadline == date(2045, 12, 31)
    assert plan.task_by_key("crewed-landing").deadline == date(2030, 12, 31)


@pytest.mark.parametrize("pred, succ", [
    ("change-7", "ilrs-basic"), ("change-8", "ilrs-basic"), ("ilrs-1-5", "ilrs-basic"),
    ("lunar-power-plant", "ilrs-basic"), ("ilrs-basic", "ilrs-extended"), ("luna-26", "luna-27"),
    ("luna-27", "luna-28"), ("lm10", "crewed-landing"), ("lanyue", "crewed-landing"),
    ("mengzhou", "crewed-landing"), ("queqiao-2", "change-7"), ("change-7", "change-8"),
])
def test_dependencies_follow_the_roadmap_logic(plan, pred, succ):
    assert _reaches(plan, pred, succ)
    assert not _reaches(plan, succ, pred)


def test_internal_planning_tasks_are_classified_and_labelled(plan):
    by_level = {}
    for task in plan.tasks.values():
        by_level.setdefault(task.classification, []).append(task)
    assert by_level[Classification.PARTNERS] and by_level[Classification.RESTRICTED]
    for level in (Classification.PARTNERS, Classification.RESTRICTED):
        for task in by_level[level]:
            assert "PLANNING ASSUMPTION" in task.notes, task.key
    assert len(by_level[Classification.PUBLIC]) > 0.9 * len(plan.tasks)


def test_planning_assumptions_and_inferences_are_marked_as_data_not_only_in_notes(plan):
    marked = {t.key: t.confidence for t in plan.tasks.values()
              if t.confidence is not None and t.confidence is not Confidence.SOURCED}
    assert marked == {"ce7-site-review": Confidence.ASSUMPTION, "basic-readiness-review": Confidence.ASSUMPTION,
                      "crewed-reserve": Confidence.ASSUMPTION, "ilrs-founding-agreements": Confidence.INFERRED,
                      "luna-28": Confidence.INFERRED, "luna-29": Confidence.INFERRED,
                      # our own modelling choices: the 2030-2035 spread, the 2036-2045 build-out, Lanyue's
                      # duration, and Long March 9's 2033, which rests on Wikipedia alone
                      "ilrs-1-5": Confidence.INFERRED, "ilrs-full": Confidence.INFERRED,
                      "lanyue": Confidence.INFERRED, "lm9": Confidence.INFERRED}
    for task in plan.tasks.values():
        if "PLANNING ASSUMPTION" in task.notes:
            assert task.confidence is Confidence.ASSUMPTION, task.key


def test_a_task_carries_the_date_of_the_statement_it_cites(plan):
    # Luna-28's dates follow Krasnikov's statement of 2025-08-22; ICUBE-Q's source is dated 2024-04-30.
    assert plan.task_by_key("luna-28").source_date == date(2025, 8, 22)
    assert plan.task_by_key("icube-q").source_date == date(2024, 4, 30)
    assert plan.task_by_key("ce7-site-review").source_date is None  # an assumption cites no statement of its own


def test_roadmap_toml_may_give_a_source_date_itself(monkeypatch):
    original = roadmap.read_data_toml

    def dated(name):
        data = original(name)
        if name == roadmap.ROADMAP_FILE:
            next(e for e in data["task"] if e["key"] == "change-8")["source_date"] = date(2025, 6, 18)
        return data

    monkeypatch.setattr(roadmap, "read_data_toml", dated)
    assert build_reference_project().task_by_key("change-8").source_date == date(2025, 6, 18)


def _with_entry(monkeypatch, key, **fields):
    """The reference roadmap with `fields` set on the roadmap.toml entry of `key`."""
    original = roadmap.read_data_toml

    def changed(name):
        data = original(name)
        if name == roadmap.ROADMAP_FILE:
            next(e for e in data["task"] if e["key"] == key).update(fields)
        return data

    monkeypatch.setattr(roadmap, "read_data_toml", changed)


def test_every_reference_task_is_auto_scheduled_unless_roadmap_toml_says_manual(plan, monkeypatch):
    from ilrs_planner.engine.cpm import schedule

    assert not any(task.manual for task in plan.tasks.values())
    rover = plan.task_by_key("pakistan-rover-ce8")  # announced for 2028, started with Chang'e 8 (SS): 2029-01-01
    assert schedule(plan).tasks[rover.id].early_start == date(2029, 1, 1)
    _with_entry(monkeypatch, "pakistan-rover-ce8", task_mode="manual")
    manual = build_reference_project()
    rover = manual.task_by_key("pakistan-rover-ce8")
    assert rover.manual and schedule(manual).tasks[rover.id].early_start == date(2028, 1, 1)  # its own date


@pytest.mark.parametrize(("key", "mode", "said"), [("change-8", "sometimes", "is not a task mode"),
                                                    ("change-8", True, "is not a task mode"),
                                                    ("ilrs-recon", "manual", "is a summary")])
def test_a_task_mode_the_roadmap_cannot_take_names_the_task(monkeypatch, key, mode, said):
    _with_entry(monkeypatch, key, task_mode=mode)
    with pytest.raises(PlannerError) as raised:
        build_reference_project()
    assert raised.value.code == "task.bad_value" and key in raised.value.message and said in raised.value.message


def test_builds_are_fresh_but_ids_are_stable(plan):
    again = build_reference_project()
    assert again is not plan
    assert {t.key: t.id for t in again.tasks.values()} == {t.key: t.id for t in plan.tasks.values()}
    again.task_by_key("change-8").duration = 1
    assert plan.task_by_key("change-8").duration == 365  # all of 2029, through 31 December


def test_every_fact_feeds_the_plan_or_is_set_aside_with_a_reason():
    used = {row.id for spec in load_roadmap()[1] for row in (*spec.rows, *spec.alternatives)}
    set_aside = read_data_toml("roadmap.toml")["unused"]
    for fact in load_facts():
        assert (fact.id in used) != (fact.id in set_aside), fact.id
        assert fact.id in used or set_aside[fact.id].strip(), fact.id


@pytest.mark.parametrize("field, value, code", [
    ("facts", ["change-77"], "task.bad_value"),
    ("exclude", ["change-8@2099"], "task.bad_value"),
    ("alternatives", ["ilrs-extended@2099"], "task.bad_value"),
    ("after", ["change-77"], "link.unknown_task"),
    ("after", ["change-7 XX+1"], "task.bad_value"),
    ("owner", "nasa", "task.unknown"),
    ("parent", "phase-9", "task.unknown"),
    ("confidence", "rumour", "task.bad_value"),
])
def test_a_typo_in_the_roadmap_names_the_task(monkeypatch, field, value, code):
    original = roadmap.read_data_toml

    def with_typo(name):
        data = original(name)
        if name == roadmap.ROADMAP_FILE:
            entry = next(e for e in data["task"] if e["key"] == "change-8")
            entry[field] = value
        return data

    monkeypatch.setattr(roadmap, "read_data_toml", with_typo)
    with pytest.raises(PlannerError) as raised:
        build_reference_project()
    assert raised.value.code == code
    assert "change-8" in raised.value.message


def test_a_repeated_key_in_the_roadmap_is_refused(monkeypatch):
    original = roadmap.read_data_toml

    def repeated(name):
        data = original(name)
        if name == roadmap.ROADMAP_FILE:
            data["task"].append(dict(next(e for e in data["task"] if e["key"] == "luna-26")))
        return data

    monkeypatch.setattr(roadmap, "read_data_toml", repeated)
    with pytest.raises(PlannerError) as raised:
        build_reference_project()
    assert raised.value.code == "task.duplicate_key" and "luna-26" in raised.value.message
