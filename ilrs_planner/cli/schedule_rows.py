"""The schedule of `schedule` written out: JSON rows and aligned table lines, made in bulk.

At 100,000 tasks a Python call per table cell and the pure-Python JSON encoder (which `indent`
selects) cost seconds. Here the columns come formatted (see schedule_columns), each table line
is one format call and JSON rows are joined a block at once, output is written in blocks as it
is made, and the JSON goes through the C encoder.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from operator import add
from typing import TextIO

import numpy as np

from ..domain import Project
from ..domain.durations import format_days
from ..domain.terminal_text import fits_one_line, one_line
from ..engine.schedule import Schedule
from .schedule_columns import ScheduleColumns, distinct_texts, schedule_columns

JSON_FIELDS = ("key", "name", "early_start", "early_finish", "late_start", "late_finish", "total_float_days",
               "free_float_days", "float_unit", "critical", "precision", "confidence", "source", "source_date",
               "task_mode", "manual_start", "shown_start", "shown_finish")
FINISH_CONVENTION = ("exclusive: early_finish, late_finish and project_finish are the day after the last day "
                     "of work; a milestone's start and finish are its point in time, the day after the day shown "
                     "when it sits at the end of a working day (after a task ending Friday: Saturday); "
                     "shown_start and shown_finish are the days a person reads (a finish's last day of work, a "
                     "milestone's own day), which written at the task's precision read as the task table does "
                     "(a milestone by 2035: early_finish 2036-01-01, shown_finish 2035-12-31, precision year: 2035)")
PROVENANCE = ("precision: day/month/quarter/year, how precisely the task's dates are known (the coarser of its own "
              "and that of the task driving it); confidence: sourced/inferred/assumption as the task states it, "
              "else sourced when it cites a source and unsourced when not, but a task a link pushed past its "
              "announced date (its start-no-earlier-than period, its deadline) is inferred, or an assumption when "
              "an assumption pushed it: its dates are no longer the source's; a date the planner typed or dragged "
              "makes the task an assumption; source: the cited address ('' for none); source_date: the source's "
              "date (ISO) or null; task_mode: manual (MS Project's Manually Scheduled: the task keeps its start "
              "whatever its predecessors say) or auto, null for a summary; manual_start: the day a manual task is "
              "kept on, apart from its constraint (MS Project's ManualStart; ISO), null when it has none")
BLOCK = 5000  # table lines per write: few writes, and output starts before the last line is made


def schedule_data(project: Project, schedule: Schedule) -> dict:
    """The schedule as plain data: ISO dates, every task (summaries too) in WBS order."""
    columns = schedule_columns(project, schedule)
    modes = _MODE_VALUES[_task_mode_places(columns)].tolist()
    rows = zip(columns.keys, columns.names, *columns.dates, columns.total_float.tolist(),
               columns.free_float.tolist(), _float_units(columns), columns.critical.tolist(), *columns.provenance,
               modes, columns.manual_starts, *columns.shown)
    return {"finish_convention": FINISH_CONVENTION, "provenance": PROVENANCE,
            "project_start": schedule.project_start.isoformat(), "project_finish": schedule.project_finish.isoformat(),
            "must_finish_by": _must_finish_by(project),
            "tasks": [dict(zip(JSON_FIELDS, row)) for row in rows]}


def write_json(project: Project, schedule: Schedule, out: TextIO, pretty: bool = False) -> None:
    """The schedule as JSON: compact and written in blocks, or indented by 2 (`pretty`)."""
    if pretty:  # indent selects json's pure-Python encoder: seconds at 100,000 tasks, so only on request
        out.write(json.dumps(schedule_data(project, schedule), ensure_ascii=False, indent=2) + "\n")
        return
    columns = schedule_columns(project, schedule)
    precision, confidence, source, source_date = columns.provenance
    values = [_json_texts(columns.keys), _json_texts(columns.names), *columns.dates,
              _json_counts(columns.total_float), _json_counts(columns.free_float), _float_units(columns),
              _JSON_BOOLS[columns.critical.astype(np.intp)].tolist(), precision, confidence, _json_texts(source),
              _json_dates(source_date), _JSON_MODES[_task_mode_places(columns)].tolist(),
              _json_dates(columns.manual_starts), *columns.shown]
    out.write(f'{{"finish_convention":"{FINISH_CONVENTION}","provenance":{encode_basestring(PROVENANCE)},'
              f'"project_start":"{schedule.project_start.isoformat()}",'
              f'"project_finish":"{schedule.project_finish.isoformat()}",'
              f'"must_finish_by":{json.dumps(_must_finish_by(project))},"tasks":[')
    for start in range(0, len(columns.keys), BLOCK):
        rows = joined_rows(_JSON_PIECES, values, start, min(start + BLOCK, len(columns.keys)))
        out.write(rows[1:] if start == 0 else rows)  # each row after a comma, but the first
    out.write("]}\n")


def _must_finish_by(project: Project) -> str | None:
    """The plan's Must finish by as a day (the floats run to its end, not exclusive), or None."""
    return project.must_finish_by.isoformat() if project.must_finish_by else None


