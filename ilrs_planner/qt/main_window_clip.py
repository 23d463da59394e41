"""Copy, cut, paste, duplicate and unlink of the selected tasks, each one undoable step.

Copy puts the tasks on the system clipboard three times: as our own MIME type (exchange/clip_format),
which another window or another running planner pastes whole; as tab-separated text of the table's
visible columns under their headers, which a spreadsheet pastes as columns; and as an HTML table of
the same cells (exchange/clip_html), which mail and word processors paste as a table. Paste prefers
our type, read as untrusted input (exchange/clip_read), and otherwise takes text as spreadsheet rows
(exchange/clip_sheet).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QMimeData
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication

from ..commands.composite import AllOrNothing
from ..commands.links import DeleteLink
from ..domain import PlannerError
from ..exchange.clip_format import MAX_BYTES, MAX_TASKS, MIME_TYPE, copy_to_json
from ..exchange.clip_read import check_size, copy_from_json
from ..exchange.clip_sheet import paste_from_sheet
from ..sharing.partner_texts import partner_written
from .keys import StandardKey
from .models.row_context import RowContext
from .models.task_columns import Column
from .printed_cells import shown_columns
from .task_clipboard import TaskCopy, copy_tasks, fitted_to, paste_command, rows_html, shown_rows, table_text

if TYPE_CHECKING:
    from .main_window import MainWindow


def links_to_cut(project, ids: list[str]) -> list[str]:
    """MS Project's Unlink: the links among the selected tasks, or all links of a single one."""
    chosen = set(ids)
    if len(chosen) == 1:
        return [lid for lid, link in project.links.items() if chosen & {link.pred_id, link.succ_id}]
    return [lid for lid, link in project.links.items() if link.pred_id in chosen and link.succ_id in chosen]


def clipboard_mime_data() -> QMimeData:
    """An empty QMimeData made by Qt itself, for the clipboard to own.

    One made from Python (`QMimeData()`) is Python's subclass of it, whose destructor calls into
    Python; Qt's default clipboard (the offscreen and minimal platforms) deletes what it holds only
    when the process exits, after Python has finished, and that call then crashed the exit. An item
    model's mimeData() is made in C++ and holds nothing of Python once emptied.
    """
    model = QStandardItemModel()
    model.appendRow(QStandardItem())
    mime = model.mimeData([model.index(0, 0)])
    for kind in mime.formats():
        mime.removeFormat(kind)
    return mime


