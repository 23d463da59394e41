"""The window's settings (each plan's path, the filter typed, recent files) are readable by this
user alone: on a shared workstation they name what a planner works on."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from PySide6.QtCore import QSettings, Qt

from ilrs_planner.qt.document import Document
from ilrs_planner.qt.main_window import MainWindow
from ilrs_planner.store import save_project


def test_a_filter_typed_on_a_saved_plan_is_kept_where_no_other_account_reads_it(qtbot, tmp_path, small_project):
    os.umask(old := os.umask(0o022))  # the usual umask, whatever the machine's
    try:
        plan = tmp_path / "plan.db"
        save_project(small_project, plan)
        window = MainWindow(Document(small_project))
        qtbot.addWidget(window, before_close_func=lambda w: w.document.mark_saved())
        window.show()
        qtbot.waitExposed(window)
        window.files.open_path(str(plan))
        qtbot.keyClicks(window.filters.name_box, "Nightjar")
        qtbot.keyClick(window.filters.name_box, Qt.Key.Key_Return)
        window.save_settings()
        QSettings().sync()
    finally:
        os.umask(old)
    path = Path(QSettings().fileName())
    assert "Nightjar" in path.read_text()  # the filter is remembered, so the file is the one to guard
    for place in (path, path.parent):
        assert stat.S_IMODE(place.stat().st_mode) & 0o077 == 0, oct(place.stat().st_mode)
