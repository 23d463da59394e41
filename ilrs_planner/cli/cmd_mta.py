"""`ilrs-planner mta PLAN.db -o mta.png`: the milestone trend analysis chart (or its data)."""

from __future__ import annotations

import argparse
import json
from datetime import date

from ..domain import PlannerError, parse_iso_date


def register(subparsers) -> None:
    """Add the `mta` sub-command."""
    parser = subparsers.add_parser(
        "mta", help="milestone trend analysis: chart (.png/.svg/.pdf) or data of how forecasts moved",
        description="Milestone trend analysis: for each chosen milestone, its forecast date at every baseline "
        "('as of' date) and in the current plan (at its status date). Rising lines = slipping. On the ILRS "
        "roadmap the default milestones are the basic and extended station, Chang'e 7 and 8, Luna-26/27, the "
        "crewed landing and the power plant; elsewhere the plan's first milestones. The summary gives each "
        "milestone's first and latest forecast and, when it moved more than once, every move.")
    parser.add_argument("plan", metavar="PLAN.db", help="the plan file")
    parser.add_argument("-o", "--output", metavar="OUT.png", help="write the chart (.png, .svg or .pdf)")
    parser.add_argument("--milestones", metavar="KEY,KEY", help="task keys to show, comma-separated")
    parser.add_argument("--width", type=int, metavar="PX", help="PNG width in pixels (default 2400)")
    parser.add_argument("--title", help="the chart's title")
    parser.add_argument("--report-date", type=parse_iso_date, metavar="YYYY-MM-DD",
                        help="date of the current plan's report (default: its status date, else today)")
    parser.add_argument("--json", action="store_true", help="print the trend data as JSON")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the trend (table or JSON) and write the chart if asked."""
    from ..engine.cpm import schedule
    from ..engine.mta import milestone_trend
    from .render import load_plan

    project = load_plan(args.plan)
    keys = [k.strip() for k in args.milestones.split(",") if k.strip()] if args.milestones else None
    trend = milestone_trend(project, schedule(project), keys, args.report_date, today=date.today())
    if args.output:
        _write_chart(trend, args, project.name)
    if args.json:
        print(json.dumps(trend.to_dict(), indent=2, ensure_ascii=False))
    else:
        _print_summary(trend)
    if args.output:
        print(f"Wrote {args.output}")
    return 0


def _write_chart(trend, args, plan_name: str) -> None:
    try:
        from ..qt.analysis.mta_export import export_mta
    except ImportError as exc:
        raise PlannerError("export.failed", f"the chart needs the desktop components (Qt): {exc}") from None
    export_mta(trend, args.output, width=args.width, title=args.title or f"Milestone trend analysis — {plan_name}")


def _print_summary(trend) -> None:
    """One line per milestone, named as the table reads it (name first, key beside it), then its first
    and latest forecast and its slip."""
    print(f"{_reports(len(trend.reports))}, {trend.reports[0].as_of} to {trend.reports[-1].as_of}")
    current = next((r for r in trend.reports if r.is_current), None)
    if current is not None and not current.status_set:
        print(f"The plan has no status date: its current plan is reported as of today, {current.as_of}"
              f"{_shared(trend, current)} (set one with `ilrs-planner status --as-of`, or give --report-date)")
    labels = [f"'{line.name}' ({line.key})" for line in trend.lines]
    width = max(map(len, labels), default=3)
    for line, named in zip(trend.lines, labels):
        label = named.ljust(width)
        if not line.points:
            print(f"{label}  not in any report")
            continue
        moves = line.moves()
        net = "net " if len(moves) > 1 else ""
        path = f"; moved {', '.join(f'{m.text} on {m.as_of} (to {m.now})' for m in moves)}" if len(moves) > 1 else ""
        print(f"{label}  {line.point_text(0):>10} -> {line.point_text(-1):<10}"
              f"  {net}{line.total_slip_text} over {_reports(len(line.points))}{path}")


def _shared(trend, current) -> str:
    """', the date of baseline 'B1' too' when a baseline is reported the same day as the current plan."""
    same = [repr(r.label) for r in trend.reports if r.as_of == current.as_of and not r.is_current]
    if not same:
        return ""
    named = same[0] if len(same) == 1 else f"{', '.join(same[:-1])} and {same[-1]}"
    return f", the date of baseline{'s' if len(same) > 1 else ''} {named} too"


def _reports(count: int) -> str:
    """'1 report', '5 reports'."""
    return f"{count} report" if count == 1 else f"{count} reports"
