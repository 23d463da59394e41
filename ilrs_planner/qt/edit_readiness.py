"""What the first edits on a plan would make while the planner waits, made instead when the window is idle.

The commands keep an index of the plan's outline and keys (commands.plan_index), the link check a
graph of every link in a topological order (commands.link_graph), a deletion the hashes of every
link's ends (commands.link_ends), and Add task the plan's keys: each made by the first edit that
asks for it, and followed through every edit after. At 100,000 tasks that made the first task
added 0.2-0.3 s slower than the next, and the first link 0.2-0.3 s. Each is made here instead, one
per turn of the event loop, a moment after a plan is shown (its rows painted first); an edit made
before then makes what it needs as before, and a step finding another plan shown does nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from ..commands.base import ChangeSet
from ..commands.link_ends import placed_links_touching
from ..commands.link_graph import graph_of
from ..commands.plan_index import index_of
from ..domain import Project

AFTER_SHOWN_MS = 200  # a plan's rows and chart are painted first: the window is seen at once
Step = Callable[[Project], object]


class EditReadiness(QObject):
    """Makes the plan's index, link graph, link ends and `more` steps (`more`: the window's own,
    such as the keys of Add task) when idle after each plan the document shows."""

    def __init__(self, document, more: list[Step], parent: QObject | None = None):
        super().__init__(parent)
        self.document = document
        self._more = more
        self._plan: Project | None = None
        self._steps: list[Step] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._next)
        document.changed.connect(self._changed)
        self._start()

    def pending(self) -> bool:
        """True while some step is still to be made for the plan shown."""
        return bool(self._steps) and self._plan is self.document.project

    def _changed(self, changes: ChangeSet, _initiator: object) -> None:
        if changes.replaced:
            self._start()

    def _start(self) -> None:
        self._plan = self.document.project
        self._steps = [index_of, graph_of, _link_ends, *self._more]
        self._timer.start(AFTER_SHOWN_MS)

    def _next(self) -> None:
        if not self.pending():
            return
        step = self._steps.pop(0)
        step(self.document.project)
        if self._steps:
            self._timer.start(0)  # the next in another turn: a key pressed meanwhile is answered between


def _link_ends(project: Project) -> None:
    placed_links_touching(project, set())
