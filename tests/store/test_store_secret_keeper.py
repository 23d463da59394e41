"""A plan of an older format given the secret its first partner copy drew, in its own file: the secret
is kept, nothing else in the plan changes, and a file saved meanwhile or marked read-only is refused."""

from __future__ import annotations

import os

import pytest
from file_surgery import query_one
from secretless_plan import write_secretless_plan

from ilrs_planner.domain import PlannerError, Project
from ilrs_planner.sharing.redact import redact_project
from ilrs_planner.store import CURRENT_VERSION, Fingerprint, open_project, save_project
from ilrs_planner.store.secret_keeper import keep_secret


def _old_plan(path) -> Project:
    """tests/secretless_plan.py's plan, saved as format 10 wrote it (no secret), read back."""
    write_secretless_plan(path, "Old plan")
    return open_project(path)


def test_the_secret_is_kept_and_nothing_else_changes(tmp_path):
    path = tmp_path / "old.db"
    plan = _old_plan(path)
    os.chmod(path, 0o640)
    read = Fingerprint.of(path)
    redact_project(plan, "public")  # the copy draws the secret
    keep_secret(path, plan, read)
    assert query_one(path, "PRAGMA user_version") == (CURRENT_VERSION,)
    after = open_project(path)
    assert after.secret == plan.secret is not None and after == plan  # every task, link and date as it was
    assert os.stat(path).st_mode & 0o777 == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.db"]  # no temporary or side file left


def test_a_file_saved_meanwhile_is_not_overwritten(tmp_path):
    path = tmp_path / "old.db"
    plan = _old_plan(path)
    read = Fingerprint.of(path)
    elsewhere = open_project(path)
    elsewhere.tasks["landing"].duration = 12  # saved in the window while the copy was being made
    save_project(elsewhere, path)
    saved = path.read_bytes()
    redact_project(plan, "public")
    with pytest.raises(PlannerError) as caught:
        keep_secret(path, plan, read)
    assert caught.value.code == "store.secret_not_kept" and "make the copy again" in caught.value.message
    assert path.read_bytes() == saved


def test_a_read_only_file_is_refused_and_left_as_it_was(tmp_path):
    path = tmp_path / "old.db"
    plan = _old_plan(path)
    written = path.read_bytes()
    os.chmod(path, 0o444)  # refused for its mark, also where the user (the administrator) could replace it
    redact_project(plan, "public")
    with pytest.raises(PlannerError) as caught:
        keep_secret(path, plan, Fingerprint.of(path))
    assert caught.value.code == "store.secret_not_kept"
    assert "save the plan once" in caught.value.message and str(path) in caught.value.message
    assert path.read_bytes() == written
