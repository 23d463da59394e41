"""A plan with every field of every object set to something other than its default (file crafting: file_surgery)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ilrs_planner.domain import (
    Baseline,
    Calendar,
    CalendarException,
    Classification,
    Confidence,
    ConstraintType,
    Link,
    LinkType,
    Participant,
    ParticipantKind,
    PlanSignature,
    Precision,
    Project,
    Task,
    TaskKind,
)
from ilrs_planner.store import save_project


def build_rich_project() -> Project:
    """Every field non-default, every enum value used somewhere, non-ASCII text, a deleted task in a baseline."""
    project = Project("ILRS roadmap — test", date(2021, 3, 9), status_date=date(2026, 4, 1),
                      author="CNSA planning / 国家航天局", id="plan-0001")
    kinds = list(ParticipantKind)
    for i, kind in enumerate(kinds):
        project.add_participant(Participant(
            key=f"p{i}", name=f"Participant {i} ☾", kind=kind, joined=date(2021 + i, 4, 28),
            joined_precision=list(Precision)[i % 4], source_url=f"https://example.org/p{i}",
            notes=f"signed\nline {i}", color=f"#0{i}a0b0", id=f"participant-{i}",
            classification=list(Classification)[i % 3]))
    owners = list(project.participants)
    project.add_calendar(Calendar("Launch site — 5 days", (True,) * 5 + (False, False), [
        CalendarException("Spring Festival", date(2028, 1, 26), date(2028, 2, 1)),
        CalendarException("Make-up Saturday", date(2028, 2, 5), date(2028, 2, 5), working=True)], id="cal-site"))
    project.add_calendar(Calendar("Deep-space network", (False, True, True, True, True, True, True), [],
                                  id="cal-dsn"))
    project.default_calendar_id = "cal-site"
    phase = project.add_task(Task("phase-1", "Basic station", 0, TaskKind.PHASE, id="task-phase", position=3))
    for i, kind in enumerate(list(TaskKind)):
        constraint = list(ConstraintType)[i % len(ConstraintType)]
        project.add_task(Task(
            key=f"t{i}", name=f"Task {i} — Chang'e", duration=10 * i + 1, kind=kind, id=f"task-{i}",
            parent_id=phase.id, position=i * 2, owner_id=owners[i % len(owners)], constraint=constraint,
            constraint_date=date(2028, 1 + i, 2) if constraint.dated else None,
            deadline=date(2035, 12, 31 - i), actual_start=date(2024, 5, 3 + i),
            actual_finish=date(2024, 6, 25) if i % 2 else None, percent_complete=(17 * i) % 101,
            precision=list(Precision)[i % 4], optimistic=i, most_likely=2 * i + 1, pessimistic=3 * i + 2,
            classification=list(Classification)[i % 3], source_url=f"https://example.org/t{i}",
            notes="ünïcødé\tand a tab\nand a second line" if i == 0 else f"note {i}",
            calendar_id="cal-dsn" if i % 2 else None, elapsed=i == 2, key_milestone=i % 2 == 1,
            confidence=[*Confidence, None][i % 4], source_date=date(2025, 6, 18 - i) if i % 3 else None,
            manual=i % 3 == 1))
    tasks = [t for t in project.tasks.values() if t.id != phase.id]
    for i, link_type in enumerate(LinkType):
        project.add_link(Link(tasks[i].id, tasks[i + 1].id, link_type, lag=(-3 if i % 2 else 7) * (i + 1),
                              id=f"link-{i}", elapsed=i == 1))
    first = {t.id: (date(2030, 1, 1), date(2030, 2, 1)) for t in tasks}
    first["task-deleted-long-ago"] = (date(2029, 1, 1), date(2029, 1, 1))
    project.baselines.append(Baseline("2021 roadmap", date(2021, 6, 16), first, notes="as announced",
                                      id="baseline-a", prev_hash=""))
    later = {tasks[0].id: (date(2031, 1, 1), date(2032, 1, 1))}
    project.baselines.append(Baseline("2024 plan", date(2024, 9, 5), later,
                                      notes="", id="baseline-b", prev_hash="ab" * 32,
                                      classification=Classification.RESTRICTED))
    project.signature = PlanSignature("SUPARCO planning", bytes(range(32)), bytes(range(64)), "cd" * 32,
                                      "2026-04-01T10:00:00+00:00")
    return project


@pytest.fixture
def rich_project() -> Project:
    return build_rich_project()


@pytest.fixture
def plan_file(tmp_path: Path, rich_project: Project) -> Path:
    """A valid saved plan to tamper with."""
    path = tmp_path / "plan.db"
    save_project(rich_project, path)
    return path
