"""A process killed at any instant while saving leaves the old plan or the new one, both whole."""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import time
from datetime import date, timedelta

import pytest

from ilrs_planner.domain import Link, LinkType, Project, Task
from ilrs_planner.store import open_project, save_project

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the kill test forks the saving process")


def _large_plan(name: str, n_tasks: int, seed: int) -> Project:
    """A chain-and-fan plan of `n_tasks` tasks and ~2 links each, deterministic for a seed."""
    rng = random.Random(seed)
    project = Project(name, date(2026, 1, 1), author=name)
    ids = []
    for i in range(n_tasks):
        task = project.add_task(Task(f"T{i}", f"{name} task {i}", rng.randint(0, 60), id=f"{seed}-{i:06d}",
                                     position=i, notes="n" * rng.randint(0, 80),
                                     deadline=date(2030, 1, 1) + timedelta(days=rng.randint(0, 3000))))
        ids.append(task.id)
        for pred in {rng.randrange(i) for _ in range(2)} if i else ():
            project.add_link(Link(ids[pred], task.id, rng.choice(list(LinkType)), rng.randint(-5, 20)))
    return project


def _save_forever(path: str, plans: list[Project], ready) -> None:
    ready.set()
    for turn in range(10**9):
        save_project(plans[turn % 2], path)


def test_killing_a_save_100_times_always_leaves_one_of_the_two_plans(tmp_path):
    old, new = _large_plan("old", 3000, 1), _large_plan("new", 3600, 2)
    path = tmp_path / "plan.db"
    save_project(old, path)
    versions = {"old": old, "new": new}
    context = multiprocessing.get_context("fork")
    rng = random.Random(7)
    seen = set()
    for _ in range(100):
        ready = context.Event()
        saver = context.Process(target=_save_forever, args=(str(path), [new, old], ready), daemon=True)
        saver.start()
        assert ready.wait(10)
        time.sleep(rng.uniform(0.0, 0.15))
        os.kill(saver.pid, signal.SIGKILL)
        saver.join(10)
        survivor = open_project(path)  # raises if the file were damaged
        assert survivor == versions[survivor.name], "the file holds a mix of the two plans"
        seen.add(survivor.name)
    leftovers = [p for p in tmp_path.iterdir() if p.name.endswith(".saving")]
    assert seen == {"old", "new"}, "the kills never landed between saves of both kinds"
    assert leftovers, "no kill landed in the middle of writing a file"
