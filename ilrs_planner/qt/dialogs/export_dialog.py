"""File → Export image: PNG at a pixel size or DPI, SVG, or PDF on A4/A3, of a date range and rows."""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain import PlannerError
from ...files.names import safe_file_stem
from ..document import Document
from ..models.task_filters import FilteredRows
from ..plain_text import plain_label
from .messages import one_line
from .task_fields import read_date

FORMATS = {"PNG image": ".png", "SVG (vector)": ".svg", "PDF (vector, landscape page)": ".pdf"}
# Slide and paper shapes give exactly these pixels; rows are folded rather than made unreadable.
SIZES = {"16:9 slide, 1920 × 1080 (full HD)": (1920, 1080), "16:9 slide, 3840 × 2160 (4K)": (3840, 2160),
         "4:3 slide, 1600 × 1200": (1600, 1200), "A4 landscape, 3508 × 2480 (300 dpi)": (3508, 2480),
         "A3 landscape, 4961 × 3508 (300 dpi)": (4961, 3508), "7680 × 4320 (8K)": (7680, 4320),
         "Width only, height to fit": (3840, 0)}
# A paper size is a page, read in the hand: its text keeps its printed size and its rows may be as
# small as print allows (an A3 sheet holds the whole roadmap); a slide's are read across a room.
PAPER_DPI = {name: 300 for name in SIZES if name.startswith(("A4 ", "A3 "))}
CUSTOM_SIZE = "Custom size (width × height)"
SIZE_KEY, CUSTOM_KEY = "export/size", "export/custom_size"  # the last size exported, kept for the next export


def buddy_label(text: str, field: QWidget) -> QLabel:
    """A form row's label whose Alt+letter puts the cursor in `field`."""
    label = QLabel(text)
    label.setBuddy(field)
    return label


