"""Small pieces the analysis panels share: an inline message line, dates, task pickers."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtWidgets import QComboBox, QDateEdit, QDialog, QLabel, QVBoxLayout, QWidget

from ...domain import PlannerError, Project
from ...domain.terminal_text import one_line as one_name
from ..dialogs.messages import one_line

CURRENT_PLAN = "Current plan"
COMBO_MIN_CHARS = 14  # a chooser shows this much of its text however long the longest item is


def compact_choosers(panel: QWidget) -> None:
    """Let every drop-down of `panel` shrink to a few words, so a dock is never wider than the screen.

    A combo box sizes itself to its longest item by default ("2019-10-08 Chang'e 7 announcement …"),
    which made docks 1,300–1,800 px wide; the full text stays in the open list. A drop-down whose
    fixed words are all shorter keeps their width: stretched to the few words, the risk panel's
    "triangular"/"pert" pushed its row past the dock of an 800-pixel window."""
    for combo in panel.findChildren(QComboBox):
        words = [combo.itemText(i) for i in range(combo.count())]
        if words and max(map(len, words)) < COMBO_MIN_CHARS and not combo.isEditable():
            continue
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(COMBO_MIN_CHARS)


LONG_WORD = 30  # characters: a web address or file name longer than this may wrap inside
_BREAK_AFTER = re.compile(r"([/._?&=-])")
ZERO_WIDTH_SPACE = "\u200b"


def breakable(text: str) -> str:
    """`text` with a place to wrap after each / . - _ ? & = of its long words: a word-wrapped label
    is at least as wide as its longest word, and a source's web address held the slip report's
    dock 1,000 pixels wide in an 800-pixel window."""
    return " ".join(_BREAK_AFTER.sub(r"\1" + ZERO_WIDTH_SPACE, word) if len(word) > LONG_WORD else word
                    for word in text.split(" "))


class WhenShown(QObject):
    """Runs a panel's refill now when the panel is on screen, or once when it is next shown.

    An analysis dock is hidden most of the time, yet its panels refilled task lists of the whole
    plan after every edit: at 100,000 tasks that was seconds at start and after each added task.
    Panels made with `defer_while_hidden=False` (used on their own) refill at once, as before."""

    def __init__(self, panel: QWidget, refill: Callable[[], None], defer_while_hidden: bool):
        super().__init__(panel)
        self.panel, self.refill, self.deferring = panel, refill, defer_while_hidden
        self.pending: Callable[[], None] | None = None
        panel.installEventFilter(self)

    def request(self, refill: Callable[[], None] | None = None) -> None:
        """Run `refill` (the full one by default) now if the panel can be seen or deferring is off,
        else when the panel is next shown; a full refill owed is never replaced by a lighter one."""
        refill = refill or self.refill
        if self.deferring and not self.panel.isVisible():
            if self.pending is None or refill == self.refill:
                self.pending = refill
            return
        self.pending = None
        refill()

    def eventFilter(self, watched, event) -> bool:
        """The panel came on screen with a refill owed: do it before it is painted."""
        if watched is self.panel and event.type() == QEvent.Type.Show and self.pending is not None:
            refill, self.pending = self.pending, None
            refill()
        return False


class MessageLine(QLabel):
    """One line under a panel's controls: errors in red (as sentences), hints in grey. Never modal."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)  # errors quote the plan's names
        self.setWordWrap(True)
        self.clear_message()

    def show_error(self, error: PlannerError) -> None:
        """Show a PlannerError as the sentences the rest of the app uses."""
        self.setStyleSheet("color: #c5221f; padding: 2px;")
        self.setText(one_line(error))

    def show_hint(self, text: str) -> None:
        """Show a neutral note."""
        self.setStyleSheet("color: #5f6368; padding: 2px;")
        self.setText(text)

    def clear_message(self) -> None:
        """Show nothing."""
        self.setText("")


def to_qdate(day: date) -> QDate:
    """A Python date as a QDate."""
    return QDate(day.year, day.month, day.day)


def from_qdate(qdate: QDate) -> date:
    """A QDate as a Python date."""
    return date(qdate.year(), qdate.month(), qdate.day())


def date_edit(day: date) -> QDateEdit:
    """An ISO date editor with a calendar pop-up."""
    edit = QDateEdit(to_qdate(day))
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setCalendarPopup(True)
    return edit


def fill_task_combo(combo: QComboBox, project: Project, milestones_only: bool = False) -> None:
    """Tasks in WBS order, each by its ID then its name indented as in the outline ("16    ILRS basic
    station complete", data = id), keeping the current choice when it still exists: typing an ID
    picks that task, as the table names it (led by its hidden key, typing matched nothing)."""
    chosen = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    summaries = project.summary_ids()
    for number, (task, depth) in enumerate(project.walk(), start=1):
        if milestones_only and (not task.is_milestone or task.id in summaries):
            continue
        combo.addItem(f"{number}  {'  ' * depth}{one_name(task.name)}", task.id)
    index = combo.findData(chosen)
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)


def fill_baseline_combo(combo: QComboBox, project: Project, with_current: bool = False) -> None:
    """Baselines oldest first, each with its number as `baselines` lists it ("3  2021-06-16 ILRS
    roadmap"; data = name), optionally "Current plan" (data = None) on top."""
    chosen = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    if with_current:
        combo.addItem(CURRENT_PLAN, None)
    for number, baseline in enumerate(project.numbered_baselines(), 1):
        combo.addItem(f"{number}  {baseline.name}", baseline.name)
    index = combo.findData(chosen)
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)


def open_chart_window(parent: QWidget, title: str, content: QWidget) -> QDialog:
    """`content` in its own resizable window at most of the screen: a chart in a dock is too small
    to read (end labels collide, axes crowd). Not modal: the plan stays at hand beside it."""
    window = QDialog(parent)
    window.setWindowTitle(title)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
    layout = QVBoxLayout(window)
    layout.setContentsMargins(6, 6, 6, 6)
    layout.addWidget(content)
    screen = (parent.screen() if parent is not None else None)
    room = screen.availableGeometry() if screen is not None else None
    width, height = 1400, 1000
    if room is not None:
        width, height = min(width, int(room.width() * 0.92)), min(height, int(room.height() * 0.92))
    window.resize(width, height)
    window.show()
    return window
