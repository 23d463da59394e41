"""Mutated plan files: every input ends in a plan or a `store.*` error, in bounded time, never a traceback."""

from __future__ import annotations

import tempfile
import time
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ilrs_planner.domain import Link, PlannerError, Project, Task
from ilrs_planner.store import limits, open_project, save_project


def _small_plan_bytes() -> bytes:
    project = Project("Fuzz", date(2030, 1, 1), author="fuzz")
    tasks = [project.add_task(Task(f"t{i}", f"Task {i}", i, notes="x" * (i * 30), deadline=date(2031, 1, i + 1)))
             for i in range(12)]
    for a, b in zip(tasks, tasks[1:]):
        project.add_link(Link(a.id, b.id, lag=1))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "seed.db"
        save_project(project, path)
        return path.read_bytes()


SEED = _small_plan_bytes()

mutations = st.lists(st.tuples(st.integers(0, len(SEED) - 1), st.integers(0, 255)), min_size=1, max_size=24)
header_mutations = st.lists(st.tuples(st.integers(0, 99), st.integers(0, 255)), min_size=1, max_size=4)


def _open_mutated(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "mutated.db"
    path.write_bytes(data)
    started = time.process_time()
    try:
        project = open_project(path)
        assert isinstance(project, Project)
    except PlannerError as error:
        assert error.code.startswith("store."), error
        assert error.message
    assert time.process_time() - started < limits.time_budget(len(data)) + 5
    assert path.read_bytes() == data  # opening never writes, whatever the file holds


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(changes=mutations, cut=st.one_of(st.none(), st.integers(0, len(SEED))))
def test_mutated_bytes_give_a_plan_or_a_store_error(tmp_path, changes, cut):
    data = bytearray(SEED)
    for offset, value in changes:
        data[offset] = value
    _open_mutated(tmp_path, bytes(data[:cut] if cut is not None else data))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(changes=header_mutations)
def test_mutated_headers_give_a_plan_or_a_store_error(tmp_path, changes):
    data = bytearray(SEED)
    for offset, value in changes:
        data[offset] = value
    _open_mutated(tmp_path, bytes(data))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(data=st.binary(max_size=4096))
def test_random_bytes_give_a_store_error(tmp_path, data):
    _open_mutated(tmp_path, data)
