"""A partner's outline thousands of levels deep: the schedule table stays readable and its size linear.

Each level indented the name two more spaces, so a 50,000-level outline (a 2 MB file) printed
about 5 GB and took 2.8 GB of memory, and below level 24 no name was left to read.
"""

from datetime import date

from ilrs_planner.cli import main
from ilrs_planner.domain import Project, Task
from ilrs_planner.store import save_project


def test_the_deepest_task_of_a_3000_level_outline_is_named_on_a_line_of_ordinary_width(tmp_path, capsys):
    plan = Project("Deep", date(2030, 1, 1))
    parent = None
    for depth in range(3000):
        parent = plan.add_task(Task(f"k{depth}", f"Level {depth}", 1, id=f"t{depth}", parent_id=parent)).id
    save_project(plan, tmp_path / "deep.db")
    assert main(["schedule", str(tmp_path / "deep.db")]) == 0
    lines = capsys.readouterr().out.splitlines()
    deepest = next(line for line in lines if line.startswith("k2999 "))
    assert "Level 2999" in deepest
    assert max(map(len, lines)) < 200
