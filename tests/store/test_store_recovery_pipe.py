"""A named pipe where a recovery copy's note should be: start-up lists the copy, never waits on the pipe."""

import os
import subprocess
import sys
from datetime import date

import pytest

from ilrs_planner.domain import Project
from ilrs_planner.store import save_project
from ilrs_planner.store.recovery import find_recoveries

LISTING = "from ilrs_planner.store.recovery import find_recoveries; print([r.plan_path for r in find_recoveries()])"


def test_a_pipe_named_like_a_recovery_note_is_not_waited_on(tmp_path):
    folder = tmp_path / "recovery"
    folder.mkdir()
    save_project(Project(name="Lost work", start=date(2030, 1, 1)), folder / "copy.db")
    os.mkfifo(folder / "copy.json")
    env = dict(os.environ, ILRS_PLANNER_RECOVERY_DIR=str(folder), PYTHONPATH=os.pathsep.join(sys.path))
    try:  # its own process: before, this waited forever for a writer
        done = subprocess.run([sys.executable, "-c", LISTING], capture_output=True, text=True, env=env, timeout=300)
    except subprocess.TimeoutExpired:
        pytest.fail("listing the recovery copies waited on a pipe")
    assert done.returncode == 0 and done.stdout.strip() == "[None]"  # offered, dated by the file itself


def test_a_recovery_note_nested_past_the_json_readers_depth_is_read_as_no_note(tmp_path, monkeypatch):
    folder = tmp_path / "recovery"
    folder.mkdir()
    save_project(Project(name="Lost work", start=date(2030, 1, 1)), folder / "copy.db")
    (folder / "copy.json").write_text("[" * 30_000 + "]" * 30_000)  # within the note's 64 KiB
    monkeypatch.setenv("ILRS_PLANNER_RECOVERY_DIR", str(folder))
    assert [r.plan_path for r in find_recoveries()] == [None]  # offered, where start-up stopped with a traceback
