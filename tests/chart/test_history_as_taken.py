"""The roadmap's history frames draw each baseline as it was announced, whatever the plan says today.

"ILRS basic station complete" typed to 2036-03-15 today: the April 2026 frame still labels it 2035
("by 2035", the point at the end of 2035-12-31, known to the year) and bands it over 2035, not over
the 2036 its point 2036-01-01 00:00 falls in when read at today's moment and to today's day.
"""

from __future__ import annotations

from datetime import date

from ilrs_planner.chart.history import history_chart_data, moments
from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.domain import ConstraintType, Precision
from ilrs_planner.engine.cpm import schedule


def test_the_april_2026_frame_reads_by_2035_though_the_milestone_is_typed_into_2036():
    project = build_reference_project()
    basic = project.task_by_key("ilrs-basic")
    basic.constraint, basic.constraint_date, basic.precision = ConstraintType.SNET, date(2036, 3, 15), Precision.DAY
    april = next(m for m in moments(project) if m.baseline is not None and m.as_of == date(2026, 4, 13))
    data = history_chart_data(project, april, [task.id for task, _ in project.walk()], schedule(project))
    row = data.task_ids.index(basic.id)
    assert data.labels[row] == "ILRS basic station complete · 2035"
    assert (date.fromordinal(int(data.soft0[row])), date.fromordinal(int(data.soft1[row]))) == (
        date(2035, 1, 1), date(2036, 1, 1))  # the year 2035's band, its end exclusive
