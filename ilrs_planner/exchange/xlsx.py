"""Excel (.xlsx) export: a formatted task table with the schedule, a baseline and the variance.

Sheet "Tasks": one row per task in WBS order, names indented by outline level, summaries bold,
critical tasks highlighted, the header frozen (with the WBS/key/name columns) and filterable, real
Excel dates (yyyy-mm-dd). Finish dates are the last day of work (the plan's exclusive finish minus
one day; a milestone finishes on its start), as MS Project shows them. Baseline columns compare
with the baseline named by `baseline=` (default: the most recently captured); variance is in working
days of the task's calendar (calendar days when elapsed), as the slip report's, positive = later
than the baseline, and the Finish variance column writes it in the task table's words, at the coarser
precision of the dates compared ('0 y' for a date announced "in 2024" met within 2024). Duration is
MS Project's, as the task table shows it (a task under way its own, a finished one the days it
took, a summary its span: engine.shown_dates.duration_days). Sheets "Links" and "Plan" list dependencies and plan facts.
Calendars go out by name only (each task's, and the plan's on the Plan sheet), as in a CSV export, and a
warning names those an import could not make again from their names.
The task sheet's last columns hold what schedules each task and is not shown otherwise (constraint,
actual dates, stated confidence, key milestone and elapsed flags), so the workbook reads back as
the plan it was (xlsx_read).
Text from the plan is always written as text, never as a formula (a task named "=HYPERLINK(...)"
from a partner must not run in someone's spreadsheet): a string cell, and one that starts like a
formula also carries Excel's quote prefix (the hidden apostrophe), so editing the cell or saving
the sheet as CSV keeps it text.

The sheet XML is written here directly (xlsx_cells, xlsx_package), row by row: 10,000 tasks take a
fraction of a second, where openpyxl (kept for reading) took seconds even in its write-only mode.
Each row goes into the zipped file as it is made (nothing holds all 200,000 link rows' XML, or the
whole zip), and the file is written atomically, so a failed export leaves no half file.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import BinaryIO

from ..domain import Baseline, ConstraintType, PlannerError, Precision, Project
from ..domain.provenance import shown_confidence
from ..domain.spreadsheet_text import starts_like_formula
from ..domain.task_mode import held_on_start, task_mode_text
from ..domain.working_count import WorkedDays
from ..engine.cpm import schedule
from ..engine.shown_confidence import ShownConfidence
from ..engine.shown_dates import baseline_days, finish_variance_text, plan_is_fuzzy, shown_duration
from ..engine.shown_precision import ShownPrecision
from ..engine.summary_progress import summary_percents
from ..engine.working_variance import working_variance
from ..files.atomic import atomic_output
from .csv_calendars import named_only
from .msp_values import CONSTRAINT_NAMES, FINISH_CONSTRAINTS, finish_shift
from .outline_depth import refuse_deep_outline
from .xlsx_cells import ELAPSED, SIGNED_ELAPSED, Looks, RowWriter
from .xlsx_package import Sheet, package
from .xlsx_read import read  # noqa: F401  (this format's import)

COLUMNS = [  # (title, width)
    ("WBS", 9), ("Key", 16), ("Task", 46), ("Kind", 13), ("Owner", 10), ("Classification", 13),
    ("Duration (d)", 11), ("Start", 12), ("Finish", 12), ("Late start", 12), ("Late finish", 12),
    ("Total float (d)", 13), ("Free float (d)", 12), ("Critical", 9), ("Baseline start", 14),
    ("Baseline finish", 14), ("Start variance (d)", 16), ("Finish variance (d)", 17),
    ("Finish variance", 15),  # in the task table's words: '0 y' for a date announced to the year, '+457 d'
    ("Deadline", 12),
    ("% complete", 11), ("Notes", 50),
    ("Calendar", 14),  # the task's own calendar, by name (blank: the plan's, named on the Plan sheet)
    ("Task mode", 18),  # MS Project's words (blank on a summary, which spans its sub-tasks)
    ("Precision", 10), ("Confidence", 12), ("Source", 40), ("Source date", 12),  # provenance
    # What schedules the task, so the workbook reads back as the plan it was (xlsx_read): MS Project's
    # constraint words; a finish constraint's date and the actual finish as last days of work.
    ("Constraint type", 22), ("Constraint date", 14), ("Actual start", 12), ("Actual finish", 12),
    # The task's confidence as stated (the Confidence column shows it as derived), and two flags:
    # a key milestone, and an elapsed duration (its days counted on the calendar: '88 ed').
    ("Stated confidence", 12), ("Key milestone", 10), ("Elapsed", 9),
    # The task's own precision, which the workbook reads back (Precision shows it as derived).
    ("Stated precision", 10),
]
NAME_COLUMN = 2
# An elapsed task's counts of days are calendar days: written with their unit, '88 ed', as the table
# writes them (xlsx_cells). Duration and the variances count the task's days (engine.working_variance);
# float is a leaf's own (a summary's is its sub-tasks' least, in working days).
_PLACE = {title: place for place, (title, _) in enumerate(COLUMNS)}
_DURATION, _FLOATS = _PLACE["Duration (d)"], (_PLACE["Total float (d)"], _PLACE["Free float (d)"])
_VARIANCES = (_PLACE["Start variance (d)"], _PLACE["Finish variance (d)"])
_ELAPSED_UNITS = {_DURATION: ELAPSED, **dict.fromkeys(_VARIANCES, SIGNED_ELAPSED)}
_ELAPSED_LEAF_UNITS = {**_ELAPSED_UNITS, **dict.fromkeys(_FLOATS, ELAPSED)}
VARIANCE_NOTE = ("as the task table and the slip report count it: in whole years, quarters or months where a date "
                 "compared is known only to one ('0 y': within the year announced), else in days; the (d) columns "
                 "give the days, working days of the task's calendar")


def _chosen_baseline(project: Project, name: str | None) -> Baseline | None:
    if name:
        return project.baseline(name)
    return project.baselines[-1] if project.baselines else None


MAX_INDENT = 15  # Excel's own limit on a cell's indent; deeper tasks line up with the last level


def _outline_numbers(project: Project) -> dict[str, str]:
    numbers: dict[str, str] = {}
    counters: list[int] = []
    for task, depth in project.walk():
        del counters[depth + 1:]
        counters[depth:depth + 1] = [counters[depth] + 1] if len(counters) > depth else [1]
        numbers[task.id] = ".".join(map(str, counters))
    return numbers


def _row(project: Project, task, number: str, dates, entry: tuple[date, date] | None, summary: bool,
         worked: WorkedDays, percent: int, words: str) -> list:
    owner = project.participants.get(task.owner_id) if task.owner_id else None
    return [number, task.key, task.name, task.kind.value, owner.key if owner else "", task.classification.value,
            shown_duration(project, task, dates, summary, worked), dates.shown_start,
            dates.shown_finish, dates.shown_late_start,
            dates.shown_late_finish, dates.total_float, dates.free_float,
            # A baseline's days as read when taken (an older file's: at the moments of day the task has now).
            "yes" if dates.critical else "", *(baseline_days(entry, dates.early_at_day_end, dates.summary_moments)
                                               if entry else (None, None)),
            working_variance(worked, task, entry[0], dates.early_start) if entry else None,
            working_variance(worked, task, entry[1], dates.early_finish) if entry else None, words,
            task.deadline,  # stored as what it means: the last day allowed
            percent, task.notes, project.calendar_name(task.calendar_id)]


def _provenance(task, precision: Precision, confidence: str) -> list:
    """How precisely the dates are known (the driving date's precision counts), on whose word (a task
    pushed past its announcement: as what pushed it), as of when."""
    return [precision.value, confidence, task.source_url, task.source_date]


def _scheduling(task, summary: bool, start: date) -> list:
    """Constraint type and date, actual start and finish, as the CSV export writes them (a stored
    exclusive finish as the last day of work; a manual task's old pin as its Start beside As Soon As
    Possible, msp_csv_write._manual_start)."""
    shift = finish_shift(task.duration, summary)
    held = held_on_start(task, start)
    constraint = ConstraintType.ASAP if held else task.constraint
    constraint_day = None if held else task.constraint_date
    if constraint_day and constraint in FINISH_CONSTRAINTS:
        constraint_day -= timedelta(days=shift)
    finish = task.actual_finish - timedelta(days=shift) if task.actual_finish else None
    flags = ["yes" if task.key_milestone else None, "yes" if task.elapsed else None]
    return [CONSTRAINT_NAMES[constraint], constraint_day, task.actual_start, finish,
            task.confidence.value if task.confidence else None, *flags, task.precision.value]


def _task_sheet(project: Project, schedule, baseline: Baseline | None, looks: Looks) -> Sheet:
    return Sheet("Tasks", [width for _, width in COLUMNS], _task_rows(project, schedule, baseline, looks),
                 len(project.tasks) + 1, frozen_columns=NAME_COLUMN + 1, autofilter=True)


def _task_rows(project: Project, schedule, baseline: Baseline | None, looks: Looks) -> Iterator[str]:
    writer = RowWriter(looks, len(COLUMNS))
    yield writer.row(1, [title for title, _ in COLUMNS], bold=True, white=True, fill="header", wrap=True)
    refuse_deep_outline(project, "a spreadsheet")
    numbers, summaries = _outline_numbers(project), project.summary_ids()
    shown, pushed = ShownPrecision(project, schedule), ShownConfidence(project, schedule).changed()
    worked = WorkedDays(project)  # each calendar's count made once per sheet (see domain.working_count)
    percents = summary_percents(project, schedule)  # a summary's rolled up from its sub-tasks
    fuzzy = plan_is_fuzzy(project)
    for number, (task, depth) in enumerate(project.walk(), start=2):
        dates, precision = schedule.tasks[task.id], shown.of(task.id)
        mode = "" if task.id in summaries else task_mode_text(task.manual)
        percent = percents.get(task.id, task.percent_complete)
        entry = baseline.entries.get(task.id) if baseline else None
        words = finish_variance_text(worked, task, entry, dates, precision, fuzzy) if entry else ""
        values = [*_row(project, task, numbers[task.id], dates, entry, task.id in summaries, worked, percent, words),
                  mode, *_provenance(task, precision, pushed.get(task.id) or shown_confidence(task)),
                  *_scheduling(task, task.id in summaries, dates.early_start)]
        yield writer.row(number, values, bold=task.id in summaries, critical=dates.critical,
                         indent_column=NAME_COLUMN, indent=min(depth, MAX_INDENT),
                         units=_elapsed_units(task.elapsed, task.id in summaries))


def _elapsed_units(elapsed: bool, summary: bool) -> dict[int, str] | None:
    """The columns of a task's row written in elapsed days, or None for a task counting working days."""
    if not elapsed:
        return None
    return _ELAPSED_UNITS if summary else _ELAPSED_LEAF_UNITS


