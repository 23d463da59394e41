"""Every key combination belongs to exactly one action of the window, and standard keys are used
wherever Qt has one (so Redo, Find, Print, Zoom behave as on every other desktop application)."""

from __future__ import annotations

from collections import defaultdict

import pytest
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar

from ilrs_planner.qt.main_window_menus import chart_menu, task_menu


def every_action(window) -> set[QAction]:
    """The window's actions: its own, its children's (docks, tool bars, menus, context menus)."""
    found: set[QAction] = set(window.actions()) | set(window.findChildren(QAction))
    for toolbar in window.findChildren(QToolBar):
        found |= set(toolbar.actions())
    context_menus = [task_menu(window), chart_menu(window)]  # right-click on a row or bar, on the chart
    menus = [window.menuBar(), *window.findChildren(QMenu), *context_menus]
    while menus:
        for action in menus.pop().actions():
            if action not in found:
                found.add(action)
                if action.menu() is not None:
                    menus.append(action.menu())
    return found


def holders_by_key(actions) -> dict[str, list[str]]:
    """Each key combination → the texts of the actions holding it (once per holding)."""
    holders: dict[str, list[str]] = defaultdict(list)
    for action in actions:
        for key in action.shortcuts():
            if not key.isEmpty():
                holders[key.toString()].append(action.text().replace("&", ""))
    return holders


def test_no_key_combination_is_held_twice_or_by_two_actions(window):
    holders = holders_by_key(every_action(window))
    shared = {key: names for key, names in holders.items() if len(names) > 1}
    assert not shared, f"keys held more than once: {shared}"


def action_holding(window, key: str) -> QAction:
    matches = [a for a in every_action(window) if QKeySequence(key) in a.shortcuts()]
    assert len(matches) == 1, f"{key} is held by {[a.text() for a in matches]}"
    return matches[0]


@pytest.mark.parametrize("key, text", [
    ("Ctrl+Z", "Undo"), ("Ctrl+Shift+Z", "Redo"), ("Ctrl+Y", "Redo"),
    ("Ctrl+I", "Task details"), ("Ctrl+S", "Save"), ("Ctrl+O", "Open"), ("Ctrl+N", "New plan"),
    ("Ctrl+W", "Close plan"), ("Ctrl+Q", "Quit"), ("Ctrl+F", "Find"), ("Ctrl+P", "Print"),
    ("Ctrl+=", "Zoom in"), ("Ctrl+-", "Zoom out"), ("Ctrl+C", "Copy"), ("Ctrl+V", "Paste"),
    ("Ctrl+D", "Duplicate"), ("Ctrl+T", "Go to today"), ("Ctrl+Shift+I", "Import"),
])
def test_the_usual_keys_reach_the_usual_actions(window, key, text):
    assert action_holding(window, key).text().replace("&", "").startswith(text)


STANDARD = [  # (how the window names the action, Qt's standard key it must carry in full)
    (lambda w: w.edit.undo, QKeySequence.StandardKey.Undo),
    (lambda w: w.edit.redo, QKeySequence.StandardKey.Redo),
    (lambda w: w.files.new, QKeySequence.StandardKey.New),
    (lambda w: w.files.open, QKeySequence.StandardKey.Open),
    (lambda w: w.files.save, QKeySequence.StandardKey.Save),
    (lambda w: w.files.save_as, QKeySequence.StandardKey.SaveAs),
    (lambda w: w.files.close, QKeySequence.StandardKey.Close),
    (lambda w: w.navigate.find, QKeySequence.StandardKey.Find),
    (lambda w: w.navigate.find_again, QKeySequence.StandardKey.FindNext),
    (lambda w: w.navigate.zoom_in, QKeySequence.StandardKey.ZoomIn),
    (lambda w: w.navigate.zoom_out, QKeySequence.StandardKey.ZoomOut),
    (lambda w: w.print_preview, QKeySequence.StandardKey.Print),
    (lambda w: w.clip.copy, QKeySequence.StandardKey.Copy),
    (lambda w: w.clip.cut, QKeySequence.StandardKey.Cut),
    (lambda w: w.clip.paste, QKeySequence.StandardKey.Paste),
]


@pytest.mark.parametrize("get_action, standard", STANDARD)
def test_actions_with_a_standard_key_carry_all_of_its_bindings(window, get_action, standard):
    held = get_action(window).shortcuts()
    missing = [k.toString() for k in QKeySequence.keyBindings(standard) if k not in held]
    assert not missing, f"{get_action(window).text()} lacks {missing}"
