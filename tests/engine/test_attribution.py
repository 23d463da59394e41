"""Slip attribution: exact between two plans, honest from baseline dates; credits sum to the slip."""

from __future__ import annotations

import copy
from datetime import date

import pytest

from ilrs_planner.domain import Baseline, ConstraintType, Link, LinkType, PlannerError, Project, Task, TaskKind
from ilrs_planner.engine.attribution import attribute_projects, attribute_versions, driving_chain
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.engine.slippage import baseline_version, schedule_version

D = date


def _plan() -> Project:
    """design (20 d) -> build (40 d) -> launch (milestone); test (10 d) -> launch, with float."""
    project = Project("Why", D(2030, 1, 1))
    for key, dur in [("design", 20), ("build", 40), ("test", 10), ("launch", 0)]:
        project.add_task(Task(key, key.title(), dur, TaskKind.MILESTONE if not dur else TaskKind.TASK,
                              id=key, position=len(project.tasks)))
    for pred, succ in [("design", "build"), ("build", "launch"), ("test", "launch")]:
        project.add_link(Link(pred, succ, id=f"{pred}-{succ}"))
    return project


def test_driving_chain_follows_the_binding_links():
    project = _plan()
    sched = schedule(project)
    chain = driving_chain(project, {t: (d.early_start, d.early_finish) for t, d in sched.tasks.items()}, "launch")
    assert [(s.key, s.driver) for s in chain] == [("launch", "FS from 'Build' (build)"),
                                                  ("build", "FS from 'Design' (design)"), ("design", "plan start")]


def test_exact_attribution_credits_each_change_and_sums_to_the_slip():
    old = _plan()
    new = copy.deepcopy(old)
    new.tasks["design"].duration = 30  # +10 days on the critical path
    new.links["build-launch"].lag = 5  # +5 days
    new.tasks["test"].duration = 45  # test now 45 d: finishes day 45 < build's 70+5: no effect
    new.add_link(Link("test", "build", LinkType.SS, lag=25, id="test-build"))  # build can't start before day 25
    result = attribute_projects(old, new, "launch")
    # old launch: 20 + 40 = day 60; new: max(30, 25) + 40 + 5 = day 75
    assert result.old_date == D(2030, 3, 2) and result.new_date == D(2030, 3, 17)
    credits = {c.description: c.days for c in result.contributions}
    assert credits == {"duration of 'Design' (design): 20 d → 30 d": 10, "link 'Build' → 'Launch': FS → FS +5 d": 5}
    assert sum(credits.values()) == result.slip_days == 15 and result.unexplained_days == 0
    assert [s.key for s in result.new_chain] == ["launch", "build", "design"]


def test_interacting_changes_still_sum_exactly():
    old = _plan()
    new = copy.deepcopy(old)
    new.tasks["test"].duration = 100  # test now drives launch (day 100)
    new.tasks["build"].actual_start = D(2030, 1, 21)
    new.tasks["build"].actual_finish = D(2030, 4, 1)  # build ran 70 days
    new.tasks["design"].constraint, new.tasks["design"].constraint_date = ConstraintType.SNET, D(2030, 2, 1)
    result = attribute_projects(old, new, "launch")
    assert result.slip_days == (D(2030, 4, 11) - D(2030, 3, 2)).days
    assert sum(c.days for c in result.contributions) == result.slip_days
    assert {c.kind for c in result.contributions} <= {"duration", "actual_start", "actual_finish", "constraint"}
    assert result.new_chain[1].key == "test"


def test_removed_link_pulls_the_milestone_in():
    old = _plan()
    new = copy.deepcopy(old)
    del new.links["build-launch"]
    result = attribute_projects(old, new, "launch")
    assert [(c.kind, c.days) for c in result.contributions] == [("link_removed", -50)]


def test_a_milestone_missing_from_the_older_plan_is_an_error():
    old, new = _plan(), _plan()
    new.add_task(Task("extra", "Extra", 0, id="extra"))
    with pytest.raises(PlannerError) as err:
        attribute_projects(old, new, "extra")
    assert err.value.code == "task.unknown"


