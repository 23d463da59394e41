"""A save never writes a file that opening refuses: every bound the reader applies to a file is one the
save refuses first, keeping the last save (written, the user's plan was lost: no program opened it)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from ilrs_planner.domain import Baseline, Calendar, CalendarException, Participant, PlannerError, Project, Task
from ilrs_planner.store import limits, open_project, save_project


def _plan() -> Project:
    plan = Project("Station plan", date(2030, 1, 1))
    plan.add_task(Task("A", "Survey", 5, id="t-a"))
    return plan


def _calendars(plan: Project, count: int, closures: int = 0, name: str = "") -> None:
    for n in range(count):
        days = [date(2030, 1, 1) + timedelta(days=d) for d in range(closures)]
        calendar = Calendar(f"Site {n}", exceptions=[CalendarException(name, day, day) for day in days])
        plan.calendars[calendar.id] = calendar


def _refused(plan: Project, path, *words: str) -> None:
    """The save is refused with store.too_large naming `words`; the file is the last save, and opens."""
    before = path.read_bytes()
    with pytest.raises(PlannerError) as caught:
        save_project(plan, path)
    assert caught.value.code == "store.too_large", caught.value
    for word in words:
        assert word in caught.value.message, (word, caught.value.message)
    assert path.read_bytes() == before
    open_project(path)


@pytest.mark.parametrize(("table", "grow", "words"), [
    ("calendars", lambda plan: _calendars(plan, 4), ("4 calendars", "at most 3")),
    ("calendar_exceptions", lambda plan: _calendars(plan, 2, closures=2), ("4 calendar exceptions", "at most 3")),
    ("participants", lambda plan: [plan.add_participant(Participant(f"P{n}", f"Agency {n}")) for n in range(4)],
     ("4 participants", "at most 3")),
    ("tasks", lambda plan: [plan.add_task(Task(f"K{n}", f"Task {n}", 1)) for n in range(3)],
     ("4 tasks", "at most 3")),
    ("baselines", lambda plan: plan.baselines.extend(Baseline(f"B{n}", date(2029, 1, n + 1), {}) for n in range(4)),
     ("4 baselines", "at most 3")),
    ("baseline_entries", lambda plan: plan.baselines.append(
        Baseline("B", date(2029, 1, 1), {f"gone-{n}": (date(2030, 1, 1), date(2030, 1, 2)) for n in range(4)})),
     ("4 baseline entries", "at most 3")),
])
def test_a_plan_with_more_rows_of_a_kind_than_a_file_holds_is_not_saved(tmp_path, monkeypatch, table, grow, words):
    path = tmp_path / "plan.db"
    save_project(_plan(), path)
    monkeypatch.setitem(limits.MAX_ROWS, table, 3)
    plan = _plan()
    grow(plan)
    _refused(plan, path, *words, "last save")


def test_calendars_up_to_the_bound_are_saved_and_open(tmp_path, monkeypatch):
    monkeypatch.setitem(limits.MAX_ROWS, "calendars", 3)
    monkeypatch.setitem(limits.MAX_ROWS, "calendar_exceptions", 3)
    plan = _plan()
    _calendars(plan, 3, closures=1)
    save_project(plan, tmp_path / "plan.db")
    assert len(open_project(tmp_path / "plan.db").calendars) == 3


def test_the_names_of_calendar_closures_count_towards_the_plans_text(tmp_path, monkeypatch):
    # 600 closures named with 1,000 characters each: 600 KB of text the save did not count, so the file
    # it wrote was refused by every open ("holds ... bytes of text").
    path = tmp_path / "plan.db"
    save_project(_plan(), path)
    monkeypatch.setattr(limits, "MAX_TEXT_BYTES", 400_000)
    plan = _plan()
    _calendars(plan, 2, closures=300, name="Pad refit " + "x" * 990)
    _refused(plan, path, "bytes of text", "at most 400,000")


def test_long_calendar_and_baseline_names_count_towards_the_plans_text(tmp_path, monkeypatch):
    path = tmp_path / "plan.db"
    save_project(_plan(), path)
    monkeypatch.setattr(limits, "MAX_TEXT_BYTES", 400_000)
    plan = _plan()
    for n in range(150):
        plan.baselines.append(Baseline(f"{n:04d} " + "基" * 995, date(2029, 1, 1) + timedelta(days=n), {}))
    _refused(plan, path, "bytes of text")
