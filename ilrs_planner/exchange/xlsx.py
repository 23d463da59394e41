"""Excel (.xlsx) export: a formatted task table with the schedule, a baseline and the variance.

Sheet "Tasks": one row per task in WBS order, names indented by outline level, summaries bold,
critical tasks highlighted, the header frozen (with the WBS/key/name columns), real Excel dates
(yyyy-mm-dd). Finish dates are the last day of work (the plan's exclusive finish minus one day; a
milestone finishes on its start), as MS Project shows them. Baseline columns compare with the
baseline named by `baseline=` (default: the most recently captured); variance is in days,
positive = later than the baseline. Sheets "Links" and "Plan" list dependencies and plan facts.
Text from the plan is always written as text, never as a formula (a task named "=HYPERLINK(...)"
from a partner must not run in someone's spreadsheet): a string cell, and one that starts like a
formula also carries Excel's quote prefix (the hidden apostrophe), so editing the cell or saving
the sheet as CSV keeps it text.
"""

from __future__ import annotations

import gc
import io
import sys
from datetime import date, timedelta
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from ..domain import Baseline, PlannerError, Precision, Project
from ..domain.provenance import shown_confidence
from ..domain.spreadsheet_text import starts_like_formula
from ..engine.shown_precision import ShownPrecision
from ..files.atomic import write_atomically

try:  # openpyxl serialises sheets through lxml when it is installed, into temporary files of its own;
    from lxml.etree import SerialisationError  # a full disk there is reported as lxml's error, not OSError
    _SERIALISER_ERRORS: tuple[type[Exception], ...] = (SerialisationError,)
except ImportError:
    _SERIALISER_ERRORS = ()
_WRITE_ERRORS: tuple[type[Exception], ...] = (OSError, *_SERIALISER_ERRORS)

HEADER_FILL = PatternFill("solid", fgColor="1F3864")
CRITICAL_FILL = PatternFill("solid", fgColor="F8CBAD")
DATE_FORMAT = "yyyy-mm-dd"
COLUMNS = [  # (title, width)
    ("WBS", 9), ("Key", 16), ("Task", 46), ("Kind", 13), ("Owner", 10), ("Classification", 13),
    ("Duration (d)", 11), ("Start", 12), ("Finish", 12), ("Late start", 12), ("Late finish", 12),
    ("Total float (d)", 13), ("Free float (d)", 12), ("Critical", 9), ("Baseline start", 14),
    ("Baseline finish", 14), ("Start variance (d)", 16), ("Finish variance (d)", 17), ("Deadline", 12),
    ("% complete", 11), ("Notes", 50),
    ("Precision", 10), ("Confidence", 12), ("Source", 40), ("Source date", 12),  # provenance, last
]
DATE_COLUMNS = {"Start", "Finish", "Late start", "Late finish", "Baseline start", "Baseline finish", "Deadline",
                "Source date"}


def last_day(start: date, finish: date) -> date:
    """The inclusive last day of `[start, finish)` (a milestone's is its start)."""
    return finish - timedelta(days=1) if finish > start else finish


def safe_text(value: str) -> str:
    """Text Excel can hold: control characters removed (openpyxl refuses them)."""
    return ILLEGAL_CHARACTERS_RE.sub("", value or "")


def _chosen_baseline(project: Project, name: str | None) -> Baseline | None:
    if name:
        return project.baseline(name)
    return project.baselines[-1] if project.baselines else None


def _outline_numbers(project: Project) -> dict[str, str]:
    numbers: dict[str, str] = {}
    counters: list[int] = []
    for task, depth in project.walk():
        del counters[depth + 1:]
        counters[depth:depth + 1] = [counters[depth] + 1] if len(counters) > depth else [1]
        numbers[task.id] = ".".join(map(str, counters))
    return numbers


def _shown_deadline(task):
    """A deadline is stored as what it means: the last day allowed."""
    return task.deadline


def _row(project: Project, task, number: str, dates, baseline: Baseline | None) -> list:
    owner = project.participants.get(task.owner_id) if task.owner_id else None
    entry = baseline.entries.get(task.id) if baseline else None
    row = [number, task.key, task.name, task.kind.value, owner.key if owner else "", task.classification.value,
           (dates.early_finish - dates.early_start).days, dates.early_start,
           last_day(dates.early_start, dates.early_finish), dates.late_start,
           last_day(dates.late_start, dates.late_finish), dates.total_float, dates.free_float,
           "yes" if dates.critical else "", entry[0] if entry else None,
           last_day(*entry) if entry else None,
           (dates.early_start - entry[0]).days if entry else None,
           (dates.early_finish - entry[1]).days if entry else None,
           _shown_deadline(task),
           task.percent_complete, task.notes]
    return row


def _provenance(task, precision: Precision) -> list:
    """How precisely the dates are known (the driving date's precision counts), on whose word, as of when."""
    return [precision.value, shown_confidence(task), task.source_url, task.source_date]


