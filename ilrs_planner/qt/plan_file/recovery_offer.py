"""Unsaved work a crash left beyond the plan restored: each offered too, to save to a file of its own.

One window shows one plan, so the first copy restored fills it. Another copy (two plans were open
unsaved, each with its own recovery copy) is not left to be found by chance at some later start: it
is offered right away, to be saved as a plan file of its own ("Save as…"), thrown away, or kept for
the next start (Cancel). A copy that cannot be read or saved is explained and kept.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtWidgets import QFileDialog, QWidget

from ...domain import PlannerError
from ...files.names import safe_file_stem
from ...store.lock import is_stale, read_lock
from ...store.recovery import Recovery, discard_copy
from ...store.writer import save_project
from ..dialogs.messages import show_error
from ..sharing.prompts import PLAN_FILTER

SAVE_AS = "Save as…"
Ask = Callable[[QWidget, str, str, list[str], str], str | None]


def recovery_source(recovery: Recovery) -> str:
    """Whose unsaved work a copy holds, as a sentence names it."""
    return f"“{recovery.plan_path}”" if recovery.plan_path else "a plan that was never saved"


def kept_at(recovery: Recovery) -> str:
    """When the copy was kept, in local time to the minute: '2031-03-04 17:05'."""
    return recovery.saved_at.astimezone().strftime("%Y-%m-%d %H:%M")


def offer_another(parent: QWidget, recovery: Recovery, ask: Ask) -> None:
    """Offer a further copy after one was restored: save it as a file, discard it, or keep it."""
    when = kept_at(recovery)
    choice = ask(parent, "Restore more unsaved work",
                 # The first box said why there is unsaved work (the program stopped) and how it was
                 # kept; this one says only what is new: whose changes, when, and what to do with them.
                 f"Changes to {recovery_source(recovery)} were kept too, at {when}. This window shows the plan "
                 "just restored: save these as a plan file of their own, to open next? (Cancel keeps them "
                 "for the next start.)",
                 [SAVE_AS, "Discard", "Cancel"], SAVE_AS)
    if choice == "Discard":
        discard_copy(recovery.copy_path)
    elif choice == SAVE_AS:
        _save_elsewhere(parent, recovery)


def _save_elsewhere(parent: QWidget, recovery: Recovery) -> None:
    """Save the copy's plan where the planner chooses, then let the copy go (kept on any failure)."""
    try:
        project = recovery.load()
    except PlannerError as error:
        show_error(parent, "Could not restore", error)
        return
    folder = os.path.dirname(recovery.plan_path) if recovery.plan_path else os.path.expanduser("~")
    suggestion = os.path.join(folder, f"{safe_file_stem(project.name)} (restored).db")
    target, _ = QFileDialog.getSaveFileName(parent, "Save the restored work as", suggestion, PLAN_FILTER)
    if not target:
        return
    target = target if target.lower().endswith(".db") else target + ".db"
    try:
        _refuse_in_use(target)
        save_project(project, target, as_opened=True)  # as it was: a calendar with no working day too
    except PlannerError as error:
        show_error(parent, "Could not save the restored work", error)
        return
    discard_copy(recovery.copy_path)


def _refuse_in_use(target: str) -> None:
    """A plan open in a window (this one's or another's) is not written over under it."""
    holder = read_lock(target)
    if holder is not None and not is_stale(holder):
        raise PlannerError("store.in_use", f"'{target}' is open by {holder.describe()}: save the restored work "
                           "as another file", [target])
