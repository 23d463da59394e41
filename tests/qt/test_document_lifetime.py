"""A plan with undo history, freed by Python's garbage collector, goes away with its edits and
takes nothing down with it (run in a process of its own: the failure this guards against was a
crash of the interpreter, which would end the whole test run instead of failing one test)."""

from __future__ import annotations

import os
import subprocess
import sys

FREE_A_PLAN_HELD_IN_A_CYCLE = """
import gc
import weakref
from datetime import date

from PySide6.QtWidgets import QApplication

from ilrs_planner.commands.tasks import AddTask, SetDuration
from ilrs_planner.domain import Project, Task
from ilrs_planner.qt.document import Document

app = QApplication([])
project = Project(name="Cycle", start=date(2030, 1, 1))
project.add_task(Task(key="A", name="Survey", duration=5, id="a", position=0))
document = Document(project)
# The plan outlives a young collection before it is edited, as any plan a person works on: its
# edits are then younger than it, and the collector meets them before the plan when it frees both.
gc.collect(0)
document.push(SetDuration("a", 7))
document.push(AddTask(Task(key="B", name="Landing", duration=3, id="b", position=1)))
edits = [weakref.ref(document.undo_stack.command(index)) for index in range(document.undo_stack.count())]
plan = weakref.ref(document)
document.views = [document]  # a reference cycle, as views and their document make: only the collector frees it
del document
gc.collect()
print(len(edits), plan() is None, all(edit() is None for edit in edits))
"""


def test_a_plan_with_edits_freed_by_the_garbage_collector_goes_with_its_edits_and_no_crash(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path))
    run = subprocess.run([sys.executable, "-X", "faulthandler", "-c", FREE_A_PLAN_HELD_IN_A_CYCLE], env=env,
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["2", "True", "True"]
