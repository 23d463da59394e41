"""`ilrs-planner diff A.db B.db [--json]`: what changed from plan A to plan B.

Exit status 0 when the plans' content is the same, 1 when they differ (like `diff`), 2 on errors.
"""

from __future__ import annotations

import argparse
import json

from ..sharing.diff import diff_projects
from ..sharing.diff_text import format_diff


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `diff` sub-command."""
    parser = subparsers.add_parser(
        "diff", help="compare two plans",
        description="Tasks, links, participants and baselines added, removed and changed (field by field), "
        "and the resulting moves of milestones. Exit status 0 = same content, 1 = different.")
    parser.add_argument("old", metavar="A.db", help="the plan as it was (the older copy)")
    parser.add_argument("new", metavar="B.db", help="the plan as it is now")
    parser.add_argument("--json", action="store_true", help="print the comparison as JSON")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the comparison."""
    from ..store import open_project

    diff = diff_projects(open_project(args.old), open_project(args.new))
    if args.json:
        print(json.dumps(diff.to_dict(), indent=2, ensure_ascii=False))
    else:
        print(format_diff(diff, args.old, args.new))
    return 0 if diff.is_empty() else 1
