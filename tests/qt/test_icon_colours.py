"""The table's icons are coloured as the chart paints their owners' bars, greys spread for print
and all (chart/print_greys): a Roscosmos row's icon is the amber of its bar, not the orange given."""

from __future__ import annotations

from ilrs_planner.chart.palette import owner_colors
from ilrs_planner.qt.models.task_columns import Column
from ilrs_planner.qt.models.task_tree_model import TASK_ID_ROLE


def _icon_colour(tree, task_id: str) -> str:
    icon = tree.proxy_index(task_id, int(Column.NAME)).data(1)  # Qt.DecorationRole
    image = icon.pixmap(14, 14).toImage()
    return image.pixelColor(7, 6).name()  # the middle of a bar or a diamond


def test_each_rows_icon_is_its_owners_colour_as_the_chart_paints_it(roadmap_window):
    project, tree = roadmap_window.document.project, roadmap_window.tree
    painted = owner_colors(project)
    roscosmos = next(p.id for p in project.participants.values() if p.key == "roscosmos")
    assert painted[roscosmos] != project.participants[roscosmos].color  # lighter, to print apart in grey
    rows = [tree.model().index(r, 0).data(TASK_ID_ROLE) for r in range(tree.model().rowCount())]
    for owner in (roscosmos, next(p.id for p in project.participants.values() if p.key == "cnsa")):
        task_id = next(tid for tid in rows if project.tasks[tid].owner_id == owner
                       and tid not in project.summary_ids())
        assert _icon_colour(tree, task_id) == painted[owner]


def test_an_owner_given_to_a_task_recolours_the_icons_as_the_chart_does(roadmap_window):
    from ilrs_planner.commands.tasks import SetTaskFields

    document, tree = roadmap_window.document, roadmap_window.tree
    project = document.project
    newcomer = next(p for p in project.participants.values()
                    if p.color and p.id not in {t.owner_id for t in project.tasks.values()})
    task = next(t for t, _depth in project.walk() if t.name == "Chang'e 7 south-pole survey")
    document.push(SetTaskFields(task.id, owner_id=newcomer.id))
    assert _icon_colour(tree, task.id) == owner_colors(project)[newcomer.id]
