"""Hostile or broken task tables: every input ends in a plan or a coded error, quickly.

A partner's CSV is untrusted input. Random bytes, random text and mutations of real MS Project
exports must never escape as a traceback, hang, or grow memory without bound.
"""

from __future__ import annotations

import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ilrs_planner.domain import CODES, PlannerError
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.exchange.formats import read_plan

DATA = Path(__file__).with_name("data")
SAMPLES = [(DATA / name).read_bytes() for name in ("msp_export.csv", "ilrs_semicolon.csv")]
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                        HealthCheck.too_slow])
SECONDS_PER_FILE = 5.0  # CPU seconds, which other work on the machine does not stretch


def _read_ends_cleanly(tmp_path: Path, payload: bytes) -> None:
    """Import (and schedule, as the CLI does) `payload`: a plan or a PlannerError with a known code."""
    path = tmp_path / "partner.csv"
    path.write_bytes(payload)
    began = time.process_time()
    try:
        schedule(read_plan(path).project)
    except PlannerError as err:
        assert err.code in CODES, err.code
        assert err.message.strip()
    assert time.process_time() - began < SECONDS_PER_FILE


@FUZZ
@given(payload=st.binary(max_size=2000))
def test_random_bytes(tmp_path, payload):
    _read_ends_cleanly(tmp_path, payload)


_cells = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
_headers = st.lists(st.sampled_from(["ID", "Name", "Duration", "Predecessors", "Outline Level", "Start",
                                     "Constraint Type", "Constraint Date", "Deadline", "Actual Start",
                                     "Actual Finish", "% Complete", "Owner", "Kind", "Classification", "Key"]),
                    min_size=1, max_size=8, unique=True)


@FUZZ
@given(headers=_headers, rows=st.lists(st.lists(_cells, max_size=9), max_size=12), sep=st.sampled_from([",", ";"]))
def test_random_tables_with_real_column_names(tmp_path, headers, rows, sep):
    lines = [sep.join(headers)] + [sep.join(cell.replace(sep, " ").replace("\n", " ") for cell in row) for row in rows]
    _read_ends_cleanly(tmp_path, "\n".join(lines).encode("utf-8"))


@st.composite
def _mutated_sample(draw) -> bytes:
    data = bytearray(draw(st.sampled_from(SAMPLES)))
    for _ in range(draw(st.integers(1, 8))):
        spot = draw(st.integers(0, max(len(data) - 1, 0)))
        action = draw(st.sampled_from(["flip", "insert", "delete", "duplicate_line"]))
        if action == "flip" and data:
            data[spot] ^= 1 << draw(st.integers(0, 7))
        elif action == "insert":
            data[spot:spot] = draw(st.sampled_from([b",", b";", b'"', b"\n", b"FS+", b"-99999d", b"0/0/0", b"\xff"]))
        elif action == "delete":
            del data[spot:spot + draw(st.integers(1, 20))]
        else:
            lines = bytes(data).split(b"\n")
            line = lines[draw(st.integers(0, len(lines) - 1))]
            data = bytearray(b"\n".join(lines + [line]))
    return bytes(data)


@FUZZ
@given(payload=_mutated_sample())
def test_mutated_ms_project_exports(tmp_path, payload):
    _read_ends_cleanly(tmp_path, payload)
