"""The plan model, stdlib only (plus dateutil for what people type)."""

from .calendar import CONTINUOUS_NAME, Calendar, CalendarException, continuous_calendar
from .dates import (
                    deadline_finish,
                    deadline_from_finish,
                    edge_precision,
                    edge_text,
                    format_fuzzy_date,
                    parse_fuzzy_date,
                    parse_iso_date,
                    period_end,
                    period_start,
                    shown_finish,
                    shown_start,
)
from .durations import parse_duration
from .enums import Classification, Confidence, ConstraintType, LinkType, ParticipantKind, Precision, TaskKind
from .errors import CODES, PlannerError
from .ids import fresh_ids, new_id, reference_id
from .model import Project
from .plan_parts import Baseline, Link, Participant, PlanSignature, SentCopy, Task

__all__ = [
    "Baseline", "CODES", "deadline_finish", "deadline_from_finish", "edge_precision", "edge_text", "shown_finish",
    "shown_start",
    "CONTINUOUS_NAME", "Calendar",
    "CalendarException", "continuous_calendar", "Classification", "Confidence", "ConstraintType", "Link", "LinkType",
    "Participant",
    "ParticipantKind", "PlanSignature", "PlannerError", "Precision", "Project",
    "SentCopy", "Task", "TaskKind", "format_fuzzy_date",
    "fresh_ids", "new_id", "reference_id", "parse_duration", "parse_fuzzy_date", "parse_iso_date", "period_end",
    "period_start",
]
