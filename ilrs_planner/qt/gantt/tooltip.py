"""Tooltips: dates, float, owner, precision and source of a task; type and lag of a link."""

from __future__ import annotations

from html import escape

from ...chart import Hit
from ...domain import Precision, format_fuzzy_date
from ...domain.alternatives import alternative_figures


def tooltip_text(document, hit: Hit) -> str:
    """Rich text for what is under the pointer (empty if nothing useful)."""
    project = document.project
    if hit.kind == "link":
        link = project.links.get(hit.link_id)
        if link is None:
            return ""
        pred, succ = project.tasks[link.pred_id], project.tasks[link.succ_id]
        lag = f", lag {link.lag:+d} d" if link.lag else ""
        return (f"<b>{escape(pred.name)}</b> → <b>{escape(succ.name)}</b><br>{link.type}{lag}"
                "<br><i>Right-click to edit</i>")
    task = project.tasks.get(hit.task_id or "")
    if task is None:
        return ""
    lines = [f"<b>{escape(task.name)}</b> <span style='color:#5f6368'>{escape(task.key)}</span>"]
    dates = document.schedule.tasks.get(task.id) if document.schedule is not None else None
    if dates is not None:
        finish = dates.early_finish if task.duration == 0 else dates.early_finish.fromordinal(
            dates.early_finish.toordinal() - 1)
        lines.append(f"{dates.early_start.isoformat()} → {finish.isoformat()} ({task.duration} d)")
        critical = " · <b style=color:#d62728>critical</b>" if dates.critical else ""
        lines.append(f"Total float {dates.total_float} d{critical}")
    if task.precision is not Precision.DAY:
        shown = format_fuzzy_date(dates.early_finish if dates else task.constraint_date, task.precision)
        lines.append(f"Announced to the {task.precision.value}: {escape(shown)}")
    if task.actual_start:
        done = f" – {task.actual_finish.isoformat()}" if task.actual_finish else ""
        lines.append(f"Actual: {task.actual_start.isoformat()}{done}")
    owner = project.participants.get(task.owner_id or "")
    lines.append(f"Owner: {escape(owner.name) if owner else '—'}")
    if task.source_url:
        lines.append(f"Source: {escape(task.source_url)}")
    for text in alternative_figures(task.notes):  # another official's figure: beside the plan, not in it
        lines.append(f"<i>Alternative (not the plan):</i> {escape(text)}")
    return "<br>".join(lines)
