"""A plan comparison as readable text: one line per object, indented field changes old → new."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from ..domain.durations import format_days
from ..domain.terminal_text import one_line
from .diff import FieldChange, ItemDiff, PlanDiff, SectionDiff

MAX_VALUE_CHARS = 80  # long notes are cut in the text view; --json gives them whole


def show_value(value: Any) -> str:
    """A field value as a planner would write it."""
    if value is None or value == "":
        return "(none)"
    if isinstance(value, list) and len(value) == 2 and all(isinstance(v, str) for v in value):
        return f"{value[0]}..{value[1]}"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {show_value(v)}" for k, v in value.items()) + "}"
    text = one_line(str(value).replace("\n", " "))
    return text if len(text) <= MAX_VALUE_CHARS else text[:MAX_VALUE_CHARS - 1] + "…"


# Fields that count days, and whether they read signed: a duration '30 d', a lag '+3 d' (domain.durations).
DAY_FIELDS = {"duration": False, "optimistic": False, "most_likely": False, "pessimistic": False, "lag": True}


NO_LAG = "no lag"  # a link without lag, which the Predecessors column writes as its type alone ('5FS')


def shown_change(change: FieldChange, elapsed: tuple[bool, bool] = (False, False)) -> tuple[str, str]:
    """A field change's old and new values as a planner reads them: days with their unit, as the task
    table writes them ('30 d', '5 ed', a lag '+3 d', a zero lag 'no lag'); `elapsed` says which side
    counts calendar days."""
    signed = DAY_FIELDS.get(change.field)
    values = (change.old, change.new)
    if signed is None or not all(isinstance(value, int | None) for value in values):
        return show_value(change.old), show_value(change.new)
    old, new = (_days_text(change.field, value, side, signed) for value, side in zip(values, elapsed))
    return old, new


def _days_text(field: str, value: int | None, elapsed: bool, signed: bool) -> str:
    """A count of days with its unit; a lag of none as no lag (MS Project writes '5FS', not '5FS+0d')."""
    if value is None:
        return show_value(None)
    if field == "lag" and value == 0:
        return NO_LAG
    return format_days(value, elapsed, signed)


def _span_text(span: Any) -> str:
    """A baseline entry [start, exclusive finish] as its days of work read: '2029-01-01 to 2035-12-31',
    a milestone's day alone; '(none)' where the baseline has no entry for the task."""
    if not (isinstance(span, list | tuple) and len(span) == 2):
        return show_value(span)
    start, finish = (date.fromisoformat(str(day)) for day in span)
    if finish <= start:  # a milestone: a point on its day
        return start.isoformat()
    return f"{start.isoformat()} to {(finish - timedelta(days=1)).isoformat()}"


def entry_changes(change: FieldChange, names: dict[str, str]) -> list[tuple[str, str, str]]:
    """(task as a person reads it, was, is) for each baseline entry a change of `entries` holds."""
    old, new = change.old or {}, change.new or {}
    shown = {label: names.get(label) or str(label) for label in set(old) | set(new)}
    return [(shown[label], _span_text(old.get(label)), _span_text(new.get(label)))
            for label in sorted(shown, key=lambda label: shown[label].casefold())]


def item_changes(item: ItemDiff) -> list[tuple[str, str, str]]:
    """(what, was, is) for each change of an item, as a person reads them: days with their unit, a
    baseline's entries one task each, by name, with the last day of work."""
    rows = []
    for change in item.changes:
        if change.field == "entries":
            rows += [(one_line(name), was, now) for name, was, now in entry_changes(change, item.entry_names)]
        else:
            rows.append((change.field, *shown_change(change, item.elapsed)))
    return rows


def _section_lines(title: str, section: SectionDiff) -> list[str]:
    if section.is_empty():
        return []
    counts = f"{len(section.added)} added, {len(section.removed)} removed, {len(section.changed)} changed"
    lines = [f"{title}: {counts}"]
    lines += [f"  + {one_line(item.label)}" for item in section.added]
    lines += [f"  - {one_line(item.label)}" for item in section.removed]
    for item in section.changed:
        lines.append(f"  ~ {one_line(item.label)}")
        lines += [f"      {what}: {was} → {now}" for what, was, now in item_changes(item)]
    return lines


def format_diff(diff: PlanDiff, name_a: str = "A", name_b: str = "B") -> str:
    """The whole comparison as text; says so plainly when the plans are the same."""
    lines = [f"Comparing {name_a} → {name_b}"]
    if diff.plan:
        lines.append("Plan:")
        lines += [f"      {c.field}: {show_value(c.old)} → {show_value(c.new)}" for c in diff.plan]
    for title in ("tasks", "links", "participants", "baselines"):
        lines += _section_lines(title.capitalize(), getattr(diff, title))
    if diff.milestone_moves:
        lines.append("Milestone moves:")
        lines += [f"  {one_line(m.label)}: {' → '.join(m.shown())} ({m.variance()})" for m in diff.milestone_moves]
    lines += [f"Note: {note}" for note in diff.schedule_notes]
    if diff.is_empty():
        lines.append("The plans' content is the same.")
    return "\n".join(lines)
