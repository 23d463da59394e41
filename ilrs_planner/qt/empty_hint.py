"""A hint over the empty chart of a plan without tasks: how to start, in the app's own words."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QWidget

HINT = ("<b>This plan has no tasks yet.</b><br><br>"
        "Add a task with <b>Insert</b> or a milestone with <b>Ctrl+M</b>,<br>"
        "open a plan with <b>Ctrl+O</b>, or import an MS Project file with <b>File → Import…</b>")


class EmptyPlanHint(QLabel):
    """Centered over `host` while the document's plan has no tasks; hidden as soon as one is added."""

    def __init__(self, host: QWidget, document):
        super().__init__(HINT, host)
        self.setObjectName("empty_plan_hint")
        self.document = document
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setStyleSheet("color: #5f6368; background: rgba(255, 255, 255, 230); padding: 18px;"
                           " border: 1px solid #dadce0; border-radius: 6px;")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        host.installEventFilter(self)
        document.changed.connect(lambda _changes, _initiator: self.refresh())
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

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Stay centred when the chart is resized."""
        if event.type() == QEvent.Type.Resize:
            self.refresh()
        return False
