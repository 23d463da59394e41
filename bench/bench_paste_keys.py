"""Keys made unique as a paste gives them, when every pasted task has the same key.

    python3 bench/bench_paste_keys.py [--sizes 2000 16000 100000]

Spreadsheet rows (Name, Key) all keyed `x`, read as Paste reads them (paste_from_sheet), and tasks of
a plan all keyed `x` made into Duplicate's command (paste_command, keys `x-copy`, `x-copy-2`, ...).
Both run in the window's thread, so each figure is a frozen window. Printed in CPU seconds (the
machine being shared), with the load average beside them; 100,000 is the most a paste takes.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ilrs_planner.domain import Project, Task  # noqa: E402
from ilrs_planner.exchange.clip_sheet import paste_from_sheet  # noqa: E402
from ilrs_planner.qt.task_clipboard import copy_tasks, paste_command  # noqa: E402


def sheet_rows(count: int) -> float:
    plan = Project(name="p", start=date(2030, 1, 1))
    text = "Name\tKey\n" + "".join(f"t{i}\tx\n" for i in range(count))
    started = time.process_time()
    pasted = paste_from_sheet(text, plan)
    spent = time.process_time() - started
    assert pasted.copied.tasks[-1].key == f"x-{count}"
    return spent


def duplicate(count: int) -> float:
    plan = Project(name="p", start=date(2030, 1, 1))
    for i in range(count):
        plan.tasks[f"t{i}"] = Task(key="x", name=f"t{i}", duration=1, id=f"t{i}", position=i)
    copied = copy_tasks(plan, list(plan.tasks))
    assert copied is not None
    started = time.process_time()
    command = paste_command(plan, copied, None, "Duplicate", "-copy")
    spent = time.process_time() - started
    assert command.tasks[-1].key == f"x-copy-{count}"
    return spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 16000, 100_000])
    args = parser.parse_args()
    print(f"load average before: {' '.join(f'{load:.2f}' for load in os.getloadavg())}")
    for count in args.sizes:
        print(f"{count:>7,} rows keyed alike, spreadsheet paste: {sheet_rows(count):7.2f} s CPU")
        print(f"{count:>7,} tasks keyed alike, Duplicate:        {duplicate(count):7.2f} s CPU")
    print(f"load average after:  {' '.join(f'{load:.2f}' for load in os.getloadavg())}")


if __name__ == "__main__":
    main()