_JSON_BOOLS = np.array(["false", "true"], dtype=object)
_MODE_VALUES = np.array(["auto", "manual", None], dtype=object)  # by _task_mode_places
_JSON_MODES = np.array(['"auto"', '"manual"', "null"], dtype=object)


_FLOAT_UNITS = np.array(["d", "ed"], dtype=object)


def _float_units(columns: ScheduleColumns) -> list[str]:
    """Per row, the unit the floats count, as MS Project's: 'ed' (calendar days) for an elapsed task,
    'd' (working days of the task's calendar) for any other, a phase included."""
    units: list[str] = _FLOAT_UNITS[columns.elapsed.astype(np.intp)].tolist()
    return units


def _task_mode_places(columns: ScheduleColumns) -> np.ndarray:
    """Per row: 0 auto, 1 manual, 2 a summary (which has no mode: its sub-tasks give its dates)."""
    return np.where(columns.summary.astype(bool), 2, columns.manual.astype(np.intp))

# A row's text around its values: strings are quoted here, their insides come escaped (_json_texts).
_JSON_ROW = ",{" + ",".join(f'"{name}":{value}' for name, value in zip(JSON_FIELDS, (
    '"%s"', '"%s"', '"%s"', '"%s"', '"%s"', '"%s"', "%s", "%s", '"%s"', "%s", '"%s"', '"%s"', '"%s"', "%s", "%s",
    "%s", '"%s"', '"%s"'))) + "}"
_JSON_PIECES = _JSON_ROW.split("%s")


def _json_texts(texts: list[str]) -> list[str]:
    """Texts as the insides of JSON strings: escaped by json's C encoder, or, when one look at them
    all finds nothing to escape (the usual case), as they are."""
    joined = "".join(texts)
    if len(encode_basestring(joined)) == len(joined) + 2:
        return texts
    return [encode_basestring(text)[1:-1] for text in texts]


def _json_dates(days: list[str | None]) -> list[str]:
    """ISO dates as JSON strings, None as null (one lookup per row: most rows share a few values)."""
    shown = {day: "null" if day is None else f'"{day}"' for day in set(days)}
    return list(map(shown.__getitem__, days))


def joined_rows(pieces: list[str], columns: list[list[str]], start: int, stop: int) -> str:
    """Rows `start` to `stop` as one text, each row `pieces[0] + columns[0][row] + pieces[1] + ...
    + pieces[-1]`: one list of every piece and value, joined once, so no Python code runs per row."""
    count, width = stop - start, 2 * len(columns) + 1
    parts = [""] * (count * width)
    for place, piece in enumerate(pieces):
        parts[2 * place::width] = [piece] * count
    for place, column in enumerate(columns):
        parts[2 * place + 1::width] = column[start:stop]
    return "".join(parts)


