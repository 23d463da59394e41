"""The Monte Carlo in a worker thread, on a frozen copy of the plan; progress and Cancel."""

from __future__ import annotations

import copy
import threading

from PySide6.QtCore import QCoreApplication, QThread, Signal

from ...domain import PlannerError, Project
from ...engine.risk import RiskCancelled, run_risk

BLOCK = 500  # iterations between progress reports (and chances to cancel)

# Running workers are kept here, not by the panel that started them: a QThread destroyed while it
# runs takes the whole program down, and a panel may be closed mid-run. A worker leaves the set
# when it has finished; at quit, every run is cancelled and awaited.
_RUNNING: set[RiskWorker] = set()
_QUIT_HOOKED: list[bool] = []


def stop_all(timeout_ms: int = 5000) -> None:
    """Cancel every running simulation and wait for it (the application is quitting)."""
    for worker in list(_RUNNING):
        worker.cancel()
        worker.wait(timeout_ms)


class RiskWorker(QThread):
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
        _RUNNING.add(self)
        self.finished.connect(self._forget)
        app = QCoreApplication.instance()
        if app is not None and not _QUIT_HOOKED:
            app.aboutToQuit.connect(stop_all)
            _QUIT_HOOKED.append(True)

    def _forget(self) -> None:
        _RUNNING.discard(self)
        self.deleteLater()

    def cancel(self) -> None:
        """Ask the run to stop at the next block boundary."""
        self._stop.set()

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
