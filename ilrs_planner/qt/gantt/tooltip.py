"""Tooltips: dates, float, owner, precision and source of a task; type and lag of a link."""

from __future__ import annotations

import re
from datetime import date, timedelta
from html import escape

from ...chart import Hit
from ...domain import Precision, format_fuzzy_date
from ...domain.alternatives import alternative_figures
from ...domain.durations import format_days
from ...domain.provenance import is_assumption, is_inferred, provenance_lines, shown_confidence
from ...domain.working_count import WorkedDays
from ...engine.shown_confidence import ShownConfidence
from ...engine.shown_dates import at_completion_days, duration_text, shown_duration, under_way
from ..models.constraint_column import constraint_line

BREAK_EVERY = 40  # characters of a name without spaces after which its tooltip line may break
_UNBROKEN = re.compile(rf"\S{{{BREAK_EVERY}}}(?=\S)")


def _name(text: str) -> str:
    """A task's name for the tooltip: escaped, and breakable every BREAK_EVERY characters of a run
    without spaces (a zero-width space), so a 1,000-letter name wraps instead of running off the screen."""
    return escape(_UNBROKEN.sub(lambda run: run.group(0) + "\u200b", text))


def tooltip_text(document, hit: Hit, confidence: ShownConfidence | None = None) -> str:
    """Rich text for what is under the pointer (empty if nothing useful); `confidence`: the shown
    confidences kept from one hover to the next (GanttView.shown_confidence), else made for this one."""
    project = document.project
    if hit.kind == "link":
        link = project.links.get(hit.link_id)
        if link is None:
            return ""
        pred, succ = project.tasks[link.pred_id], project.tasks[link.succ_id]
        lag = f", lag {format_days(link.lag, link.elapsed, signed=True)}" if link.lag else ""
        return (f"<b>{_name(pred.name)}</b> → <b>{_name(succ.name)}</b><br>{link.type}{lag}"
                "<br><i>Right-click to edit</i>")
    task = project.tasks.get(hit.task_id or "")
    if task is None:
        return ""
    lines = [f"<b>{_name(task.name)}</b> <span style='color:#5f6368'>{escape(task.key)}</span>"]
    dates = document.schedule.tasks.get(task.id) if document.schedule is not None else None
    # A date driven by '2031' is known to the year; the document's reading, one for every view and hover.
    shown = document.shown_precision()
    precision = shown.of(task.id)
    if dates is not None:
        # The duration and float as the tree's cells write them (MS Project's Duration: a phase's span,
        # a task under way its own duration); the span of a task under way under its own name.
        summary = project.is_summary(task.id)
        worked = WorkedDays(project)
        duration = duration_text(shown_duration(project, task, dates, summary, worked), task.elapsed)
        lines += _span_lines(dates.shown_start, dates.shown_finish, shown.start_of(task.id), precision, duration)
        if under_way(task, summary):
            span = format_days(at_completion_days(project, task, dates, worked), task.elapsed)
            lines.append(f"At completion: {span} (actual start to forecast finish)")
        critical = " · <b style=color:#d62728>critical</b>" if dates.critical else ""
        # In the task's own units, as the Total float cell: an elapsed task's calendar days ('12 ed').
        lines.append(f"Total float {format_days(dates.total_float, task.elapsed and not summary)}{critical}")
        if task.deadline is not None:
            lines.append(deadline_words(task, dates, worked))
    if precision is not Precision.DAY:
        shown = format_fuzzy_date(dates.shown_finish if dates else task.constraint_date, precision)
        said = "Announced" if precision is task.precision else "Driven by a date known only"
        lines.append(f"{said} to the {precision.value}: {escape(shown)}")
    if constraint_line(task):  # a pinned task says so: a Start typed over a link leaves a constraint
        lines.append(escape(constraint_line(task)))
    if task.manual and not project.is_summary(task.id):
        lines.append("Manually scheduled: keeps its start whatever its predecessors say (bracketed bar)")
    if task.actual_start:
        done = f" – {task.actual_finish.isoformat()}" if task.actual_finish else ""
        lines.append(f"Actual: {task.actual_start.isoformat()}{done}")
    owner = project.participants.get(task.owner_id or "")
    lines.append(f"Owner: {escape(owner.name) if owner else '—'}")
    confidence = confidence if confidence is not None else ShownConfidence(project, document.schedule)
    lines.append(f"Confidence: {_confidence_html(task, confidence.of(task.id))}")
    if task.source_url or task.source_date:
        lines.append(escape(provenance_lines(task)[-1]))
    for text in alternative_figures(task.notes):  # another official's figure: beside the plan, not in it
        lines.append(f"<i>Alternative (not the plan):</i> {escape(text)}")
    return "<br>".join(lines)


def _span_lines(start: date, last: date, start_precision: Precision, precision: Precision, duration: str) -> list[str]:
    """Start → last day as the table's cells read them ('2030', 'Q3 2029'), and the days worked out
    beneath when either is known to less than the day (as the table's row tooltip says them)."""
    first, final = format_fuzzy_date(start, start_precision), format_fuzzy_date(last, precision)
    head = first if first == final and start_precision is not Precision.DAY else f"{first} → {final}"
    lines = [f"{escape(head)} ({duration})"]
    if start_precision is not Precision.DAY or precision is not Precision.DAY:
        days = start.isoformat() if start == last else f"{start.isoformat()} → {last.isoformat()}"
        lines.append(f"<span style='color:#5f6368'>Worked out to the day: {days}</span>")
    return lines


def deadline_words(task, dates, worked: WorkedDays) -> str:
    """'Deadline 2030-12-31 (met)', or '(missed by 3 d)': the task's days of work after the end of
    the deadline's day up to its finish, as its float counts them. Met or missed by the last day a
    person reads: a milestone at 08:00 the day after the deadline's day misses it by 1 d, though its
    point is the moment 17:00 on the deadline's day stands at too."""
    if dates.shown_finish <= task.deadline:
        return f"Deadline {task.deadline.isoformat()} (met)"
    end = task.deadline + timedelta(days=1)  # a deadline is the end of its day
    late = format_days(max(worked.between(task, end, dates.early_finish), 1), task.elapsed)
    return f"Deadline {task.deadline.isoformat()} (<b style=color:#c5221f>missed by {late}</b>)"


def _confidence_html(task, shown_now: str) -> str:
    """The confidence, with what it means for an assumption or an inference (drawn differently);
    `shown_now`: as shown, weaker than stated when a push moved the task past its announcement."""
    shown = shown_confidence(task)
    if shown_now != shown:
        drawn = "dashed bar" if shown_now == "assumption" else "lighter bar"  # drawn as shown (chart/confidence)
        return (f"<b>{shown_now}</b> — pushed past its source's date by what drives it, so not as announced "
                f"({shown} as stated; {drawn})")
    if is_assumption(task):
        return f"<b>{shown}</b> — the plan's own figure, not announced (dashed bar)"
    if is_inferred(task):
        return f"<b>{shown}</b> — worked out from sources, stated by none (lighter bar)"
    return shown
