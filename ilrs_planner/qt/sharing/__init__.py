"""Sharing tools in the desktop app: import/export, compare, merge, partner exports, signature state.

`install(window)` adds to the File menu: Import…, Export…, Compare with…, Merge…, Export for
partner…, and a signature label to the status bar.

Import opens the chosen file as a new, unsaved plan, the way Open does (after the usual question
about unsaved changes). It is not an edit of the current plan: an MS Project or CSV file is a
whole plan, and folding it into the open one is what Merge… is for. Merge… takes the result into
the open plan as one undoable step (Edit → Undo returns to the plan before the merge).
"""

from __future__ import annotations


def install(window) -> None:
    """Add the sharing actions and the signature label to `window`."""
    from .actions import SharingActions
    from .signature_label import SignatureStatus

    window.sharing = SharingActions(window)
    label = SignatureStatus(window.document)
    window.statusBar().addPermanentWidget(label)
    window.status_bar_widgets["signature"] = label
