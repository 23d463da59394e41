"""`ilrs-planner`: the headless command line over the core, and the door to the desktop app.

Each sub-command lives in its own module in this package, `cmd_<command>.py`, and defines
`register(subparsers)`; modules are discovered, so adding a command touches no shared list.
Running one command imports only its own module: importing all sixteen (and what they import:
sharing, progress, exchange formats) cost a third of a second at every start.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Mapping

from .. import __version__
from ..domain import PlannerError
from ..domain.terminal_text import TerminalStream


class CommandLine(argparse.ArgumentParser):
    """The parser; `commands` maps each sub-command's name to its parser (a plan file is not one)."""

    commands: Mapping[str, argparse.ArgumentParser] = {}


def build_parser(command: str | None = None) -> CommandLine:
    """The parser with every sub-command module found in this package, or only `command`'s.

    With `command` naming a sub-command (module `cmd_<command>`), only that module is imported and
    registered, which is all parsing its arguments needs; otherwise (no command, `--help`, a plan
    file, a mistyped name) every module is, so help and "invalid choice" list them all.
    """
    parser = CommandLine(
        prog="ilrs-planner",
        description="Plan, schedule and analyse the International Lunar Research Station roadmap. "
        "With no command, opens the desktop app (on PLAN.db if given, else the bundled ILRS roadmap).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    modules = sorted(info.name for info in pkgutil.iter_modules(__path__) if info.name.startswith("cmd_"))
    if f"cmd_{command}" in modules:
        modules = [f"cmd_{command}"]
    for name in modules:
        importlib.import_module(f"{__name__}.{name}").register(subparsers)
    parser.commands = subparsers.choices
    return parser


def _wants_gui(argv: list[str], parser: CommandLine) -> bool:
    return not argv or (len(argv) == 1 and not argv[0].startswith("-") and argv[0] not in parser.commands)


def main(argv: list[str] | None = None) -> int:
    """Run one command; errors print as `error[code]: message` on stderr with exit status 2.

    Everything the command prints passes through `TerminalStream`, so text from a plan file
    cannot drive the terminal (see `domain/terminal_text.py`).
    """
    stdout, stderr = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = TerminalStream(stdout), TerminalStream(stderr)
    try:
        return _run(list(sys.argv[1:] if argv is None else argv), program=argv is None)
    finally:
        sys.stdout, sys.stderr = stdout, stderr


def _run(argv: list[str], program: bool = False) -> int:
    parser = build_parser(argv[0] if argv else None)
    try:
        if _wants_gui(argv, parser):
            from .gui_entry import open_desktop

            return open_desktop(argv[0] if argv else None)
        args = parser.parse_args(argv)
        code = int(args.func(args) or 0)
        if program and getattr(args, "leaves_unfreed", False):
            _leave_unfreed(code)
        return code
    except PlannerError as err:
        print(f"error[{err.code}]: {err.message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `ilrs-planner schedule plan.db | head`: the reader left; stop quietly like other Unix tools.
        _silence_stdout()
        return 141


def _leave_unfreed(code: int) -> None:
    """End the program now, its output flushed and its exit handlers run, without freeing what the
    command made: after an import of 100,000 tasks the interpreter's exit spent 0.3 s freeing the
    plan's million objects one by one, for nothing. Only for a command that says its files are all
    closed and on disk when it returns (`leaves_unfreed`: an import, whose plan file is written,
    flushed to disk and renamed by `files.atomic`), and only as the program itself (`main()` on the
    command line's arguments), never for a caller in the same process. If a flush fails (the reader
    of the output gone), the program ends the usual way, which reports it as before."""
    import atexit
    import os

    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, PlannerError):
        return
    atexit._run_exitfuncs()
    os._exit(code)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush does not raise again."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
