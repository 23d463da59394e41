"""MS Project's Predecessors column: `3`, `3FS+2d`, `4SS-1d`, `7FF`, `9SF+10d`, `3FS+2 days`.

Entries are separated by `;` or `,`. A lag needs a link type before it (as MS Project writes it);
the lag takes the units of a duration (`d`, `days`, `edays`, `2w`, `1 mon`; see domain/durations), negative
for a lead. A lag that is not whole days (`4h`, `0.5d`) rounds up to the later whole day, as a typed
duration does, and the entry keeps what was typed so the rounding can be said (`rounded_lags`).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from ..domain import LinkType, PlannerError
from ..domain.durations import CALENDAR_DAYS, DurationUnits, exact_days, format_days, is_elapsed, written_days
from ..domain.errors import quoted
from .predecessor_entry import TypedEntry, split_typed

_BARE_ID = re.compile(r"^[\w.\-]+$")
_HINT = "write 3, 3FS+2d, 4SS-1d"


@dataclass(frozen=True, slots=True)
class PredecessorRef:
    """One entry of a Predecessors cell: the predecessor's ID, the link type and the lag in days."""

    ref: str
    type: LinkType = LinkType.FS
    lag: int = 0
    elapsed: bool = False  # the lag in calendar days whatever the calendar (`+2 edays`)
    rounded_from: str = field(default="", compare=False)  # the lag as typed, when it was not whole days


def parse_predecessors(text: str, known_ids: set[str], units: DurationUnits = CALENDAR_DAYS) -> list[PredecessorRef]:
    """Every entry of a Predecessors cell; an error names the entry that is not a dependency.

    `units` says how many days a lag's week or month is (the plan's calendar; see domain/durations).
    """
    entries = [part.strip() for part in re.split(r"[;,]", text)]
    return [parse_entry(entry, known_ids, units) for entry in entries if entry]


def parse_entry(entry: str, known_ids: set[str], units: DurationUnits = CALENDAR_DAYS) -> PredecessorRef:
    """One entry. An ID that exists is taken whole, so IDs such as `change-7` are not split."""
    if entry in known_ids:
        return PredecessorRef(entry)
    m = split_typed(entry)
    if m and m.id in known_ids:
        elapsed = m.lag is not None and is_elapsed(m.lag)
        lag, rounded_from = _lag(entry, m, units)
        return PredecessorRef(m.id, LinkType(m.type.upper()), lag, elapsed, rounded_from)
    if m or _BARE_ID.match(entry):
        ref = m.id if m else entry
        where = f" (in {quoted(entry)})" if ref != entry else ""
        raise PlannerError("link.unknown_task", f"no task has the ID {quoted(ref)}{where}", [ref])
    raise PlannerError("import.bad_row", f"{quoted(entry)} is not a dependency ({_HINT})")


def _lag(entry: str, m: TypedEntry, units: DurationUnits) -> tuple[int, str]:
    """The lag in whole days and, when it was not, the lag as typed (`+4h`). A part day rounds up to
    the later day, as MS Project XML's lags are read: `+0.5d` is 1 day, a lead `-1.5d` 1 day."""
    if m.sign is None or m.lag is None:
        return 0, ""
    if m.lag.strip().endswith("%"):
        raise PlannerError("import.bad_row", f"{quoted(entry)}: a lag in percent is not supported; give days")
    try:
        exact, _ = exact_days(m.lag, units)
    except PlannerError as err:
        if err.code == "duration.too_long":
            raise
        raise PlannerError("import.bad_row", f"{quoted(entry)} has a lag that is not a duration ({_HINT})") from None
    signed = -exact if m.sign == "-" else exact
    days = math.ceil(round(signed, 9)) + 0  # 16h is 2 days, not 2.0000000001; -0.5d is 0, not -0
    return days, (f"{m.sign}{m.lag.strip()}" if days != signed else "")


def parse_lag(text: str, units: DurationUnits = CALENDAR_DAYS) -> PredecessorRef:
    """A lag typed on its own (`+3 d`, `-1d` for a lead, `4h`, `2ed`), read as in a Predecessors
    entry: rounded up to the later whole day, elapsed when written in an elapsed unit."""
    written = text.strip()
    sign = "-" if written.startswith("-") else "+"
    lag = written.lstrip("+-").strip() or "0"
    try:
        days, rounded_from = _lag(written, TypedEntry("", "FS", sign, lag), units)
    except PlannerError as error:
        if error.code == "duration.too_long":
            raise
        raise PlannerError("link.bad_value", f"{quoted(written)} is not a lag (write +3d, -1d for a lead, "
                           "4h or 2ed)") from None
    return PredecessorRef("", LinkType.FS, days, is_elapsed(lag), rounded_from)


def rounded_lags(refs: list[PredecessorRef]) -> str | None:
    """What to tell the planner when typed lags were part days, rounded up to whole days, as a typed
    duration's note says it: "Lag '+4h' was rounded up to +1 d: a plan counts whole working days"."""
    said = [f"'{ref.rounded_from}' was rounded up to {format_days(ref.lag, ref.elapsed, signed=True)}"
            for ref in refs if ref.rounded_from]
    if not said:
        return None
    kind = "days" if all(ref.elapsed for ref in refs if ref.rounded_from) else "working days"
    return f"Lag {', '.join(said)}: a plan counts whole {kind}"


def format_predecessors(refs: list[PredecessorRef]) -> str:
    """The cell text MS Project would write: `3`, `4SS`, `5FS+2 days`, `6FF-1 day`."""
    return ",".join(format_entry(ref) for ref in refs)


def format_entry(ref: PredecessorRef) -> str:
    """One entry, omitting FS and a zero lag as MS Project does."""
    if ref.lag == 0:
        return ref.ref if ref.type is LinkType.FS else f"{ref.ref}{ref.type.value}"
    sign = "+" if ref.lag > 0 else "-"
    return f"{ref.ref}{ref.type.value}{sign}{written_days(abs(ref.lag), ref.elapsed)}"
