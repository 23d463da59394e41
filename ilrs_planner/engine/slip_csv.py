"""The slip report as CSV for people, and written to a file."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ..domain import PlannerError
from ..domain.spreadsheet_text import formula_safe
from ..files.atomic import write_atomically
from .slip_rows import SlipReport

CSV_COLUMNS = ("key", "name", "kind", "baseline_start", "baseline_finish", "current_start",
               "current_finish", "start_variance_working_days", "finish_variance_working_days", "slipped", "basis",
               "alternatives", "baseline_precision", "current_precision", "variance_precision",
               "baseline_duration_working_days", "duration_working_days", "duration_variance_working_days")


def report_csv(report: SlipReport) -> str:
    """The slip report as CSV text for people: a finish is the last day of work, every date at the
    precision it is known to ('2028', 'Q3 2029', '2029-06', or ISO), named in the two precision
    columns; variances are signed working days of each task's calendar (calendar days when elapsed)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(CSV_COLUMNS)
    for r in report.rows:
        writer.writerow([formula_safe(str(cell)) for cell in (
            r.key, r.name, r.kind, *r.shown(),
            "" if r.start_variance is None else r.start_variance,
            "" if r.finish_variance is None else r.finish_variance, "yes" if r.slipped else "no",
            r.basis, "; ".join(r.alternatives), r.baseline_precision, r.current_precision, r.variance_precision,
            *("" if days is None else days for days in (r.baseline_duration, r.current_duration, r.duration_variance)),
        )])
    return out.getvalue()


def write_report_csv(report: SlipReport, path: str | Path) -> None:
    """Write the slip report as a CSV file (UTF-8), naming the path in any error."""
    try:
        write_atomically(path, report_csv(report).encode("utf-8"))
    except OSError as exc:
        raise PlannerError("export.failed", f"could not write {path}: {exc.strerror or exc}") from None
