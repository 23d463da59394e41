"""The task dialog's provenance fields, beside the source address: how sure the dates are, and the source's date."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from ...domain import Confidence, PlannerError, Task, parse_iso_date
from ...engine.shown_confidence import sourced_without_source

NOT_STATED = "Not stated (sourced when a source is given)"
CHOICES = (
    (NOT_STATED, None),
    ("Sourced: the source states these dates", Confidence.SOURCED),
    ("Inferred: worked out from sources, stated by none", Confidence.INFERRED),
    ("Assumption: the plan's own figure, not announced", Confidence.ASSUMPTION),
)


class ProvenanceFields:
    """A confidence combo and a source-date field, placed as rows `row` and `row + 1` of `form`."""

    def __init__(self, form: QFormLayout, row: int, parent: QWidget):
        self.confidence_combo = QComboBox(parent)
        self.confidence_combo.setObjectName("confidence_combo")
        for text, value in CHOICES:
            self.confidence_combo.addItem(text, value.value if value else None)
        self.confidence_combo.setToolTip("An assumption is drawn as a pale, dashed bar so it is never read as "
                                         "an announcement; an inference as a lighter, dotted one")
        self.source_date_edit = QLineEdit(parent)
        self.source_date_edit.setObjectName("source_date_edit")
        self.source_date_edit.setPlaceholderText("YYYY-MM-DD: when the source was published (empty = unknown)")
        for offset, (text, widget) in enumerate((("&Confidence", self.confidence_combo),
                                                 ("Source &date", self.source_date_edit))):
            label = QLabel(text, parent)
            label.setBuddy(widget)
            form.insertRow(row + offset, label, widget)

    def load(self, task: Task) -> None:
        self.confidence_combo.setCurrentIndex(
            self.confidence_combo.findData(task.confidence.value) if task.confidence else 0)
        self.source_date_edit.setText(task.source_date.isoformat() if task.source_date else "")

    def values(self, task: Task, source_url: str) -> dict[str, object]:
        """The typed values; a PlannerError naming the field when the source date is not a day, or
        when `sourced` is chosen for a task left citing no source (`source_url`, as typed above), which
        the table's Confidence cell refuses too: it would read unsourced, the word never seen."""
        data = self.confidence_combo.currentData()
        confidence = Confidence(data) if data else None
        stated = (confidence, source_url) != (task.confidence, task.source_url)  # an old pair is left as it is
        if stated and confidence is Confidence.SOURCED and not source_url:
            self.confidence_combo.setFocus()
            raise sourced_without_source(task, "give its source URL above, or choose inferred or assumption")
        return {"confidence": confidence, "source_date": self._source_date()}

    def _source_date(self) -> date | None:
        text = self.source_date_edit.text().strip()
        if not text:
            return None
        try:
            return parse_iso_date(text)
        except PlannerError as error:
            self.source_date_edit.setFocus()
            raise PlannerError(error.code, f"Source date: {error.message}") from None
