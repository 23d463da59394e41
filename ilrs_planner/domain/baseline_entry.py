"""A baseline entry that keeps how its dates were read when the baseline was taken.

A baseline is a snapshot: "by 2035" must read 2035 in it whatever the plan says today. Its dates
alone do not say that: the milestone "by 2035" is the point 2036-01-01 00:00 (the end of
2035-12-31), and a date on 2036-01-01 may be a day or the year 2036. So an entry taken by this
version keeps the precision its task was shown at and its moments of day (a milestone at a day's
end, a summary's moments: engine.schedule's EARLY_AT_DAY_END and SUMMARY_* bits).

An entry is still the (start, exclusive finish) pair every reader unpacks: a subclass of tuple per
reading, holding the reading as class attributes, so it costs no more than a plain pair. Entries of
files written before (a plain pair) have no reading; engine.shown_dates infers one for them.
"""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from .enums import Precision

AT_DAY_END = 1  # engine.schedule.EARLY_AT_DAY_END: a milestone's point is the end of the day before it
MOMENTS = 1 | 4 | 8  # that bit and a summary's two (engine.schedule.SUMMARY_*): what an entry keeps


class KeptEntry(tuple):  # type: ignore[type-arg]
    """(start, exclusive finish) with the precision and moments of day it was read at when taken."""

    __slots__ = ()
    precision: ClassVar[Precision] = Precision.DAY
    moments: ClassVar[int] = 0

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        # The per-reading classes are made at run time: rebuild through the factory (undo copies, workers).
        return kept_entry, (self[0], self[1], self.precision, self.moments)


_KINDS: dict[tuple[Precision, int], type[KeptEntry]] = {}


def kept_entry(start: date, finish: date, precision: Precision, moments: int = 0) -> tuple[date, date]:
    """The entry (start, finish) read at `precision` and `moments` (only the bits MOMENTS names)."""
    return entry_kind(precision, moments)((start, finish))


def entry_kind(precision: Precision | str, moments: int = 0) -> type[KeptEntry]:
    """The class of entries read at `precision` and `moments`: a reader making many calls it once a kind."""
    key = (Precision(precision), moments & MOMENTS)
    kind = _KINDS.get(key)
    if kind is None:
        kind = _KINDS[key] = type(f"KeptEntry_{key[0].value}_{key[1]}", (KeptEntry,),
                                  {"__slots__": (), "precision": key[0], "moments": key[1]})
    return kind


def entry_reading(entry: tuple[date, date]) -> tuple[Precision, int] | None:
    """(precision, moments) the entry was read at when its baseline was taken; None when not kept."""
    return (entry.precision, entry.moments) if isinstance(entry, KeptEntry) else None
