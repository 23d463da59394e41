"""`ilrs-planner merge BASE.db OURS.db THEIRS.db -o MERGED.db`: three-way merge of two teams' edits.

Changes to different tasks or fields combine. Every conflict (same field changed differently, edit
versus delete, a loop made by both sides' links) is printed, and the merged file keeps our side.
A numbered key of a task they added that another task holds here is given the next free number,
and printed as a note. THEIRS may be a partner's edited copy (`redact` records the level it was
made for): BASE is then the copy sent or our plan as it was, whose copy the merge makes again.
Exit status 0 for a clean merge, 1 when there were conflicts, 2 on errors.
"""

from __future__ import annotations

import argparse

from ..domain import PlannerError
from ..domain.terminal_text import one_line
from ..files.same import same_file
from ..sharing.merge import merge_named
from .render import refuse_to_overwrite


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `merge` sub-command."""
    parser = subparsers.add_parser(
        "merge", help="three-way merge of two edited copies of a plan",
        description="Combine OURS and THEIRS, both edited from BASE. Conflicts keep ours and are all "
        "reported; exit status 0 = clean merge, 1 = conflicts (merged file still written).")
    parser.add_argument("base", metavar="BASE.db", help="the plan both copies were edited from; for a partner's "
                        "copy, the copy you sent or your plan as it was when you sent it")
    parser.add_argument("ours", metavar="OURS.db", help="our edited copy (its side is kept in a conflict)")
    parser.add_argument("theirs", metavar="THEIRS.db", help="their edited copy")
    parser.add_argument("-o", "--output", required=True, metavar="MERGED.db", help="the merged plan, a new file")
    parser.add_argument("--force", action="store_true", help="replace MERGED.db if it exists")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Merge, save, and list the conflicts."""
    from ..store import open_project, save_project

    # Writing the result over an input would lose it: BASE or THEIRS for good, OURS as it was before
    # a merge whose conflicts the user has yet to read. The merged plan always goes to a new file.
    for role, path in (("BASE", args.base), ("OURS", args.ours), ("THEIRS", args.theirs)):
        if same_file(args.output, path):
            raise PlannerError("cli.usage", f"the merged plan must be a new file, not {role} ({path}) itself")
    refuse_to_overwrite(args.output, args.force)
    sides = {role: (open_project(path), path) for role, path in
             (("BASE", args.base), ("OURS", args.ours), ("THEIRS", args.theirs))}
    result = merge_named(sides)
    save_project(result.project, args.output)
    if result.clean:
        print(f"merged cleanly into {args.output}")
    else:
        print(f"merged into {args.output} with {len(result.conflicts)} conflict(s), our side kept:")
    for conflict in result.conflicts:
        print(f"  CONFLICT {one_line(conflict.describe())}")
    for note in result.notes:
        print(f"  NOTE {one_line(note)}")
    return 0 if result.clean else 1

