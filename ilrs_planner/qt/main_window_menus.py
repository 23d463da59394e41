"""The window's menus, tool bar and right-click menus, laid out from the action groups.

Every menu shows the same QAction objects, so a key belongs to one action wherever it is shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMenu, QToolBar, QToolButton

from .toolbar_fit import ToolbarFit

if TYPE_CHECKING:
    from .main_window import MainWindow


def _fill(menu: QMenu, actions) -> QMenu:
    for action in actions:
        menu.addSeparator() if action is None else menu.addAction(action)
    return menu


def build_menus(window: MainWindow) -> None:
    """File, Edit and View menus (the analysis and sharing tools add theirs afterwards)."""
    files, edit, clip, nav, view = window.files, window.edit, window.clip, window.navigate, window.view
    _fill(window.menus["file"], files.file_actions())
    _fill(window.menus["edit"], [edit.undo, edit.redo, None, *clip.actions(), edit.copy_image, None,
                                 edit.add_task, edit.add_milestone, edit.delete, None, edit.indent, edit.outdent,
                                 edit.move_up, edit.move_down, None, edit.link, clip.unlink, edit.details,
                                 None, nav.find, nav.find_again, nav.find_back])
    _fill(window.menus["plan"], window.plan.plan_actions())
    _fill(window.menus["view"], [*view.view_actions(), nav.zoom_in, nav.zoom_out, None, nav.today,
                                 nav.scroll_to_task, None])
    # A menu of their own, for their own letters: the View menu's S and H were taken.
    _fill(window.menus["view"].addMenu("Outli&ne"), window.outline.actions())
    window.menus["help"].addAction("&About ILRS Planner", files.about)


def build_toolbar(window: MainWindow) -> QToolBar:
    """The main tool bar: files, undo, task edits, outline, zoom, export. It fits an 800-pixel
    window whole: the zoom presets share one button with a menu (the last one chosen on its face),
    and the find box sits on the filter's row, where Ctrl+F can always reach it."""
    files, edit, view = window.files, window.edit, window.view
    toolbar = QToolBar("Main toolbar")
    toolbar.setObjectName("main_toolbar")
    toolbar.setMovable(False)
    groups = [[files.new, files.open, files.save],
              [edit.undo, edit.redo],
              [edit.add_task, edit.add_milestone, edit.delete, edit.link, edit.details],
              [edit.outdent, edit.indent, edit.move_up, edit.move_down]]
    for group in groups:
        toolbar.addActions(group)
        toolbar.addSeparator()
    toolbar.addWidget(zoom_button(window))
    toolbar.addAction(view.critical)
    toolbar.addSeparator()
    toolbar.addAction(files.export_image)
    window.addToolBar(toolbar)
    ToolbarFit(window, toolbar)  # smaller icons in a narrow window: every tool stays on screen
    return toolbar


def zoom_button(window: MainWindow) -> QToolButton:
    """One button for the zoom presets: a click applies the one on its face, the arrow offers all."""
    view = window.view
    menu = _fill(QMenu("Zoom", window), view.zoom.values())
    button = QToolButton()
    button.setObjectName("zoom_button")
    button.setMenu(menu)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
    button.setDefaultAction(view.zoom[view.last_zoom])
    view.zoom_button = button  # each preset chosen, from the menu, a key or the View menu, goes on its face
    return button


def task_menu(window: MainWindow) -> QMenu:
    """Right-click on a row or a bar: what MS Project and GanttProject offer there."""
    edit, clip, nav = window.edit, window.clip, window.navigate
    menu = _fill(QMenu(window), [edit.details, None, clip.cut, clip.copy, clip.paste, clip.duplicate, None,
                                 edit.add_task, edit.add_milestone, edit.delete, None, edit.link, clip.unlink,
                                 None, edit.indent, edit.outdent, edit.move_up, edit.move_down, None,
                                 nav.scroll_to_task])
    menu.setDefaultAction(edit.details)  # what a double-click does
    return menu


def chart_menu(window: MainWindow) -> QMenu:
    """Right-click on the chart's empty background: adding, pasting and moving about."""
    edit, clip, nav = window.edit, window.clip, window.navigate
    return _fill(QMenu(window), [edit.add_task, edit.add_milestone, clip.paste, None, nav.today,
                                 nav.zoom_in, nav.zoom_out])
