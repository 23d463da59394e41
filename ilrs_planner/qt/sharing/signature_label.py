"""The status-bar label saying whether the open plan is signed, by whom, and whether it changed since."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from ...domain import PlannerError, Project
from ...domain.terminal_text import one_line
from ...sharing.keys import TrustedKeys, default_trusted_dir, read_trusted_keys
from ...sharing.signing import EARLIER_SCHEME, SignatureState, Verification, fingerprint, verify_project
from ...store import layout_problems
from ..dialogs.messages import message_box
from ..plain_text import tooltip
from .signature_words import STATE_STYLE, WARNED, broken_signature_text, uncovered_words, verdict, warning_title
from .signed_edits import signed_edits

_GONE = "signed file gone"


class SignatureStatus(QLabel):
    """Verifies the plan when it is opened or saved (hashing a big plan on every keystroke would lag)."""

    def __init__(self, document, trusted_dir=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)  # the signer name is the file's own text
        self.document = document
        self.trusted_dir = trusted_dir
        self.state = SignatureState.UNSIGNED
        self.signer = ""
        self.warning: QMessageBox | None = None
        # First: the tracker hears of a replaced plan before this label verifies it (signed_edits.restoring).
        self.edits = signed_edits(document)
        # Bound methods, not lambdas: Qt then drops the connections when the label is destroyed,
        # where a lambda would call a deleted label if the document outlives the window.
        document.changed.connect(self._on_changed)
        document.pathChanged.connect(self.refresh)
        document.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self.edits.changed.connect(self._on_edits)
        self.verdict = ""  # the verified words, before what the planner's own edits add to them
        self._signature = document.project.signature  # the one last verified
        self._layout_key: tuple | None = None  # the file and signature _layout_found was found for
        self._layout_found: tuple[str, ...] = ()
        self._layout_reusable = False  # while verifying a plan undone back to its save
        self.refresh()

    def _on_changed(self, changes, _initiator) -> None:
        if changes.replaced:
            self.refresh()
            self._warn_if_broken()

    def _warn_if_broken(self) -> None:
        """A plan opened whose signature no longer holds gets a box, not only red words in a corner:
        a partner's file changed in transit is what signing exists to catch. Not on a save: a
        planner editing their own signed plan knows it changed. The box does not block the window. A
        signature of the earlier scheme gets one too: it vouches for less than the words "signed" promise."""
        if self.state not in WARNED:
            return
        if not self.isVisible():  # a file named on the command line opens before the window shows
            QTimer.singleShot(0, self, self._warn_once_shown)
            return
        self._show_warning()

    def _warn_once_shown(self) -> None:
        if self.isVisible() and self.state in WARNED:
            self._show_warning()

    def _show_warning(self) -> None:
        self.warning = message_box(QMessageBox.Icon.Warning, warning_title(self.state),
                                   broken_signature_text(self.document.project.name, self.state, self.signer),
                                   self.window(), QMessageBox.StandardButton.Ok)
        self.warning.setDetailedText(self.toolTip())
        self.warning.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.warning.open()

    def _on_edits(self) -> None:
        """An edit, undo or redo: only a signature that came or went (signing, undoing it) is verified
        again; otherwise the words follow the history, at no cost on a big plan."""
        if self.document.project.signature is not self._signature:
            self.refresh()
        else:
            self._show_edits()

    def _show_edits(self) -> None:
        """Say what the planner's own edits did to the signature: not saved yet, or removed by a save."""
        text = self.verdict
        signed = (SignatureState.TRUSTED, SignatureState.UNKNOWN_KEY, SignatureState.UNCHECKED, *EARLIER_SCHEME)
        if self.state in signed and self.edits.edited_since_signing():
            text += " — edited since (unsaved)"
        elif self.state is SignatureState.UNSIGNED and self.edits.removed_signer:
            text += f" — your save removed the signature by {one_line(self.edits.removed_signer)}"
        self.setText(text)

    def _on_clean_changed(self, clean: bool) -> None:
        if clean:  # just saved (or undone back to the save): the file may now verify differently
            self._layout_reusable = True  # undone back to the save: the file is as last checked
            try:
                self.refresh()
            finally:
                self._layout_reusable = False

    def refresh(self, *_args) -> None:
        """Verify the plan as it is now and show the verdict."""
        try:
            folder = read_trusted_keys(self.trusted_dir or default_trusted_dir())
        except PlannerError as err:
            folder = TrustedKeys({}, (err.message,))
        trusted = folder.keys
        # A restored copy of a signed plan's edits: the signature is read on the plan as signed.
        signed = self.edits.plan_to_verify()
        if self.edits.unchecked():
            result = self._unchecked()
        else:
            result = self._with_layout(verify_project(signed, trusted), signed)
        self.state = result.state
        signature = self.document.project.signature
        self.signer = signer = trusted.get(signature.public_key, result.signer) if signature and result.signer else ""
        # One line: a name holding a line separator (U+2028) or a bidirectional override could
        # otherwise draw a verdict of its own under or over ours.
        self._signature = signature
        self.edits.signer = signer
        self.verdict = verdict(result.state, signer) + uncovered_words(self.document.project, result.state)
        if result.state is SignatureState.UNCHECKED:
            self.verdict += f" ({self._missing_file()})"
        self._show_edits()
        self.setStyleSheet(STATE_STYLE[result.state])
        where = f"Trusted keys folder: {self.trusted_dir or default_trusted_dir()}"
        claimed = one_line(result.signer)
        named = [f"The signature calls its signer '{claimed}'"] if signer and one_line(signer) != claimed else []
        shown = dataclasses.replace(result, signer=one_line(signer)) if signer else result
        self.setToolTip(tooltip("\n".join([one_line(shown.describe()), *named, where, *folder.warnings])))

    def _unchecked(self) -> Verification:
        """Restored edits of a signed plan whose signed file is not there to read the signature on: what
        is true is that it cannot be checked, not that anyone altered the file."""
        signature = self.document.project.signature
        assert signature is not None  # SignedEdits.unchecked
        missing = ("its signed file is gone (moved, deleted or unreadable)" if self._missing_file() == _GONE
                   else "its file now carries another signature or none")
        why = (f"the unsaved edits restored after a crash carry this signature, but {missing}, so there is "
               "nothing to check it on; open the signed file, or ask its signer for it again")
        return Verification(SignatureState.UNCHECKED, signature.signer, signature.signed_at,
                            fingerprint(signature.public_key), (why,))

    def _missing_file(self) -> str:
        """Why there is no plan as signed, in the few words the status bar has room for."""
        path = self.document.path
        return "file's signature changed" if path and os.path.exists(path) else _GONE

    def _with_layout(self, result: Verification, signed: Project) -> Verification:
        """As `verify` does: a signed file holding bytes outside the layout we write (appended data,
        free pages, a gap in a page) is altered, whatever its content hash says. Checked only while
        `signed` is the file's own content (just opened or saved, or the file read beside restored edits)."""
        path = self.document.path
        own = signed is not self.document.project or not self.document.modified
        if result.state is SignatureState.UNSIGNED or not path or not own:
            return result
        try:
            hidden = self._layout_problems(path, signed)
        except OSError:
            return result  # the file went away: nothing on disk to vouch for
        if not hidden:
            return result
        return dataclasses.replace(result, state=SignatureState.ALTERED, reasons=result.reasons + hidden)

    def _layout_problems(self, path: str, signed: Project) -> tuple[str, ...]:
        """The file's bytes outside our layout. Undone back to the plan as saved, the file, unchanged
        since, is taken as last checked: the plan's task rows may stand in another order by then (a
        task whose deletion is undone goes back last, and the signature binds no task order), and
        written again they would differ from the file's bytes, though nothing the file says changed."""
        stat = os.stat(path)
        key = (path, stat.st_size, stat.st_mtime_ns, signed.signature)
        if not (self._layout_reusable and self._layout_key == key):
            self._layout_key, self._layout_found = key, tuple(layout_problems(Path(path), signed))
        return self._layout_found
