"""Baselines as undoable edits: capture, rename, delete, refusals; the snapshot never changes."""

from __future__ import annotations

from datetime import date

import pytest

from ilrs_planner.commands.baselines import CaptureBaseline, DeleteBaseline, RenameBaseline
from ilrs_planner.domain import PlannerError

AS_OF = date(2029, 6, 1)


def test_capture_snapshots_early_dates_of_every_task(plan):
    command = CaptureBaseline("Q2 review", AS_OF)
    changes = command.apply(plan)
    assert changes.baselines
    baseline = plan.baseline("Q2 review")
    assert baseline.as_of == AS_OF
    # A 10 d from 2030-01-01, B 20 d after A, C 30 d after B, M after C (finishes exclusive).
    assert baseline.entries["a"] == (date(2030, 1, 1), date(2030, 1, 11))
    assert baseline.entries["b"] == (date(2030, 1, 11), date(2030, 1, 31))
    assert baseline.entries["c"] == (date(2030, 1, 31), date(2030, 3, 2))
    assert baseline.entries["m"] == (date(2030, 3, 2), date(2030, 3, 2))
    assert baseline.entries["ph"] == (date(2030, 1, 1), date(2030, 3, 2))


def test_capture_undo_redo_restores_the_same_snapshot(plan):
    command = CaptureBaseline("v1", AS_OF)
    command.apply(plan)
    first = plan.baseline("v1")
    command.revert(plan)
    assert plan.baselines == []
    plan.tasks["a"].duration = 99  # a later edit must not leak into the redone snapshot
    command.apply(plan)
    assert plan.baseline("v1") is first
    assert plan.baseline("v1").entries["a"][1] == date(2030, 1, 11)


def test_baseline_does_not_follow_later_edits(plan):
    CaptureBaseline("v1", AS_OF).apply(plan)
    plan.tasks["a"].duration = 50
    assert plan.baseline("v1").entries["m"][0] == date(2030, 3, 2)
    with pytest.raises(TypeError):
        plan.baseline("v1").entries["m"] = (date(2031, 1, 1), date(2031, 1, 1))


def test_many_baselines_are_allowed(plan):
    for k in range(30):
        CaptureBaseline(f"v{k}", AS_OF).apply(plan)
    assert len(plan.baselines) == 30


@pytest.mark.parametrize("name, code", [("v1", "baseline.duplicate"), ("  v1 ", "baseline.duplicate"),
                                         ("", "baseline.bad_name"), ("   ", "baseline.bad_name")])
def test_capture_refuses_duplicate_and_empty_names(plan, name, code):
    CaptureBaseline("v1", AS_OF).apply(plan)
    with pytest.raises(PlannerError) as err:
        CaptureBaseline(name, AS_OF).apply(plan)
    assert err.value.code == code
    assert len(plan.baselines) == 1


def test_rename_round_trip_keeps_dates_and_identity(plan):
    CaptureBaseline("v1", AS_OF).apply(plan)
    before = plan.baseline("v1")
    command = RenameBaseline("v1", "2029 plan")
    command.apply(plan)
    renamed = plan.baseline("2029 plan")
    assert renamed.id == before.id and dict(renamed.entries) == dict(before.entries)
    assert renamed.as_of == AS_OF
    command.revert(plan)
    assert plan.baseline("v1").id == before.id
    with pytest.raises(PlannerError) as err:
        plan.baseline("2029 plan")
    assert err.value.code == "baseline.unknown"


def test_rename_to_an_existing_name_is_refused(plan):
    CaptureBaseline("v1", AS_OF).apply(plan)
    CaptureBaseline("v2", AS_OF).apply(plan)
    with pytest.raises(PlannerError) as err:
        RenameBaseline("v2", "v1").apply(plan)
    assert err.value.code == "baseline.duplicate"
    assert [b.name for b in plan.baselines] == ["v1", "v2"]


def test_delete_round_trip_puts_it_back_in_place(plan):
    for name in ("v1", "v2", "v3"):
        CaptureBaseline(name, AS_OF).apply(plan)
    middle = plan.baseline("v2")
    command = DeleteBaseline("v2")
    command.apply(plan)
    assert [b.name for b in plan.baselines] == ["v1", "v3"]
    command.revert(plan)
    assert [b.name for b in plan.baselines] == ["v1", "v2", "v3"]
    assert plan.baseline("v2") is middle


def test_unknown_baseline_names_the_ones_there_are(plan):
    CaptureBaseline("v1", AS_OF).apply(plan)
    with pytest.raises(PlannerError) as err:
        DeleteBaseline("nope").apply(plan)
    assert err.value.code == "baseline.unknown" and "v1" in err.value.message


def test_captured_baselines_are_hash_chained_to_the_one_before():
    from datetime import date as _date

    from ilrs_planner.commands.baselines import CaptureBaseline
    from ilrs_planner.data.reference import build_reference_project
    from ilrs_planner.domain.chain import broken_links

    project = build_reference_project()
    assert broken_links(project.baselines) == []  # the bundled history is chained too
    CaptureBaseline("Review 2026-11", _date(2026, 11, 22)).apply(project)
    assert project.baselines[-1].prev_hash and broken_links(project.baselines) == []
