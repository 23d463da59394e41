"""A side file that is not a regular file: SQLite opens any `-journal` beside a plan to see whether it
is hot, and opening a named pipe (FIFO) waits for a writer that never comes, so the program hung."""

from __future__ import annotations

import os

import pytest

from ilrs_planner.domain import PlannerError
from ilrs_planner.store import open_project
from ilrs_planner.store.sidefiles import side_files

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX feature")


def test_a_named_pipe_called_journal_beside_a_plan_is_refused_not_waited_on(plan_file):
    journal = plan_file.with_name(plan_file.name + "-journal")
    os.mkfifo(journal)
    assert side_files(plan_file) == [journal]  # checked first: before the fix, opening never returned
    with pytest.raises(PlannerError) as caught:
        open_project(plan_file)
    assert caught.value.code == "store.side_files" and journal.name in caught.value.message


def test_an_empty_regular_journal_is_still_allowed(plan_file):
    plan_file.with_name(plan_file.name + "-journal").write_bytes(b"")
    assert side_files(plan_file) == []
    assert open_project(plan_file).tasks