def test_from_baseline_dates_the_slip_is_split_over_the_chain_and_named_as_such():
    project = _plan()
    project.baselines.append(Baseline("then", D(2029, 1, 1), {
        "design": (D(2030, 1, 1), D(2030, 1, 11)),  # design was 10 days then
        "build": (D(2030, 1, 16), D(2030, 2, 25)),  # 5 days of gap after design then
        "launch": (D(2030, 2, 25), D(2030, 2, 25))}))
    sched = schedule(project)
    result = attribute_versions(project, sched, baseline_version(project.baselines[0]),
                                schedule_version(project, sched), "launch")
    assert not result.exact and "only dates" in result.notes[0]
    assert result.slip_days == (D(2030, 3, 2) - D(2030, 2, 25)).days == 5
    credits = [(c.key, c.kind, c.days) for c in result.contributions]
    assert credits == [("build", "start_moved", -5), ("design", "duration", 10)]
    assert result.unexplained_days == 0


def test_a_milestone_unknown_to_the_baseline_is_reported_not_guessed():
    project = _plan()
    project.baselines.append(Baseline("then", D(2029, 1, 1), {"design": (D(2030, 1, 1), D(2030, 1, 21))}))
    sched = schedule(project)
    result = attribute_versions(project, sched, baseline_version(project.baselines[0]),
                                schedule_version(project, sched), "launch")
    assert result.old_date is None and result.contributions == []
    assert any("not in 'then'" in note for note in result.notes)


def test_plans_with_different_ids_are_matched_by_key():
    old = _plan()
    new = Project("Why", D(2030, 1, 1))  # the same table imported again: same keys, fresh ids
    for task in old.tasks.values():
        new.add_task(Task(task.key, task.name, task.duration, task.kind, id=f"new-{task.id}", position=task.position))
    for link in old.links.values():
        new.add_link(Link(f"new-{link.pred_id}", f"new-{link.succ_id}", link.type, link.lag))
    new.tasks["new-build"].duration = 47
    result = attribute_projects(old, new, "launch")
    assert [(c.description, c.days) for c in result.contributions] == [("duration of 'Build' (build): 40 d → 47 d", 7)]


def test_a_later_status_date_and_less_progress_than_hoped_are_credited_by_name():
    # design started 2030-01-01 and was 50 % done on the status date 2030-01-11: 10 days left, through
    # 01-20; build's 40 days then end 03-01, launch on 2030-03-02 (exclusive finish of build).
    old = _plan()
    old.status_date = D(2030, 1, 11)
    old.tasks["design"].actual_start, old.tasks["design"].percent_complete = D(2030, 1, 1), 50
    new = copy.deepcopy(old)
    new.status_date = D(2030, 1, 21)  # ten days on: design's 10 days left now run from 01-21 (+10)
    new.tasks["design"].percent_complete = 60  # only 60 %: 8 days left, not 10 (-2)
    result = attribute_projects(old, new, "launch")
    assert (result.old_date, result.new_date) == (D(2030, 3, 2), D(2030, 3, 10))
    credits = {c.description: c.days for c in result.contributions}
    assert credits == {"status date 2030-01-11 → 2030-01-21": 10, "% complete of 'Design' (design): 50 % → 60 %": -2}
    assert result.unexplained_days == 0


def test_a_manually_scheduled_task_ends_the_driving_chain_and_turning_it_manual_is_credited():
    old = _plan()
    new = copy.deepcopy(old)
    new.tasks["build"].manual = True  # without a date of its own: it starts on the plan's start
    result = attribute_projects(old, new, "launch")
    # old launch: 20 + 40 = day 60; new: build runs days 0-40, so launch is on day 40 (test ends day 10)
    assert (result.old_date, result.new_date) == (D(2030, 3, 2), D(2030, 2, 10))
    assert {c.description: c.days for c in result.contributions} == {"'Build' (build) now manually scheduled": -20}
    assert [(s.key, s.driver) for s in result.new_chain] == [
        ("launch", "FS from 'Build' (build)"), ("build", "manually scheduled (its start is the planner's)")]


def test_a_manual_task_moved_to_another_start_is_credited_by_its_manual_start():
    old = _plan()
    old.tasks["build"].manual, old.tasks["build"].manual_start = True, D(2030, 1, 21)  # where design put it
    new = copy.deepcopy(old)
    new.tasks["build"].manual_start = D(2030, 1, 31)  # ten days later: build's 40 days, launch with them
    result = attribute_projects(old, new, "launch")
    assert (result.old_date, result.new_date) == (D(2030, 3, 2), D(2030, 3, 12))
    assert {c.description: c.days for c in result.contributions} == {
        "manual start of 'Build' (build): 2030-01-21 → 2030-01-31": 10}
