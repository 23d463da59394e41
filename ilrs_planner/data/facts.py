"""The ILRS fact base shipped in the package: one row per public announcement (ilrs_facts.csv).

A row id is `base@announced_on` (e.g. `luna-26@2021-10-21`); rows for actual events have no `@`.
Package data is read through importlib.resources, so an installed wheel works like a checkout.
"""

from __future__ import annotations

import csv
import io
import tomllib
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources

from ..domain import Precision, parse_fuzzy_date

FACTS_FILE = "ilrs_facts.csv"


def read_data_text(name: str) -> str:
    """The text of one file bundled in ilrs_planner.data (works from a wheel or a zip)."""
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def read_data_toml(name: str) -> dict:
    """One bundled TOML file, parsed."""
    return tomllib.loads(read_data_text(name))


@dataclass(frozen=True, slots=True)
class Window:
    """Dates as announced: first day of the start period, last day of the finish period."""

    start: date | None  # '2029' -> 2029-01-01; None for "by 2035" (only a finish was given)
    finish: date | None  # '2035' -> 2035-12-31; None when only a start was given
    precision: Precision


def announced_window(start_text: str, finish_text: str) -> Window | None:
    """The window of a statement such as '2026-07 to 2026-12', '2029' or 'by 2035' (None: no date)."""
    start = parse_fuzzy_date(start_text) if start_text else None
    finish = parse_fuzzy_date(finish_text, end=True) if finish_text else None
    if start is None and finish is None:
        return None
    known = start or finish
    assert known is not None  # one of them is, checked above
    precision = known[1]
    return Window(start and start[0], finish and finish[0], precision)


@dataclass(frozen=True, slots=True)
class Fact:
    """One row of the fact base, as text the way the sources gave it."""

    id: str
    name: str
    kind: str
    planned_start: str
    planned_finish: str
    announced_by: str
    announced_on: str
    actual: str
    depends_on: tuple[str, ...]
    source_url: str
    notes: str
    known_from: date | None  # when the statement was known: its date, or its month's/year's last day
    window: Window | None  # the planned dates it announces (None: it gives none)

    @property
    def base(self) -> str:
        """The item the row is about: the id before the '@'."""
        return self.id.split("@", 1)[0]


def _fact(row: dict[str, str]) -> Fact:
    deps = tuple(d.strip() for d in row["depends_on"].split(";") if d.strip())
    said_on = row["announced_on"]
    return Fact(
        id=row["id"], name=row["name"], kind=row["kind"], planned_start=row["planned_start"],
        planned_finish=row["planned_finish"], announced_by=row["announced_by"],
        announced_on=row["announced_on"], actual=row["actual_date"], depends_on=deps,
        source_url=row["source_url"], notes=row["notes"],
        known_from=parse_fuzzy_date(said_on, end=True)[0] if said_on else None,
        window=announced_window(row["planned_start"], row["planned_finish"]),
    )


@lru_cache(maxsize=1)
def load_facts() -> tuple[Fact, ...]:
    """Every row of the bundled fact base, in file order (parsed once; rows are immutable)."""
    reader = csv.DictReader(io.StringIO(read_data_text(FACTS_FILE)))
    return tuple(_fact(row) for row in reader)


def facts_by_base() -> dict[str, list[Fact]]:
    """Base id -> its rows, oldest statement first; undated rows (actual events, 'current') last."""
    grouped: dict[str, list[Fact]] = {}
    for fact in load_facts():
        grouped.setdefault(fact.base, []).append(fact)
    for rows in grouped.values():
        rows.sort(key=lambda f: (f.known_from is None, f.known_from or date.min))
    return grouped
