"""Saving edits to a signed plan: the signature is taken off, after one question, and the planner told.

A signature vouches for the plan as its signer made it. Saved over the planner's own edits it would
vouch for nothing, and every recipient (and `verify`) would read "Altered after signing", the words
for tampering in transit. So a save of an edited signed plan drops the signature, as an undoable
step, and says so; Save As… keeps the signed file as it was for whoever needs the signer's copy."""

from __future__ import annotations

import enum

from PySide6.QtWidgets import QMessageBox, QWidget

from ...commands.signature import RemoveSignature
from ...domain.terminal_text import one_line
from ..dialogs.messages import message_box
from ..document import Document
from ..sharing.signed_edits import signed_edits


class StaleChoice(enum.Enum):
    SAVE = "save"  # save here without the signature
    SAVE_AS = "save as"  # keep the signed file, save the edits to another
    CANCEL = "cancel"


def stale_signer(document: Document) -> str:
    """The name of the signer whose signature the plan's unsaved edits no longer match ('' if none)."""
    tracker = signed_edits(document)
    signature = document.project.signature
    if signature is None or not tracker.edited_since_signing():
        return ""
    return one_line(tracker.signer or signature.signer) or "its signer"


def ask_save_over_signature(parent: QWidget, signer: str) -> StaleChoice:
    """Ask once, before the save that would take the signature off."""
    box = message_box(
        QMessageBox.Icon.Warning, "Save over a signed plan",
        f"This plan is signed by {signer}. Your changes no longer match that signature, so saving them "
        "here removes it: the saved plan will be unsigned (sign it again to vouch for it). "
        "To keep the signed file as it is, choose Save As… and save your changes to another file.",
        parent)
    save = box.addButton("Save without signature", QMessageBox.ButtonRole.AcceptRole)
    save_as = box.addButton("Save As…", QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(save_as)  # Enter keeps the signer's file
    box.exec()
    clicked = box.clickedButton()
    return StaleChoice.SAVE if clicked is save else StaleChoice.SAVE_AS if clicked is save_as else StaleChoice.CANCEL


def remove_stale_signature(document: Document, signer: str) -> None:
    """Take the signature off before the save (one undo step) and remember whose it was for the label."""
    signed_edits(document).removed_signer = signer  # before the push: the label reads it as the signature goes
    document.push(RemoveSignature(f"Remove {signer}'s signature (edited since signing)"))
