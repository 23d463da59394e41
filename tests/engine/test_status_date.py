"""Status-date forecasting beyond the catalogue: the bundled roadmap, the driving chain, the risk model."""

from __future__ import annotations

from datetime import date

from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.domain import ConstraintType, Link, Project, Task
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.engine.driving_chain import driving_chain
from ilrs_planner.engine.risk import run_risk

D = date


def _late_plan() -> Project:
    """design (20 d, planned from 2030-01-01) -> launch; the status date 2030-03-01 finds design unstarted."""
    project = Project("Late", D(2030, 1, 1), status_date=D(2030, 3, 1))
    project.add_task(Task("design", "Design", 20, id="design", position=0, optimistic=15, most_likely=20,
                          pessimistic=40))
    project.add_task(Task("launch", "Launch", 0, id="launch", position=1))
    project.add_link(Link("design", "launch", id="l1"))
    return project


def test_no_unstarted_work_on_the_roadmap_lies_before_its_status_date():
    project = build_reference_project()
    result = schedule(project)
    leaves = [t for tid, t in project.tasks.items() if not project.is_summary(tid)]
    unstarted = [t.key for t in leaves if t.actual_start is None and t.actual_finish is None
                 and result.tasks[t.id].early_start < project.status_date]
    assert unstarted == []
    running = [t.key for t in leaves if t.actual_start and not t.actual_finish
               and result.tasks[t.id].early_finish <= project.status_date]
    assert running == []  # work under way has days left after the status date


def test_the_driving_chain_names_the_status_date():
    project = _late_plan()
    result = schedule(project)
    dates = {tid: (d.early_start, d.early_finish) for tid, d in result.tasks.items()}
    chain = driving_chain(project, dates, "launch")
    assert [(s.key, s.driver) for s in chain] == [
        ("launch", "FS from 'Design' (design)"),
        ("design", "status date 2030-03-01 (remaining work starts no earlier)")]
    assert result.tasks["launch"].early_start == D(2030, 3, 21)  # 2030-03-01 + 20 days


def test_the_risk_model_keeps_unstarted_work_after_the_status_date():
    project = _late_plan()
    project.tasks["design"].constraint = ConstraintType.FNET
    project.tasks["design"].constraint_date = D(2030, 1, 10)  # long past: the status date binds instead
    percentiles = run_risk(project, iterations=200, seed=1).percentiles("launch", [1, 50])
    assert percentiles[1] >= D(2030, 3, 16)  # at best the optimistic 15 days from the status date
    assert percentiles[50] > D(2030, 3, 16)
