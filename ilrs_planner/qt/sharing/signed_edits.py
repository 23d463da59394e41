"""Whether the open plan was edited since its signature was made, read off the undo history.

A signature covers the plan as it was signed (opened from its file, or signed here). Hashing a
100,000-task plan on every keystroke to learn that it no longer matches would lag, so the undo
stack answers instead: each signature is pinned to the place in the history where the plan matched
it, and the plan is "edited since signing" while the history stands anywhere else. Undoing back to
that place gives the signed plan again.

A plan restored from a recovery copy (unsaved work a crash left) has no history, and its signature
may be older than the edits the copy holds: `restoring` says so before the plan is shown, and the
signature is then pinned nowhere (edited since signing, whatever the history does) while the plan as
signed, the plan file's own content where it carries the same signature, is what the verdict reads.
Where the file is gone or carries another signature, there is nothing to check the signature on, and
the verdict says so (`unchecked`), not that the file was altered."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ...domain.canonical import content_hash
from ...domain.model import PlanSignature, Project
from ..document import Document


class SignedEdits(QObject):
    """Follows one document's undo history against the place each signature was pinned at."""

    changed = Signal()  # the plan went to or from "edited since signing", or a signature came or went

    def __init__(self, document: Document):
        super().__init__(document)
        self.document = document
        # id(signature) -> (signature, history place); the signature object is kept so its id stays its own.
        self._pins: dict[int, tuple[PlanSignature, tuple[int, object]]] = {}
        self.removed_signer = ""  # whose signature the last save dropped, until the plan changes hands
        self.signer = ""  # the signer's name as the status bar shows it (the trusted key's name)
        # The plan as its signature was made, when the open plan differed from it from the start (a
        # restored recovery copy of a signed plan's edits); None when the open plan is the one to verify.
        self._as_signed: Project | None = None
        self._unmatched: PlanSignature | None = None  # the restored plan's signature: pinned nowhere
        self._restoring: tuple[Project, Project | None] | None = None
        document.changed.connect(self._on_changed)
        document.undo_stack.indexChanged.connect(self._on_index)
        self._restart()

    def _place(self) -> tuple[int, object]:
        """Where the history stands: its index and the command just below it (an index alone
        repeats when an undone edit is replaced by another)."""
        stack = self.document.undo_stack
        index = stack.index()
        return index, (stack.command(index - 1) if index > 0 else None)

    def restoring(self, restored: Project, as_saved: Project | None) -> None:
        """Before `restored` (a recovery copy's plan) replaces the open plan: where its signature no
        longer matches it, it is edited since signing from the start, and the verdict reads `as_saved`
        (the plan file's content) when that carries the same signature."""
        self._restoring = (restored, as_saved)

    def _restart(self) -> None:
        self._pins.clear()
        self.removed_signer = ""
        self._as_signed = self._unmatched = None
        restoring, self._restoring = self._restoring, None
        if restoring is not None and restoring[0] is self.document.project and _edited(*restoring):
            restored, as_saved = restoring
            self._unmatched = restored.signature  # no place in this history matches it
            if as_saved is not None and as_saved.signature == restored.signature:
                self._as_signed = as_saved
            return
        self._pin_current()

    def plan_to_verify(self) -> Project:
        """The plan the signature is verified on: the plan as signed while the open plan is a restored
        copy's edits still carrying that signature, else the open plan."""
        project = self.document.project
        if self._as_signed is not None and project.signature is not None and project.signature is self._unmatched:
            return self._as_signed
        return project

    def unchecked(self) -> bool:
        """True while the open plan is a restored copy's edits still carrying a signature there is no plan
        as signed to check on (the plan file gone, or holding another signature or none now)."""
        signature = self.document.project.signature
        return signature is not None and signature is self._unmatched and self._as_signed is None

    def _pin_current(self) -> None:
        """A signature never seen before (opened with the file, or just signed) matches the plan now."""
        signature = self.document.project.signature
        if signature is not None and signature is not self._unmatched and id(signature) not in self._pins:
            self._pins[id(signature)] = (signature, self._place())

    def _on_changed(self, changes, _initiator) -> None:
        if changes.replaced:
            self._restart()
            self.changed.emit()

    def _on_index(self, _index: int) -> None:
        self._pin_current()
        if self.document.project.signature is not None:
            self.removed_signer = ""  # the removal was undone: the signature speaks again
        self.changed.emit()

    def edited_since_signing(self) -> bool:
        """True while the plan carries a signature and its history is not where that signature was made."""
        signature = self.document.project.signature
        if signature is None:
            return False
        pinned = self._pins.get(id(signature))
        if pinned is None or pinned[0] is not signature:
            return True  # a signature we never saw match the plan: do not vouch for it
        place = self._place()
        return place[0] != pinned[1][0] or place[1] is not pinned[1][1]


def _edited(restored: Project, _as_saved: Project | None) -> bool:
    """Does the restored plan carry a signature its content no longer matches?"""
    return restored.signature is not None and content_hash(restored) != restored.signature.content_hash


def signed_edits(document: Document) -> SignedEdits:
    """The one tracker of `document` (made on first use; the label and the save both read it)."""
    tracker = getattr(document, "_signed_edits", None)
    if tracker is None:
        tracker = SignedEdits(document)
        document._signed_edits = tracker  # type: ignore[attr-defined]
    return tracker
