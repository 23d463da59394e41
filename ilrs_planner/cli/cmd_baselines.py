"""`ilrs-planner baselines PLAN.db`: the plan's baselines, one a line, with their "as of" dates."""

from __future__ import annotations

import argparse
import json

from ..domain import Classification
from ..domain.terminal_text import one_line
from .render import load_plan


def register(subparsers) -> None:
    """Add the `baselines` sub-command."""
    parser = subparsers.add_parser(
        "baselines", help="list a plan's baselines with their 'as of' dates",
        description="List the baselines (named snapshots of the schedule) of a plan, oldest first, one a "
        "line: the name, then 'as of' and its date.")
    parser.add_argument("plan", metavar="PLAN.db", help="the plan file")
    parser.add_argument("--json", action="store_true",
                        help='print JSON: [{"name", "as_of", "tasks", "classification"}]')
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print one baseline a line (as-of date, name), or JSON."""
    project = load_plan(args.plan)
    baselines = sorted(project.baselines, key=lambda b: b.as_of)
    if args.json:
        print(json.dumps([{"name": b.name, "as_of": b.as_of.isoformat(), "tasks": len(b.entries),
                           "classification": b.classification.value} for b in baselines], indent=2, ensure_ascii=False))
    elif not baselines:
        print("The plan has no baselines.")
    width = max((len(one_line(b.name)) for b in baselines), default=0)
    for baseline in [] if args.json else baselines:
        seen_by = "" if baseline.classification == Classification.PUBLIC else f"  ({baseline.classification.value})"
        print(f"{one_line(baseline.name).ljust(width)}  as of {baseline.as_of.isoformat()}{seen_by}")
    return 0
