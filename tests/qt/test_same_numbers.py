"""A count of days reads the same in the task table, the command line and the plan comparison:
'1,490 d', never '1490d' in one place and '1,490 d' in another."""

from __future__ import annotations

from datetime import date

from ilrs_planner.cli import main
from ilrs_planner.domain import Project, Task
from ilrs_planner.exchange.formats import write_plan
from ilrs_planner.qt.document import Document
from ilrs_planner.qt.main_window import MainWindow
from ilrs_planner.qt.models.task_columns import Column
from ilrs_planner.qt.sharing.compare_dialog import ComparisonDialog
from ilrs_planner.sharing.diff import diff_projects


def two_tasks() -> Project:
    """Long (1,500 days) and Short (10 days) side by side from 2030-01-01: Short floats 1,490 days."""
    project = Project("Floats", date(2030, 1, 1))
    project.add_task(Task("long", "Long", 1500, position=0))
    project.add_task(Task("short", "Short", 10, position=1))
    return project


def test_the_command_line_writes_a_float_as_the_table_does(qtbot, tmp_path, capsys):
    path, project = tmp_path / "floats.csv", two_tasks()
    write_plan(project, path)
    assert main(["schedule", str(path)]) == 0
    line = next(line for line in capsys.readouterr().out.splitlines() if line.endswith(" short"))
    window = MainWindow(Document(project))
    qtbot.addWidget(window, before_close_func=lambda w: w.document.mark_saved())
    short = project.task_by_key("short").id
    table = {column: window.tree.proxy_index(short, int(column)).data() for column in (Column.FLOAT, Column.FREE_FLOAT)}
    assert table == {Column.FLOAT: "1,490 d", Column.FREE_FLOAT: "1,490 d"}
    assert line.split()[-3:-1] == ["1,490", "d"] and line.count("1,490 d") == 2  # Float and Free, as the table's
    assert line.split()[0] == window.tree.proxy_index(short, int(Column.ID)).data()  # led by the ID the window shows


def test_the_plan_comparison_shows_a_changed_duration_with_its_unit_as_the_table_does(qtbot):
    old, new = two_tasks(), two_tasks()
    new.task_by_key("short").duration = 1200
    dialog = ComparisonDialog(diff_projects(old, new), "this", "other")
    qtbot.addWidget(dialog)
    tasks = next(dialog.tree.topLevelItem(i) for i in range(dialog.tree.topLevelItemCount())
                 if dialog.tree.topLevelItem(i).text(0) == "Tasks")
    change = tasks.child(0).child(0)
    assert [change.text(column) for column in range(3)] == ["duration", "10 d", "1,200 d"]
