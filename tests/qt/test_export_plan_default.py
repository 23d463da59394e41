"""File → Export… offers MS Project XML first, the format its suggested name is in: with CSV chosen
at first beside a name ending in .xml, a name typed without an extension wrote a CSV file."""

from __future__ import annotations

from gestures import press
from PySide6.QtWidgets import QFileDialog


def test_a_name_typed_without_extension_is_written_as_the_suggested_ms_project_xml(qtbot, window, tmp_path,
                                                                                   monkeypatch):
    offered = []

    def save_dialog(_parent, _title, suggestion, file_filter, *_rest, **_kw):
        offered.append((suggestion, file_filter.split(";;")))
        return str(tmp_path / "roadmap"), file_filter.split(";;")[0]  # the filter shown first, kept

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    press(window.tree, "Ctrl+Shift+E")
    (suggestion, filters), = offered
    assert suggestion.endswith(".xml") and filters[0] == "MS Project XML (*.xml)"
    assert (tmp_path / "roadmap.xml").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    assert not (tmp_path / "roadmap.csv").exists()