class _Cells:
    """Cells of one write-only sheet, their styles worked out once per combination, not per cell.

    openpyxl hashes a Font or Fill each time one is assigned to a cell; at 10,000 tasks x 21
    columns that was most of the export. A cell here takes the style array of the first cell
    made with the same look (arrays are never changed after, so sharing one is safe).
    """

    def __init__(self, sheet):
        self.sheet, self.looks = sheet, {}

    def __call__(self, value, *, bold=False, white=False, fill=None, date_format=False, indent=0, wrap=False):
        text = isinstance(value, str)
        quote = text and starts_like_formula(value)
        key = (bold, white, fill, date_format, indent, wrap, quote)
        look = self.looks.get(key)
        if look is None:
            look = self.looks[key] = self._look(key)
        cell = WriteOnlyCell(self.sheet, safe_text(value) if text else value)
        if text:
            cell.data_type = "s"  # never a formula, whatever the text starts with
        cell._style = look
        return cell

    def _look(self, key):
        bold, white, fill, date_format, indent, wrap, quote = key
        cell = WriteOnlyCell(self.sheet)
        if bold or white:
            cell.font = Font(bold=bold, color="FFFFFF" if white else None)
        if fill is not None:
            cell.fill = fill
        if date_format:
            cell.number_format = DATE_FORMAT
        if indent or wrap:
            cell.alignment = Alignment(indent=indent, wrap_text=wrap or None, vertical="center" if wrap else None)
        cell.quotePrefix = quote
        return cell._style


def _plain(cells: _Cells, value):
    """A value as is, or a cell when it is text (kept text, quote prefix where it looks like a formula)."""
    return cells(value) if isinstance(value, str) and value else value


def _task_sheet(sheet, project: Project, schedule, baseline: Baseline | None) -> None:
    cells = _Cells(sheet)
    for column, (_, width) in enumerate(COLUMNS, start=1):  # widths and panes come before any row
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = "D2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{len(project.tasks) + 1}"
    sheet.append([cells(title, bold=True, white=True, fill=HEADER_FILL, wrap=True) for title, _ in COLUMNS])
    dated = [title in DATE_COLUMNS for title, _ in COLUMNS]
    numbers, summaries = _outline_numbers(project), project.summary_ids()
    shown = ShownPrecision(project, schedule)
    for task, depth in project.walk():
        dates = schedule.tasks[task.id]
        values = _row(project, task, numbers[task.id], dates, baseline) + _provenance(task, shown.of(task.id))
        bold, fill = task.id in summaries, CRITICAL_FILL if dates.critical else None
        if bold or fill is not None:  # every cell of the row carries the look
            row = [cells(value, bold=bold, fill=fill, date_format=is_date, indent=depth if column == 2 else 0)
                   for column, (value, is_date) in enumerate(zip(values, dated))]
        else:  # only dates and the indented name need a cell of their own
            row = [cells(value, date_format=True) if is_date and value is not None else _plain(cells, value)
                   for value, is_date in zip(values, dated)]
            row[2] = cells(values[2], indent=depth)
        sheet.append(row)


def _simple_sheet(sheet, header: list[str], rows: list[list], widths: list[int]) -> None:
    cells = _Cells(sheet)
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = "A2"
    sheet.append([cells(title, bold=True) for title in header])
    for values in rows:
        sheet.append([cells(value, date_format=True) if isinstance(value, date) else _plain(cells, value)
                      for value in values])


def _links_sheet(sheet, project: Project) -> None:
    key = {t.id: t.key for t in project.tasks.values()}
    rows = sorted([key.get(k.pred_id, "?"), key.get(k.succ_id, "?"), k.type.value,
                   k.lag] for k in project.links.values())
    _simple_sheet(sheet, ["Predecessor", "Successor", "Type", "Lag (d)"], rows, [18, 18, 8, 9])


def _plan_sheet(sheet, project: Project, baseline: Baseline | None) -> None:
    rows: list[list[object]] = [["Plan", project.name], ["Start", project.start], ["Status date", project.status_date],
            ["Author", project.author], ["Compared with baseline", baseline.name if baseline else "(none)"]]
    rows += [[f"Baseline: {b.name}", b.as_of] for b in project.baselines]
    _simple_sheet(sheet, ["Item", "Value"], rows, [28, 60])


def write(project: Project, path: str | Path, *, baseline: str | None = None, **_opts) -> list[str]:
    """Write the workbook to `path`; returns warnings (e.g. no baseline to compare with)."""
    chosen = _chosen_baseline(project, baseline)
    try:
        write_atomically(path, _quietly(_workbook_bytes, project, chosen))  # whole in memory first
    except OSError as exc:
        raise PlannerError("export.failed", f"could not write '{path}': {exc.strerror or exc}",
                           [str(path)]) from None
    return [] if chosen or not project.baselines else ["no baseline chosen; baseline columns are empty"]


def _workbook_bytes(project: Project, chosen: Baseline | None) -> bytes:
    from ..engine.cpm import schedule
    workbook = Workbook(write_only=True)  # rows stream to openpyxl's temporary files; no cell grid is kept
    _task_sheet(workbook.create_sheet("Tasks"), project, schedule(project), chosen)
    _links_sheet(workbook.create_sheet("Links"), project)
    _plan_sheet(workbook.create_sheet("Plan"), project, chosen)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _quietly(build, *args) -> bytes:
    """`build(*args)`, any failure to write openpyxl's temporary files raised as OSError. After such a
    failure its half-run sheet writers fail again as they are collected and Python prints "Exception
    ignored"; that second report of the same failure is dropped (they are collected here)."""
    previous = sys.unraisablehook
    sys.unraisablehook = lambda report: None if isinstance(report.exc_value, _WRITE_ERRORS) \
        else previous(report)
    failure = None
    try:
        return build(*args)
    except _WRITE_ERRORS as exc:
        failure = OSError(getattr(exc, "errno", None) or 0, getattr(exc, "strerror", None) or str(exc))
    finally:
        if failure is not None:
            gc.collect()
        sys.unraisablehook = previous
    raise failure
