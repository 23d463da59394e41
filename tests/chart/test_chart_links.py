"""The chart's links read from the schedule's link table agree with the links looked up by id:
the same links, ends and types, on the bundled roadmap, after link edits, and with rows hidden."""

from __future__ import annotations

import dataclasses

import numpy as np

from ilrs_planner.chart import build_chart_data
from ilrs_planner.commands.links import AddLink, DeleteLink, EditLink
from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.domain import LinkType
from ilrs_planner.engine.cpm import schedule


def link_view(data) -> list[tuple[str, str, str, int, bool]]:
    """(link id, pred task, succ task, type code, critical) of every link the chart draws."""
    return [(lid, data.task_ids[p], data.task_ids[s], t, c) for lid, p, s, t, c in zip(
        data.link_ids, data.link_pred.tolist(), data.link_succ.tolist(), data.link_type.tolist(),
        data.link_critical.tolist())]


def by_id(project, derived, rows):
    """The chart built without the schedule's link table: every link end looked up by task id."""
    return build_chart_data(project, dataclasses.replace(derived, links=None), rows)


def test_links_from_the_schedule_are_the_links_of_the_plan():
    project = build_reference_project()
    derived = schedule(project)
    rows = [task.id for task, _ in project.walk()]
    drawn = link_view(build_chart_data(project, derived, rows))
    assert derived.links is not None and len(drawn) == len(project.links)
    assert drawn == link_view(by_id(project, derived, rows))
    assert {(p, s) for _, p, s, _, _ in drawn} == {(link.pred_id, link.succ_id) for link in project.links.values()}


def test_a_changed_link_type_and_a_new_link_show_after_scheduling_again():
    project = build_reference_project()
    first = next(iter(project.links.values()))
    EditLink(first.id, LinkType.SS, first.lag).apply(project)
    a, b = [task.id for task, _ in project.walk() if not project.is_summary(task.id)][-2:]
    added = AddLink(a, b, LinkType.FF, link_id="new-link")
    added.apply(project)
    new_id = "new-link"
    rows = [task.id for task, _ in project.walk()]
    drawn = {lid: (p, s, t) for lid, p, s, t, _ in link_view(build_chart_data(project, schedule(project), rows))}
    assert drawn[first.id][2] == 1 and drawn[new_id] == (a, b, 2)  # SS = 1, FF = 2
    DeleteLink(new_id).apply(project)
    assert new_id not in {view[0] for view in link_view(build_chart_data(project, schedule(project), rows))}


def test_links_into_hidden_rows_are_not_drawn():
    project = build_reference_project()
    derived = schedule(project)
    rows = [task.id for task, _ in project.walk()][::2]  # every other row hidden
    data = build_chart_data(project, derived, rows)
    shown = set(rows)
    expected = [link.id for link in project.links.values() if link.pred_id in shown and link.succ_id in shown]
    assert list(data.link_ids) == expected and np.all(data.link_pred >= 0)
    assert link_view(data) == link_view(by_id(project, derived, rows))
