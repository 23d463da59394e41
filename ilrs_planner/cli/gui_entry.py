"""Opening the desktop app from the command line, or a headless summary where Qt cannot start."""

from __future__ import annotations

import os
import sys


def open_desktop(path: str | None) -> int:
    """Start the GUI on `path` (None = the bundled ILRS roadmap)."""
    try:
        from ..qt.app import run_app
    except ImportError as exc:  # Qt not installed: the CLI still works
        print(f"The desktop app is not available ({exc}); showing the schedule instead.", file=sys.stderr)
        return _print_summary(path)
    return run_app(path)


def _print_summary(path: str | None) -> int:
    from ..engine.cpm import schedule
    from ..store import open_project
    from ..data.reference import build_reference_project
    from .render import print_schedule_table

    project = open_project(path) if path else build_reference_project()
    where = os.path.abspath(path) if path else "bundled ILRS reference roadmap"
    print(f"Plan: {project.name} ({where})")
    print_schedule_table(project, schedule(project))
    return 0
