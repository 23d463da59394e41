"""Owners told apart on a greyscale print: colour marks a bar's owner, and a grey printer keeps
only each colour's grey (the luma a greyscale conversion computes)."""

from __future__ import annotations

import colorsys
from datetime import date
from itertools import combinations

from ilrs_planner.chart.palette import NO_OWNER, owner_colors
from ilrs_planner.chart.print_greys import GREY_STEP, grey_of
from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.domain import Participant, Project, Task


def _hue(color: str) -> float:
    return colorsys.rgb_to_hsv(*(int(color[i:i + 2], 16) / 255 for i in (1, 3, 5)))[0] * 360


def test_the_roadmaps_owners_print_as_greys_apart_each_keeping_its_hue():
    project = build_reference_project()
    colors = owner_colors(project)
    owners = {task.owner_id for task in project.tasks.values()}
    named = {project.participants[owner].key: colors[owner] for owner in owners}
    assert {"ist", "suparco", "roscosmos", "dsel", "cnsa", "cmsa"} <= set(named)
    # IST's sky blue, SUPARCO's pink, Roscosmos's orange and DSEL's olive printed within 21 levels of one grey.
    for (a, first), (b, second) in combinations(named.items(), 2):
        assert abs(grey_of(first) - grey_of(second)) >= GREY_STEP, (a, b)
    for owner in owners:  # on screen each is still the hue it was given: lighter or darker only
        given = project.participants[owner].color
        assert abs(_hue(colors[owner]) - _hue(given)) < 4, project.participants[owner].key
    assert colors[None] == NO_OWNER


def test_owners_whose_greys_already_differ_keep_their_colours_exactly():
    project = Project("Two owners", date(2030, 1, 1))
    for n, color in enumerate(("#0072b2", "#e69f00")):  # greys 87 and 162
        project.participants[f"p{n}"] = Participant(f"p{n}", f"Owner {n}", color=color, id=f"p{n}")
        project.add_task(Task(f"T{n}", f"Task {n}", 5, id=f"t{n}", owner_id=f"p{n}"))
    assert owner_colors(project) == {None: NO_OWNER, "p0": "#0072b2", "p1": "#e69f00"}
