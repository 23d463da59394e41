"""Qt test set-up: settings in a throw-away folder, never the user's, and a small plan."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QSettings


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, qapp):
    """Every test writes QSettings (geometry, recent files, column choice) under tmp_path."""
    QCoreApplication.setOrganizationName("ILRS Planner Tests")
    QCoreApplication.setApplicationName("ILRS Planner Tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(tmp_path / "settings"))
    QSettings().clear()
    yield


@pytest.fixture
def small_project():
    """PH (A, B, C) then M; links A→B, B→C, C→M (the command tests' plan)."""
    from tests.commands.conftest import build_small_plan

    return build_small_plan()
