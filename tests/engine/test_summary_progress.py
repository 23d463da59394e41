"""A summary's % complete: Σ actual duration / Σ duration of the work below it, as MS Project rolls it up."""

from __future__ import annotations

from datetime import date

from ilrs_planner.domain import Project, Task, TaskKind
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.engine.summary_progress import summary_percents


def _plan(*rows: tuple[str, str | None, int, int]) -> Project:
    """Tasks as (key, parent key, duration, % complete); a key named as a parent is a phase."""
    project = Project("progress", date(2027, 1, 4))
    parents = {parent for _, parent, _, _ in rows if parent}
    for position, (key, parent, days, percent) in enumerate(rows):
        kind = TaskKind.PHASE if key in parents else TaskKind.MILESTONE if days == 0 and key not in parents \
            else TaskKind.TASK
        project.add_task(Task(key, key.title(), days, kind, id=key, parent_id=parent, position=position,
                              percent_complete=percent))
    return project


def test_three_sub_tasks_done_make_their_phase_100_percent():
    project = _plan(("payload", None, 0, 0), ("a", "payload", 5, 100), ("b", "payload", 10, 100),
                    ("c", "payload", 20, 100))
    assert summary_percents(project) == {"payload": 100}


def test_sub_tasks_weigh_by_their_duration():
    # 10 d at 100 %, 20 d at 50 %, 30 d at 0 %: (10 + 10 + 0) / 60 = 33.3 %, shown 33 %
    project = _plan(("dev", None, 0, 0), ("a", "dev", 10, 100), ("b", "dev", 20, 50), ("c", "dev", 30, 0))
    assert summary_percents(project) == {"dev": 33}


def test_two_halves_make_half_and_a_milestone_weighs_nothing():
    project = _plan(("dev", None, 0, 0), ("a", "dev", 8, 50), ("b", "dev", 4, 50), ("m", "dev", 0, 0))
    assert summary_percents(project) == {"dev": 50}


def test_a_phase_of_milestones_is_done_only_when_all_have_happened():
    project = _plan(("gates", None, 0, 0), ("g1", "gates", 0, 100), ("g2", "gates", 0, 0))
    assert summary_percents(project) == {"gates": 0}
    project.tasks["g2"].actual_start = date(2027, 2, 1)  # it happened
    assert summary_percents(project) == {"gates": 100}


def test_nested_phases_add_their_tasks_days_and_an_actual_finish_counts_as_done():
    # top: sub (a 6 d done by its actual finish, b 2 d at 0 %) and c 12 d at 25 %
    # sub = 6 / 8 = 75 %; top = (6 + 0 + 3) / 20 = 45 %
    project = _plan(("top", None, 0, 0), ("sub", "top", 0, 0), ("a", "sub", 6, 0), ("b", "sub", 2, 0),
                    ("c", "top", 12, 25))
    project.tasks["a"].actual_start, project.tasks["a"].actual_finish = date(2027, 1, 4), date(2027, 1, 9)
    assert summary_percents(project) == {"top": 45, "sub": 75}
    assert summary_percents(project, schedule(project)) == {"top": 45, "sub": 75}  # the schedule's outline


def test_a_phase_just_short_of_done_reads_below_100():
    project = _plan(("p", None, 0, 0), ("a", "p", 999, 100), ("b", "p", 1, 0))  # 99.9 %
    assert summary_percents(project) == {"p": 99}


def test_a_deep_outline_adds_each_level_once():
    project = Project("deep", date(2027, 1, 4))
    parent = None
    for level in range(300):
        project.add_task(Task(f"p{level}", f"P{level}", 0, TaskKind.PHASE, id=f"p{level}", parent_id=parent))
        project.add_task(Task(f"t{level}", f"T{level}", 2, TaskKind.TASK, id=f"t{level}", parent_id=f"p{level}",
                              percent_complete=100 if level % 2 else 0))
        parent = f"p{level}"
    percents = summary_percents(project)
    assert percents["p299"] == 100  # its one task, done
    assert percents["p298"] == 50  # t298 at 0 %, t299 done
    assert percents["p0"] == 50  # 150 of 300 tasks done, each 2 d
