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
        "line: its number, the name, then 'as of' and its date. Wherever a command takes a baseline's name "
        "(--baseline, --against), its number does as well.")
    parser.add_argument("plan", metavar="PLAN.db", help="the plan file")
    parser.add_argument("--json", action="store_true",
                        help='print JSON: [{"number", "name", "as_of", "tasks", "classification"}]')
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print one baseline a line (number, name, as-of date), or JSON."""
    project = load_plan(args.plan)
    baselines = project.numbered_baselines()
    if args.json:
        listed = [{"number": n, "name": b.name, "as_of": b.as_of.isoformat(), "tasks": len(b.entries),
                   "classification": b.classification.value} for n, b in enumerate(baselines, 1)]
        print(json.dumps(listed, indent=2, ensure_ascii=False))
    elif not baselines:
        print("The plan has no baselines.")
    width = max((len(one_line(b.name)) for b in baselines), default=0)
    digits = len(str(len(baselines)))
    for number, baseline in enumerate([] if args.json else baselines, 1):
        seen_by = "" if baseline.classification == Classification.PUBLIC else f"  ({baseline.classification.value})"
        name = one_line(baseline.name).ljust(width)
        print(f"{number:>{digits}}  {name}  as of {baseline.as_of.isoformat()}{seen_by}")
    return 0
