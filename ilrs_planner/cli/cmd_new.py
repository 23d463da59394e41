"""`ilrs-planner new OUT.db`: a new plan file, empty or holding the bundled ILRS roadmap."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from ..domain import PlannerError, Project, parse_iso_date
from ..domain.blank_plan import blank_plan
from .render import refuse_to_overwrite


def register(subparsers) -> None:
    """Add the `new` sub-command."""
    parser = subparsers.add_parser(
        "new",
        help="create a plan file (empty, or the ILRS reference roadmap with --reference)",
        description="Create a plan file. With --reference it holds the bundled ILRS roadmap (current dates, "
        "earlier announcements as baselines, participants); otherwise an empty plan.",
    )
    parser.add_argument("out", metavar="OUT.db", help="the plan file to create")
    parser.add_argument("--reference", action="store_true", help="write the bundled ILRS reference roadmap")
    parser.add_argument("--name", help="the plan's name (default: the file name)")
    parser.add_argument("--start", type=parse_iso_date, metavar="YYYY-MM-DD",
                        help="the project start of an empty plan (default: today)")
    parser.add_argument("--force", action="store_true", help="replace OUT.db if it exists")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Write the new plan and say what it holds."""
    from ..store import save_project

    refuse_to_overwrite(args.out, args.force)
    project = _reference(args) if args.reference else blank_plan(args.start or date.today(),
                                                                 args.name or Path(args.out).stem)
    save_project(project, args.out)
    print(f"Wrote {args.out}: {project.name}, {len(project.tasks)} tasks, {len(project.links)} links, "
          f"{len(project.participants)} participants, {len(project.baselines)} baselines")
    return 0


def _reference(args: argparse.Namespace) -> Project:
    from ..data.reference import build_reference_project

    if args.start:
        raise PlannerError("cli.usage", "--start applies to an empty plan; the reference roadmap has its own start")
    project = build_reference_project()
    if args.name:
        project.name = args.name
    return project

