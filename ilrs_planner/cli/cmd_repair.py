"""`ilrs-planner repair OLD.db -o NEW.db`: a cleaned copy of a plan that no longer opens because its
text holds bidirectional controls (saved before plan text could not hold them).

Every removal is printed, one a line; the original file is only read. The copy is unsigned (a
signature vouches for the file sent, not for a repaired one): the last line says whose was left
behind. Any other problem refuses the file as opening it would (exit status 2, as for every command).
"""

from __future__ import annotations

import argparse

from ..domain.terminal_text import one_line
from .render import refuse_to_overwrite


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `repair` sub-command."""
    parser = subparsers.add_parser(
        "repair", help="write a copy of a plan without the bidirectional controls that stop it opening",
        description="Read PLAN.db with every check of opening it, except that bidirectional embeddings, "
        "overrides and isolates (U+202A-U+202E, U+2066-U+2069) are dropped from its text, and write the plan "
        "to OUT.db, unsigned (a signature vouches for the file as it was sent). Each removal is listed (table, row, "
        "column, task key); PLAN.db is left as it is.")
    parser.add_argument("plan", metavar="PLAN.db", help="the plan that will not open (left as it is)")
    parser.add_argument("-o", "--output", required=True, metavar="OUT.db", help="the cleaned copy (a new file)")
    parser.add_argument("--force", action="store_true", help="replace OUT.db if it exists")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Write the copy and list what was removed."""
    from ..store.repair import repair_copy

    refuse_to_overwrite(args.output, args.force)
    repaired = repair_copy(args.plan, args.output)
    removals = repaired.removals
    for removal in removals:
        print(one_line(removal.describe()))
    print(f"{args.output}: written with {repaired.summary()}; {args.plan} is unchanged")
    if repaired.dropped_signature is not None:
        print(f"{args.output}: {repaired.signature_note()}")
    return 0
