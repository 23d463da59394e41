"""A partner's outline thousands of levels deep: the schedule table stays readable and its size linear.

Each level indented the name two more spaces, so a 50,000-level outline (a 2 MB file) printed
about 5 GB and took 2.8 GB of memory, and below level 24 no name was left to read.
"""

from datetime import date

from ilrs_planner.cli import main
from ilrs_planner.domain import Link, Precision, Project, Task
from ilrs_planner.store import save_project


def test_the_deepest_task_of_a_3000_level_outline_is_named_on_a_line_of_ordinary_width(tmp_path, capsys):
    plan = Project("Deep", date(2030, 1, 1))
    parent = None
    for depth in range(3000):
        parent = plan.add_task(Task(f"k{depth}", f"Level {depth}", 1, id=f"t{depth}", parent_id=parent)).id
    save_project(plan, tmp_path / "deep.db")
    assert main(["schedule", str(tmp_path / "deep.db")]) == 0
    lines = capsys.readouterr().out.splitlines()
    deepest = next(line for line in lines if line.endswith(" k2999"))
    assert "Level 2999" in deepest and deepest.startswith("3000 ")  # its ID, the last of 3,000 rows
    assert max(map(len, lines)) < 200


def test_a_3000_level_outline_after_a_date_known_to_the_year_is_shown_to_the_year(tmp_path, capsys):
    # Finding the latest sub-task of each summary recursed once per level: past Python's limit the
    # schedule table, the images and the workbook failed with a traceback.
    plan = Project("Deep", date(2030, 1, 1))
    plan.add_task(Task("announced", "Announced", 10, id="announced", precision=Precision.YEAR))
    parent = None
    for depth in range(3000):
        parent = plan.add_task(Task(f"k{depth}", f"Level {depth}", 1, id=f"t{depth}", parent_id=parent)).id
    plan.add_link(Link("announced", "t0"))
    save_project(plan, tmp_path / "deep.db")
    assert main(["schedule", str(tmp_path / "deep.db")]) == 0
    deepest = next(line for line in capsys.readouterr().out.splitlines() if line.endswith(" k2999"))
    assert deepest.split()[3:7] == ["2030"] * 4  # start, finish and their early dates, as known: the year
    assert main(["export", str(tmp_path / "deep.db"), "-o", str(tmp_path / "deep.xlsx")]) == 0
