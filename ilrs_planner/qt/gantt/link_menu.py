"""The right-click menu of a dependency arrow: change its type, its lag, or delete it."""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QInputDialog, QMenu, QWidget

from ...commands.links import DeleteLink, EditLink
from ...domain import LinkType
from ...domain.durations import format_days

TYPE_NAMES = {LinkType.FS: "Finish → Start", LinkType.SS: "Start → Start",
              LinkType.FF: "Finish → Finish", LinkType.SF: "Start → Finish"}


def build_link_menu(document, link_id: str, parent: QWidget) -> QMenu:
    """A menu whose actions push EditLink / DeleteLink for `link_id` on `document`."""
    link = document.project.links[link_id]
    tasks = document.project.tasks
    menu = QMenu(parent)
    menu.setObjectName("linkMenu")
    title = menu.addAction(f"{tasks[link.pred_id].key} → {tasks[link.succ_id].key}")
    title.setEnabled(False)
    group = QActionGroup(menu)
    for link_type, name in TYPE_NAMES.items():
        action = QAction(name, menu, checkable=True, checked=LinkType(link.type) == link_type)
        action.setData(str(link_type))
        action.triggered.connect(lambda _=False, t=link_type: _set(document, link_id, t, None))
        group.addAction(action)
        menu.addAction(action)
    menu.addSeparator()
    lag = menu.addAction(f"Lag ({format_days(link.lag, link.elapsed, signed=True)})…")
    lag.triggered.connect(lambda: _ask_lag(document, link_id, parent))
    delete = menu.addAction("Delete link")
    delete.setObjectName("deleteLink")
    delete.triggered.connect(lambda: document.try_push(DeleteLink(link_id), menu))
    return menu


def _set(document, link_id: str, link_type: LinkType | None, lag: int | None) -> None:
    link = document.project.links.get(link_id)
    if link is None:
        return
    new_type = link_type or LinkType(link.type)
    new_lag = link.lag if lag is None else lag
    if (new_type, new_lag) != (LinkType(link.type), link.lag):
        document.try_push(EditLink(link_id, new_type, new_lag))


def _ask_lag(document, link_id: str, parent: QWidget) -> None:
    link = document.project.links[link_id]
    value, ok = QInputDialog.getInt(parent, "Link lag", "Lag in days (negative = lead):", link.lag, -36500, 36500)
    if ok:
        _set(document, link_id, None, value)
