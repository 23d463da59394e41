"""Each row's confidence as the chart draws it: the one the table's Confidence column shows.

A task a link pushed past its announcement no longer has the source's dates, so the table, the
tooltip, `schedule --json` and XLSX show it as `inferred` (or `assumption`, pushed by the planner's
date: engine/shown_confidence.py). Its bar is drawn so too, lighter with a dotted outline, and the
legend names what the bars show: a bar drawn as announced would say the opposite of its row.

Only a task holding an announcement (a dated start-no-earlier-than or a deadline) can be pushed
past it, and a phase above one, so those alone are asked about; the phases only once some task
was found pushed (asking a phase walks the plan's links).
"""

from __future__ import annotations

from itertools import repeat
from operator import attrgetter, is_not

import numpy as np

from ..domain import Confidence, ConstraintType, Project, Task
from ..engine.schedule import Schedule
from ..engine.shown_confidence import ShownConfidence

# How a bar's dates are drawn by confidence (domain/provenance.py): an inference lighter, an assumption
# pale with a dashed outline, so neither can be taken for an announcement. Unstated = sourced.
CONF_SOURCED, CONF_INFERRED, CONF_ASSUMPTION = 0, 1, 2
CONF_CODE = {Confidence.INFERRED: CONF_INFERRED, Confidence.ASSUMPTION: CONF_ASSUMPTION}
_LABEL_CODE = {Confidence.INFERRED.value: CONF_INFERRED, Confidence.ASSUMPTION.value: CONF_ASSUMPTION}
_HELD_FROM = (ConstraintType.SNET, ConstraintType.MSO)


def confidence_codes(project: Project, schedule: Schedule | None, rows: list[str], tasks: list[Task],
                     summaries: tuple[set[str], np.ndarray], pushed_before: bool) -> tuple[np.ndarray, set[str]]:
    """The rows' CONF_* as shown, and the ids of the rows' tasks shown weaker than they state;
    `summaries`: the plan's, and whether each row is one; `pushed_before`: some row was drawn pushed
    before this read (its phases are asked about too)."""
    n = len(tasks)
    stated = list(map(attrgetter("confidence"), tasks))
    codes = np.fromiter(map(CONF_CODE.get, stated, repeat(CONF_SOURCED)), np.int8, n)
    if schedule is None or not n or not _announces(tasks, stated):
        return codes, set()
    shown = ShownConfidence(project, schedule)
    shown.phases, summary = summaries  # known already: finding them again walks the whole plan
    pushed = [i for i in _holding(tasks, summary).tolist() if shown.pushed(rows[i])]
    if pushed or pushed_before:
        pushed += [i for i in np.flatnonzero(summary).tolist() if shown.pushed(rows[i])]
    for i in pushed:
        codes[i] = _LABEL_CODE.get(shown.of(rows[i]), CONF_SOURCED)
    return codes, {rows[i] for i in pushed}


def _announces(tasks: list[Task], stated: list[Confidence | None]) -> bool:
    """Some task reads sourced or inferred, so could be pushed past what it holds: a plan of the planner's
    own (no source cited, no confidence stated, as an MS Project file) has nothing to ask about."""
    kinds = set(stated)  # hashed in C: `in` on the list compared 100,000 values in Python
    if Confidence.SOURCED in kinds or Confidence.INFERRED in kinds:
        return True
    return None in kinds and any(map(attrgetter("source_url"), tasks))


def _holding(tasks: list[Task], summary: np.ndarray) -> np.ndarray:
    """The rows of tasks (not phases) holding an announcement: a deadline or a dated start held."""
    n = len(tasks)
    deadline = np.fromiter(map(is_not, map(attrgetter("deadline"), tasks), repeat(None)), bool, n)
    dated = np.fromiter(map(is_not, map(attrgetter("constraint_date"), tasks), repeat(None)), bool, n)
    candidates = np.flatnonzero((deadline | dated) & ~summary)
    return np.array([i for i in candidates.tolist() if deadline[i] or tasks[i].constraint in _HELD_FROM], np.int64)
