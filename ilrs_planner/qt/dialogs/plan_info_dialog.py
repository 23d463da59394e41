"""Plan → Plan information…: the plan's name, author, start and status date, as MS Project's Project
Information dialog holds them, and its Must finish by (Primavera P6's project date the floats run
to). OK pushes the fields that changed as one undo step; a refusal (an empty name, a control
character) is said in the dialog, which stays open.

Read beside them, not edited here: the finish the schedule gives (the last day of work), the
default calendar (Plan → Calendars…) and how many tasks and links the plan holds. A plan made with
New plan was "New plan" everywhere — the title bar, exports, partner copies — with no way to name it.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
)

from ...commands.plan import SetPlanFields
from ..analysis.common import date_edit, from_qdate
from ..document import Document
from ..plain_text import plain_label
from .messages import push_or_explain


class PlanInfoDialog(QDialog):
    """The plan's own fields; nothing changes until OK."""

    def __init__(self, document: Document, parent=None):
        super().__init__(parent)
        self.document = document
        project = document.project
        self.setWindowTitle("Plan information")
        self.name = QLineEdit(project.name)
        self.author = QLineEdit(project.author)
        self.author.setPlaceholderText("the organisation or planner who keeps this plan")
        for edit in (self.name, self.author):  # the texts whole, up to about 70 characters
            wanted = edit.fontMetrics().horizontalAdvance(edit.text()[:70] or "x" * 40) + 24
            edit.setMinimumWidth(min(max(wanted, 320), 640))
        self.start = date_edit(project.start)
        self.has_status = QCheckBox("Status &date:")
        self.has_status.setChecked(project.status_date is not None)
        self.status = date_edit(project.status_date or project.start)
        self.status.setEnabled(self.has_status.isChecked())
        self.has_status.toggled.connect(self.status.setEnabled)
        self.has_must_finish = QCheckBox("Must &finish by:")
        self.has_must_finish.setToolTip("Late dates and floats count back from the end of this day rather than "
                                        "from the plan's finish (Primavera P6's Must Finish By)")
        self.has_must_finish.setChecked(project.must_finish_by is not None)
        self.must_finish = date_edit(project.must_finish_by or self._finish_day())
        self.must_finish.setEnabled(self.has_must_finish.isChecked())
        self.has_must_finish.toggled.connect(self.must_finish.setEnabled)
        self.message = plain_label("")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b71c1c;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self._form())
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _form(self) -> QFormLayout:
        form = QFormLayout()
        form.addRow("&Name:", self.name)
        form.addRow("&Author:", self.author)
        form.addRow("&Start:", self.start)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status, 1)
        form.addRow(self.has_status, status_row)
        form.addRow(self.has_must_finish, self.must_finish)
        for label, text in self._facts():
            form.addRow(label, plain_label(text))
        return form

    def _finish_day(self) -> date:
        """The plan's last day of work as scheduled (its start when not scheduled): where a Must finish
        by starts when first ticked."""
        schedule = self.document.schedule
        return schedule.last_day() if schedule is not None else self.document.project.start

    def _facts(self) -> list[tuple[str, str]]:
        """What the plan's fields lead to, read only."""
        project, schedule = self.document.project, self.document.schedule
        finish = schedule.last_day().isoformat() if schedule is not None else "not scheduled (see the banner)"
        return [("Finish:", f"{finish} (the last day of work, as scheduled)"),
                ("Calendar:", f"{project.default_calendar().name} (Plan → Calendars…)"),
                ("Holds:", f"{len(project.tasks):,} tasks, {len(project.links):,} links, "
                           f"{len(project.baselines):,} baselines")]

    def changed_fields(self) -> dict[str, object]:
        """The fields whose value in the dialog differs from the plan's."""
        project = self.document.project
        wanted = {"name": self.name.text().strip(), "author": self.author.text().strip(),
                  "start": from_qdate(self.start.date()),
                  "status_date": from_qdate(self.status.date()) if self.has_status.isChecked() else None,
                  "must_finish_by": from_qdate(self.must_finish.date()) if self.has_must_finish.isChecked() else None}
        return {name: value for name, value in wanted.items() if getattr(project, name) != value}

    def accept(self) -> None:
        """Push the changed fields as one step (none changed: nothing pushed), or say why not."""
        for edit in (self.start, self.status, self.must_finish):
            edit.interpretText()  # a date typed but not yet confirmed by leaving its section
        fields = self.changed_fields()
        build = (lambda: SetPlanFields("Edit plan information", **fields)) if fields else (lambda: None)
        if push_or_explain(self.document.push, build, self.message):
            super().accept()
