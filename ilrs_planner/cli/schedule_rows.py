"""The schedule of `schedule` as columns in WBS order, formatted in bulk for the table and the JSON.

At 100,000 tasks a row object and four date objects per task, a Python call per table cell and
the pure-Python JSON encoder (which `indent` selects) cost seconds. Here the dates stay day
ordinals until one lookup table per run turns them into ISO text, each table line is one format
call, lines are written in blocks as they are made, and the JSON goes through the C encoder.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from itertools import islice, repeat
from json.encoder import encode_basestring
from operator import attrgetter
from typing import TextIO

import numpy as np

from ..domain import Precision, Project, Task
from ..domain.dates import format_fuzzy_date
from ..domain.provenance import shown_confidence
from ..domain.terminal_text import one_line
from ..engine.schedule import Schedule
from ..engine.shown_precision import ShownPrecision
from .wbs_order import wbs_order

JSON_FIELDS = ("key", "name", "early_start", "early_finish", "late_start", "late_finish", "total_float_days",
               "free_float_days", "critical", "precision", "confidence", "source", "source_date")
FINISH_CONVENTION = ("exclusive: early_finish, late_finish and project_finish are the day after the last day "
                     "of work; a milestone's finish is its own day")
PROVENANCE = ("precision: day/month/quarter/year, how precisely the task's dates are known (the coarser of its own "
              "and that of the task driving it); confidence: sourced/inferred/assumption as the task states it, "
              "else sourced when it cites a source and unsourced when not; source: the cited address ('' for "
              "none); source_date: the source's date (ISO) or null")
BLOCK = 5000  # table lines per write: few writes, and output starts before the last line is made


@dataclass(slots=True)
class ScheduleColumns:
    """Every task (summaries too) in WBS order; dates as ISO text, exclusive finishes."""

    keys: list[str]
    names: list[str]
    depths: list[int]
    dates: tuple[list[str], list[str], list[str], list[str]]  # early start/finish, late start/finish
    total_float: list[int]
    free_float: list[int]
    critical: list[bool]
    provenance: tuple[list[str], list[str], list[str], list[str | None]]  # precision, confidence, source, its date


def schedule_columns(project: Project, schedule: Schedule, last_days: bool = False) -> ScheduleColumns:
    """The schedule's columns for every task of `project`, in WBS order.

    `last_days` gives what a person reads: finishes as the last day of work (a milestone's own
    day) instead of the scheduler's exclusive finishes, which the JSON keeps, and every date at
    the precision it is known to (a task driven by a date announced as '2031' shows '2031').
    """
    tasks, depths = wbs_order(project)
    ids = list(map(_ID, tasks))
    *ordinals, total_float, free_float, critical = _columns_in(schedule, ids)
    if last_days:
        es, ef, ls, lf = ordinals
        ordinals = [es, _last_days(es, ef), ls, _last_days(ls, lf)]
    iso = iso_table([value for column in ordinals for value in set(column)])
    dates = tuple(list(map(iso.__getitem__, column)) for column in ordinals)
    provenance = _provenance(project, schedule, tasks)
    if last_days:
        _at_shown_precision(dates, ordinals, provenance[0])
    return ScheduleColumns(list(map(_KEY, tasks)), list(map(_NAME, tasks)), depths, dates,  # type: ignore[arg-type]
                           total_float, free_float, list(map(bool, critical)), provenance)


def _at_shown_precision(dates: tuple[list[str], ...], ordinals: list[list[int]], precision: list[str]) -> None:
    """Dates of the tasks known less precisely than to the day rewritten as '2031', 'Q3 2029', '2029-06'."""
    if precision.count(Precision.DAY.value) == len(precision):
        return
    for row, shown in enumerate(precision):
        if shown != Precision.DAY.value:
            for column, days in zip(dates, ordinals):
                column[row] = format_fuzzy_date(date.fromordinal(days[row]), Precision(shown))


def _provenance(project: Project, schedule: Schedule,
                tasks: list[Task]) -> tuple[list[str], list[str], list[str], list[str | None]]:
    shown = ShownPrecision(project, schedule)
    # Only a task a coarser date can reach differs from its own precision (ShownPrecision's doc).
    precision = map(shown.of, map(_ID, tasks)) if shown.reach else map(_PRECISION, tasks)
    return (list(map(_VALUE.__getitem__, precision)), list(map(shown_confidence, tasks)),
            list(map(_SOURCE, tasks)), [t.source_date.isoformat() if t.source_date else None for t in tasks])


_ID, _KEY, _NAME, _PRECISION, _SOURCE = (attrgetter(name) for name in ("id", "key", "name", "precision",
                                                                       "source_url"))
_VALUE = {member: member.value for member in Precision}


def _last_days(starts: list[int], finishes: list[int]) -> list[int]:
    """The last day of work of each [start, finish) (a milestone's own day), as day ordinals."""
    start, finish = np.asarray(starts, dtype=np.int64), np.asarray(finishes, dtype=np.int64)
    last_days: list[int] = np.where(finish > start, finish - 1, finish).tolist()
    return last_days


def _columns_in(schedule: Schedule, ids: list[str]) -> tuple[list, ...]:
    """Columns straight from the scheduler's table, or made from rows for any other mapping."""
    fast = getattr(schedule.tasks, "columns_in", None)
    if fast is not None:
        return fast(ids)
    rows = [schedule.tasks[tid] for tid in ids]
    return tuple(list(column) for column in zip(*(
        (r.early_start.toordinal(), r.early_finish.toordinal(), r.late_start.toordinal(), r.late_finish.toordinal(),
         r.total_float, r.free_float, r.critical) for r in rows))) if rows else ([],) * 7


def iso_table(ordinals) -> dict[int, str]:
    """Day ordinal -> ISO text, for each distinct ordinal (plans reuse a few thousand dates)."""
    return {value: date.fromordinal(value).isoformat() for value in set(ordinals)}


def schedule_data(project: Project, schedule: Schedule) -> dict:
    """The schedule as plain data: ISO dates, every task (summaries too) in WBS order."""
    columns = schedule_columns(project, schedule)
    rows = zip(columns.keys, columns.names, *columns.dates, columns.total_float, columns.free_float,
               columns.critical, *columns.provenance)
    return {"finish_convention": FINISH_CONVENTION, "provenance": PROVENANCE,
            "project_start": schedule.project_start.isoformat(), "project_finish": schedule.project_finish.isoformat(),
            "tasks": [dict(zip(JSON_FIELDS, row)) for row in rows]}


def write_json(project: Project, schedule: Schedule, out: TextIO, pretty: bool = False) -> None:
    """The schedule as JSON: compact and written in blocks, or indented by 2 (`pretty`)."""
    if pretty:  # indent selects json's pure-Python encoder: seconds at 100,000 tasks, so only on request
        out.write(json.dumps(schedule_data(project, schedule), ensure_ascii=False, indent=2) + "\n")
        return
    columns = schedule_columns(project, schedule)
    # Only keys and names can hold characters JSON must escape: they go through json's C string
    # encoder; dates, integers and flags are written as they are.
    precision, confidence, source, source_date = columns.provenance
    rows = zip(map(encode_basestring, columns.keys), map(encode_basestring, columns.names), *columns.dates,
               columns.total_float, columns.free_float, map(_JSON_BOOL.__getitem__, columns.critical),
               precision, confidence, map(encode_basestring, source), map(_json_date, source_date))
    out.write(f'{{"finish_convention":"{FINISH_CONVENTION}","provenance":{encode_basestring(PROVENANCE)},'
              f'"project_start":"{schedule.project_start.isoformat()}",'
              f'"project_finish":"{schedule.project_finish.isoformat()}","tasks":[')
    lead = ""
    while block := list(islice(rows, BLOCK)):
        out.write(lead + ",".join(map(_JSON_ROW.__mod__, block)))
        lead = ","
    out.write("]}\n")


_JSON_BOOL = {False: "false", True: "true"}
_JSON_ROW = "{" + ",".join(f'"{name}":{value}' for name, value in zip(JSON_FIELDS, (
    "%s", "%s", '"%s"', '"%s"', '"%s"', '"%s"', "%d", "%d", "%s", '"%s"', '"%s"', "%s", "%s"))) + "}"


def _json_date(day: str | None) -> str:
    return "null" if day is None else f'"{day}"'



# Levels of indentation shown: deeper tasks line up with the last, so a name is always left to read
# and a partner's outline of 50,000 levels prints lines of ordinary width, not gigabytes.
MAX_INDENT = 12


def shortened(names: Iterable[str], max_name: int) -> list[str]:
    """Each name cut to `max_name` characters, ending in '...' when cut (one comprehension: no call a row)."""
    return [name if len(name) <= max_name else name[:max_name - 3] + "..." for name in names]


def table_cells(columns: ScheduleColumns, max_name: int) -> list[list[str]]:
    """The table's cells column by column: names indented by depth and shortened to `max_name`."""
    names = ["  " * min(depth, MAX_INDENT) + name for depth, name in zip(columns.depths, _one_line(columns.names))]
    names = shortened(names, max_name)
    floats = [f"{value}d" for value in columns.total_float]
    free = [f"{value}d" for value in columns.free_float]
    marks = ["*" if flag else "" for flag in columns.critical]
    return [_one_line(columns.keys), names, *columns.dates, floats, free, marks]


def _one_line(texts: list[str]) -> list[str]:
    """Texts escaped to stay on their table line (see domain.terminal_text); one scan when none needs it."""
    if one_line("".join(texts)) == "".join(texts):
        return texts
    return list(map(one_line, texts))


def line_format(headers: tuple[str, ...], cells: list[list[str]], right: set[int]) -> tuple[str, list[int]]:
    """A format string for one table line (columns two spaces apart) and the column widths."""
    widths = [max(len(title), max(map(len, column), default=0)) for title, column in zip(headers, cells)]
    specs = [f"{{:{'>' if i in right else '<'}{w}}}" for i, w in enumerate(widths)]
    return "  ".join(specs), widths


def write_lines(widths: list[int], right: set[int], cells: list[list[str]], out: TextIO) -> None:
    """Table lines in blocks of BLOCK, trailing spaces removed: the lines `line_format` describes.

    Columns are padded whole and lines joined through `map`, so no Python code runs per line.
    """
    padded = [list(map(str.rjust if i in right else str.ljust, column, repeat(width)))
              for i, (column, width) in enumerate(zip(cells, widths))]
    lines = map(str.rstrip, map("  ".join, zip(*padded)))
    while block := list(islice(lines, BLOCK)):
        out.write("\n".join(block) + "\n")
