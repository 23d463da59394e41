"""MS Project's Predecessors column: `3`, `3FS+2d`, `4SS-1d`, `7FF`, `9SF+10d`, `3FS+2 days`.

Entries are separated by `;` or `,`. A lag needs a link type before it (as MS Project writes it);
the lag takes the units of a duration (`d`, `days`, `edays`, `2w`, `1 mon`; see domain/durations), negative
for a lead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..domain import LinkType, PlannerError, parse_duration
from ..domain.durations import CALENDAR_DAYS, DurationUnits, is_elapsed, written_days
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
        return PredecessorRef(m.id, LinkType(m.type.upper()), _lag(entry, m, units), elapsed)
    if m or _BARE_ID.match(entry):
        ref = m.id if m else entry
        where = f" (in {quoted(entry)})" if ref != entry else ""
        raise PlannerError("link.unknown_task", f"no task has the ID {quoted(ref)}{where}", [ref])
    raise PlannerError("import.bad_row", f"{quoted(entry)} is not a dependency ({_HINT})")


def _lag(entry: str, m: TypedEntry, units: DurationUnits) -> int:
    if m.sign is None or m.lag is None:
        return 0
    if m.lag.strip().endswith("%"):
        raise PlannerError("import.bad_row", f"{quoted(entry)}: a lag in percent is not supported; give days")
    try:
        days = parse_duration(m.lag, units)
    except PlannerError as err:
        if err.code == "duration.too_long":
            raise
        raise PlannerError("import.bad_row", f"{quoted(entry)} has a lag that is not whole days ({_HINT})") from None
    return -days if m.sign == "-" else days


def format_predecessors(refs: list[PredecessorRef]) -> str:
    """The cell text MS Project would write: `3`, `4SS`, `5FS+2 days`, `6FF-1 day`."""
    return ",".join(format_entry(ref) for ref in refs)


def format_entry(ref: PredecessorRef) -> str:
    """One entry, omitting FS and a zero lag as MS Project does."""
    if ref.lag == 0:
        return ref.ref if ref.type is LinkType.FS else f"{ref.ref}{ref.type.value}"
    sign = "+" if ref.lag > 0 else "-"
    return f"{ref.ref}{ref.type.value}{sign}{written_days(abs(ref.lag), ref.elapsed)}"