def _simple_sheet(name: str, header: list[str], rows: list[list], widths: list[int], looks: Looks) -> Sheet:
    writer = RowWriter(looks, len(header))
    lines = [writer.row(1, header, bold=True)]
    lines += [writer.row(number, values) for number, values in enumerate(rows, start=2)]
    return Sheet(name, widths, lines, len(lines))


def _links_sheet(project: Project, looks: Looks) -> Sheet:
    """Links by their tasks' keys, sorted. Their rows' XML is made as the zip takes it (200,000 links'
    XML held at once was tens of megabytes); their looks are numbered now, before the tasks' (the
    styles' numbers, and so the file's bytes, are those of the rows made up front)."""
    key = {t.id: t.key for t in project.tasks.values()}
    rows = sorted([key.get(k.pred_id, "?"), key.get(k.succ_id, "?"), k.type.value,
                   k.lag, k.elapsed] for k in project.links.values())
    header, writer = ["Predecessor", "Successor", "Type", "Lag (d)", "Elapsed lag"], RowWriter(looks, 5)
    writer.row(1, header, bold=True)
    # A plain row's only looks of its own: text that starts like a formula (a partner's key, say), an elapsed lag.
    formula_like = (values for values in rows if any(isinstance(key, str) and starts_like_formula(key)
                                                     for key in values[:2]))
    _link_row(writer, 2, next(formula_like, []))
    _link_row(writer, 2, next((values for values in rows if values[4]), []))
    lines = itertools.chain([writer.row(1, header, bold=True)],
                            (_link_row(writer, number, values) for number, values in enumerate(rows, start=2)))
    return Sheet("Links", [18, 18, 8, 9, 11], lines, len(rows) + 1)


