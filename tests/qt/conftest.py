"""Qt test set-up: settings in a throw-away folder, never the user's, and a small plan."""

from __future__ import annotations

import copy
import gc
from datetime import date

import pytest
from commands.conftest import build_small_plan as _commands_plan
from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from windows import shown_main_window

from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.domain import Baseline, Participant, Project
from ilrs_planner.qt.document import Document
from ilrs_planner.qt.main_window import MainWindow


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, qapp, monkeypatch):
    """Every test writes QSettings (geometry, recent files, column choice) and recovery copies under tmp_path."""
    monkeypatch.setenv("ILRS_PLANNER_RECOVERY_DIR", str(tmp_path / "recovery"))
    QCoreApplication.setOrganizationName("ILRS Planner Tests")
    QCoreApplication.setApplicationName("ILRS Planner Tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(tmp_path / "settings"))
    QSettings().clear()
    yield


# How long a test waits for the window (a signal, a condition, a window shown) before failing. A
# wait ends as soon as what it waits for happens, so this only makes a failing test fail later; the
# five seconds pytest-qt gives could run out on a busy 2-core machine for something a person sees
# at once.
PATIENCE_MS = 60_000


class PatientQtBot(QtBot):
    """pytest-qt's qtbot whose waits give up after PATIENCE_MS unless a test says otherwise."""

    def waitUntil(self, callback, *, timeout=PATIENCE_MS):
        return super().waitUntil(callback, timeout=timeout)

    def waitSignal(self, signal, *, timeout=PATIENCE_MS, raising=None, check_params_cb=None):
        return super().waitSignal(signal, timeout=timeout, raising=raising, check_params_cb=check_params_cb)

    # pytest-qt's waitExposed/waitActive only wait as `with` blocks around the show(); called as a
    # statement after show() they returned at once. These wait there, for the window shown.
    def waitExposed(self, widget, *, timeout=PATIENCE_MS):
        if not QTest.qWaitForWindowExposed(widget, timeout):
            raise TimeoutError(f"{type(widget).__name__} not shown on screen within {timeout} ms")

    def waitActive(self, widget, *, timeout=PATIENCE_MS):
        if not QTest.qWaitForWindowActive(widget, timeout):
            raise TimeoutError(f"{type(widget).__name__} not the active window within {timeout} ms")


@pytest.fixture
def qtbot(qapp, request):
    """The Qt tests' qtbot: pytest-qt's, with patient waits."""
    return PatientQtBot(request)


@pytest.fixture(autouse=True)
def collect_garbage_after(qapp):
    """Qt objects a test left behind are freed before the next test starts: a wrapper freed in the
    wrong order crashes the interpreter, and freed here it crashes at the test that made it, not at
    a random later test when the collector happens to run. The widgets pytest-qt closed are deleted
    here too: their deleteLater waits for an event loop, which processEvents is not, so they were
    deleted inside whichever later test first waited for something."""
    yield
    qapp.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


def build_small_plan() -> Project:
    """The commands tests' plan (PH with A, B, C, then M; CNSA owns A) plus members and a baseline."""
    project = _commands_plan()
    project.participants["p-cnsa"].joined = date(2021, 3, 9)
    project.add_participant(Participant(key="VE", name="Venezuela", id="p-ve", joined=date(2023, 7, 17)))
    project.baselines.append(Baseline("2021 roadmap", date(2021, 6, 16), {"m": (date(2030, 2, 1), date(2030, 2, 1))}))
    return project


@pytest.fixture
def small_project() -> Project:
    return build_small_plan()


@pytest.fixture(scope="module")
def _reference() -> Project:
    """The bundled roadmap, built once for a module's tests: each test copies it before changing it."""
    return build_reference_project()


@pytest.fixture
def ilrs_doc(_reference) -> Document:
    """A document on a copy of the bundled roadmap."""
    return Document(copy.deepcopy(_reference))


@pytest.fixture
def trusted(tmp_path, monkeypatch):
    """The folder of trusted partner keys, empty and not yet made: the window reads no user's keys."""
    folder = tmp_path / "trusted"
    monkeypatch.setenv("ILRS_PLANNER_TRUSTED_KEYS", str(folder))
    return folder


@pytest.fixture
def window(qtbot, small_project):
    """The main window on the small plan, shown and active, as a person meets it; closing never asks."""
    return shown_main_window(qtbot, Document(small_project))


@pytest.fixture
def gantt_on(qtbot):
    """Open a Gantt view of a plan, shown at a size and zoomed to a range of dates: gantt_on(project,
    (width, height), first, last)."""
    from ilrs_planner.qt.gantt.view import GanttView

    def shown(project: Project, size: tuple[int, int], first: date, last: date) -> GanttView:
        gantt = GanttView(Document(project))
        qtbot.addWidget(gantt)
        gantt.resize(*size)
        gantt.show()
        qtbot.waitExposed(gantt)
        gantt.zoom_to_range(first, last)
        return gantt
    return shown


@pytest.fixture
def roadmap_window(qtbot):
    """The main window on the bundled ILRS roadmap at the offscreen screen's 800 x 800, painted once."""
    win = MainWindow(Document(build_reference_project()))
    qtbot.addWidget(win, before_close_func=lambda w: w.document.mark_saved())
    win.resize(800, 800)
    win.show()
    qtbot.waitExposed(win)
    win.gantt.canvas.grab()
    return win


# The offscreen platform cannot size windows from their hints and says so when a main window is
# shown; that says nothing about our code, so only this exact message is let through.
OFFSCREEN_NOISE = r"^This plugin does not support propagateSizeHints\(\)$"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/qt/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


class UnexpectedDialog(AssertionError):
    """A test opened a modal dialog it did not arrange to answer (it would block forever)."""


@pytest.fixture(autouse=True)
def no_blocking_dialogs(monkeypatch):
    """Any modal dialog a test did not patch fails the test instead of blocking it."""
    from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

    def refuse(*args, **kwargs):
        raise UnexpectedDialog(f"a modal dialog was opened: {args[1:3]!r}")

    for name in ("question", "warning", "critical", "information", "about"):
        monkeypatch.setattr(QMessageBox, name, refuse)
    for name in ("getOpenFileName", "getSaveFileName", "getExistingDirectory"):
        monkeypatch.setattr(QFileDialog, name, refuse)
    monkeypatch.setattr(QMessageBox, "exec", refuse)
    monkeypatch.setattr(QDialog, "exec", refuse)
