"""Phase bands and roll-ups worked out without walking the whole outline: phases in WBS order
even when positions tie, roll-ups exactly on the collapsed summaries."""

from __future__ import annotations

from datetime import date

from ilrs_planner.chart import build_chart_data
from ilrs_planner.chart.phases import phase_tasks
from ilrs_planner.chart.rollups import folded_milestones
from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.domain import Project, Task, TaskKind
from ilrs_planner.engine.cpm import schedule


def wbs_phases(project: Project) -> list[str]:
    return [task.id for task, _ in project.walk() if task.kind == "phase"]


def test_phases_come_in_wbs_order_even_where_positions_tie():
    project = Project("Ties", date(2030, 1, 1))
    project.add_task(Task("B", "Programme B", position=1, id="b"))
    project.add_task(Task("A", "Programme A", position=0, id="a"))
    for parent in ("a", "b"):  # three phases under each, the last two on the same position
        for key, position in (("3", 2), ("1", 0), ("2", 2)):
            project.add_task(Task(f"{parent}{key}", f"Phase {parent}{key}", 10, kind=TaskKind.PHASE,
                                  parent_id=parent, position=position, id=f"{parent}{key}"))
    project.add_task(Task("Z", "Top phase", 5, kind=TaskKind.PHASE, position=1, id="z"))
    assert [task.id for task in phase_tasks(project)] == wbs_phases(project)
    assert wbs_phases(project) == ["a1", "a3", "a2", "b1", "b3", "b2", "z"]  # ties: plan order


def test_the_roadmap_phases_and_roll_ups_are_those_the_outline_gives():
    project = build_reference_project()
    derived = schedule(project)
    assert [task.id for task in phase_tasks(project)] == wbs_phases(project)
    rows = [task.id for task, _ in project.walk()]
    assert len(build_chart_data(project, derived, rows).rollups) == 0  # all open: nothing folded
    folded = next(tid for tid in rows if tid in project.summary_ids() and any(
        project.tasks[kid].duration == 0 for kid in project.children_map()[tid]))
    shown = [tid for tid in rows if tid not in project.with_descendants([folded]) - {folded}]
    data = build_chart_data(project, derived, shown)
    expected = folded_milestones(project, data.row_of, project.summary_ids())
    assert expected and data.rollups.task_ids == [tid for _, tid in expected]
    assert set(data.rollups.row.tolist()) == {shown.index(folded)}


def test_a_summary_with_its_sub_tasks_shown_elsewhere_rolls_nothing_up():
    project = build_reference_project()
    rows = [task.id for task, _ in project.walk()]
    data = build_chart_data(project, schedule(project), rows[::-1])  # sub-tasks above their summaries
    assert len(data.rollups) == 0


def test_each_summary_folded_alone_rolls_up_its_own_milestones():
    project = build_reference_project()
    derived = schedule(project)
    rows = [task.id for task, _ in project.walk()]
    summaries = project.summary_ids()
    for folded in sorted(summaries):
        shown = [tid for tid in rows if tid not in project.with_descendants([folded]) - {folded}]
        data = build_chart_data(project, derived, shown)
        expected = folded_milestones(project, data.row_of, summaries)
        assert data.rollups.task_ids == [tid for _, tid in expected]
        if expected:
            assert set(data.rollups.row.tolist()) <= {shown.index(tid) for tid in summaries if tid in shown}
