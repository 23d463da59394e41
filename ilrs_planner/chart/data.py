"""Per-row arrays of everything the chart draws, computed once per change (not per paint).

A paint then only slices and scales these arrays for the visible rows, which is what keeps a
10,000-row plan under a frame budget.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import compress, repeat
from operator import attrgetter, is_, is_not, ne

import numpy as np

from ..domain import LinkType, Precision, Project, Task, format_fuzzy_date, period_end, period_start
from ..engine.schedule import EARLY_AT_DAY_END, Schedule, TaskTable, shown_finish_ordinals
from ..engine.shown_precision import ShownPrecision
from .confidence import CONF_ASSUMPTION, CONF_INFERRED, confidence_codes
from .deadlines import deadline_ends, deadline_symbols, missed
from .list_ends import table_ids
from .palette import owner_colors
from .phases import on_chains, phase_tasks
from .rollups import Rollups, folded_milestones
from .tally import Tally
from .variance import ON_TIME_STEP, SLIP_STEPS, Steps, counted_slips, key_slip_words, plan_steps, slip_steps

KIND_TASK, KIND_SUMMARY, KIND_MILESTONE = 0, 1, 2
LINK_CODES = {LinkType.FS: 0, LinkType.SS: 1, LinkType.FF: 2, LinkType.SF: 3}
# The legend's symbol keys a row's task calls for, one bit each (ChartData.symbols).
SYMBOL_BITS = {"flown": 1, "soft": 2, "inferred": 4, "assumption": 8, "key": 16, "manual": 32}


class PickedIds(Sequence[str]):
    """The ids at some places of a list, each looked up when asked: in the middle of a large plan a
    scene holds thousands of links, and a hit test names one of them; a chart's 200,000 link ids
    copied into a list of their own after each edit cost 6 ms."""

    def __init__(self, ids: Sequence[str], places: np.ndarray):
        self._ids, self._places = ids, places

    def __getitem__(self, i):  # one id (no slices: nothing asks for them)
        return self._ids[int(self._places[i])]

    def __len__(self) -> int:
        return len(self._places)


@dataclass
class ChartData:
    """Row-aligned arrays (index = row) plus link arrays (index = link)."""

    task_ids: list[str]
    start: np.ndarray  # date ordinals, float64
    finish: np.ndarray  # exclusive
    kind: np.ndarray  # KIND_*
    critical: np.ndarray  # bool
    actual: np.ndarray  # bool: flown / done (has an actual start)
    color: np.ndarray  # index into `colors`
    soft0: np.ndarray  # the uncertain period at the announced end (nan = day-exact)
    soft1: np.ndarray
    ghost0: np.ndarray  # baseline start/finish (nan = not in the baseline / none chosen)
    ghost1: np.ndarray
    whisker0: np.ndarray  # P50..P80 (nan = none)
    whisker1: np.ndarray
    labels: list[str]
    colors: list[str]
    link_ids: Sequence[str] = field(default_factory=list)
    link_pred: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    link_succ: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    link_type: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int8))
    link_critical: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))
    phases: list[tuple[float, float, str]] = field(default_factory=list)  # (start, finish, name)
    key: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))  # key milestones
    confidence: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int8))  # CONF_*, as shown (chart/confidence)
    pushed: set[str] = field(default_factory=set)  # the rows' tasks drawn weaker than they state
    rollups: Rollups = field(default_factory=Rollups)
    # Where the work done ends (ordinal; nan = none): the whole bar once finished, the part before the
    # status date while under way, so a started bar shows actual against remaining.
    done_until: np.ndarray = field(default_factory=lambda: np.zeros(0, np.float64))
    owner: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int32))  # index into `owners`
    owners: list[str | None] = field(default_factory=list)  # the owner ids the rows' tasks name
    symbols: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int8))  # SYMBOL_BITS of the row's task
    # A key milestone's slip badge ('+7 y'; '' elsewhere, and without a baseline): see variance.key_slip_words.
    slip_words: np.ndarray = field(default_factory=lambda: np.zeros(0, object))
    # The days each row's slip colour counts: its finish's move, in the periods its words count them
    # ('0 y' is 0; nan = not in the baseline): see variance.counted_slips.
    slip_counted: np.ndarray = field(default_factory=lambda: np.zeros(0, np.float64))
    # Each row's deadline as the ordinal of its day's end (nan = none): see chart/deadlines.py.
    deadline: np.ndarray = field(default_factory=lambda: np.zeros(0, np.float64))
    # Each row's deadline missed, read from the task's moment (see chart/deadlines.py): False for none.
    deadline_late: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))
    slip_scale: Steps = SLIP_STEPS  # the slip colours' steps for the plan's span (variance.plan_steps)
    source: RowSource | None = field(default=None, repr=False, compare=False)
    _row_of: dict[str, int] | None = field(default=None, repr=False, compare=False)
    _row_hashes: np.ndarray | None = field(default=None, repr=False, compare=False)

    @property
    def row_of(self) -> dict[str, int]:
        """Task id -> row, built when first asked: a paint needs none, and a dict of 100,000 rows
        was a tenth of rebuilding the arrays after an edit."""
        if self._row_of is None:
            self._row_of = dict(zip(self.task_ids, range(len(self.task_ids))))
        return self._row_of

    @property
    def row_hashes(self) -> np.ndarray:
        """Each row's task id's hash, made when first asked: an edit finds the rows of the few tasks
        it touched among these numbers, and splices the numbers of the rows it moved (a dict of every
        row, as row_of, was lost whenever rows came or went, and cost 15 ms to make again)."""
        if self._row_hashes is None:
            self._row_hashes = id_hashes(self.task_ids)
        return self._row_hashes

    @property
    def slip(self) -> np.ndarray:
        """Finish variance in days against the baseline (positive = late; nan = not in it)."""
        return self.finish - self.ghost1

    def __len__(self) -> int:
        return len(self.task_ids)


def id_hashes(ids: Sequence[str]) -> np.ndarray:
    """The hashes of some ids, as an array."""
    return np.fromiter(map(hash, ids), np.int64, len(ids))


def _dates(project: Project, schedule: Schedule | None, task: Task) -> tuple[date, date, bool]:
    """(start, exclusive finish, critical) from the schedule, else from what was entered."""
    dates = schedule.tasks.get(task.id) if schedule is not None else None
    if dates is not None:
        return dates.early_start, dates.early_finish, dates.critical
    start = task.actual_start or task.constraint_date or project.start
    return start, start + timedelta(days=task.duration), False


def _ordinals(project: Project, schedule: Schedule | None, task: Task, critical: set[str]) -> tuple[int, int, bool]:
    """_dates as day ordinals, read from the schedule's columns when it has them (no date objects)."""
    table = schedule.tasks if schedule is not None else None
    if table is not None and hasattr(table, "ordinals") and task.id in table:
        es, ef, _ls, _lf = table.ordinals(task.id)
        return es, ef, task.id in critical
    start, finish, crit = _dates(project, schedule, task)
    return start.toordinal(), finish.toordinal(), crit


