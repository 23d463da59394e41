"""Graph helpers: topological order and dependency loops, as commands and views use them."""

from __future__ import annotations

from datetime import date

import pytest

from ilrs_planner.domain import Link, PlannerError, Precision
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.engine.graph import find_cycle, topological_order

CHAIN = {"tasks": [{"key": "C", "duration": 1}, {"key": "B", "duration": 2}, {"key": "A", "duration": 3}],
         "links": [{"from": "A", "to": "B"}, {"from": "B", "to": "C"}]}


def test_topological_order_puts_predecessors_first(make_project):
    assert topological_order(make_project(CHAIN)) == ["A", "B", "C"]


def test_topological_order_places_a_summary_after_its_sub_tasks(make_project):
    spec = {"tasks": [{"key": "P"}, {"key": "X", "duration": 1, "parent": "P"}, {"key": "Y", "duration": 1,
                                                                                   "parent": "P"},
                      {"key": "Z", "duration": 1}],
            "links": [{"from": "Y", "to": "X"}, {"from": "Z", "to": "Y"}]}
    order = topological_order(make_project(spec))
    assert order.index("Z") < order.index("Y") < order.index("X") < order.index("P")


def test_topological_order_refuses_a_loop_by_name(make_project):
    spec = dict(CHAIN, links=CHAIN["links"] + [{"from": "C", "to": "A"}])
    with pytest.raises(PlannerError, match="link.cycle: C → A → B → C"):
        topological_order(make_project(spec))


def test_find_cycle_is_none_on_a_sound_plan(make_project):
    assert find_cycle(make_project(CHAIN)) is None


def test_find_cycle_sees_a_link_about_to_be_added(make_project):
    project = make_project(CHAIN)
    assert find_cycle(project, [Link("C", "A")]) == ["C", "A", "B"]  # from the first-added task
    assert len(project.links) == 2, "the project itself is left alone"


def test_find_cycle_sees_a_loop_through_a_summary(make_project):
    spec = {"tasks": [{"key": "P"}, {"key": "A", "duration": 1, "parent": "P"}, {"key": "X", "duration": 1}],
            "links": [{"from": "P", "to": "X"}]}
    assert find_cycle(make_project(spec), [Link("X", "A")]) == ["P", "X", "A"]


def test_a_task_under_itself_is_refused(make_project):
    spec = {"tasks": [{"key": "A", "parent": "B"}, {"key": "B", "parent": "A"}]}
    with pytest.raises(PlannerError) as caught:
        schedule(make_project(spec))
    assert caught.value.code == "task.parent_cycle"


def test_a_deep_outline_is_scheduled(make_project):
    depth = 80  # deeper than plans go, to reach the one-task-at-a-time walk
    tasks = [{"key": f"S{i}", "parent": f"S{i - 1}" if i else None} for i in range(depth)]
    tasks.append({"key": "A", "duration": 4, "parent": f"S{depth - 1}"})
    result = schedule(make_project({"tasks": tasks, "links": []}))
    assert result.tasks["S0"].early_finish == date(2030, 1, 5)


def test_a_constraint_without_a_date_is_refused(make_project):
    spec = {"tasks": [{"key": "A", "duration": 1, "constraint": "SNET"}]}
    with pytest.raises(PlannerError, match="'A' has a SNET constraint without a date") as caught:
        schedule(make_project(spec))
    assert caught.value.code == "task.bad_value"


def test_an_actual_finish_before_the_actual_start_is_refused(make_project):
    spec = {"tasks": [{"key": "A", "duration": 1, "actual_start": date(2030, 1, 5),
                       "actual_finish": date(2030, 1, 2)}]}
    with pytest.raises(PlannerError) as caught:
        schedule(make_project(spec))
    assert caught.value.code == "task.bad_value" and caught.value.subject_ids == ("A",)


def test_an_empty_plan_spans_no_time(make_project):
    result = schedule(make_project({"start": date(2031, 5, 1)}))
    assert (result.project_start, result.project_finish, len(result.tasks)) == (date(2031, 5, 1),
                                                                                date(2031, 5, 1), 0)


def test_announcement_precision_does_not_move_dates(make_project):
    exact = make_project(CHAIN)
    vague = make_project(CHAIN)
    for task in vague.tasks.values():
        task.precision = Precision.YEAR
    assert dict(schedule(exact).tasks) == dict(schedule(vague).tasks)


def test_the_task_table_reads_like_a_mapping(make_project):
    result = schedule(make_project(CHAIN))
    assert len(result.tasks) == 3 and list(result.tasks) == ["C", "B", "A"] and "A" in result.tasks
    assert {k: v.early_start for k, v in result.tasks.items()}["C"] == date(2030, 1, 6)
    assert result.critical_ids() == {"A", "B", "C"}
    with pytest.raises(KeyError):
        result.tasks["nobody"]


@pytest.mark.parametrize("field, value, code", [("type", "XX", "link.bad_value"), ("lag", 1.5, "link.bad_value"),
                                                ("lag", None, "link.bad_value")])
def test_a_link_that_cannot_be_read_is_refused_by_name(make_project, field, value, code):
    project = make_project(CHAIN)
    setattr(project.links["link-0"], field, value)
    with pytest.raises(PlannerError, match="the link A → B has a") as caught:
        schedule(project)
    assert caught.value.code == code and caught.value.subject_ids == ("A", "B")


@pytest.mark.parametrize("value", [2.5, None, "3d", True])
def test_a_duration_that_is_not_whole_days_is_refused(make_project, value):
    project = make_project(CHAIN)
    project.tasks["B"].duration = value
    with pytest.raises(PlannerError, match="task 'B' has a duration of") as caught:
        schedule(project)
    assert caught.value.code == "task.bad_value"


def test_large_plans_are_ordered_and_their_loops_found(make_project):
    # Past 3,000 nodes a wide plan is ordered by the numpy level passes; same answers expected.
    n = 3500
    tasks = [{"key": f"T{i}", "duration": 1} for i in range(n)]
    links = [{"from": f"T{i}", "to": f"T{i + step}"} for i in range(n) for step in (101, 100 + i % 7)
             if i + step < n and (step == 101 or i % 7 != 1)]
    project = make_project({"tasks": tasks, "links": links})
    order = {tid: k for k, tid in enumerate(topological_order(project))}
    assert all(order[link.pred_id] < order[link.succ_id] for link in project.links.values())
    closing = Link(f"T{10 + 29 * 101}", "T10")  # T10 reaches it by 29 steps of 101
    loop = find_cycle(project, [closing])
    edges = {(link.pred_id, link.succ_id) for link in project.links.values()} | {(closing.pred_id, "T10")}
    assert loop[0] == "T10" and all((a, b) in edges for a, b in zip(loop, loop[1:] + loop[:1]))


@pytest.mark.parametrize("field, value", [("deadline", "2035"), ("actual_start", 2024), ("constraint", "SOON")])
def test_a_date_or_constraint_that_cannot_be_read_is_refused(make_project, field, value):
    project = make_project(CHAIN)
    setattr(project.tasks["B"], field, value)
    with pytest.raises(PlannerError, match="task 'B' has") as caught:
        schedule(project)
    assert caught.value.code == "task.bad_value" and caught.value.subject_ids == ("B",)
