"""The minute's autosave in the main window on a 100,000-task plan: how long the window stops answering.

    QT_QPA_PLATFORM=offscreen python3 bench/bench_autosave.py [--tasks 100000] [--rounds 2] [--against OTHER_CHECKOUT]

Each measurement is a fresh process that opens the window on the synthetic plan (bench/synth.py),
makes one edit (so there is unsaved work), and lets a timer tick every 5 ms while the autosave
runs, as the window's own event loop runs it. Printed: the longest gap between two ticks while the
recovery copy was being made (what a planner typing or dragging meets as a stall; the longest gap
while idle beside it), the autosave's duration from start to the copy written, the CPU time the
window's own thread spent in that span and the whole process's, and a rename made while the copy
is being written (wall time; the same rename while idle beside it). With --against, the same is
run on another checkout (a worktree of the code before), alternating with this one.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Run in the child, with the checkout to measure first on sys.path.
_CHILD = r"""
import os, sys, time, json
from pathlib import Path
root, tasks = Path(sys.argv[1]), int(sys.argv[2])
sys.path[:0] = [str(root), str(root / "bench")]
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["ILRS_PLANNER_RECOVERY_DIR"] = sys.argv[3]
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication
from synth import make_plan
from ilrs_planner.commands.tasks import SetTaskFields
from ilrs_planner.qt.document import Document
from ilrs_planner.qt.main_window import MainWindow

app = QApplication([])
window = MainWindow(Document(make_plan(tasks)))
window.resize(1920, 1080)
window.show()
app.processEvents()
ids = list(window.document.project.tasks)
session = window.plan_file.file_session

def rename(number):
    start = time.perf_counter()
    window.document.push(SetTaskFields(ids[len(ids) // 2 + number], name=f"Renamed {number}"))
    app.processEvents()
    return time.perf_counter() - start

idle_rename = min(rename(n) for n in range(3))
session.autosave_timer.stop()  # started by the edit; the autosave is started below, at a known time
ticks = []
tick = QTimer(interval=5)
tick.timeout.connect(lambda: ticks.append(time.perf_counter()))
tick.start()

def autosave(edit):
    marks, loop = {}, QEventLoop()

    def begin():
        marks["start"], marks["cpu"], marks["gui"] = time.perf_counter(), time.process_time(), time.thread_time()
        session.autosave()  # the code before writes here and now; the new code starts the snapshot
        if not hasattr(session, "autosaving"):
            done(None)
        elif edit:
            QTimer.singleShot(0, edit_while_writing)

    def edit_while_writing():
        if session.session is not None and session.session.writing_recovery():
            marks["rename"] = rename(9)
        elif session.autosaving.busy():
            QTimer.singleShot(1, edit_while_writing)

    def done(_path):
        if "end" not in marks:
            marks["end"], marks["cpu"], marks["gui"] = (time.perf_counter(), time.process_time() - marks["cpu"],
                                                        time.thread_time() - marks["gui"])
            QTimer.singleShot(300, loop.quit)

    if hasattr(session, "autosaving"):
        session.autosaving.written.connect(done)
        session.autosaving.failed.connect(lambda why: print(why, file=sys.stderr))
    QTimer.singleShot(500, begin)
    loop.exec()
    if hasattr(session, "autosaving"):
        session.autosaving.written.disconnect(done)
    return marks

gaps = lambda times: [b - a for a, b in zip(times, times[1:])]
marks = autosave(edit=False)
before = [t for t in ticks if t < marks["start"]]
during = [t for t in ticks if t >= before[-1] and t <= marks["end"] + 0.05]
stall, idle = max(gaps(during)), max(gaps(before[5:]))
busy_rename = autosave(edit=True).get("rename") if hasattr(session, "autosaving") else None
print(json.dumps({"stall": stall, "idle": idle, "span": marks["end"] - marks["start"],
                  "cpu": marks["cpu"], "gui": marks["gui"], "rename": busy_rename,
                  "idle_rename": idle_rename, "written": any(Path(sys.argv[3]).glob("*.db"))}))
os._exit(0)
"""


def measure(checkout: Path, tasks: int, folder: Path) -> dict:
    """One fresh process's figures for the program in `checkout`."""
    out = subprocess.run([sys.executable, "-c", _CHILD, str(checkout), str(tasks), str(folder)],
                         capture_output=True, text=True, check=True, env={**os.environ, "PYTHONPATH": ""})
    return json.loads(out.stdout.strip().splitlines()[-1])


def show(label: str, f: dict) -> None:
    during = f"{f['rename'] * 1000:.0f} ms" if f["rename"] is not None else "-"
    print(f"{label:<10} longest stall {f['stall'] * 1000:6.0f} ms (idle {f['idle'] * 1000:3.0f} ms)   "
          f"autosave {f['span']:.2f} s, window thread {f['gui']:.3f} s CPU, process {f['cpu']:.2f} s CPU   "
          f"rename during it {during} (idle {f['idle_rename'] * 1000:.0f} ms)   copy written: {f['written']}   "
          f"load {os.getloadavg()[0]:.1f}", flush=True)


def main() -> None:
    import tempfile

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=2, help="processes per checkout, alternating")
    parser.add_argument("--against", type=Path, help="another checkout to measure alternately")
    args = parser.parse_args()
    checkouts = [("this", ROOT)] + ([("against", args.against.resolve())] if args.against else [])
    for _ in range(args.rounds):
        for label, checkout in checkouts:
            with tempfile.TemporaryDirectory() as folder:
                show(label, measure(checkout, args.tasks, Path(folder)))


if __name__ == "__main__":
    main()