def _places(schedule: Schedule | None, rows: list[str]) -> np.ndarray | None:
    """Each row's place in the schedule's columns, when the schedule holds them all as arrays:
    at 100,000 rows a lookup per row was a third of the chart's build."""
    table = schedule.tasks if schedule is not None else None
    if not isinstance(table, TaskTable):
        return None
    places = table.positions(rows)
    return places if not len(places) or places.min() >= 0 else None


def _row_dates(project: Project, schedule: Schedule | None, tasks: list[Task],
               places: np.ndarray | None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(start, exclusive finish, critical) arrays of the rows: from the schedule's columns in one
    go when it has them (`places`), else task by task."""
    if schedule is not None and places is not None:
        columns = schedule.tasks.arrays()  # type: ignore[attr-defined]  # a TaskTable, as _places found
        return (columns[0][places].astype(np.float64), columns[1][places].astype(np.float64),
                columns[6][places].astype(bool))
    critical_ids = schedule.critical_ids() if schedule is not None else set()
    each = [_ordinals(project, schedule, task, critical_ids) for task in tasks]
    return (np.array([e[0] for e in each], np.float64), np.array([e[1] for e in each], np.float64),
            np.array([e[2] for e in each], bool))


def _day_ends(schedule: Schedule | None, rows: list[str], places: np.ndarray | None) -> np.ndarray:
    """Per row: 1 for a milestone whose point is the end of the day before it (see TaskDates), else 0."""
    if schedule is None:
        return np.zeros(len(rows))
    if places is not None:
        return np.asarray(schedule.tasks.arrays()[7][places] & EARLY_AT_DAY_END, np.float64)  # type: ignore[attr-defined]
    return np.array([float(d is not None and d.early_at_day_end) for d in map(schedule.tasks.get, rows)])


def _last_days(schedule: Schedule | None, rows: list[str], places: np.ndarray | None, start: np.ndarray,
               finish: np.ndarray) -> np.ndarray:
    """Per row: the last day a person reads (TaskDates.shown_finish), a milestone at a day's start on
    that day: what a deadline is met or missed by."""
    if schedule is not None and places is not None:
        ends = schedule.tasks.arrays()[7][places]  # type: ignore[attr-defined]  # a TaskTable, as _places found
        return np.asarray(shown_finish_ordinals(start, finish, ends & EARLY_AT_DAY_END, ends), np.float64)
    table = schedule.tasks if schedule is not None else {}
    return np.array([float(d.shown_finish.toordinal()) if d is not None else f - (f > s)
                     for d, s, f in zip(map(table.get, rows), start.tolist(), finish.tolist())], np.float64)


def _no_spans(n: int) -> tuple[np.ndarray, np.ndarray]:
    """(first, last) of rows with no span (or period): nan throughout."""
    return np.full(n, np.nan), np.full(n, np.nan)


def _spans(spans: Mapping, rows: list[str], data: ChartData) -> tuple[np.ndarray, np.ndarray]:
    """(first, last) day ordinals per row of the rows' entries in `spans` (nan where none): by entry
    for the whole chart, by row for the few rows an edit moved."""
    first, last = _no_spans(len(rows))
    if len(rows) < len(spans):
        found = [(row, spans[tid]) for row, tid in enumerate(rows) if tid in spans]
    else:
        row_of = data.row_of
        found = [(row_of[tid], span) for tid, span in spans.items() if tid in row_of]
    for row, (a, b) in found:
        first[row], last[row] = a.toordinal(), b.toordinal()
    return first, last


def _soft_period(task: Task, precision: Precision, start: date, finish: date,
                 milestone: bool) -> tuple[float, float]:
    """The period an announced-to-a-year/quarter/month date may fall in ('2035' = all of 2035)."""
    if precision is Precision.DAY or task.actual_start is not None:
        return np.nan, np.nan
    last = start if milestone else finish - timedelta(days=1)
    first_day = period_start(last, precision)
    return float(first_day.toordinal()), float(period_end(last, precision).toordinal() + 1)


def _label(task: Task, precision: Precision, start: date, milestone: bool) -> str:
    if not milestone:
        return task.name
    # Precision says how well the date is known, flown or planned: Serbia signed "in May 2024"; a
    # milestone driven by a date known only to the year is shown to the year (engine/shown_precision.py).
    return f"{task.name} · {format_fuzzy_date(task.actual_start or start, precision)}"


def _date_labels(labels: list[str], rows: list[int], start: np.ndarray) -> None:
    """_label of day-exact milestones not yet flown ('name · 2030-06-15'), each distinct day
    formatted once: a plan holds thousands of milestones on a few hundred days."""
    days = start[rows].astype(np.int64).tolist()
    iso = {day: date.fromordinal(day).isoformat() for day in set(days)}
    for i, day in zip(rows, days):
        labels[i] = f"{labels[i]} · {iso[day]}"


def build_chart_data(project: Project, schedule: Schedule | None, rows: list[str], *,
                     baseline: str | None = None, whiskers: dict | None = None,
                     highlight: dict[str, str] | None = None) -> ChartData:
    """Arrays for `rows` (task ids in display order); unknown ids are dropped."""
    rows, tasks = _known(project, rows)
    parents = Tally(project, "parent_id")
    inputs = RowInputs.of(project, schedule, baseline=baseline, whiskers=whiskers, highlight=highlight,
                          summaries=parents.values() - {None})
    places = _places(schedule, rows)
    data = row_arrays(inputs, rows, tasks, places)
    data.rollups = rollups_of(project, schedule, data, inputs.summaries, inputs.owner_color, inputs.color_index, tasks,
                              places)
    from_schedule = add_links(data, project, schedule, places)
    phases = phase_tasks(project)
    data.phases = phase_bands(project, schedule, phases)
    data.source = RowSource(tasks, places, table_ids(schedule.tasks) if places is not None else [],  # type: ignore[union-attr]
                            inputs.summaries, inputs.shown.reach if inputs.shown else set(), phases,
                            on_chains(project, phases), parents, Tally(project, "owner_id"), inputs.owner_color,
                            _places(schedule, [task.id for task in phases]) if places is not None else None,
                            schedule.tasks if places is not None and isinstance(schedule.tasks, TaskTable) else None,  # type: ignore[union-attr]
                            len(project.links) if from_schedule else None)
    return data


@dataclass
class RowInputs:
    """What every row's arrays are read from besides its task: the plan-wide look-ups, made once."""

    project: Project
    schedule: Schedule | None
    summaries: set[str]
    owner_color: dict[str | None, str]
    colors: list[str]
    color_index: dict[str, int]
    shown: ShownPrecision | None  # None: every task is shown at its own precision (nothing coarse drives it)
    baseline: Mapping | None = None  # the compared baseline's entries
    whiskers: Mapping | None = None
    highlight: Mapping[str, str] = field(default_factory=dict)
    pushed_before: bool = False  # some row was drawn pushed past its announcement (chart/confidence.py)

    @classmethod
    def of(cls, project: Project, schedule: Schedule | None, *, baseline: str | None = None,
           whiskers: dict | None = None, highlight: dict[str, str] | None = None,
           summaries: set[str] | None = None, shown: ShownPrecision | None | bool = True,
           owner_color: dict[str | None, str] | None = None) -> RowInputs:
        """The inputs for a plan; `summaries`, `shown` (False: none) and `owner_color` when the caller
        knows them already."""
        owner_color, highlight = owner_color or owner_colors(project), highlight or {}
        colors = list(dict.fromkeys(list(owner_color.values()) + list(highlight.values())))
        if shown is True:
            shown = ShownPrecision(project, schedule)
        return cls(project, schedule, project.summary_ids() if summaries is None else summaries, owner_color,
                   colors, {c: i for i, c in enumerate(colors)}, shown if shown and shown.reach else None,
                   project.baseline(baseline).entries if baseline else None, whiskers or None, highlight)


@dataclass
class RowSource:
    """What a ChartData was read from, kept so an edit can redo only the rows it moved (chart/refresh.py)."""

    tasks: list[Task]  # the rows' tasks
    places: np.ndarray | None  # each row's place in the schedule's columns (None: read task by task)
    schedule_ids: list[str]  # the schedule's tasks in the order of those columns
    summaries: set[str]
    reach: set[str]  # tasks whose shown precision follows what drives them (engine/shown_precision.py)
    phase_tasks: list[Task]  # phase tasks in WBS order, the candidates for background bands
    phase_chains: set[str]  # they and their summaries: an outline edit elsewhere leaves their order
    parents: Tally  # the plan's tasks' parents (the summaries are the parents named)
    owners: Tally  # the owners the plan's tasks name (their colours follow from these alone)
    owner_color: dict[str | None, str]
    phase_places: np.ndarray | None = None  # the phase tasks' places in the schedule's columns
    table: TaskTable | None = None  # the schedule's columns the places are in
    # How many links the plan had when the link arrays were found from the schedule's, which then
    # listed the plan's links in its order (None: found otherwise): links change only by an edit that says so.
    link_count: int | None = None


def row_arrays(inputs: RowInputs, rows: list[str], tasks: list[Task], places: np.ndarray | None) -> ChartData:
    """The per-row arrays of `rows` (no links, roll-ups or phases)."""
    project, schedule, n = inputs.project, inputs.schedule, len(rows)
    start, finish, critical = _row_dates(project, schedule, tasks, places)
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
    soft0, soft1 = _no_spans(n)
    precision = _shown_precision(inputs.shown, rows, tasks)
    day_exact = np.fromiter(map(is_, precision, repeat(Precision.DAY)), bool, n)
    plain = milestone & day_exact & ~actual  # the usual milestone: its name and its planned day
    shown = start - _day_ends(schedule, rows, places)  # a milestone at Friday 17:00 is labelled Friday
    _date_labels(labels, np.flatnonzero(plain).tolist(), shown)
    for i in np.flatnonzero((~day_exact | milestone) & ~plain).tolist():  # fuzzy dates, flown milestones: a few
        first, last = date.fromordinal(int(shown[i])), date.fromordinal(int(finish[i]))
        soft0[i], soft1[i] = _soft_period(tasks[i], precision[i], first, last, bool(milestone[i]))
        labels[i] = _label(tasks[i], precision[i], first, bool(milestone[i]))
    data = ChartData(rows, start, finish, kind, critical, actual, color, soft0, soft1, *_no_spans(n), *_no_spans(n),
                     labels, inputs.colors)
    for row in np.flatnonzero(np.fromiter(map(inputs.highlight.__contains__, rows), bool, n)).tolist():
        color[row] = inputs.color_index[inputs.highlight[rows[row]]]
    if inputs.baseline is not None:
        data.ghost0, data.ghost1 = _spans(inputs.baseline, rows, data)
    if inputs.whiskers:
        data.whisker0, data.whisker1 = _spans(inputs.whiskers, rows, data)
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
    last_days = _last_days(schedule, rows, places, start, finish)
    data.deadline_late = missed(last_days, data.deadline)
    data.slip_counted = counted_slips(tasks, finish, last_days, precision, inputs.baseline or {},
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


def symbols_in(data: ChartData) -> set[str]:
    """The legend's symbol keys the rows call for."""
    found = int(np.bitwise_or.reduce(data.symbols)) if len(data.symbols) else 0
    drawn = {name for name, bit in SYMBOL_BITS.items() if found & bit}
    drawn |= {f"slip{step}" for step in _slip_steps_in(data.slip_counted, data.slip_scale) if step != ON_TIME_STEP}
    return drawn | (deadline_symbols(data.deadline, data.deadline_late) if len(data.deadline) else set())


def _slip_steps_in(slip: np.ndarray, steps: Steps) -> list[int]:
    """The slip steps of the rows the baseline holds (a row it lacks has no slip to draw): counted
    in numpy, as a set made of every row's step cost 2-3 ms after each edit of 100,000 rows."""
    held = slip[~np.isnan(slip)]
    if not len(held):
        return []
    return np.flatnonzero(np.bincount(slip_steps(held, steps), minlength=1)).tolist()


def owners_in(data: ChartData) -> set[str | None]:
    """The owners of the rows' tasks."""
    if not len(data.owner):
        return set()
    return {data.owners[i] for i in np.flatnonzero(np.bincount(data.owner, minlength=len(data.owners))).tolist()}


def _known(project: Project, rows: list[str]) -> tuple[list[str], list[Task]]:
    """The rows whose tasks are in the plan, and those tasks: one lookup per row, not two."""
    tasks = list(map(project.tasks.get, rows))
    if any(map(is_, tasks, repeat(None))):
        known = list(map(is_not, tasks, repeat(None)))
        rows, tasks = list(compress(rows, known)), list(compress(tasks, known))
    return rows, tasks  # type: ignore[return-value]  # no None left


def _shown_precision(shown: ShownPrecision | None, rows: list[str], tasks: list[Task]) -> list:
    """The precision each row's dates are shown at: a task driven by a fuzzy date is fuzzy
    (engine/shown_precision.py). Only tasks a coarser date can reach are looked up one by one."""
    precision = list(map(attrgetter("precision"), tasks))
    if shown is not None:
        for i in compress(range(len(rows)), map(shown.reach.__contains__, rows)):
            precision[i] = shown.of(rows[i])
    return precision


def _done_until(task: Task, start: float, finish: float, status: date | None) -> float:
    """The end of the work done on a bar: none before it starts, all of it once finished; while it
    is under way, up to the status date (without one, the whole bar, as no day divides the two)."""
    if task.actual_start is None:
        return np.nan
    if task.actual_finish is not None or task.duration == 0 or status is None:
        return finish
    return float(min(max(status.toordinal(), start), finish))


def _may_fold(data: ChartData, row_tasks: list[Task], outline: np.ndarray | None = None,
              places: np.ndarray | None = None) -> bool:
    """False when every shown summary has a sub-task on the row after it, so none is folded (a
    shown sub-task follows its summary in the rows); True leaves the question to the outline.
    `outline` and `places`: the schedule's parents by place and the rows' places, when known."""
    last, ids = len(row_tasks) - 1, data.task_ids
    summary_rows = np.flatnonzero(data.kind == KIND_SUMMARY)
    if outline is not None and places is not None and len(places) == len(ids):
        # In numpy: the parent of the next row's task is the summary's place (a loop over 10,000
        # summary rows cost 4 ms after each edit).
        below = summary_rows[summary_rows < last]
        return len(below) < len(summary_rows) or bool((outline[places[below + 1]] != places[below]).any())
    # Only the summary rows are looked at (a few among 100,000): a pass over every row cost more.
    return any(row == last or row_tasks[row + 1].parent_id != ids[row] for row in summary_rows.tolist())


def rollups_of(project: Project, schedule: Schedule | None, data: ChartData, summaries: set[str],
               owner_color: dict, color_index: dict[str, int], row_tasks: list[Task],
               places: np.ndarray | None = None) -> Rollups:
    """The milestones of collapsed summaries, placed on the summary's row (`places`: each row's
    place in the schedule's columns, when known)."""
    outline = schedule.outline if schedule is not None else None
    if not _may_fold(data, row_tasks, outline, places):  # every summary shown open: nothing rolls up
        return Rollups()
    pairs = folded_milestones(project, data.row_of, summaries)
    if not pairs:
        return Rollups()
    critical_ids = schedule.critical_ids() if schedule is not None else set()
    tasks = [project.tasks[tid] for _, tid in pairs]
    at = [_ordinals(project, schedule, task, critical_ids)[0] for task in tasks]
    colors = [color_index.get(owner_color.get(t.owner_id, owner_color[None]), 0) for t in tasks]
    return Rollups(np.array([row for row, _ in pairs], np.int64), np.asarray(at, np.float64),
                   np.asarray(colors, np.int32), np.array([t.actual_start is not None for t in tasks], bool),
                   np.array([t.key_milestone for t in tasks], bool), [tid for _, tid in pairs],
                   [t.name for t in tasks])


def add_links(data: ChartData, project: Project, schedule: Schedule | None, places: np.ndarray | None,
              same_links: bool = False) -> bool:
    """Links whose both ends are shown rows (a link into a collapsed branch is not drawn). True when
    they were read from the schedule's link columns; `same_links`: the caller knows these list the
    plan's links (comparing 200,000 ids, scattered in memory, cost 5-15 ms after each edit)."""
    derived = schedule.links if schedule is not None else None
    from_schedule = places is not None and derived is not None and (same_links or derived.ids == list(project.links))
    if from_schedule and places is not None and derived is not None:
        # The scheduler already found each link's ends: its task places map to rows in one step.
        row_at = np.full(len(schedule.tasks), -1, np.int64)  # type: ignore[union-attr]
        row_at[places] = np.arange(len(places))
        ids, pred, succ = derived.ids, row_at[derived.pred], row_at[derived.succ]
        types = derived.code.astype(np.int8)
    else:
        ids, pred, succ, types = _link_rows(project, data.row_of)
    keep = np.flatnonzero((pred >= 0) & (succ >= 0))
    data.link_ids = PickedIds(ids, keep)
    data.link_pred, data.link_succ, data.link_type = pred[keep], succ[keep], types[keep]
    data.link_critical = data.critical[data.link_pred] & data.critical[data.link_succ]
    return from_schedule


def _link_rows(project: Project, row_of: dict[str, int]) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
    """(ids, pred row, succ row, type code) of every link, -1 for an end not shown, looked up by id."""
    # Column-wise through C-level map/attrgetter: a Python loop over 200,000 links was most of
    # the chart's build at 100,000 tasks.
    links, count = list(project.links.values()), len(project.links)
    rows = row_of.get
    pred = np.fromiter(map(rows, map(attrgetter("pred_id"), links), repeat(-1)), np.int64, count)
    succ = np.fromiter(map(rows, map(attrgetter("succ_id"), links), repeat(-1)), np.int64, count)
    types = np.fromiter(map(LINK_CODES.__getitem__, map(attrgetter("type"), links)), np.int8, count)
    return list(map(attrgetter("id"), links)), pred, succ, types  # LinkType is a StrEnum: "FS" finds LinkType.FS above


def phase_bands(project: Project, schedule: Schedule | None, phases: list[Task],
                places: np.ndarray | None = None) -> list[tuple[float, float, str]]:
    """Programme phases as background bands: phase tasks in WBS order that do not overlap an
    earlier band (reconnaissance, construction, utilisation; the parallel programmes that
    overlap them stay rows only, or the background would turn into a patchwork). `places`: the
    phases' places in the schedule's columns, when known (looking tasks up by id in a new
    schedule makes its index of every task)."""
    bands: list[tuple[float, float, str]] = []
    tolerance = 62  # phases announced to a year may touch by a month or two
    if places is not None and schedule is not None and len(places) and places.min() >= 0:
        columns = schedule.tasks.arrays()  # type: ignore[attr-defined]  # places come from a TaskTable
        ends: Iterable[tuple[int, int]] = zip(columns[0][places].tolist(), columns[1][places].tolist())
    else:
        ends = ((start.toordinal(), finish.toordinal()) for start, finish, _ in
                (_dates(project, schedule, task) for task in phases))
    for task, (first, last) in zip(phases, ends):
        s, f = float(first), float(last)
        if task.kind == "phase" and f > s and all(f <= a + tolerance or s >= b - tolerance for a, b, _ in bands):
            bands.append((s, f, task.name))
    return sorted(bands)
