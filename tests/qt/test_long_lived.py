"""A large plan's objects leave the collector's full passes while it is open, and a plan replaced
is still freed, loops among its objects included (qt/long_lived.py)."""

from __future__ import annotations

import gc
import weakref
from datetime import date

import pytest

from ilrs_planner.domain import Project, Task
from ilrs_planner.qt import long_lived
from ilrs_planner.qt.document import Document


class _Loop:
    """An object in a reference loop with itself: only the collector frees it."""

    def __init__(self):
        self.me = self


def _plan(tasks: int) -> Project:
    project = Project(name="Plan", start=date(2030, 1, 1))
    for number in range(tasks):
        project.add_task(Task(key=f"T-{number}", name=f"Task {number}", duration=1))
    return project


@pytest.fixture
def large_from_three(monkeypatch):
    """Plans of three tasks or more count as large; nothing stays frozen after the test."""
    monkeypatch.setattr(long_lived, "FREEZE_FROM_TASKS", 3)
    yield
    gc.unfreeze()


def test_a_large_plan_is_frozen_and_a_small_one_is_not(qapp, large_from_three):
    document = Document(_plan(2))
    assert gc.get_freeze_count() == 0
    document.replace_project(_plan(3), None)
    assert gc.get_freeze_count() > 0
    document.replace_project(_plan(2), None)
    assert gc.get_freeze_count() == 0


def test_a_loop_frozen_with_a_plan_is_freed_once_another_plan_replaces_it(qapp, large_from_three):
    gc.disable()  # the loop stays uncollected until the freeze, as garbage left by opening may
    try:
        held = weakref.ref(_Loop())
        document = Document(_plan(3))
    finally:
        gc.enable()
    gc.collect()
    assert held() is not None  # frozen with the plan: no pass sees it
    document.replace_project(_plan(3), None)  # the frozen objects are handed back and collected
    assert held() is None
    assert gc.get_freeze_count() > 0  # the new plan is frozen in turn
