"""Each menu's entries are reached by a letter of their own (Alt+F, then the letter): two entries of
one menu on the same letter made the keyboard pick the first and skip the other (Print and Export
for partner both on P)."""

from __future__ import annotations

from collections import Counter


def _mnemonic(text: str) -> str | None:
    at = text.replace("&&", "").find("&")
    return text.replace("&&", "")[at + 1].lower() if at >= 0 else None


def _menus(menu):
    yield menu
    for action in menu.actions():
        if action.menu() is not None:
            yield from _menus(action.menu())


def test_every_menu_gives_each_entry_its_own_letter(window):
    for top in window.menuBar().actions():
        for menu in _menus(top.menu()):
            letters = Counter(_mnemonic(a.text()) for a in menu.actions() if not a.isSeparator() and a.isVisible())
            letters.pop(None, None)
            assert [letter for letter, count in letters.items() if count > 1] == [], menu.title()


def test_the_analysis_view_and_filter_entries_have_letters_and_the_two_compares_read_apart(window):
    from gestures import click_cell, type_text

    from ilrs_planner.qt.models.task_columns import Column

    for key in ("analysis", "view"):
        for menu in _menus(window.menus[key]):
            bare = [a.text() for a in menu.actions() if not a.isSeparator() and _mnemonic(a.text()) is None]
            assert bare == [], (menu.title(), bare)
    texts = [a.text().replace("&", "") for key in ("file", "view") for a in window.menus[key].actions()]
    assert "Compare with another plan…" in texts and "Compare with baseline" in texts
    assert window.edit.undo.toolTip() == "Undo (Ctrl+Z)"
    click_cell(window.tree, "b", Column.NAME)
    type_text(window.tree, "Renamed")
    assert window.edit.undo.toolTip() == "Undo Rename 'Task B' to 'Renamed' (Ctrl+Z)"
    window.edit.undo.trigger()
    assert window.edit.redo.toolTip().startswith("Redo Rename 'Task B' to 'Renamed' (Ctrl+")
