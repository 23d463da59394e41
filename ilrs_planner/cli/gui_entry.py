"""Opening the desktop app from the command line, or a headless summary where Qt cannot start."""

from __future__ import annotations

import ctypes.util
import os
import sys


def open_desktop(path: str | None) -> int:
    """Start the GUI on `path` (None = the bundled ILRS roadmap); explain and summarise if it cannot."""
    problem = _why_no_window()
    if problem is None:
        try:
            from ..qt.app import run_app  # Qt is loaded only when a window is wanted
        except ImportError as exc:
            if (exc.name or "").split(".")[0] not in QT_PACKAGES:
                raise  # our own code is broken: a traceback, never a half-working window
            problem = f"Qt for Python is not installed ({exc})"  # the CLI still works without it
        else:
            return run_app(path)
    print(f"ILRS Planner cannot open a window: {problem}.\nShowing the schedule instead "
          "(`ilrs-planner --help` lists the commands; `ilrs-planner export` draws images without a screen).\n",
          file=sys.stderr)
    return _print_summary(path)


def _why_no_window() -> str | None:
    """Why Qt would abort on this Linux machine before showing anything (None: it should start).

    Qt ends the process with a terse message when it finds no display or, since Qt 6.5, when the
    X11 plugin's libxcb-cursor is missing; saying so in plain words is kinder."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM", "xcb") != "xcb":
        return None
    if os.environ.get("WAYLAND_DISPLAY") and not os.environ.get("QT_QPA_PLATFORM"):
        return None
    if not os.environ.get("DISPLAY"):
        return "no screen was found (DISPLAY is not set)"
    missing = [package for library, package in X11_LIBRARIES.items() if ctypes.util.find_library(library) is None]
    if missing:
        return (f"Qt's X11 support needs system libraries that are missing; install them "
                f"(Debian/Ubuntu: sudo apt-get install {' '.join(missing)})")
    return None


QT_PACKAGES = {"PySide6", "shiboken6", "pyqtgraph"}
# Libraries Qt's X11 platform plugin loads (from `ldd` of libqxcb.so), with their Debian packages.
X11_LIBRARIES = {"xcb-cursor": "libxcb-cursor0", "xcb-icccm": "libxcb-icccm4", "xcb-keysyms": "libxcb-keysyms1",
                 "xkbcommon-x11": "libxkbcommon-x11-0", "xcb-render-util": "libxcb-render-util0",
                 "xcb-image": "libxcb-image0", "xcb-randr": "libxcb-randr0", "xcb-shape": "libxcb-shape0"}


def _print_summary(path: str | None) -> int:
    from ..data.reference import build_reference_project
    from ..engine.cpm import schedule
    from ..store import open_project
    from .render import print_schedule_table

    project = open_project(path) if path else build_reference_project()
    where = os.path.abspath(path) if path else "bundled ILRS reference roadmap"
    print(f"Plan: {project.name} ({where})")
    print_schedule_table(project, schedule(project))
    return 0
