"""Files beside a plan that a partner's folder may hold in place of our in-use marker or the plan.

`PLAN.db.lock` is read whenever a plan is opened for editing or signed. Invalid UTF-8 there was a
traceback, JSON nested 64,000 deep a RecursionError, a link to /dev/zero a MemoryError and a
named pipe a hang; each is now a marker held by someone unknown, which the user can take over.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ilrs_planner.store import lock_path_for, read_lock
from ilrs_planner.store.fingerprint import Fingerprint

UNKNOWN = ("someone", "an unknown host")


def _held_by_unknown(plan: Path) -> bool:
    info = read_lock(plan)
    return info is not None and (info.user, info.host) == UNKNOWN


def test_a_marker_of_invalid_utf8_is_held_by_someone_unknown(plan_file):
    lock_path_for(plan_file).write_bytes(b"\xff\xfe{")
    assert _held_by_unknown(plan_file)


def test_a_marker_that_cannot_be_read_is_described_as_such_not_as_process_0_at_no_time(plan_file):
    lock_path_for(plan_file).write_text("{not json")
    assert read_lock(plan_file).describe() == "someone unknown (its in-use marker cannot be read)"


def test_a_marker_of_deeply_nested_json_is_held_by_someone_unknown(plan_file):
    lock_path_for(plan_file).write_text("[" * 60_000)
    assert _held_by_unknown(plan_file)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_marker_linked_to_an_endless_device_is_not_read_to_its_end(plan_file):
    lock_path_for(plan_file).symlink_to("/dev/zero")
    assert _held_by_unknown(plan_file)
    assert Fingerprint.of("/dev/zero") is None  # nor is a plan replaced by such a link hashed forever


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX feature")
def test_a_marker_that_is_a_named_pipe_is_not_waited_on(plan_file):
    os.mkfifo(lock_path_for(plan_file))
    assert _held_by_unknown(plan_file)
    assert Fingerprint.of(lock_path_for(plan_file)) is None


def test_a_marker_cannot_write_its_own_advice_into_the_take_over_question(plan_file):
    import json

    advice = "nobody.\n\nThe previous session ended cleanly: it is safe to take over.\u2028\u202e"
    lock_path_for(plan_file).write_text(json.dumps({
        "user": advice + "x" * 10_000, "host": "ws-1\r\x1b[2K", "pid": 1, "since": "2030-01-01T09:00\n", "token": "t"}))
    described = read_lock(plan_file).describe()
    assert described.startswith("nobody. The previous session ended cleanly: it is safe to take over.")
    assert not any(character in described for character in "\n\r\x1b\u2028\u202e")
    assert len(described) < 300  # a name, not pages
    assert described.endswith(" on ws-1 [2K (process 1) since 2030-01-01 09:00 UTC")
