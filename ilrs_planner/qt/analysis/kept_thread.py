"""A worker thread kept alive until it has finished, whoever started it, and awaited at quit.

A QThread destroyed while it runs takes the whole program down, and a panel or dock may be closed
mid-run: so running workers are held here, not by what started them, and each leaves when it has
finished. At quit every one is asked to stop (a worker that can stop early says how) and awaited.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QThread

RUNNING: set[KeptThread] = set()
_QUIT_HOOKED: list[bool] = []


def stop_all(timeout_ms: int = 30_000) -> None:
    """Ask every running worker to stop and wait for it (the application is quitting)."""
    for worker in list(RUNNING):
        worker.stop()
        worker.wait(timeout_ms)


class KeptThread(QThread):
    """Held in RUNNING from its making until it has finished; `stop` asks it to end early."""

    def __init__(self) -> None:
        super().__init__()
        RUNNING.add(self)
        self.finished.connect(self._forget)
        app = QCoreApplication.instance()
        if app is not None and not _QUIT_HOOKED:
            app.aboutToQuit.connect(stop_all)
            _QUIT_HOOKED.append(True)

    def stop(self) -> None:
        """Ask the work to end early (by default it cannot: it is awaited)."""

    def _forget(self) -> None:
        RUNNING.discard(self)
        self.deleteLater()
