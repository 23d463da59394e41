"""`ilrs-planner why PLAN.db MILESTONE_KEY --baseline NAME`: why a milestone moved."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ..domain import PlannerError
from ..domain.durations import format_days
from ..domain.terminal_text import one_line


def register(subparsers) -> None:
    """Add the `why` sub-command."""
    parser = subparsers.add_parser(
        "why", help="explain a milestone's slip: driving chains and the changes that moved it",
        description="Explain why a milestone (or task finish) moved between two versions. Against another plan "
        "file (--against OTHER.db, the earlier version) the explanation is exact: every input change (duration, "
        "actual date, constraint, link added/removed, lag) is replayed and credited with the days it moved the "
        "milestone, working days of the milestone's calendar (the credits add up to its slip). Against a "
        "baseline, which holds only dates, the slip is split over today's driving chain.")
    parser.add_argument("plan", metavar="PLAN.db", help="the plan file (the later version)")
    parser.add_argument("milestone", metavar="MILESTONE_KEY", help="the task key to explain")
    parser.add_argument("--baseline", metavar="NAME",
                        help="the baseline to explain from (default: the earliest that has the milestone)")
    parser.add_argument("--against", metavar="NAME|OTHER.db",
                        help="a second baseline (explain baseline -> this one), or an earlier plan file (exact)")
    parser.add_argument("--json", action="store_true", help="print the explanation as JSON")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the explanation."""
    from .render import load_plan

    project = load_plan(args.plan)
    if args.against and args.against.lower().endswith(".db") or args.against and Path(args.against).is_file():
        if args.baseline:
            raise PlannerError("cli.usage", "--baseline and --against OTHER.db exclude each other")
        result = _against_plan(project, load_plan(args.against), args)
    else:
        result = _against_baseline(project, args)
    if args.json:
        print(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
    else:
        print_explanation(result)
    return 0


def _against_plan(project, other, args):
    from ..engine.attribution import attribute_projects

    return attribute_projects(other, project, args.milestone, Path(args.against).name, Path(args.plan).name)


def _against_baseline(project, args):
    from ..engine.attribution import attribute_versions
    from ..engine.cpm import schedule
    from ..engine.slippage import baseline_version, schedule_version

    before = baseline_version(project.baseline(args.baseline) if args.baseline else _first_knowing(project, args))
    if args.against:
        return attribute_versions(project, None, before, baseline_version(project.baseline(args.against)),
                                  args.milestone)
    current = schedule(project)
    return attribute_versions(project, current, before, schedule_version(project, current), args.milestone)


def _first_knowing(project, args):
    """The earliest baseline that has the milestone (else the earliest): the default reference."""
    from ..engine.slippage import earliest_baseline

    task = project.task_by_key(args.milestone)
    knowing = [b for b in project.baselines if task.id in b.entries]
    return min(knowing, key=lambda b: b.as_of) if knowing else earliest_baseline(project)


def print_explanation(result) -> None:
    """The explanation as readable text."""
    print(f"{one_line(result.key)} — {one_line(result.name)}")
    print(f"  {one_line(result.before)}: {result.old_text or 'not planned'}")
    print(f"  {one_line(result.after)}: {result.new_text or 'not planned'}")
    if not (result.old_date and result.new_date):
        for note in result.notes:
            print(f"  note: {note}")
        return
    print(f"  moved {result.slip_text}" + ("" if result.exact else ", from dates only"))
    for label, chain in (("Driving chain then", result.old_chain), ("Driving chain now", result.new_chain)):
        if chain:  # a step a line, from the milestone back: each names its task and what drives it
            print(f"{label}:")
            for place, step in enumerate(chain):
                print(f"  {'← ' if place else ''}{one_line(f'{step.label} [{step.driver}]')}")
    print("Changes:" if result.contributions else "No change moved it.")
    for change in result.contributions:
        joint = "  (joint)" if change.joint else ""
        print(f"  {format_days(change.days, signed=True):>9}  {one_line(change.description)}{joint}")
    if result.unexplained_days:
        print(f"  {format_days(result.unexplained_days, signed=True):>9}  unexplained")
    for note in result.notes:
        print(f"note: {note}")
