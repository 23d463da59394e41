"""Saving from the window: what no plan file may hold is refused in a dialog, and the file name
suggested from the plan's name stays one file in the plan's folder."""

from __future__ import annotations

import os

import pytest
from PySide6.QtWidgets import QFileDialog

from ilrs_planner.domain import Calendar


@pytest.fixture
def errors(monkeypatch):
    shown = []
    monkeypatch.setattr("ilrs_planner.qt.plan_file.controller.show_error",
                        lambda parent, title, error: shown.append((title, error.code, error.message)))
    return shown


def test_saving_a_plan_with_a_calendar_without_a_working_day_is_refused_and_the_plan_kept(
        window, tmp_path, errors):
    # As a partner's file holding one opens (the editor would refuse making one).
    window.document.project.add_calendar(Calendar("Range closed", (False,) * 7, [], id="cal-closed"))
    window.document.set_path(str(tmp_path / "plan.db"))
    assert not window.plan_file.save()
    assert [(title, code) for title, code, _ in errors] == [("Could not save the plan", "calendar.no_working_day")]
    assert "'Range closed'" in errors[0][2] and not (tmp_path / "plan.db").exists()
    assert "cal-closed" in window.document.project.calendars


@pytest.mark.parametrize("name, file_name", [
    ("Relay / phase 2", "Relay phase 2.db"),
    ("../../outside", "outside.db"),
    ("..", "plan.db"),
    ("C:\\plans\\relay", "C plans relay.db"),
    ("Relay:\tphase\x072", "Relay phase 2.db"),
    ("ILRS roadmap", "ILRS roadmap.db"),
])
def test_save_as_suggests_a_safe_file_name_in_the_plans_folder(window, tmp_path, monkeypatch, name, file_name):
    window.document.project.name = name
    window.document.set_path(str(tmp_path / "plans" / "current.db"))
    suggested = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda parent, title, path, *a: suggested.append(path) or ("", ""))
    assert window.files.save_as.trigger() is None
    assert suggested == [os.path.join(str(tmp_path / "plans"), file_name)]
