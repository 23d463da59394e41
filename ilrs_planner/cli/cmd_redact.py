"""`ilrs-planner redact PLAN.db --level everyone -o OUT.db`: the plan a partner at that level may see."""

from __future__ import annotations

import argparse

from ..domain import Classification, PlannerError
from ..files.same import same_file
from ..sharing.copy_finish import finish_notice
from ..sharing.held_floats import floats_notice
from ..sharing.redact import redact_project, withheld_summary
from ..sharing.sent_record import record_sent
from .render import refuse_to_overwrite


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `redact` sub-command."""
    parser = subparsers.add_parser(
        "redact", help="write a partner copy holding only what a classification level may see",
        description="Keep tasks classified at or below LEVEL (a removed summary takes its sub-tasks along); "
        "bridge dependencies through removed tasks so the kept tasks keep their dates and floats (where withheld "
        "work ends the plan, the copy must finish by the latest late finish of its tasks, which it says); scrub "
        "removed names from the remaining text. Notes are prose and travel as written (less those names) "
        "unless --without-notes. The output is a fresh file with nothing else in it.")
    parser.add_argument("plan", metavar="PLAN.db",
                        help="the plan to copy (its content left as it is; it records the copy written, and one of an "
                        "older format gains the secret its copies' link ids are keyed on)")
    names = ", ".join(c.label.lower() for c in Classification)
    parser.add_argument("--level", required=True, type=_level, metavar="LEVEL",
                        help=f"who the copy is for: {names} ('public', the old name of everyone, is taken too)")
    parser.add_argument("-o", "--output", required=True, metavar="OUT.db", help="the partner copy, a new file")
    parser.add_argument("--force", action="store_true", help="replace OUT.db if it exists")
    parser.add_argument("--without-notes", action="store_true",
                        help="leave every note (of tasks, participants and baselines) out of the copy")
    parser.set_defaults(func=run)


def _level(text: str) -> Classification:
    level = Classification.named(text)
    if level is None:
        names = ", ".join(c.label.lower() for c in Classification)
        raise argparse.ArgumentTypeError(f"a level is one of {names}, not '{text[:40]}'")
    return level


def run(args: argparse.Namespace) -> int:
    """Redact and save; prints how many tasks were withheld."""
    from ..engine.cpm import schedule
    from ..store import Fingerprint, open_project, save_project
    from ..store.secret_keeper import keep_secret

    if same_file(args.output, args.plan):  # by name, through a link, or another name for it
        raise PlannerError("cli.usage", "the partner copy must be a new file, not the plan itself")
    refuse_to_overwrite(args.output, args.force)
    read = Fingerprint.of(args.plan)  # the bytes the plan is read from, which keeping its secret replaces
    project = open_project(args.plan)
    dates = schedule(project).tasks  # once, for the copy and for the floats it is compared with
    redacted = redact_project(project, args.level, without_notes=args.without_notes, dates=dates)
    # The plan keeps the secret the copy's links are keyed on, and its record of the copy, which a
    # merge of the partner's edits reads what they were sent from (sharing/sent_record.py): or no copy.
    record_sent(project, redacted)
    keep_secret(args.plan, project, read)
    save_project(redacted, args.output)
    level = args.level.label.lower()
    notes = ", notes left out" if args.without_notes else ""
    withheld = withheld_summary(project, redacted)
    print(f"{args.output}: {len(redacted.tasks)} tasks at level '{level}', {withheld}{notes}")
    for notice in (finish_notice(project, redacted), floats_notice(project, redacted, target=dates)):
        if notice:
            print(notice)
    return 0
