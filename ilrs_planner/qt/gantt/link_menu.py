"""The right-click menu of a dependency arrow: change its type, its lag, or delete it."""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QInputDialog, QMenu, QWidget

from ...commands.composite import AllOrNothing
from ...commands.links import AddLink, DeleteLink, EditLink
from ...domain import LinkType, PlannerError
from ...domain.durations import format_days, units_for
from ...exchange.predecessors import parse_lag, rounded_lags

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
    """The lag typed as a Predecessors entry's (`+3d`, `-1d`, `4h`, `2ed`): a part day rounds up to
    the later whole day and the status bar says so; a lag in other units (elapsed or not) replaces
    the link by one in those, as the Predecessors cell does."""
    link = document.project.links[link_id]
    text, ok = QInputDialog.getText(parent, "Link lag", "Lag (+3d, -1d for a lead, 4h, 2ed):",
                                    text=format_days(link.lag, link.elapsed, signed=True))
    if not ok:
        return
    try:
        typed = parse_lag(text, units_for(document.project.default_calendar()))
    except PlannerError as error:
        document.refuse(error, parent)
        return
    if typed.elapsed != link.elapsed:
        added = AddLink(link.pred_id, link.succ_id, LinkType(link.type), typed.lag)
        added.link.elapsed = typed.elapsed
        pushed = document.try_push(AllOrNothing("Edit link lag", [DeleteLink(link_id), added]), parent)
    elif typed.lag != link.lag:
        pushed = document.try_push(EditLink(link_id, LinkType(link.type), typed.lag), parent)
    else:
        pushed = False
    note = rounded_lags([typed])
    if pushed and note:
        document.noted.emit(note)
