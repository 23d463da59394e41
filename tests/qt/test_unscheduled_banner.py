"""A plan that cannot be scheduled (here a calendar without a working day, which a plan file can
hold though the calendar editor refuses it) says so over the chart, whose bars then stand at the
dates as entered; opening a plan that schedules takes the note away."""

from __future__ import annotations

import contextlib
import sqlite3
from datetime import date

from gestures import press
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFileDialog

from ilrs_planner.domain import Calendar, Project, Task
from ilrs_planner.store import save_project


def _save(path, weekdays) -> str:
    """A plan file whose calendar works on `weekdays`: saving refuses one without a working day, so
    that one is written as another program could (any SQLite tool can)."""
    project = Project("Dormant", date(2030, 1, 1))
    project.default_calendar_id = project.add_calendar(Calendar("Never", (True,) * 7)).id
    project.add_task(Task("a", "Survey", 5))
    save_project(project, path)
    with contextlib.closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("UPDATE calendars SET weekdays = ?", ("".join("1" if day else "0" for day in weekdays),))
    return str(path)


def _open(qtbot, window, monkeypatch, path: str) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (path, ""))
    window.tree.setFocus()
    press(window.tree, "Ctrl+O")
    qtbot.waitUntil(lambda: window.document.path == path)


def test_a_plan_that_cannot_be_scheduled_is_named_over_the_chart(qtbot, window, monkeypatch, tmp_path):
    banner = window.unscheduled_banner
    assert not banner.isVisible()
    _open(qtbot, window, monkeypatch, _save(tmp_path / "dormant.db", (False,) * 7))
    qtbot.waitUntil(banner.isVisible)
    assert banner.text().startswith("Not scheduled: ") and "Never" in banner.text()
    assert "dates as entered" in banner.text()
    canvas = window.gantt.canvas
    assert banner.geometry().bottom() == canvas.height() - 1 and banner.width() == canvas.width()
    image, y = canvas.grab().toImage(), canvas.height() - banner.height() // 2
    tints = [QColor(image.pixel(x, y)).getRgb()[:3] for x in range(0, canvas.width(), 7)]
    assert any(max(abs(a - b) for a, b in zip(tint, (253, 236, 234))) <= 4 for tint in tints)  # drawn, on top
    _open(qtbot, window, monkeypatch, _save(tmp_path / "working.db", (True,) * 5 + (False, False)))
    qtbot.waitUntil(lambda: not banner.isVisible())
