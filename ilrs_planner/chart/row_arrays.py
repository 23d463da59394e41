"""The per-row arrays of a chart (no links, roll-ups or phases): read column-wise, as a Python loop
over every row was most of the chart's build at 100,000 rows."""

from __future__ import annotations

from datetime import date
from itertools import compress, repeat
from operator import attrgetter, is_, is_not, ne

import numpy as np

from ..domain import Precision, Task
from ..engine.shown_precision import ShownPrecision
from .confidence import CONF_ASSUMPTION, CONF_INFERRED, confidence_codes
from .data import KIND_MILESTONE, KIND_SUMMARY, KIND_TASK, SYMBOL_BITS, ChartData
from .deadlines import deadline_ends, missed
from .row_dates import day_ends, last_days, row_dates
from .row_inputs import RowInputs
from .row_labels import date_labels, fuzzy_label, no_spans, soft_period, spans_of
from .variance import counted_slips, key_slip_words, plan_steps


def row_arrays(inputs: RowInputs, rows: list[str], tasks: list[Task], places: np.ndarray | None) -> ChartData:
    """The per-row arrays of `rows` (no links, roll-ups or phases)."""
    project, schedule, n = inputs.project, inputs.schedule, len(rows)
    start, finish, critical = row_dates(project, schedule, tasks, places)
    # Task attributes column-wise through C-level map/attrgetter, then numpy: a Python loop over
    # every row was most of the chart's build at 100,000 rows.
    summary = np.fromiter(map(inputs.summaries.__contains__, rows), bool, n)
    durations = np.fromiter(map(attrgetter("duration"), tasks), np.int64, n)
    milestone = (durations == 0) & ~summary
    kind = np.where(summary, KIND_SUMMARY, np.where(milestone, KIND_MILESTONE, KIND_TASK)).astype(np.int8)
    actual = np.fromiter(map(is_not, map(attrgetter("actual_start"), tasks), repeat(None)), bool, n)
    key_set = np.fromiter(map(bool, map(attrgetter("key_milestone"), tasks)), bool, n)
    owner_ids = list(map(attrgetter("owner_id"), tasks))
    owner_index = {owner: inputs.color_index[hex_color] for owner, hex_color in inputs.owner_color.items()}
    color = np.fromiter(map(owner_index.get, owner_ids, repeat(owner_index[None])), np.int32, n)
    labels = list(map(attrgetter("name"), tasks))
    soft0, soft1 = no_spans(n)
    precision = _shown_precision(inputs.shown, rows, tasks)
    day_exact = np.fromiter(map(is_, precision, repeat(Precision.DAY)), bool, n)
    plain = milestone & day_exact & ~actual  # the usual milestone: its name and its planned day
    shown = start - day_ends(schedule, rows, places)  # a milestone at Friday 17:00 is labelled Friday
    date_labels(labels, np.flatnonzero(plain).tolist(), shown)
    for i in np.flatnonzero((~day_exact | milestone) & ~plain).tolist():  # fuzzy dates, flown milestones: a few
        first, last = date.fromordinal(int(shown[i])), date.fromordinal(int(finish[i]))
        soft0[i], soft1[i] = soft_period(tasks[i], precision[i], first, last, bool(milestone[i]))
        labels[i] = fuzzy_label(tasks[i], precision[i], first, bool(milestone[i]))
    data = ChartData(rows, start, finish, kind, critical, actual, color, soft0, soft1, *no_spans(n), *no_spans(n),
                     labels, inputs.colors)
    for row in np.flatnonzero(np.fromiter(map(inputs.highlight.__contains__, rows), bool, n)).tolist():
        color[row] = inputs.color_index[inputs.highlight[rows[row]]]
    if inputs.baseline is not None:
        data.ghost0, data.ghost1 = spans_of(inputs.baseline, rows, data)
    if inputs.whiskers:
        data.whisker0, data.whisker1 = spans_of(inputs.whiskers, rows, data)
    data.key = key_set & milestone
    data.slip_words = key_slip_words(project, tasks, np.flatnonzero(data.key).tolist() if inputs.baseline else [],
                                     finish, shown, precision, inputs.baseline or {})
    data.confidence, data.pushed = confidence_codes(project, schedule, rows, tasks, (inputs.summaries, summary),
                                                    inputs.pushed_before)
    data.done_until = np.full(n, np.nan)
    for i in np.flatnonzero(actual).tolist():  # the rows with work done: no other row has any
        data.done_until[i] = _done_until(tasks[i], float(start[i]), float(finish[i]), project.status_date)
    data.owners = list(dict.fromkeys(owner_ids))
    data.owner = np.fromiter(map({o: i for i, o in enumerate(data.owners)}.__getitem__, owner_ids), np.int32, n)
    data.symbols = _symbols(tasks, durations != 0, precision, data.confidence, key_set)
    data.deadline = deadline_ends(tasks)
    shown_last = last_days(schedule, rows, places, start, finish)
    data.deadline_late = missed(shown_last, data.deadline)
    was_last = last_days(schedule, rows, places, data.ghost0, data.ghost1)  # read as the table reads it
    data.slip_counted = counted_slips(tasks, finish, (was_last, shown_last), precision, inputs.baseline or {},
                                      (data.ghost0, data.ghost1), inputs.shown is not None)
    data.slip_scale = plan_steps(schedule)
    return data


def _symbols(tasks: list[Task], lasting: np.ndarray, precision: list, confidence: np.ndarray,
             key_set: np.ndarray) -> np.ndarray:
    """Each row's SYMBOL_BITS: the legend's keys its task calls for, read as qt/gantt/legend.symbols_used reads them."""
    n = len(tasks)
    started = np.fromiter(map(bool, map(attrgetter("actual_start"), tasks)), bool, n)
    own_soft = np.fromiter(map(ne, map(attrgetter("precision"), tasks), repeat(Precision.DAY)), bool, n)
    bits = (np.where(started & lasting, SYMBOL_BITS["flown"], 0) | np.where(own_soft, SYMBOL_BITS["soft"], 0)
            | np.where(confidence == CONF_INFERRED, SYMBOL_BITS["inferred"], 0)
            | np.where(confidence == CONF_ASSUMPTION, SYMBOL_BITS["assumption"], 0)
            | np.where(key_set, SYMBOL_BITS["key"], 0))
    manual = np.fromiter(map(attrgetter("manual"), tasks), bool, n) & lasting  # a bar with bracketed ends
    return (bits | np.where(manual, SYMBOL_BITS["manual"], 0)).astype(np.int8)


def _shown_precision(shown: ShownPrecision | None, rows: list[str], tasks: list[Task]) -> list:
    """The precision each row's dates are shown at: a task driven by a fuzzy date is fuzzy
    (engine/shown_precision.py). Only the tasks a coarse date drives are looked up one by one."""
    precision = list(map(attrgetter("precision"), tasks))
    if shown is not None:
        changed = shown.every()
        for i in compress(range(len(rows)), map(changed.__contains__, rows)):
            precision[i] = changed[rows[i]]
    return precision


def _done_until(task: Task, start: float, finish: float, status: date | None) -> float:
    """The end of the work done on a bar: none before it starts, all of it once finished; while it
    is under way, up to the status date (without one, the whole bar, as no day divides the two)."""
    if task.actual_start is None:
        return np.nan
    if task.actual_finish is not None or task.duration == 0 or status is None:
        return finish
    return float(min(max(status.toordinal(), start), finish))
