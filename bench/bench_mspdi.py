"""MS Project XML import of a synthetic plan: one process, then the file parsed in a second one.

    python3 bench/bench_mspdi.py [--tasks 100000] [--rounds 2] [--xml plan.xml]

Each round reads the file in a fresh process three times, first with everything in one process, then
with the file parsed by a worker process (`exchange/mspdi/parse_worker.py`) while the first reads the
tasks, then with the worker taking the short way (`exchange/mspdi/plain_file.py`: the task list read
from its text, the file checked by expat beside it in a third process), and prints for each: the
reading's CPU time in the reading process and in the worker (with the check it waited for), its wall
time, and both processes' peak memory (their sum bounds what they held together). On a quiet 2-core
machine the wall time of the second and third is about the larger of the two CPU times; on a busy one
it is the queue for a core. The whole `import` adds scheduling and saving (`bench_process.py`).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

_CHILD = """
import resource, sys, time
import ilrs_planner.exchange.mspdi.parse_worker as worker
worker.MIN_BYTES = 1 << 62 if sys.argv[2] == "single" else 0
worker.PLAIN = sys.argv[2] == "plain"
from ilrs_planner.exchange.formats import read_plan
wall, cpu = time.perf_counter(), time.process_time()
read_plan(sys.argv[1], loops_dropped=False)
cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
mine, theirs = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"{sys.argv[2]:<8} reading {cpu:5.2f} s CPU, worker {theirs.ru_utime + theirs.ru_stime:5.2f} s CPU, "
      f"{wall:6.2f} s wall; peak {mine.ru_maxrss // 1024} MiB + {theirs.ru_maxrss // 1024} MiB")
"""


def make_xml(tasks: int, folder: Path) -> Path:
    from bench.synth import make_plan
    from ilrs_planner.exchange.mspdi import write
    xml = folder / "plan.xml"
    write(make_plan(tasks), xml)
    return xml


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--xml", type=Path, help="an existing file instead of a synthetic plan")
    args = parser.parse_args()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    with tempfile.TemporaryDirectory(prefix="ilrs-bench-mspdi-") as folder:
        xml = args.xml or make_xml(args.tasks, Path(folder))
        print(f"{xml.stat().st_size / 1e6:.0f} MB, {os.cpu_count()} cores", flush=True)
        for _ in range(args.rounds):
            for way in ("single", "worker", "plain"):
                load = os.getloadavg()[0]
                print(f"load {load:4.1f}  ", end="", flush=True)
                subprocess.run([sys.executable, "-c", _CHILD, str(xml), way], env=env, check=True)


if __name__ == "__main__":
    main()
