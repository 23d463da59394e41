"""File menu actions for sharing plans: Import, Export, Compare with, Merge, Export for partner, Sign, Trust."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from ...domain import PlannerError, Project
from ...exchange.formats import losses, supported_extensions, write_plan
from ...files.names import safe_file_stem
from ...files.same import same_file
from . import prompts
from .sign_actions import SignActions

if TYPE_CHECKING:
    from ..main_window import MainWindow  # the window builds these tools; typed only, no import at run time


class SharingActions:
    """The sharing actions of one window; every question goes through `prompts` (replaceable in tests)."""

    def __init__(self, window: MainWindow):
        self.window = window
        self.document = window.document
        self.plan_file = window.plan_file
        self.comparison = None  # the open comparison view, if any
        add = window.add_action
        self.import_ = add("open", "&Import…", "Ctrl+Shift+I", self.import_plan,
                           "Open an MS Project, Primavera, CSV or Excel file as a new plan")
        self.export = add("export", "E&xport…", "Ctrl+Shift+E", self.export_plan,
                          "Write the plan as MS Project XML, CSV, Excel or iCalendar")
        self.compare = add("", "Compare &with another plan…", None, self.compare_with,
                           "Show what another plan file changes, task by task and field by field")
        self.merge = add("", "&Merge…", None, self.merge_with,
                         "Combine another team's edits of this plan (three-way, conflicts resolved one by one)")
        self.partner = add("", "Export &for partner…", None, self.export_for_partner,
                           "Write a copy holding only what a partner may see")
        self.signing = SignActions(window)
        menu = window.menus["file"]
        close = window.files.close
        menu.insertActions(close, [self.import_, self.export, self.compare, self.merge, self.partner,
                                   self.signing.sign, self.signing.trust])
        menu.insertSeparator(close)  # after Export image and its separator, before Close

    def _folder(self) -> str:
        return os.path.dirname(self.document.path) if self.document.path else os.path.expanduser("~")

    def _status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 8000)

    # -- import / export -------------------------------------------------------------------------
    def import_plan(self) -> bool:
        """Read a foreign file as a new, unsaved plan; warnings list what could not be carried over."""
        extensions = supported_extensions("read")
        path = prompts.open_file(self.window, "Import plan", self._folder(),
                                 prompts.filters_for(extensions, any_first=True))
        return bool(path) and self.import_path(path)

    def import_path(self, path: str) -> bool:
        """Read `path` as a new, unsaved plan; a box lists what could not be carried over."""
        try:
            result = self.plan_file.import_file(path)
        except PlannerError as error:
            prompts.fail(self.window, "Could not import the file", error)
            return False
        if result is None:
            return False
        lost = losses(result)
        if lost:
            things = "1 thing" if len(lost) == 1 else f"{len(lost):,} things"
            prompts.inform(self.window, "Imported with notes",
                           f"{things} in {os.path.basename(path)} could not be carried over exactly; see the "
                           "details.", result.warnings)  # how the file was read, too, if it says
        return True

    def export_plan(self) -> bool:
        """Write the plan in the format given by the chosen file's extension."""
        # MS Project XML first: the filter the dialog shows chosen is the suggested name's (a name typed
        # without an extension under CSV, shown first beside "plan.xml", was written as CSV).
        extensions = sorted(supported_extensions("write"), key=lambda extension: extension != ".xml")
        suggestion = os.path.join(self._folder(), f"{safe_file_stem(self.document.project.name)}.xml")
        path, chosen = prompts.save_file(self.window, "Export plan", suggestion, prompts.filters_for(extensions))
        if not path:
            return False
        if not os.path.splitext(path)[1]:
            path += next((e for e in extensions if prompts.EXCHANGE_FILTERS.get(e) == chosen), ".xml")
        # A spreadsheet compares with the baseline the window compares with, so it says what the table says.
        compared = self.document.baseline_name
        chosen = {"baseline": compared} if compared and path.lower().endswith(".xlsx") else {}
        try:
            warnings = write_plan(self.document.project, path, **chosen)
        except PlannerError as error:
            prompts.fail(self.window, "Could not export the plan", error)
            return False
        self._status(f"Exported {path}")
        if warnings:
            prompts.inform(self.window, "Exported with notes", "Some things could not be written in this format.",
                           warnings)
        return True

    # -- compare / merge ---------------------------------------------------------------------------
    def _open_other(self, title: str) -> tuple | None:
        from ...store import open_project

        path = prompts.open_file(self.window, title, self._folder(), prompts.PLAN_FILTER)
        if not path:
            return None
        try:
            return open_project(path), path
        except PlannerError as error:
            prompts.fail(self.window, "Could not open the plan", error)
            return None

    def compare_with(self):
        """Show the comparison view against another plan file and colour the affected bars."""
        from ...sharing.diff import diff_projects
        from .compare_dialog import ComparisonDialog

        opened = self._open_other("Compare with plan")
        if opened is None:
            return None
        other, path = opened
        diff = diff_projects(self.document.project, other)
        dialog = ComparisonDialog(diff, self.document.project.name, os.path.basename(path), self.window)
        self.window.gantt.set_highlight(dialog.highlight_colours())
        dialog.finished.connect(lambda _result: self.window.gantt.set_highlight({}))
        self.comparison = dialog
        dialog.show()
        return dialog

    def merge_with(self) -> bool:
        """Three-way merge: this plan (ours) with another team's copy (theirs) of a common base."""
        from ...commands.merge_result import ApplyMergedPlan
        from ...sharing.merge import merge_named

        theirs = self._open_other("Merge: the other team's version (theirs)")
        base = theirs and self._open_other(_base_title(theirs[0], self.document.project))
        if not base or not theirs:
            return False
        sides = {"BASE": base, "OURS": (self.document.project, "this plan"), "THEIRS": theirs}
        try:  # a plan that opens may still not merge: a partner's link from a task to itself, say
            result = merge_named(sides)
            if result.conflicts:
                choices = prompts.resolve_conflicts(self.window, result)
                if choices is None:
                    return False
                result = merge_named(sides, choices)
        except PlannerError as error:
            prompts.fail(self.window, "Could not merge the plans", error)
            return False
        self.document.push(ApplyMergedPlan(result.project, f"Merge {os.path.basename(theirs[1])}"))
        self._status(f"Merged {os.path.basename(theirs[1])}"
                     + (f" ({len(result.conflicts)} conflict(s) resolved)" if result.conflicts else " cleanly"))
        if result.notes:
            prompts.inform(self.window, "Merged with notes", f"Merged {os.path.basename(theirs[1])}; some of "
                           "what the other team sent was adjusted or left out, as listed below.", result.notes)
        return True

    # -- partner export ----------------------------------------------------------------------------
    def export_for_partner(self) -> bool:
        """Write a redacted copy for a partner at a chosen classification level, notes or none."""
        from ...sharing.copy_finish import finish_notice
        from ...sharing.held_floats import floats_notice
        from ...sharing.redact import redact_project, withheld_summary
        from ...store import save_project

        chosen = prompts.choose_partner_copy(self.window)
        if chosen is None:
            return False
        level = chosen.level
        # The plan's schedule as the window shows it: the copy and its floats' notice read the same
        # dates the command line reads, and the plan is not scheduled again for them.
        shown = self.document.schedule
        dates = shown.tasks if shown is not None else None
        try:
            redacted = redact_project(self.document.project, level, without_notes=chosen.without_notes, dates=dates)
        except PlannerError as error:
            prompts.fail(self.window, "Could not export for the partner", error)
            return False
        # The file name travels with the copy: it is the copy's own (scrubbed) plan name.
        suggestion = os.path.join(self._folder(), f"{safe_file_stem(redacted.name)} ({level.label.lower()}).db")
        path, _ = prompts.save_file(self.window, "Export for partner", suggestion, prompts.PLAN_FILTER)
        if not path:
            return False
        path = path if path.lower().endswith(".db") else path + ".db"
        try:
            if self.document.path and same_file(path, self.document.path):
                raise PlannerError("cli.usage", "the partner copy must be a new file, not this plan's own file")
            kept = self._record_in_file(redacted)
            save_project(redacted, path)
        except PlannerError as error:
            prompts.fail(self.window, "Could not export for the partner", error)
            return False
        if not kept:  # a plan with no file yet: closing offers to save it, and its secret with it
            self.document.mark_unsaved()
        notes = " Notes were left out." if chosen.without_notes else ""
        notices = [finish_notice(self.document.project, redacted),
                   floats_notice(self.document.project, redacted, target=dates)]
        prompts.inform(self.window, "Partner copy written",
                       f"{os.path.basename(path)} holds {len(redacted.tasks)} tasks at level '{level.label}'; "
                       f"{withheld_summary(self.document.project, redacted)}, and their names removed from the "
                       f"remaining text.{notes}", [notice for notice in notices if notice] or None)
        return True

    def _record_in_file(self, redacted: Project) -> bool:
        """The plan's record of the copy (sharing/sent_record.py), and the secret the copy is keyed on
        where the file lacks it (a plan from an older file has none, or one drawn by an export or a
        signing that was then cancelled), go into the plan's file before the copy is written: a merge of
        the partner's edits reads what they were sent from that record, and next week's copy keys its
        links over withheld work alike (sharing/bridge_ids.py), even if the planner then discards their
        unsaved edits, which stay unsaved. Not content, the record goes into the open plan without an
        edit to undo. False when the plan has no file to keep a secret the copy drew in yet (its first
        save keeps the secret and the record)."""
        from ...sharing.sent_record import record_sent

        project = self.document.project
        before, drawn = project.sent_copies, project.secret is not None
        record = record_sent(project, redacted)
        try:
            return self.plan_file.file_session.keep_secret(project.own_secret(), record) or not drawn
        except PlannerError:
            project.sent_copies = before  # no copy is written: none is recorded
            raise


def _base_title(theirs: Project, ours: Project) -> str:
    """What to pick as base, worded from this plan's own record, never from the partner's file: for a
    partner's copy, the copy that was sent them (or this plan as it was then, which the merge makes that
    copy from again, as the record says or, with none, for the lowest level without notes); for a
    version of this plan itself, the version both started from."""
    from ...sharing.sent_record import SAFE_READING, is_our_own, sent_as

    if is_our_own(theirs, ours, ours):
        return "Merge: the common starting version (base)"
    record = sent_as(theirs, ours)
    made = record or SAFE_READING
    how = made.level.label + (", without notes" if made.without_notes else "")
    sent = f"{how}, on {made.written.isoformat()}" if record else f"none recorded here: read as {how}"
    return f"Merge: the partner copy you sent ({sent}), or this plan as it was when you sent it (base)"