# Levels of indentation shown: deeper tasks line up with the last, so a name is always left to read
# and a partner's outline of 50,000 levels prints lines of ordinary width, not gigabytes.
MAX_INDENT = 12


def shortened(names: list[str], max_name: int) -> list[str]:
    """Each name cut to `max_name` characters, ending in '...' when cut (one comprehension: no call a row)."""
    if max(map(len, names), default=0) <= max_name:
        return names
    return [name if len(name) <= max_name else name[:max_name - 3] + "..." for name in names]


def table_cells(columns: ScheduleColumns, max_name: int) -> list[list[str]]:
    """The table's cells column by column, as MS Project's reports lead: each task's ID (its row in
    WBS order counted from 1, the window's ID column) and its name, indented by depth and shortened
    to `max_name`; the key, which `why` and --json take, last."""
    indents = _INDENTS[np.minimum(columns.depths, MAX_INDENT)].tolist()
    names = shortened(list(map(add, indents, _one_line(columns.names))), max_name)
    marks = _MARKS[columns.critical.astype(np.intp)].tolist()
    ids = list(map(str, range(1, len(names) + 1)))
    return [ids, names, *columns.dates, _floats(columns.total_float, columns.elapsed),
            _floats(columns.free_float, columns.elapsed), marks, _one_line(columns.keys)]


_INDENTS = np.array(["  " * depth for depth in range(MAX_INDENT + 1)], dtype=object)
_MARKS = np.array(["", "*"], dtype=object)


def _json_counts(values: np.ndarray) -> list[str]:
    """Day counts as JSON numbers, each distinct count formatted once."""
    texts: list[str] = distinct_texts(values, lambda counts: list(map(str, counts))).tolist()
    return texts


def _counts(values: np.ndarray) -> list[str]:
    """Day counts as the task table writes them ('1,234 d'), each distinct count formatted once."""
    texts: list[str] = distinct_texts(values, lambda counts: [format_days(count) for count in counts]).tolist()
    return texts


def _floats(values: np.ndarray, elapsed: np.ndarray) -> list[str]:
    """Floats as the task table writes them: an elapsed task's in calendar days ('107 ed')."""
    texts = _counts(values)
    for row in np.flatnonzero(elapsed).tolist():
        texts[row] = format_days(int(values[row]), True)
    return texts


def _one_line(texts: list[str]) -> list[str]:
    """Texts escaped to stay on their table line (see domain.terminal_text); one scan when none needs it."""
    if fits_one_line("".join(texts)):
        return texts
    return list(map(one_line, texts))


def line_format(headers: tuple[str, ...], cells: list[list[str]], right: set[int]) -> tuple[str, list[int]]:
    """A format string for one table line (columns two spaces apart) and the column widths."""
    widths = [max(len(title), max(map(len, column), default=0)) for title, column in zip(headers, cells)]
    specs = [f"{{:{'>' if i in right else '<'}{w}}}" for i, w in enumerate(widths)]
    return "  ".join(specs), widths


def write_lines(widths: list[int], right: set[int], cells: list[list[str]], out: TextIO) -> None:
    """Table lines in blocks of BLOCK, trailing spaces removed: the lines `line_format` describes.

    Each line is one `%` formatting of its cells (`%-6s` pads as `str.ljust`, `%6s` as `rjust`),
    run through C-level `map`: padding each cell by a call of its own first, then joining, took
    twice as long.
    """
    line = "  ".join(f"%{'' if place in right else '-'}{width}s" for place, width in enumerate(widths))
    for start in range(0, len(cells[0]) if cells else 0, BLOCK):
        rows = zip(*(column[start:start + BLOCK] for column in cells))
        out.write("\n".join(map(str.rstrip, map(line.__mod__, rows))) + "\n")
