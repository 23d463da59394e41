"""Every refusal the program can make opens with its own sentence: a box that begins "Something went
wrong." tells a planner nothing (typing a Start over a flown task's actual dates did so)."""

from __future__ import annotations

import re
from pathlib import Path

from ilrs_planner.domain import CODES

PACKAGE = Path(__file__).resolve().parents[2] / "ilrs_planner"
RAISED = re.compile(r'PlannerError\(\s*"([a-z_]+\.[a-z_]+)"')


def test_every_error_code_the_program_raises_has_its_sentence():
    raised = {code for path in PACKAGE.rglob("*.py") for code in RAISED.findall(path.read_text(encoding="utf-8"))}
    assert len(raised) > 50  # the scan reads the package's refusals (it found 76 when written)
    assert sorted(raised - set(CODES)) == []
