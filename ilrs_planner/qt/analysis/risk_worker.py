"""The Monte Carlo in a worker thread, on a frozen copy of the plan; progress and Cancel."""

from __future__ import annotations

import copy
import threading

from PySide6.QtCore import Signal

from ...domain import PlannerError, Project
from ...engine.risk import RiskCancelled, run_risk
from .kept_thread import KeptThread

BLOCK = 500  # iterations between progress reports (and chances to cancel)

class RiskWorker(KeptThread):
    """Runs `run_risk` off the GUI thread. Emits exactly one of succeeded / failed / cancelled."""

    progressed = Signal(int, int)  # iterations done, total
    succeeded = Signal(object)  # RiskResult
    failed = Signal(object)  # PlannerError
    cancelled = Signal()

    def __init__(self, project: Project, revision: int, iterations: int, seed: int | None, distribution: str):
        super().__init__()
        # A frozen copy: edits made while the simulation runs cannot reach it, and the result
        # carries the revision it was computed for.
        self.project = copy.deepcopy(project)
        self.revision = revision
        self.iterations, self.seed, self.distribution = iterations, seed, distribution
        self._stop = threading.Event()

    def cancel(self) -> None:
        """Ask the run to stop at the next block boundary."""
        self._stop.set()

    def stop(self) -> None:
        """At quit: cancelled, as Cancel does."""
        self.cancel()

    def run(self) -> None:
        try:
            result = run_risk(self.project, self.iterations, self.seed, self.distribution, block=BLOCK,
                              progress=lambda done, total: self.progressed.emit(done, total),
                              cancelled=self._stop.is_set)
        except RiskCancelled:
            self.cancelled.emit()
        except PlannerError as error:
            self.failed.emit(error)
        else:
            self.succeeded.emit(result)
