"""F12 is Save as, as in MS Project and every Office program, beside Ctrl+Shift+S (it did nothing)."""

from __future__ import annotations

from gestures import press
from PySide6.QtWidgets import QFileDialog


def test_f12_saves_the_plan_under_the_name_chosen(qtbot, window, tmp_path, monkeypatch):
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda _parent, title, *_a, **_k: (asked.append(title), (str(tmp_path / "plan.db"), ""))[1])
    press(window.tree, "F12")
    assert asked == ["Save plan as"]
    assert window.document.path == str(tmp_path / "plan.db") and (tmp_path / "plan.db").exists()