class ClipActions:
    """Edit → Copy / Cut / Paste / Duplicate / Unlink on `window`, pushed through its EditActions."""

    def __init__(self, window: MainWindow):
        self.window = window
        self.document = window.document
        self.copied: TaskCopy | None = None
        self._copied_text = ""  # the text our last copy put on the clipboard

        def add(*args):  # keys of the task table and chart only: Ctrl+C in a report copies its cell
            return window.add_action(*args, on_tasks=True)

        self.copy = add("", "&Copy", StandardKey.Copy, self.copy_selected, "Copy the selected tasks")
        self.cut = add("", "Cu&t", StandardKey.Cut, self.cut_selected, "Copy the selected tasks, then delete them")
        self.paste = add("", "&Paste", StandardKey.Paste, self.paste_copied,
                         "Insert copies of the copied tasks below the selected one")
        self.duplicate = add("", "Duplicat&e", "Ctrl+D", self.duplicate_selected,
                             "Insert copies of the selected tasks below them")
        self.unlink = add("unlink", "Unlin&k tasks", "Ctrl+Shift+F2", self.unlink_selected,
                          "Remove the links among the selected tasks (all links of a single task)")
        self.document.selectionChanged.connect(self._update_enabled)
        self._update_enabled(self.document.selected_ids)

    def actions(self) -> list:
        """In menu order."""
        return [self.cut, self.copy, self.paste, self.duplicate]

    def copy_selected(self) -> bool:
        """The selection (and what is under it) onto the system clipboard, as tasks and as table text."""
        copied = copy_tasks(self.document.project, self.document.selected_ids)
        if copied is None:
            return False
        self.copied = copied
        mime, whole = clipboard_mime_data(), len(copied.tasks) <= MAX_TASKS
        data = copy_to_json(copied) if whole else b""
        if whole and len(data) <= MAX_BYTES:  # larger copies paste in this window only (from `copied`)
            mime.setData(MIME_TYPE, QByteArray(data))
        columns = self._shown_columns()
        rows = shown_rows(self.document.project, copied, columns, self._row_context())
        self._copied_text = table_text(rows)
        mime.setText(self._copied_text)
        mime.setHtml(rows_html(self.document.project, copied, rows, columns))
        QApplication.clipboard().setMimeData(mime)
        count = len(copied.tasks)
        said = f"Copied {count} task{'s' if count != 1 else ''}"
        # Pasted into another plan, a partner's words go without the record that they are theirs (README).
        theirs = len(partner_written(self.document.project, copied.tasks))
        if theirs:
            said += (f": {'1 holds' if theirs == 1 else f'{theirs:,} hold'} words a partner wrote, which a paste "
                     "into another plan counts as yours (their next partner copy may then show a withheld word)")
        self.window.statusBar().showMessage(said, 15000 if theirs else 4000)
        return True

    def _shown_columns(self) -> list[Column]:
        """The table's columns as shown: left to right, hidden ones left out."""
        return shown_columns(self.window.tree.header())

    def _row_context(self) -> RowContext:
        document = self.document
        name = document.baseline_name
        baseline = dict(document.project.baseline(name).entries) if name else None
        return RowContext(document.project, document.schedule, baseline, document.project.summary_ids(),
                          document.shown_precision())

    def cut_selected(self) -> None:
        """Copy, then delete (the deletion is the undoable step)."""
        if self.copy_selected():
            revision = self.document.revision
            self.window.edit.delete_selected()
            if self.document.revision != revision:  # said as Copy says what it copied
                count = len(self.copied.tasks)
                self.window.statusBar().showMessage(f"Cut {count} task{'s' if count != 1 else ''}", 4000)

    def paste_copied(self) -> None:
        """What the clipboard holds, below the selected task: copied tasks (from any window or planner),
        else spreadsheet rows; the pasted rows become the selection."""
        try:
            copied, suffix, notes = self._from_clipboard()
        except PlannerError as error:
            self.document.refuse(error, self)
            return
        if copied is None:
            self.window.statusBar().showMessage("Nothing to paste: the clipboard holds no tasks or rows", 5000)
        else:
            self._insert(copied, "Paste", suffix, notes)

    def _from_clipboard(self) -> tuple[TaskCopy | None, str, list[str]]:
        """The copy to paste, the suffix its keys get ('-copy' for copied tasks, none for new rows)
        and what the status bar says was left out of it."""
        mime = QApplication.clipboard().mimeData()
        if mime is not None and mime.hasFormat(MIME_TYPE):
            data = mime.data(MIME_TYPE)  # Qt reads what another program offers whole; no size is told before
            check_size(data.size())  # refused before Python copies it
            return copy_from_json(bytes(data.data())), "-copy", []
        text = mime.text() if mime is not None and mime.hasText() else ""
        if self.copied is not None and text == self._copied_text:  # our own copy, too large for our type
            return self.copied, "-copy", []
        if not text.strip():
            return None, "", []
        rows = paste_from_sheet(text, self.document.project)
        return rows.copied, "", rows.notes

    def duplicate_selected(self) -> None:
        """Copies of the selection right below it, without touching what was copied before."""
        copied = copy_tasks(self.document.project, self.document.selected_ids)
        if copied is not None:
            self._insert(copied, "Duplicate")

    def _insert(self, copied: TaskCopy, verb: str, suffix: str = "-copy", notes: list[str] | None = None) -> None:
        selected = self.document.selected_ids
        after = self._last_selected_root(selected) if selected else None
        # Copied from another plan (or before its owner was removed): pasted without what this plan lacks.
        copied, lacking = fitted_to(self.document.project, copied)
        notes = [*(notes or []), *lacking]
        command = paste_command(self.document.project, copied, after, verb, suffix)
        if self.window.edit.push(command):
            self.document.set_selection(command.task_ids)
            # Says what it made, as Copy and Cut do ("Duplicated 3 tasks"), and what it left out.
            more = f" and {len(notes) - 2} more" if len(notes) > 2 else ""
            count, said = len(copied.tasks), f": {'; '.join(notes[:2])}{more}" if notes else ""
            done = "Duplicated" if verb == "Duplicate" else "Pasted"
            self.window.statusBar().showMessage(f"{done} {count} task{'s' if count > 1 else ''}{said}", 15000)

    def _last_selected_root(self, ids: list[str]) -> str:
        """Paste below the selected task that comes last in the outline."""
        if len(ids) == 1:
            return ids[0]
        place = {task.id: number for number, (task, _) in enumerate(self.document.project.walk())}
        return max(ids, key=lambda tid: place.get(tid, -1))  # not looked up in a list each: seconds for thousands

    def unlink_selected(self) -> None:
        """Remove the links among the selected tasks as one step."""
        doomed = links_to_cut(self.document.project, self.document.selected_ids)
        if not doomed:
            self.window.statusBar().showMessage("The selected tasks are not linked", 5000)
            return
        parts = [DeleteLink(lid) for lid in doomed]
        self.window.edit.push(parts[0] if len(parts) == 1 else AllOrNothing(f"Unlink {len(parts)} links", parts))

    def _update_enabled(self, ids: list[str]) -> None:
        for action in (self.copy, self.cut, self.duplicate, self.unlink):
            action.setEnabled(bool(ids))
        # Paste stays on: what it takes is on the system clipboard, which any program may fill.
        self.paste.setEnabled(True)
