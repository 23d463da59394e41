"""`ilrs-planner` on a machine with no screen explains why and shows the schedule, not a Qt abort."""

import os
import subprocess
import sys

import pytest


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="DISPLAY is how Linux finds a screen")
def test_no_display_explains_and_prints_the_roadmap_schedule():
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run([sys.executable, "-m", "ilrs_planner"], env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0
    assert "cannot open a window: no screen was found" in done.stderr
    assert "ILRS reference roadmap" in done.stdout and "ilrs-basic" in done.stdout


def _open_desktop_when_loading_qt_fails(monkeypatch, missing: str):
    """Start the desktop with `import ilrs_planner.qt.app` failing because `missing` cannot be imported."""
    from ilrs_planner.cli import gui_entry

    def failing_import(name, *args, **kwargs):
        if name == "qt.app" or name.endswith("qt.app"):
            raise ModuleNotFoundError(f"No module named '{missing}'", name=missing)
        return real_import(name, *args, **kwargs)

    real_import = __builtins__["__import__"] if isinstance(__builtins__, dict) else __builtins__.__import__
    monkeypatch.setattr(gui_entry, "_why_no_window", lambda: None)
    monkeypatch.setattr(gui_entry, "_print_summary", lambda path: 0)
    monkeypatch.setattr("builtins.__import__", failing_import)
    return gui_entry.open_desktop(None)


def test_without_qt_installed_the_start_says_so_and_the_cli_still_answers(monkeypatch, capsys):
    assert _open_desktop_when_loading_qt_fails(monkeypatch, "PySide6.QtWidgets") == 0
    assert "Qt for Python is not installed" in capsys.readouterr().err


def test_a_broken_module_of_our_own_is_a_traceback_not_a_half_working_start(monkeypatch):
    with pytest.raises(ModuleNotFoundError, match="ilrs_planner.qt.gantt.view"):
        _open_desktop_when_loading_qt_fails(monkeypatch, "ilrs_planner.qt.gantt.view")
