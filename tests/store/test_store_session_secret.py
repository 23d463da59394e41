"""A plan open in the window, from a file of an older format, whose first partner copy drew its secret:
the session writes the secret into the file, the file otherwise as opened or last saved, so the unsaved
edits stay the planner's to save or discard and the next save still knows the file as its own."""

from __future__ import annotations

import dataclasses
import os

import pytest
from secretless_plan import write_secretless_plan

from ilrs_planner.domain import PlannerError
from ilrs_planner.sharing.redact import redact_project
from ilrs_planner.store import open_project, save_project
from ilrs_planner.store.session import PlanSession


@pytest.fixture
def session(tmp_path):
    path = tmp_path / "plan.db"
    write_secretless_plan(path)
    with PlanSession.open(path) as held:
        yield held


def _edit_and_share(session: PlanSession) -> bytes:
    """An unsaved edit, then a partner copy, which draws the plan's secret."""
    plan = session.project
    plan.tasks["landing"] = dataclasses.replace(plan.tasks["landing"], duration=12)
    redact_project(plan, "public")
    assert plan.secret is not None
    return plan.secret


def test_the_secret_goes_into_the_file_and_the_unsaved_edit_does_not(session):
    secret = _edit_and_share(session)
    session.keep_secret(secret)
    on_disk = open_project(session.path)
    assert on_disk.secret == secret and on_disk.tasks["landing"].duration == 10
    session.save(session.project)  # the file is still the session's: no "changed by someone else"
    assert open_project(session.path).tasks["landing"].duration == 12


def test_a_file_someone_saved_over_is_left_as_they_saved_it(session):
    theirs = open_project(session.path)
    theirs.name = "Their plan"
    save_project(theirs, session.path)
    written = session.path.read_bytes()
    with pytest.raises(PlannerError) as caught:
        session.keep_secret(_edit_and_share(session))
    assert caught.value.code == "store.secret_not_kept" and "changed by someone else" in caught.value.message
    assert session.path.read_bytes() == written


def test_a_read_only_file_is_refused(session):
    os.chmod(session.path, 0o444)
    written = session.path.read_bytes()
    with pytest.raises(PlannerError) as caught:
        session.keep_secret(_edit_and_share(session))
    assert caught.value.code == "store.secret_not_kept" and "read-only" in caught.value.message
    assert session.path.read_bytes() == written