_LAG_IN_ELAPSED_DAYS = {3: SIGNED_ELAPSED}  # the Links sheet's Lag column


def _link_row(writer: RowWriter, number: int, values: list) -> str:
    """A link's row: predecessor, successor, type, lag; an elapsed lag (the fifth value) counts calendar
    days, written with its unit ('+3 ed') as the Predecessors column writes it, and flagged 'yes'."""
    elapsed = values[4:5] == [True]
    cells = [*values[:4], "yes"] if elapsed else values[:4]  # the flag, read back by xlsx_read
    return writer.row(number, cells, units=_LAG_IN_ELAPSED_DAYS if elapsed else None)


def _plan_sheet(project: Project, baseline: Baseline | None, looks: Looks) -> Sheet:
    rows: list[list[object]] = [["Plan", project.name], ["Start", project.start], ["Status date", project.status_date],
            ["Must finish by", project.must_finish_by], ["Author", project.author],
            ["Compared with baseline", baseline.name if baseline else "(none)"],
            ["Finish variance", VARIANCE_NOTE],
            ["Calendar", project.default_calendar().name]]
    rows += [[f"Baseline: {b.name}", b.as_of] for b in project.baselines]
    return _simple_sheet("Plan", ["Item", "Value"], rows, [28, 60], looks)


def write(project: Project, path: str | Path, *, baseline: str | None = None, **_opts) -> list[str]:
    """Write the workbook to `path`; returns warnings (e.g. no baseline to compare with)."""
    chosen = _chosen_baseline(project, baseline)
    try:
        with atomic_output(path) as stream:
            _write_workbook(project, chosen, stream)
    except OSError as exc:
        raise PlannerError("export.failed", f"could not write '{path}': {exc.strerror or exc}",
                           [str(path)]) from None
    unchosen = [] if chosen or not project.baselines else ["no baseline chosen; baseline columns are empty"]
    return unchosen + named_only(project, "a spreadsheet")  # read back by name, as a CSV file's (xlsx_read)


def _write_workbook(project: Project, chosen: Baseline | None, stream: BinaryIO) -> None:
    looks = Looks()
    sheets = [_task_sheet(project, schedule(project), chosen, looks), _links_sheet(project, looks),
              _plan_sheet(project, chosen, looks)]
    package(sheets, looks, stream)
