"""Notes over the chart: how to start a plan without tasks, and that a plan which cannot be
scheduled shows no schedule."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QWidget

HINT = ("<b>This plan has no tasks yet.</b><br><br>"
        "Add a task with <b>Insert</b> or a milestone with <b>Ctrl+M</b>,<br>"
        "open a plan with <b>Ctrl+O</b>, or import an MS Project file with <b>File → Import…</b>")


class ChartNote(QLabel):
    """A note over `host` that clicks pass through, placed again after every change of the plan and
    every resize of the chart (`refresh`, which subclasses give)."""

    def __init__(self, host: QWidget, document, name: str, style: str):
        super().__init__(host)
        self.setObjectName(name)
        self.document = document
        self.setStyleSheet(style)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        host.installEventFilter(self)
        document.changed.connect(self._plan_changed)  # a bound method: the note does not keep the plan alive

    def _plan_changed(self, _changes, _initiator) -> None:
        self.refresh()

    def refresh(self) -> None:
        raise NotImplementedError

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Placed again when the chart is resized."""
        if event.type() == QEvent.Type.Resize:
            self.refresh()
        return False


class EmptyPlanHint(ChartNote):
    """Centered over `host` while the document's plan has no tasks; hidden as soon as one is added."""

    def __init__(self, host: QWidget, document):
        super().__init__(host, document, "empty_plan_hint", "color: #5f6368; background: rgba(255, 255, 255, 230);"
                         " padding: 18px; border: 1px solid #dadce0; border-radius: 6px;")
        self.setText(HINT)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.refresh()

    def refresh(self) -> None:
        """Show while the plan is empty, centred in the chart."""
        empty = not self.document.project.tasks
        if empty:
            self.adjustSize()
            host = self.parentWidget()
            self.move((host.width() - self.width()) // 2, (host.height() - self.height()) // 2)
            self.raise_()
        self.setVisible(empty)


class UnscheduledBanner(ChartNote):
    """Across the foot of the chart while the plan cannot be scheduled (a calendar without a working
    day, a link from a task to its own summary, ...). The bars then stand at the dates as entered,
    which must not be read as a schedule; the status bar alone, cut to its width, did not say so."""

    def __init__(self, host: QWidget, document):
        super().__init__(host, document, "unscheduled_banner", "color: #7a1c1c; background: rgba(253, 236, 234, 240);"
                         " padding: 8px 12px; border-top: 2px solid #d93025;")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)  # the message quotes plan text
        self.refresh()

    def refresh(self) -> None:
        """Show the scheduler's refusal while there is one, as wide as the chart, at its foot."""
        error = self.document.schedule_error if self.document.schedule is None else None
        if error is not None:
            self.setText(f"Not scheduled: {error.message}\nThe bars show the dates as entered, not a "
                         "schedule, until this is put right.")
            host = self.parentWidget()
            self.setFixedWidth(host.width())
            self.setFixedHeight(self.heightForWidth(host.width()))
            self.move(0, host.height() - self.height())
            self.raise_()
        self.setVisible(error is not None)
