"""Saving a large plan in a forked process while this one goes on (the command line's `import`
schedules the plan meanwhile): both cores at work on the last two steps of an import.

The child writes the whole plan into the temporary file beside the target (`writer.write_pending`,
every check and row of `save_project`) and leaves; this process renames it onto the target only
once its own work has gone well (`SaveBeside.finish`). Whatever goes otherwise falls back to the
plain save here: a child that failed (a refusal, a full disk) leaves the temporary file to be
discarded and `save_project` run in this process, which then fails with the same code and words;
a plan changed meanwhile (a dependency loop dropped) is saved here as it now is.

Only where it is safe and worth it (`worthwhile`): a plan of some thousands of tasks, a system
that forks, and a process with no other Python thread and no Qt (a thread holding a lock at the
fork would leave the child stuck).
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import sys
import threading

from ..domain import Project
from ..files.atomic import AtomicFile, real_target
from .gcpause import gc_paused

MIN_TASKS = 5_000  # below this (a save of some tens of milliseconds) a process costs more than it saves


def worthwhile(project: Project) -> bool:
    alone = threading.active_count() == 1 and "PySide6.QtCore" not in sys.modules
    return len(project.tasks) >= MIN_TASKS and hasattr(os, "fork") and alone


class SaveBeside:
    """A save of `project` to `path` under way in a child process (see the module docstring)."""

    def __init__(self, project: Project, path: str | os.PathLike[str], pending: AtomicFile, pid: int):
        self.project, self.path, self.pending, self.pid = project, path, pending, pid

    @classmethod
    def start(cls, project: Project, path: str | os.PathLike[str]) -> SaveBeside | None:
        """The save started, or None where it cannot start here (the plain save then says why)."""
        if not worthwhile(project):
            return None
        from .writer import write_pending  # imported here: the child takes no import lock

        try:
            pending = AtomicFile(real_target(path))
        except OSError:
            return None  # the plain save names the problem, after the caller's own work as before
        project.secret_to_save()  # drawn here, not in the child: the plan this process goes on with keeps it
        pid = os.fork()
        if pid == 0:  # the child: write, and leave without running anything of the parent's
            code = 1
            try:
                gc.disable()  # its passes would touch (and so copy) every object of the plan
                write_pending(project, pending.path, pending.target, texts_checked_elsewhere=True)
                code = 0
            finally:
                os._exit(code)
        return cls(project, path, pending, pid)

    def finish(self) -> None:
        """The plan saved: the child's file renamed onto the target, or saved here if it failed. The
        save's text checks run here meanwhile (the child, the longer of the two, leaves them out); if
        one refuses the plan, the plain save here says so, as it would say the first refusal."""
        from .writer import check_texts, save_project

        try:
            with gc_paused():
                check_texts(self.project)
        except Exception:  # noqa: BLE001 - refused: the plain save below names it, in a save's order
            self.abandon()
            save_project(self.project, self.path)
            return
        _, status = os.waitpid(self.pid, 0)
        if os.waitstatus_to_exitcode(status) == 0:
            from .header import io_error

            try:
                self.pending.commit()
            except OSError as exc:
                raise io_error(self.pending.target, exc, "save") from None
            return
        self.pending.discard()
        save_project(self.project, self.path)

    def abandon(self) -> None:
        """Stop the child and leave the target as it was (the caller saves otherwise, or not at all)."""
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        self.pending.discard()
