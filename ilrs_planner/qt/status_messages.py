"""The status bar's messages follow the plan: a hint goes when the next edit is made, and a plan an
edit left unscheduled says so there, where the last message was read.

A hint ("ID is the task's row number... it is not typed", "'2.5d' was rounded up...") stayed on for
its 8 or 10 seconds through the naming, typing and linking that came after it, and an indent that
left the plan unscheduled was said only in the chart's banner while the status bar still spoke of
a rounding two edits before."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QStatusBar

from .document import Document

# The find box's messages ("2 of 5 matching “launch”", "No task matches “x”"), told apart from others
# so that the find's count goes when the find ends and no other message goes with it.
_FIND_MARKS = (" matching “", "No task matches “", "No task shown matches “")


def is_find_message(text: str) -> bool:
    """Is `text` the find box's count (or its 'no task matches')?"""
    return any(mark in text for mark in _FIND_MARKS)


class StatusMessages(QObject):
    """Clears the status bar's message at the edit or command after the one it was shown for, and
    shows 'Not scheduled: ...' while an edit has left the plan without a schedule."""

    def __init__(self, bar: QStatusBar, document: Document):
        super().__init__(bar)
        self.bar, self.document = bar, document
        self._shown_at = document.revision  # the plan's revision when the message was shown
        self._unscheduled = False  # the message on show is the scheduler's refusal
        self._said = 0  # messages shown so far, to tell one a command's toggling said from older ones
        self._said_before = 0  # that count when a checkable command began toggling
        bar.messageChanged.connect(self._message_changed)
        document.changed.connect(self._plan_changed)

    def _message_changed(self, text: str) -> None:
        if text:
            self._shown_at = self.document.revision
            self._said += 1

    def command_begins(self, _checked: bool = False) -> None:
        """A checkable command is toggling: what its toggling says is its answer, not an old message."""
        self._said_before = self._said

    def command_given(self, checkable: bool) -> None:
        """A command the planner gave ends the last one's message, which would otherwise read as its
        answer: "T-1 'Launch' is already at the top level" stayed through a critical path shown and
        zooms that say nothing. A 'Not scheduled' message stays until the plan is put right."""
        if self._unscheduled or (checkable and self._said != self._said_before):
            return
        self.bar.clearMessage()

    def _plan_changed(self, _changes, _initiator) -> None:
        error = self.document.schedule_error if self.document.schedule is None else None
        if error is not None:
            self.bar.showMessage(f"Not scheduled: {error.message} (the bars show the dates as entered)")
            self._unscheduled = True
        elif self._unscheduled or self._shown_at < self.document.revision:
            self.bar.clearMessage()  # a message about an earlier edit, or a refusal now put right
            self._unscheduled = False
