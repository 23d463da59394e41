"""File → Export image: the options reach the exporter; failures are explained in the dialog."""

from __future__ import annotations

import errno
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from ilrs_planner.qt.dialogs.export_dialog import CUSTOM_SIZE, ExportDialog
from ilrs_planner.qt.document import Document


@pytest.fixture
def dialog(qtbot, small_project):
    dlg = ExportDialog(Document(small_project))
    qtbot.addWidget(dlg)
    dlg.open()
    return dlg


def test_png_at_full_hd_with_range_and_milestones(dialog, tmp_path):
    dialog.path_edit.setText(str(tmp_path / "roadmap.png"))
    dialog.size_combo.setCurrentText("16:9 slide, 1920 × 1080 (full HD)")
    dialog.from_edit.setText("2029")
    dialog.to_edit.setText("2031")
    dialog.milestones_only.setChecked(True)
    options = dialog.options()
    assert (options["width"], options["height"], options["dpi"]) == (1920, 1080, None)
    assert (options["date_from"], options["date_to"]) == (date(2029, 1, 1), date(2032, 1, 1))
    dialog.try_export()
    image = QImage(str(tmp_path / "roadmap.png"))
    assert not dialog.isVisible() and (image.width(), image.height()) == (1920, 1080)


def test_pdf_uses_paper_and_dpi(dialog, tmp_path):
    dialog.format_combo.setCurrentText("PDF (vector, landscape page)")
    assert dialog.path_edit.text().endswith(".pdf") and dialog.paper_combo.isEnabled()
    dialog.path_edit.setText(str(tmp_path / "roadmap.pdf"))
    dialog.paper_combo.setCurrentText("A4")
    assert dialog.options()["page_size"] == "A4" and dialog.options()["dpi"] == 300
    dialog.try_export()
    assert (tmp_path / "roadmap.pdf").read_bytes().startswith(b"%PDF")


def test_full_disk_gives_a_message_not_a_crash(dialog, tmp_path, monkeypatch):
    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("ilrs_planner.qt.image_export.export_image", disk_full)
    dialog.path_edit.setText(str(tmp_path / "roadmap.png"))
    dialog.try_export()
    assert dialog.isVisible() and "No space left on device" in dialog.error_label.text()


def test_unwritable_target_gives_a_message_not_a_crash(dialog, tmp_path):
    (tmp_path / "taken.png").mkdir()  # a folder where the file should go fails for every user
    dialog.path_edit.setText(str(tmp_path / "taken.png"))
    dialog.try_export()
    assert dialog.isVisible() and dialog.error_label.text()


def test_nonsense_range_is_refused(dialog, tmp_path):
    dialog.path_edit.setText(str(tmp_path / "x.png"))
    dialog.from_edit.setText("someday")
    dialog.try_export()
    assert "From" in dialog.error_label.text() and not (tmp_path / "x.png").exists()


@pytest.mark.parametrize("preset, size", [("4:3 slide, 1600 × 1200", (1600, 1200)),
                                          ("A4 landscape, 3508 × 2480 (300 dpi)", (3508, 2480))])
def test_slide_and_paper_presets_give_exactly_their_pixels(dialog, tmp_path, preset, size):
    dialog.path_edit.setText(str(tmp_path / "slide.png"))
    dialog.size_combo.setCurrentText(preset)
    dialog.try_export()
    image = QImage(str(tmp_path / "slide.png"))
    assert not dialog.isVisible() and (image.width(), image.height()) == size


def _custom(dialog, qtbot, text: str) -> None:
    dialog.size_combo.setCurrentText(CUSTOM_SIZE)
    assert dialog.custom_edit.isEnabled()
    dialog.custom_edit.clear()
    qtbot.keyClicks(dialog.custom_edit, text)


def test_a_custom_size_gives_exactly_its_pixels_and_is_remembered(dialog, qtbot, tmp_path, small_project):
    assert not dialog.custom_edit.isEnabled()  # a preset is chosen at first
    dialog.path_edit.setText(str(tmp_path / "small.png"))
    _custom(dialog, qtbot, "800x600")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    image = QImage(str(tmp_path / "small.png"))
    assert not dialog.isVisible() and (image.width(), image.height()) == (800, 600)
    again = ExportDialog(Document(small_project))
    qtbot.addWidget(again)
    assert again.size_combo.currentText() == CUSTOM_SIZE and again.custom_edit.text() == "800x600"


@pytest.mark.parametrize(("text", "says"), [
    ("100x100", "choose an image size between 200 and 20,000 pixels"),
    ("800x30000", "choose an image size between 200 and 20,000 pixels"),
    ("800 by 600", "'800 by 600' is not WIDTHxHEIGHT in pixels, e.g. 1920x1080"),
])
def test_a_custom_size_the_command_line_refuses_is_refused_in_its_words(dialog, qtbot, tmp_path, text, says):
    dialog.path_edit.setText(str(tmp_path / "small.png"))
    _custom(dialog, qtbot, text)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and says.lower() in dialog.error_label.text().lower()
    assert not (tmp_path / "small.png").exists()
