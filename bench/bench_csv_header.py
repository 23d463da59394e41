"""How long a CSV import takes to refuse (or read) a header of very many columns.

    python3 bench/bench_csv_header.py [--columns 1000 100000 1000000]

Prints, for each width, the seconds until the import answers and the length of its message.
A wide header must be handled in linear time with a short message, whatever its width.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from ilrs_planner.domain import PlannerError
from ilrs_planner.exchange.formats import read_plan


def measure(columns: int, folder: Path) -> tuple[float, str, int]:
    """(seconds, outcome, message length) for one header width."""
    path = folder / f"wide-{columns}.csv"
    path.write_text("Name," + ",".join(f"Column {n}" for n in range(columns - 1)) + "\nA\n", encoding="utf-8")
    began = time.perf_counter()
    try:
        result = read_plan(path)
        outcome, message = "read", " ".join(result.warnings)
    except PlannerError as err:
        outcome, message = err.code, err.message
    return time.perf_counter() - began, outcome, len(message)


def main() -> None:
    """Print one line per width."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--columns", type=int, nargs="+", default=[1_000, 100_000, 1_000_000])
    args = parser.parse_args()
    print(f"{'columns':>10}  {'seconds':>8}  {'outcome':<16}  message chars")
    with tempfile.TemporaryDirectory() as folder:
        for columns in args.columns:
            seconds, outcome, chars = measure(columns, Path(folder))
            print(f"{columns:>10,}  {seconds:>8.3f}  {outcome:<16}  {chars:,}")


if __name__ == "__main__":
    main()
