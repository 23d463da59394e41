"""The schedule check's thresholds: the DCMA 14-point assessment's own, each adjustable by name.

Shares are given in percent (`logic=10` allows 10 % of tasks without logic), days as working days,
CPLI and BEI as ratios, counts (leads, negative float, invalid dates) as the most allowed. The
defaults are DCMA's whatever the plan: a roadmap whose tasks last years fails high duration, and
says so, rather than hiding behind a threshold made to pass.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass

from ..domain import PlannerError


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Every limit the checks apply (see the module doc for the units)."""

    logic: float = 5.0  # % of incomplete tasks missing a predecessor or a successor
    leads: int = 0  # links with a negative lag
    lags: float = 5.0  # % of links with a positive lag
    relationship_types: float = 90.0  # % of links that are finish-to-start, at least
    hard_constraints: float = 5.0  # % of incomplete tasks with MSO, MFO, SNLT or FNLT
    high_float: float = 5.0  # % of incomplete tasks with more float than high_float_days
    high_float_days: int = 44
    negative_float: int = 0  # incomplete tasks with negative total float
    high_duration: float = 5.0  # % of incomplete tasks longer than high_duration_days
    high_duration_days: int = 44
    invalid_dates: int = 0  # tasks with a forecast before, or an actual after, the status date
    missed_tasks: float = 5.0  # % of tasks due by the baseline that finished late or not at all
    critical_path_delay: int = 600  # working days added to one critical task by the critical path test
    cpli: float = 0.95  # critical path length index, at least
    bei: float = 0.95  # baseline execution index, at least

    def with_values(self, assignments: Iterable[str]) -> Thresholds:
        """These thresholds with `NAME=VALUE` assignments applied; `check.bad_threshold` names a
        name that is none of them or a value that is not a number (or a negative one)."""
        changes: dict[str, float | int] = {}
        for text in assignments:
            name, _, value = text.partition("=")
            changes[name.strip()] = _value(name.strip(), value.strip().rstrip("%").strip())
        return dataclasses.replace(self, **changes)  # type: ignore[arg-type]  # each value checked by _value


def threshold_names() -> list[str]:
    """The names `--threshold` takes, in the checks' order."""
    return [f.name for f in dataclasses.fields(Thresholds)]


def _value(name: str, text: str) -> float | int:
    fields = {f.name: f for f in dataclasses.fields(Thresholds)}
    if name not in fields:
        raise PlannerError("check.bad_threshold", f"no threshold is named '{name}' (give NAME=VALUE, "
                           f"NAME one of {', '.join(fields)})", [name])
    whole = fields[name].type == "int"
    try:
        value: float | int = int(text) if whole else float(text)
    except ValueError:
        kind = "a whole number" if whole else "a number"
        raise PlannerError("check.bad_threshold", f"the threshold {name} takes {kind}, not '{text}'",
                           [name]) from None
    if value < 0 or value != value:  # NaN compares unequal to itself
        raise PlannerError("check.bad_threshold", f"the threshold {name} cannot be {text}", [name])
    return value