def _spin(low: int, high: int, value: int, suffix: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setValue(value)
    spin.setSuffix(suffix)
    return spin


class ExportDialog(QDialog):
    """Collects the export options and calls image_export.export_image; errors are shown here."""

    def __init__(self, document: Document, parent=None, filtered: FilteredRows | None = None):
        super().__init__(parent)
        self.document = document
        self.filtered = filtered  # the table's filter: the image shows its tasks unless "all" is ticked
        self.setWindowTitle("Export timeline image")
        self.written: Path | None = None
        self.warnings: list[str] = []  # what was folded to fit, for the window to say
        self._build()
        self._format_changed()

    def _build(self) -> None:
        self.format_combo = QComboBox()
        self.format_combo.addItems(list(FORMATS))
        self.format_combo.currentIndexChanged.connect(self._format_changed)
        self.path_edit = QLineEdit(self._default_path(".png"))
        self.path_edit.setMinimumWidth(380)
        browse = QPushButton("&Browse…")
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        self.by_size, self.by_dpi = QRadioButton("Pixel &size"), QRadioButton("&Resolution")
        self.by_size.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.by_size)
        group.addButton(self.by_dpi)
        self.size_combo = QComboBox()
        self.size_combo.addItems([*SIZES, CUSTOM_SIZE])
        self.custom_edit = QLineEdit(str(QSettings().value(CUSTOM_KEY, "1280x720")))
        self.custom_edit.setPlaceholderText("e.g. 800x600")
        self.custom_edit.setMaximumWidth(130)
        self.size_combo.currentIndexChanged.connect(self._size_changed)
        self.size_combo.setCurrentText(str(QSettings().value(SIZE_KEY, next(iter(SIZES)))))
        size_row = QHBoxLayout()
        size_row.addWidget(self.size_combo, 1)
        size_row.addWidget(self.custom_edit)
        self.dpi_spin = _spin(72, 1200, 300, " dpi")
        self.paper_combo = QComboBox()
        self.paper_combo.addItems(["A3", "A4"])
        self.one_page = QCheckBox("Fit to o&ne page (otherwise long plans get pages with a repeated header)")
        self.from_edit, self.to_edit = QLineEdit(), QLineEdit()
        self.from_edit.setPlaceholderText("e.g. 2024 (empty: the whole plan)")
        self.to_edit.setPlaceholderText("e.g. 2050")
        self.milestones_only = QCheckBox("Mi&lestones only")
        self.filter_label = plain_label(f"Filtered: {self.filtered.summary()}" if self.filtered else "")
        self.all_tasks = QCheckBox("Export &all tasks, not only the filter's")
        self.title_edit = QLineEdit(self._default_title(filtered=True))
        self.all_tasks.toggled.connect(self._all_tasks_toggled)
        self.baseline_check = QCheckBox(f"&Ghost bars of the baseline '{self.document.baseline_name}'")
        self.baseline_check.setVisible(self.document.baseline_name is not None)
        self.baseline_check.setChecked(self.document.baseline_name is not None)
        self.error_label = plain_label()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c5221f;")
        form = QFormLayout()
        # Each field its own Alt+letter (Format and File both took Alt+F; From and To had none).
        form.addRow("F&ormat", self.format_combo)
        form.addRow(buddy_label("&File", self.path_edit), self._wrap(path_row))  # the key to the path, not its row
        form.addRow(self.by_size, self._wrap(size_row))
        form.addRow(self.by_dpi, self.dpi_spin)
        form.addRow("&Paper (PDF)", self.paper_combo)
        form.addRow("", self.one_page)
        form.addRow("Fro&m", self.from_edit)
        form.addRow("&To", self.to_edit)
        form.addRow("Rows", self.milestones_only)
        if self.filtered is not None:  # as Copy image and Print, the export shows what the table shows
            form.addRow("", self.filter_label)
            form.addRow("", self.all_tasks)
        form.addRow("T&itle", self.title_edit)
        form.addRow("", self.baseline_check)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = buttons.addButton("&Export", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.try_export)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    @staticmethod
    def _wrap(layout) -> QWidget:
        widget = QWidget()
        layout.setContentsMargins(0, 0, 0, 0)
        widget.setLayout(layout)
        return widget

    def _default_path(self, suffix: str) -> str:
        folder = os.path.dirname(self.document.path) if self.document.path else os.path.expanduser("~")
        return os.path.join(folder, safe_file_stem(self.document.project.name, "timeline") + suffix)

    def _default_title(self, filtered: bool) -> str:
        """The plan's name, and the filter's when the image shows only its tasks: a reader of the
        slide must not take the critical tasks for the whole plan."""
        name = self.document.project.name
        return f"{name} — {self.filtered.label}" if filtered and self.filtered is not None else name

    def _all_tasks_toggled(self, every_task: bool) -> None:
        if self.title_edit.text() == self._default_title(filtered=every_task):  # a title typed is kept
            self.title_edit.setText(self._default_title(filtered=not every_task))

    def _format_changed(self, *_args) -> None:
        suffix = FORMATS[self.format_combo.currentText()]
        self.path_edit.setText(str(Path(self.path_edit.text()).with_suffix(suffix)))
        pdf, svg = suffix == ".pdf", suffix == ".svg"
        self.paper_combo.setEnabled(pdf)
        self.one_page.setEnabled(pdf)
        self.size_combo.setEnabled(not pdf)
        self._size_changed()
        self.by_size.setEnabled(not pdf)
        self.dpi_spin.setEnabled(not svg)
        self.by_dpi.setEnabled(not svg)
        if pdf:
            self.by_dpi.setChecked(True)
        elif svg:
            self.by_size.setChecked(True)

    def _size_changed(self, *_args) -> None:
        custom = self.size_combo.currentText() == CUSTOM_SIZE
        self.custom_edit.setEnabled(custom and self.size_combo.isEnabled())

    def _pixel_size(self) -> tuple[int, int]:
        """The chosen preset's pixels, or the custom size typed, checked as the command line checks it."""
        from ..gantt.export_writers import check_png_size

        if self.size_combo.currentText() != CUSTOM_SIZE:
            return SIZES[self.size_combo.currentText()]
        width, height = parse_size(self.custom_edit.text())
        check_png_size(width, height)
        return width, height

    def _browse(self) -> None:
        suffix = FORMATS[self.format_combo.currentText()]
        path, _ = QFileDialog.getSaveFileName(self, "Export to", self.path_edit.text(), f"*{suffix}")
        if path:
            self.path_edit.setText(path)

    def options(self) -> dict:
        """The keyword arguments for export_image; PlannerError for a range that is not dates."""
        by_size = self.by_size.isChecked() and self.by_size.isEnabled()
        width, height = self._pixel_size() if by_size else (0, 0)
        suffix = FORMATS[self.format_combo.currentText()]
        return {
            "width": width if by_size else None, "height": (height or None) if by_size else None,
            "dpi": self._dpi(by_size, suffix),
            "date_from": read_date(self.from_edit, "From", end=False),
            "date_to": _exclusive(read_date(self.to_edit, "To", end=True)),
            "milestones_only": self.milestones_only.isChecked(),
            "title": self.title_edit.text().strip() or None,
            "baseline": self.document.baseline_name if self.baseline_check.isChecked() else None,
            "page_size": self.paper_combo.currentText(),
            "one_page": self.one_page.isChecked(),
            "rows": self.filtered.rows if self.filtered is not None and not self.all_tasks.isChecked() else None,
        }

    def _dpi(self, by_size: bool, suffix: str) -> int | None:
        """The resolution typed, or a paper size's own (an SVG has none)."""
        if suffix == ".svg":
            return None
        return PAPER_DPI.get(self.size_combo.currentText()) if by_size else self.dpi_spin.value()

    def try_export(self) -> None:
        """Write the image; a failure (bad range, read-only folder, full disk) is explained here."""
        from ..image_export import export_image

        path = self.path_edit.text().strip()
        try:
            if not path:
                raise PlannerError("export.failed", "choose a file to export to")
            self.warnings = []
            self.written = Path(export_image(self.document.project, path, warnings=self.warnings, **self.options()))
        except PlannerError as error:
            self.error_label.setText(one_line(error))
            return
        except OSError as error:
            self.error_label.setText(f"The export could not be written. {error.strerror or error}.")
            return
        self._remember_size()
        self.accept()

    def _remember_size(self) -> None:
        settings = QSettings()
        settings.setValue(SIZE_KEY, self.size_combo.currentText())
        if self.size_combo.currentText() == CUSTOM_SIZE:
            settings.setValue(CUSTOM_KEY, self.custom_edit.text().strip())


def parse_size(text: str) -> tuple[int, int]:
    """'1920x1080' (or 1920×1080, 1920 x 1080) -> (1920, 1080), refused as `export --size` refuses it."""
    parts = text.strip().lower().replace("×", "x").split("x")
    if len(parts) != 2 or not all(part.strip().isdigit() for part in parts):
        raise PlannerError("export.failed", f"'{text.strip()}' is not WIDTHxHEIGHT in pixels, e.g. 1920x1080")
    return int(parts[0]), int(parts[1])


def _exclusive(day: date | None) -> date | None:
    """'To 2050' means through the end of 2050: the exporter takes an exclusive end."""
    return day + timedelta(days=1) if day else None
