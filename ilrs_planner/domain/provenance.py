"""A task's provenance as a person reads it: how far its dates can be trusted, on whose word, as of when.

A task states its confidence (sourced, inferred, assumption) or leaves it unstated (None). An
unstated confidence is shown as "sourced" when the task cites a source, and as "unsourced" when it
cites none: a programme office never calls a date sourced without a source to point at, but nor
does it call a plan's own ordinary tasks assumptions (that word is kept for the dates a planner
deliberately made up and must replace). Unsourced tasks are drawn as ordinary bars; only the
assumption (and, lighter, the inferred) dates are marked on the Gantt.
"""

from __future__ import annotations

from datetime import date

from .enums import Confidence, Precision
from .plan_parts import Task

UNSOURCED = "unsourced"
CONFIDENCE_TEXTS = tuple(member.value for member in Confidence)


def shown_confidence(task: Task) -> str:
    """'sourced', 'inferred', 'assumption', or 'unsourced' for an unstated confidence without a source."""
    if task.confidence is not None:
        return task.confidence.value
    return Confidence.SOURCED.value if task.source_url else UNSOURCED


def shown_confidences(sources: list[str], stated: list[Confidence | None]) -> list[str]:
    """`shown_confidence` of tasks given as columns (each one's source_url and confidence): a call
    per task is felt at 100,000 tasks."""
    unstated = list(map(_UNSTATED.__getitem__, map(bool, sources)))
    if stated.count(None) == len(stated):
        return unstated
    return [shown if confidence is None else confidence.value for confidence, shown in zip(stated, unstated)]


_UNSTATED = {True: Confidence.SOURCED.value, False: UNSOURCED}


def is_assumption(task: Task) -> bool:
    return task.confidence is Confidence.ASSUMPTION


def is_inferred(task: Task) -> bool:
    return task.confidence is Confidence.INFERRED


def parse_confidence(text: str) -> Confidence | None:
    """A confidence from what a person typed ('' or 'unsourced' = not stated); ValueError names the choices."""
    cleaned = text.strip().lower()
    if cleaned in ("", UNSOURCED):
        return None
    try:
        return Confidence(cleaned)
    except ValueError:
        raise ValueError(f"confidence '{text}' is not one of {', '.join(CONFIDENCE_TEXTS)}") from None


def provenance_lines(task: Task, precision: Precision | None = None, confidence: str | None = None) -> list[str]:
    """Lines for a tooltip: the dates' precision and confidence (`confidence`: as shown, when a push past
    the task's announcement made it weaker than stated), then the source and its date."""
    shown = precision or task.precision
    stated = shown_confidence(task)
    pushed = f" (pushed past its source's date: {stated} as stated)" if confidence not in (None, stated) else ""
    lines = [f"Dates: {shown.value} precision, {confidence or stated}{pushed}"]
    if task.source_url:
        lines.append(f"Source: {task.source_url}{_as_of(task.source_date)}")
    elif task.source_date is not None:
        lines.append(f"Source dated {task.source_date.isoformat()} (no address given)")
    return lines


def _as_of(day: date | None) -> str:
    return f" ({day.isoformat()})" if day is not None else ""
