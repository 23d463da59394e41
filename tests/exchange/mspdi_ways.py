"""Reading an MS Project XML file each way it can be read: in one process, in a worker process by the
element tree, and the short way (`plain_file`); ids drawn from a seeded source so plans compare."""

import os
import random
import sys
import uuid
from pathlib import Path

from ilrs_planner.domain import PlannerError
from ilrs_planner.domain.canonical import canonical_bytes
from ilrs_planner.exchange.formats import read_plan
from ilrs_planner.exchange.mspdi import parse_worker


def read_way(monkeypatch, path: Path, way: str):
    """(canonical plan bytes, warnings) or the refusal's (code, message); ids drawn from a seeded source.

    `way`: "single" (one process), "worker" (the element tree's way in a second process) or "plain"
    (the short way tried first); returns the outcome and the ways the worker was started."""
    monkeypatch.setattr(parse_worker, "MIN_BYTES", 1 << 60 if way == "single" else 0)
    monkeypatch.setattr(parse_worker, "PLAIN", way == "plain")
    monkeypatch.delitem(sys.modules, "PySide6.QtCore", raising=False)  # loaded by pytest-qt, not by a read
    rng = random.Random(7)
    monkeypatch.setattr(os, "urandom", rng.randbytes)
    monkeypatch.setattr(uuid, "uuid4", lambda: uuid.UUID(int=rng.getrandbits(128), version=4))
    started: list[bool] = []  # whether each worker started tried the short way
    original = parse_worker.parse_in_worker
    monkeypatch.setattr("ilrs_planner.exchange.mspdi.reader.parse_in_worker",
                        lambda *args, plain=False: started.append(plain) or original(*args, plain=plain))
    try:
        result = read_plan(path)
        outcome: tuple = (canonical_bytes(result.project), result.warnings)
    except PlannerError as refusal:
        outcome = (refusal.code, refusal.message)
    assert started in {"single": [[]], "worker": [[False]], "plain": [[True], [True, False]]}[way]
    return outcome, started


def both_ways(monkeypatch, path: Path, plain: bool | None = None) -> tuple:
    """The outcome of one process, the same in a worker and the short way; `plain`: whether the short way
    must have read the file (True) or left it to the usual way (False)."""
    single, _ = read_way(monkeypatch, path, "single")
    assert read_way(monkeypatch, path, "worker")[0] == single
    outcome, started = read_way(monkeypatch, path, "plain")
    assert outcome == single
    if plain is not None:
        assert started == ([True] if plain else [True, False])
    return single


def task_text(uid: int, duration: str = "PT16H0M0S", extra: str = "") -> str:
    link = f"<PredecessorLink><PredecessorUID>{uid - 1}</PredecessorUID><Type>1</Type></PredecessorLink>"
    return (f"<Task><UID>{uid}</UID><Name>Task {uid}</Name><OutlineLevel>1</OutlineLevel>"
            f"<Duration>{duration}</Duration>"
            f"<Start>2030-01-07T08:00:00</Start><Finish>2030-01-08T17:00:00</Finish>{link if uid > 1 else ''}"
            f"<Baseline><Number>0</Number><Start>2030-01-07T08:00:00</Start><Finish>2030-01-08T17:00:00</Finish>"
            f"</Baseline>{extra}</Task>")


def plan_file(tmp_path: Path, tasks: str, after: str = "</Tasks></Project>") -> Path:
    path = tmp_path / "plan.xml"
    path.write_text('<?xml version="1.0" encoding="UTF-8"?><Project xmlns="http://schemas.microsoft.com/project">'
                    "<StartDate>2030-01-07T08:00:00</StartDate><Tasks>" + tasks + after, encoding="utf-8")
    return path


