"""Earlier announcements as baselines: the plan as it was known on each announcement date."""

from __future__ import annotations

from datetime import date, timedelta

from ..domain import Baseline, Task, period_end
from ..domain.baseline_entry import kept_entry
from ..domain.chain import chain_baselines
from .facts import Fact, Window
from .roadmap import TaskSpec, stable_id

Entry = tuple[date, date]


def _entry(window: Window, duration: int, point: bool, spans_period: bool, at_day_end: bool = False) -> Entry:
    """(start, exclusive finish) of one statement: '2028' -> from 2028-01-01 for the task's duration (or
    over the year, for a bar that spans its announced period); 'by 2028' -> last day 2028-12-31;
    '2030 to 2035' -> the whole window, through 2035-12-31 (a milestone: its last day, whose point is
    the day after when the milestone stands at a day's end, as a baseline keeps points)."""
    last = window.finish
    end = last if last is None or (point and not at_day_end) else last + timedelta(days=1)  # the day after
    if window.start and end:
        return (end, end) if point else (window.start, end)
    if window.start and spans_period:
        return window.start, period_end(window.start, window.precision) + timedelta(days=1)
    if window.start:
        return window.start, window.start + timedelta(days=duration)
    assert end is not None, "a window has a start or a finish"
    return end - timedelta(days=duration), end


def _latest_dated(spec: TaskSpec, rows: list[Fact], as_of: date) -> Fact | None:
    known = [r for r in rows if r.known_from and r.known_from <= as_of and spec.dates_of(r)]
    return known[-1] if known else None


def entry_as_of(spec: TaskSpec, task: Task, as_of: date, is_summary: bool = False,
                at_day_end: bool = False) -> Entry | None:
    """The task's dates as known on `as_of`, or None when nothing had been announced yet.

    What had happened by then is history (actual dates); otherwise each fact base feeding the
    task contributes its latest dated statement on or before `as_of`, and the task spans them all.
    """
    if task.actual_finish is not None and task.actual_start is not None and task.actual_start <= as_of:
        return kept_entry(task.actual_start, task.actual_finish, task.precision)  # history, as recorded
    by_base: dict[str, list[Fact]] = {}
    for row in spec.rows:
        by_base.setdefault(row.base, []).append(row)
    point = task.duration == 0 and not is_summary
    # A bar sized by roadmap.toml keeps its length; one sized by its announcement spans each period.
    spans_period = not point and spec.duration is None and spec.actual_finish is None
    latest = [found for rows in by_base.values() if (found := _latest_dated(spec, rows, as_of))]
    entries = [(_entry(window, task.duration, point, spans_period, at_day_end), window.precision) for row in latest
               if (window := spec.dates_of(row)) is not None]
    if not entries:
        return None
    # Read as announced: at the precision of the statement giving the finish ("by 2035": the year 2035).
    finish, precision = max(((e[1], precision) for e, precision in entries), key=lambda found: found[0])
    return kept_entry(min(e[0] for e, _ in entries), finish, precision, int(point and at_day_end))


def statement_dates(specs: list[TaskSpec], since: date) -> dict[date, list[Fact]]:
    """Each date from `since` on when some statement gave a task's planned dates -> those statements."""
    dated: dict[date, list[Fact]] = {}
    for spec in specs:
        for row in spec.rows:
            if row.known_from and row.known_from >= since and spec.dates_of(row):
                dated.setdefault(row.known_from, []).append(row)
    return dict(sorted(dated.items()))


def _name(as_of: date, rows: list[Fact], names: dict[str, str]) -> str:
    said_on = rows[0].announced_on  # as written: '2023-08' when the day is not known
    label = names.get(said_on) or names.get(as_of.isoformat()) or rows[0].announced_by
    return f"{said_on} {label}"


def _notes(as_of: date, rows: list[Fact], alternatives: list[Fact]) -> str:
    said = "; ".join(f"{r.id} ({r.announced_by})" for r in rows)
    text = f"Every task as announced up to {as_of.isoformat()}. Statements of this date: {said}."
    if alternatives:  # another official's figure: recorded on the task, not a change of plan
        other = "; ".join(f"{r.id} ({r.announced_by}: {r.planned_start or 'by ' + r.planned_finish})"
                          for r in alternatives)
        text += f" Alternatives stated that day, kept out of this baseline: {other}."
    return text


def build_baselines(specs: list[TaskSpec], tasks: dict[str, Task], names: dict[str, str],
                    since: date, day_ends: frozenset[str] = frozenset()) -> list[Baseline]:
    """One baseline per announcement date from `since` (the plan's start) on, oldest first.

    Older statements (e.g. the 2016 crewed-landing plan) still count: the first baseline holds them.
    `tasks` maps key -> the built task; `day_ends`: ids of the milestones the plan puts at a day's end.
    """
    summaries = {s.parent for s in specs}
    baselines = []
    for as_of, rows in statement_dates(specs, since).items():
        entries = {tasks[s.key].id: e for s in specs
                   if (e := entry_as_of(s, tasks[s.key], as_of, s.key in summaries, tasks[s.key].id in day_ends))}
        name = _name(as_of, rows, names)
        alternatives = [row for s in specs for row in s.alternatives if row.known_from == as_of]
        baselines.append(Baseline(name=name, as_of=as_of, entries=entries, notes=_notes(as_of, rows, alternatives),
                                  id=stable_id("baseline", name)))
    return chain_baselines(baselines)  # the announcement history, hash-chained like captured ones
