"""`ilrs-planner export PLAN.db -o OUT.ext`: a timeline image, or the plan in another tool's format."""

from __future__ import annotations

import argparse
from datetime import date, timedelta
from pathlib import Path

from ..domain import PlannerError, parse_fuzzy_date
from ..exchange.formats import supported_extensions
from .render import load_plan, print_warnings

IMAGE_SUFFIXES = {".png", ".svg", ".pdf"}
HISTORY_SUFFIXES = {".gif", ".apng", ".png"}
IMAGE_OPTIONS = ("date_from", "date_to", "width", "dpi", "title", "size", "baseline", "page")
PAGES = ("A3", "A4")
PAPER_MM = {"A3": (420, 297), "A4": (297, 210)}  # landscape
PAPER_DPI = 300


def register(subparsers) -> None:
    """Add the `export` sub-command."""
    parser = subparsers.add_parser(
        "export",
        help="write a timeline image (.png/.svg/.pdf) or the plan as .csv/.xml/.xlsx/.ics",
        description="Export a plan: .png, .svg and .pdf give a Gantt timeline image; .csv (the columns the "
        "import reads), .xml (MS Project), .xlsx (Excel) and .ics (milestones for calendars) give the plan. "
        "An existing OUT file is replaced.",
    )
    parser.add_argument("plan", metavar="PLAN.db", help="the plan file")
    parser.add_argument("-o", "--output", required=True, metavar="OUT.ext", help="the file to write")
    parser.add_argument("--from", dest="date_from", type=_first_day, metavar="DATE",
                        help="image: first date shown (2024, 2024-06 or 2024-06-15)")
    parser.add_argument("--to", dest="date_to", type=_last_day, metavar="DATE",
                        help="image: last date shown (2050 means the end of 2050)")
    parser.add_argument("--width", type=_pixels, metavar="PX", help="image: width in pixels (e.g. 3840)")
    parser.add_argument("--size", type=_size, metavar="WxH",
                        help="image: exactly W x H pixels, e.g. 1920x1080 for a slide; rows are folded into their "
                        "summaries when they would not stay readable (a warning says which)")
    parser.add_argument("--dpi", type=_pixels, metavar="N", help="image: resolution in dots per inch")
    parser.add_argument("--page", choices=PAGES, type=str.upper, metavar="A3|A4",
                        help="PDF: the landscape paper (default A3); PNG: that sheet at --dpi (default 300), "
                        "its rows as small as print allows before they are folded")
    parser.add_argument("--history", action="store_true",
                        help="the roadmap as announced at each baseline plus the current plan: .gif or .apng = "
                        "one frame each (animated), .png = all of them on one sheet")
    parser.add_argument("--fit-page", action="store_true",
                        help="PDF: everything on one page (default: pages with a repeated header when rows "
                        "would get too small)")
    parser.add_argument("--milestones-only", action="store_true", help="image: show milestones only")
    parser.add_argument("--title", help="image: the title above the timeline")
    parser.add_argument("--baseline", metavar="B",
                        help="image: a tracking Gantt against baseline B (its name or number, as `baselines` "
                        "lists it): each bar over its baseline bar, the slip coloured, key milestones with their "
                        "slip; .xlsx: the baseline its baseline and variance columns compare with (default: the "
                        "latest captured)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Write the export and report what it could not carry."""
    output = Path(args.output)
    if output.resolve() == Path(args.plan).resolve():
        raise PlannerError("cli.usage", "the output must be another file than the plan")
    if args.date_from and args.date_to and args.date_from > args.date_to:
        raise PlannerError("cli.usage", f"--from {args.date_from} is after --to {args.date_to}")
    _check_output(output, args.history)
    project = load_plan(args.plan)
    if args.history:
        _export_history(project, output, args)
    elif output.suffix.lower() in IMAGE_SUFFIXES:
        _export_image(project, output, args)
    else:
        _export_plan(project, output, args)
    print(f"Wrote {output}")
    return 0


def _export_plan(project, output: Path, args: argparse.Namespace) -> None:
    """The plan in another format; a spreadsheet's baseline columns compare with `--baseline`."""
    from ..exchange.formats import write_plan

    sheet = output.suffix.lower() == ".xlsx"
    given = [f"--{name.replace('date_', '')}" for name in IMAGE_OPTIONS
             if getattr(args, name) is not None and not (sheet and name == "baseline")]
    given += ["--milestones-only"] if args.milestones_only else []
    if given:
        print_warnings([f"{', '.join(given)} apply to images only; ignored for {output.suffix} files"])
    chosen = {"baseline": args.baseline} if sheet and args.baseline is not None else {}
    print_warnings(write_plan(project, output, **chosen))


def _check_output(output: Path, history: bool = False) -> None:
    """Refuse, before any work, a kind of file no exporter writes or a folder that is not there."""
    suffix = output.suffix.lower()
    if history and suffix not in HISTORY_SUFFIXES:
        raise PlannerError("export.failed", f"{output.name}: a history is written as .gif or .apng (an animation) "
                           "or .png (one sheet of small multiples)")
    if history:
        suffix = ".png"  # the folder check below still applies
    plan_formats = supported_extensions("write")
    if suffix not in IMAGE_SUFFIXES and suffix not in plan_formats:
        shown = f"'{suffix}'" if suffix else "no extension"
        images = ", ".join(sorted(IMAGE_SUFFIXES, key=[".png", ".svg", ".pdf"].index))
        raise PlannerError("export.failed", f"{output.name}: {shown} files cannot be written; supported: "
                           f"{images} (timeline images), {', '.join(plan_formats)} (the plan)")
    folder = output.parent
    if not folder.is_dir():
        raise PlannerError("export.no_folder", f"cannot write {output}: the folder '{folder}' does not exist")


def _export_image(project, output: Path, args: argparse.Namespace) -> None:
    try:
        from ..qt.image_export import export_image
    except ImportError as exc:
        raise PlannerError("export.failed", f"image export needs the desktop components (Qt): {exc}") from None
    # `--to 2050` includes all of 2050; the image's range ends exclusively, the day after.
    date_to = args.date_to + timedelta(days=1) if args.date_to else None
    width, height = args.size or (args.width, None)
    if args.size and args.width:
        raise PlannerError("cli.usage", "give --size or --width, not both")
    suffix, dpi = output.suffix.lower(), args.dpi
    if args.size and suffix == ".pdf":
        print_warnings([f"--size applies to PNG and SVG; a PDF is an {args.page or 'A3'} landscape page"])
    if args.page and suffix == ".svg":
        print_warnings(["--page applies to PNG and PDF; an SVG is sized in pixels (--size)"])
    if args.page and suffix == ".png":
        if args.size or args.width:
            raise PlannerError("cli.usage", "give --page or a size in pixels (--size, --width), not both")
        dpi = dpi or PAPER_DPI
        width, height = (round(mm / 25.4 * dpi) for mm in PAPER_MM[args.page])
    warnings: list[str] = []
    export_image(project, output, width=width, height=height, dpi=dpi, date_from=args.date_from,
                 date_to=date_to, milestones_only=args.milestones_only, title=args.title, page_size=args.page or "A3",
                 one_page=args.fit_page, baseline=args.baseline, warnings=warnings)
    print_warnings(warnings)


def _export_history(project, output: Path, args: argparse.Namespace) -> None:
    try:
        from ..qt.image_export import export_history
    except ImportError as exc:
        raise PlannerError("export.failed", f"image export needs the desktop components (Qt): {exc}") from None
    if args.baseline is not None:
        print_warnings(["--baseline does not apply to a history, which shows every baseline in turn"])
    warnings: list[str] = []
    date_to = args.date_to + timedelta(days=1) if args.date_to else None
    frames = export_history(project, output, size=args.size, milestones_only=args.milestones_only,
                            date_from=args.date_from, date_to=date_to, title=args.title, warnings=warnings)
    print_warnings(warnings)
    print(f"{frames} frames: {len(project.baselines)} baselines and the current plan")


def _first_day(text: str) -> date:
    return parse_fuzzy_date(text)[0]


def _last_day(text: str) -> date:
    return parse_fuzzy_date(text, end=True)[0]


def _size(text: str) -> tuple[int, int]:
    """'1920x1080' (or 1920×1080) -> (1920, 1080)."""
    parts = text.lower().replace("×", "x").split("x")
    if len(parts) != 2 or not all(part.strip().isdigit() for part in parts):
        raise argparse.ArgumentTypeError(f"'{text}' is not WIDTHxHEIGHT in pixels, e.g. 1920x1080")
    return _pixels(parts[0]), _pixels(parts[1])


def _pixels(text: str) -> int:
    value = int(text)  # argparse turns the ValueError into a usage message
    if not 1 <= value <= 100_000:
        raise argparse.ArgumentTypeError(f"{value} is outside 1..100000")
    return value
