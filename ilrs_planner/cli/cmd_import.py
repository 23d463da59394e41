"""`ilrs-planner import FILE -o OUT.db`: a plan from a CSV task table, MS Project XML, ..."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain import PlannerError, Project, parse_iso_date
from ..store.gcpause import gc_paused
from .render import print_warnings, refuse_to_overwrite

if TYPE_CHECKING:
    from ..engine.schedule import Schedule


def register(subparsers) -> None:
    """Add the `import` sub-command."""
    parser = subparsers.add_parser(
        "import",
        help="read a plan from another tool (.csv, .xlsx, .xml, .mpp, .mpx, .xer, .pmxml, .gan, .pod, .pp) into a new "
             "plan file",
        description="Read a plan from another tool into a new plan file, then schedule it so that problems "
        "such as a dependency loop are reported now. CSV columns: ID, Name, Duration, Predecessors, "
        "Outline Level, Start, Constraint Type, Constraint Date, Deadline, Actual Start, Actual Finish, "
        "% Complete, Notes, Owner, Kind, Classification, Source; an Excel workbook's first sheet (or our export's "
        "Tasks, Links and Plan sheets) is read with the same columns. MS Project XML keeps its calendars; "
        ".mpp, .mpx, Primavera .xer and P6 XML, GanttProject .gan, ProjectLibre .pod and Asta .pp files are read "
        "through MPXJ (pip install -e \".[mpp]\" and a Java runtime 11 or newer). "
        "What could not be carried over is listed as warnings on stderr.",
    )
    parser.add_argument("file", metavar="FILE", help="the file to read (.csv, .xlsx, .xml, .mpp, .mpx, .xer, .pmxml, "
                        ".gan, .pod, .pp)")
    parser.add_argument("-o", "--output", required=True, metavar="OUT.db", help="the plan file to create")
    parser.add_argument("--start", type=parse_iso_date, metavar="YYYY-MM-DD",
                        help="the project start (default: the file's, else its earliest date, else today)")
    parser.add_argument("--force", action="store_true", help="replace OUT.db if it exists")
    # The plan file is closed and on disk when `run` returns: the program may end without freeing the plan.
    parser.set_defaults(func=run, leaves_unfreed=True)


def run(args: argparse.Namespace) -> int:
    """Import, schedule (so a loop is named), save, and say what was imported."""
    from ..exchange.formats import read_plan

    if Path(args.file).resolve() == Path(args.output).resolve():
        raise PlannerError("cli.usage", "the output must be a new file, not the file being imported")
    refuse_to_overwrite(args.output, args.force)
    loops_left = Path(args.file).suffix.lower() == ".xml"  # see _scheduled
    # No collection passes from the first task read to the plan saved: every object made lives on until
    # the command ends, and each pass would walk them all (after the reading, twice: 0.2-0.4 s at 100,000).
    # Long-lived: the million objects made go to the oldest generation as the pause ends, where no pass
    # looks at them before the process exits; left in the youngest, the first allocation after the pause
    # walked them all (0.3 s at 100,000 tasks, after the plan was saved).
    with gc_paused(long_lived=True):
        result = read_plan(args.file, start=args.start, **({"loops_dropped": False} if loops_left else {}))
        project = result.project
        dates = _scheduled_and_saved(project, result.warnings, loops_left, args.output)
    print(f"Imported {len(project.tasks)} tasks, {len(project.links)} links and {len(project.participants)} "
          f"participants into {args.output}: {dates.project_start.isoformat()} to "
          f"{dates.last_day().isoformat()}")
    return 0


def _scheduled_and_saved(project: Project, warnings: list[str], loops_left: bool, output: str) -> Schedule:
    """Schedule the plan (so a loop is named), print the warnings, then save it. A large plan is saved
    in a second process while this one schedules it (`store.save_beside`), the same plan unless a
    loop's link is dropped by the scheduling: then it is saved here as it now is."""
    from ..store.save_beside import SaveBeside

    saving = SaveBeside.start(project, output)
    try:
        dates, changed = _scheduled(project, warnings, loops_left)
    except BaseException:
        if saving is not None:
            saving.abandon()
        raise
    finally:
        print_warnings(warnings)
    if saving is not None and not changed:
        saving.finish()
        return dates
    if saving is not None:
        saving.abandon()
    from ..store import save_project

    save_project(project, output)
    return dates


def _scheduled(project: Project, warnings: list[str], loops_left: bool) -> tuple[Schedule, bool]:
    """The plan's schedule. An MS Project XML plan is read with its dependency loops left in: the
    scheduler finds one as it builds its network, so a plan without loops (nearly every one) has
    that network built once, not once more by a search for loops; one with a loop loses the loop's
    last link, named in a warning as on any import, and is scheduled again (and the plan is said
    to have changed)."""
    from ..engine.cpm import schedule

    try:
        return schedule(project), False
    except PlannerError as exc:
        if exc.code != "link.cycle" or not loops_left:
            raise
    from ..exchange.mspdi import drop_loops

    drop_loops(project, warnings)
    return schedule(project), True
