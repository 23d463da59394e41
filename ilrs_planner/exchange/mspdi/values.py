"""Reading MSPDI values leniently: every oddity becomes a warning naming the task, never a traceback."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from datetime import date, datetime

from ...domain import PlannerError
from ...domain.dates import MAX_YEAR, MIN_YEAR
from ...domain.durations import MAX_DURATION_DAYS
from ...domain.text import TEXT_LIMITS, clean, forbidden

_DURATION = re.compile(
    r"^\s*(-)?P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?"
    r"(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?\s*$")
# Duration/lag formats counted in elapsed time (24 h a day, every day) rather than working time.
ELAPSED_FORMATS = {4, 6, 8, 10, 12, 20, 36, 38, 40, 42, 44, 52}
PERCENT_FORMATS = {19, 20, 51, 52}
TRUE_TEXTS = ("1", "true")  # how MSPDI writes a flag that is set (any case)
MAX_TEXT = 1_000_000  # a note longer than this is cut (with a warning)
# Which plan field an MSPDI tag becomes, so its text is cut to that field's bound.
_FIELD_OF_TAG = {"Name": "name", "Title": "name", "Author": "name", "Notes": "notes", "HyperlinkAddress": "source_url",
                 "WBS": "key", "Initials": "key"}
_LIMIT_OF_TAG = {tag: TEXT_LIMITS[field] for tag, field in _FIELD_OF_TAG.items()}
SHORT_TEXT = min(_LIMIT_OF_TAG.values())  # a text this short is never cut
_EXACT_DIGITS = 15  # a float holds every integer of this many digits exactly
MAX_KNOWN_DAYS = 1 << 16  # distinct stamps kept with their day (`Fields.day`): a few MB at most


class Fields:
    """One element's child texts, read in one pass, with typed access that warns naming `where`.

    Finding each child separately scans the element's children once per field (a task has about
    40 children and is asked for 30 of them); a dict of texts by tag is built in one pass instead,
    the first child of each tag winning as with `find`.
    """

    __slots__ = ("texts", "reader", "where")

    def __init__(self, element: ET.Element, reader: Reader, where: str = ""):
        self.texts = {child.tag: child.text for child in reversed(element)}
        self.reader, self.where = reader, where

    @classmethod
    def of_texts(cls, texts: dict[str, str | None], reader: Reader, where: str = "") -> Fields:
        """The fields of an element whose child texts by tag (the first of each tag) are `texts`."""
        fields = cls.__new__(cls)
        fields.texts, fields.reader, fields.where = texts, reader, where
        return fields

    def text(self, tag: str, where: str | None = None) -> str:
        raw = self.texts.get(tag)
        if raw is None:
            return ""
        if len(raw) <= SHORT_TEXT and raw.isprintable():  # within every bound, nothing to clean
            return raw if tag == "Notes" else raw.strip()
        return self.reader.value(raw, tag, self.where if where is None else where)

    def integer(self, tag: str, default: int | None = None) -> int | None:
        raw = self.texts.get(tag)
        if raw is None:  # absent (as most optional fields are): what the general path gives, at once
            return default
        # Plain digits of up to 15 (exact as a float, so int() gives what int(float()) would): what
        # nearly every file holds, read without the general path's cleaning and float round trip.
        if len(raw) <= _EXACT_DIGITS and raw.isdecimal():
            return int(raw)
        return self.reader.number(self.text(tag), tag, default, self.where)

    def flag(self, tag: str) -> bool:
        return tag in self.texts and self.text(tag, "").lower() in TRUE_TEXTS

    def moment(self, tag: str) -> datetime | None:
        raw = self.texts.get(tag)
        if raw is None:
            return None
        # A stamp as MS Project writes it has nothing to clean or strip: read at once.
        value = plain_stamp(raw) if len(raw) == 19 else None
        return value if value is not None else self.reader.moment_of(self.text(tag), tag, self.where)

    def day(self, tag: str, convert: Callable[[datetime], date], known: dict[str, date]) -> date | None:
        """`convert` of the moment `moment` gives, or None. `known`: the days `convert` gave for stamps as
        MS Project writes them, so each distinct stamp of a file is read once (a plan's tasks share
        most of their dates); any other text takes the general path, with its warnings, every time."""
        raw = self.texts.get(tag)
        if raw is None:
            return None
        day = known_day(raw, convert, known)
        if day is not None:
            return day
        # Not as MS Project writes it, or a day a plan cannot hold (said by `_held`): the general path
        value = self.reader.moment_of(self.text(tag), tag, self.where)
        return None if value is None else self._held(tag, convert(value))

    def _held(self, tag: str, day: date) -> date | None:
        """The day, or None with a warning when a plan file cannot hold it: a finish at the end of
        2200-12-31 is stored as the day after, which made the import's save fail."""
        if MIN_YEAR <= day.year <= MAX_YEAR:
            return day
        self.reader.warnings.append(f"{self.where}: {tag} {self.texts.get(tag)} is outside what a plan holds (dates "
                                    f"from {MIN_YEAR} to {MAX_YEAR}, a finish by {MAX_YEAR}-12-30); ignored")
        return None


def child_texts(texts: dict[str, str | None], tags: tuple[str, ...], reader: Reader, where: str) -> list[str]:
    """The texts of `tags` (not Notes) among an element's children, given by tag in `texts` (the first
    child of each tag), each as `Fields.text` gives it.

    One call for a small record (a predecessor link has five), without a `Fields` and a method call
    per tag: links are read 200,000 times in a 100,000-task plan."""
    return [("" if raw is None else raw.strip() if len(raw) <= SHORT_TEXT and raw.isprintable()
             else reader.value(raw, tag, where)) for tag, raw in zip(tags, map(texts.get, tags))]


class Reader:
    """Typed access to child elements, collecting warnings as it goes."""

    def __init__(self, warnings: list[str]):
        self.warnings = warnings

    def text(self, element: ET.Element, tag: str, where: str = "") -> str:
        """A child's text ('' if absent), cleaned of control characters and cut to its field's bound."""
        child = element.find(tag)
        return self.value(child.text if child is not None else None, tag, where)

    def value(self, value: str | None, tag: str, where: str = "") -> str:
        """The text of a `tag` child already found, as `text` gives it."""
        if not value:
            return ""
        if len(value) > MAX_TEXT:
            self.warnings.append(f"{where}: {tag} was longer than {MAX_TEXT:,} characters and was cut")
            value = value[:MAX_TEXT]
        multiline = tag == "Notes"
        # isprintable() is true only without control characters (and 4x faster than the pattern):
        # nearly every value has nothing to clean.
        if not value.isprintable() and forbidden(multiline).search(value):
            value = self._cleaned(value, tag, multiline, where)
        limit = _LIMIT_OF_TAG.get(tag, MAX_TEXT)
        if len(value) > limit:
            self.warnings.append(f"{where}: {tag} was longer than {limit:,} characters and was cut")
            value = value[:limit]
        return value if multiline else value.strip()

    def _cleaned(self, value: str, tag: str, multiline: bool, where: str) -> str:
        cleaned = clean(value, multiline)
        if cleaned != value.replace("\r\n", "\n"):
            self.warnings.append(f"{where}: {tag} held control characters, line breaks or bidirectional "
                                 "controls a plan cannot hold there; they were removed")
        return cleaned

    def integer(self, element: ET.Element, tag: str, default: int | None = None, where: str = "") -> int | None:
        """A child's integer value; a non-number is a warning and gives `default`."""
        return self.number(self.text(element, tag, where), tag, default, where)

    def number(self, raw: str, tag: str, default: int | None = None, where: str = "") -> int | None:
        """`raw` (a child's text already read) as an integer; a non-number is a warning and gives `default`."""
        if not raw:
            return default
        if len(raw) <= _EXACT_DIGITS and raw.isdecimal():  # plain digits, as nearly every file writes them
            return int(raw)
        try:
            return int(float(raw)) if len(raw) < 40 else int("x")
        except (ValueError, OverflowError):
            self.warnings.append(f"{where}: {tag} '{raw[:40]}' is not a number; ignored")
            return default

    def flag(self, element: ET.Element, tag: str) -> bool:
        """A child's boolean ('1' or 'true')."""
        return self.text(element, tag).lower() in TRUE_TEXTS

    def moment(self, element: ET.Element, tag: str, where: str = "") -> datetime | None:
        """A child's dateTime, or None (with a warning when it is present but unusable)."""
        return self.moment_of(self.text(element, tag, where), tag, where)

    def moment_of(self, raw: str, tag: str, where: str = "") -> datetime | None:
        """`raw` (a child's text already read) as a dateTime, as `moment` gives it."""
        if len(raw) == 19 and (value := plain_stamp(raw)) is not None:
            return value
        if not raw or raw.upper() == "NA":
            return None
        try:
            value = datetime.fromisoformat(raw[:32])
        except ValueError:
            self.warnings.append(f"{where}: {tag} '{raw[:40]}' is not a date and time; ignored")
            return None
        if not MIN_YEAR <= value.year <= MAX_YEAR:
            self.warnings.append(f"{where}: {tag} {value.date()} is outside {MIN_YEAR}-{MAX_YEAR}; ignored")
            return None
        return value.replace(tzinfo=None)

    def minutes(self, text: str, where: str, what: str) -> float | None:
        """An xsd:duration as minutes (a day written as D counts 24 hours); None if unreadable."""
        if text.startswith("PT") and text.endswith("H0M0S") and text[2:-5].isdecimal() and len(text) < 40:
            return 60.0 * int(text[2:-5])  # what MS Project writes: whole hours
        match = _DURATION.match(text or "")
        if not match or not any(match.groups()[1:]):
            self.warnings.append(f"{where}: {what} '{(text or '')[:40]}' is not a duration; taken as 0")
            return None
        sign, years, months, weeks, days, hours, mins, secs = match.groups()
        if years or months:
            self.warnings.append(f"{where}: {what} '{text}' counts years or months; read as 365/30 days")
        total_days = 365 * float(years or 0) + 30 * float(months or 0) + 7 * float(weeks or 0) + float(days or 0)
        value = total_days * 1440 + 60 * float(hours or 0) + float(mins or 0) + float(secs or 0) / 60
        return -value if sign else value


def known_day(raw: str, convert: Callable[[datetime], date], known: dict[str, date]) -> date | None:
    """`convert`'s day of a stamp as MS Project writes it, found in `known` or read and kept there (each
    distinct stamp of a file read once); None if `raw` is not written so or its day is outside what a
    plan holds (each caller then goes its own way: the general path's warnings, or not plain)."""
    day = known.get(raw)
    if day is not None:
        return day
    value = plain_stamp(raw) if len(raw) == 19 else None
    if value is None:
        return None
    day = convert(value)
    if not MIN_YEAR <= day.year <= MAX_YEAR:  # a finish at the end of 2200 is stored as the day after
        return None
    if len(known) < MAX_KNOWN_DAYS:
        known[raw] = day
    return day


def plain_stamp(raw: str) -> datetime | None:
    """A 19-character stamp as MS Project writes it (no zone to drop, no NA, a year in range), else None."""
    if raw[10] != "T":
        return None
    try:
        value = datetime.fromisoformat(raw)
    except ValueError:
        return None
    return value if value.tzinfo is None and MIN_YEAR <= value.year <= MAX_YEAR else None


def whole_days(value: float, where: str, what: str, warnings: list[str], up: bool = False) -> int:
    """Round to whole calendar days, saying so when that changed the value: to the nearest day (half
    a day up), or with `up` (a duration, as the task table and the CSV import read one) any part of a
    day up to the day it touches.

    A value longer than a plan can hold (300 years) is refused with `duration.too_long`, as the CSV
    import refuses it: MS Project itself holds no date past 2149, so no file of its has one."""
    days = days_up(value, where, what) if up else math.floor(_held(value, where, what) + 0.5)
    if abs(days - value) > 1e-6:
        how = "rounded up to" if up else "rounded to"
        warnings.append(f"{where}: {what} of {value:.2f} days {how} {days} (plans count whole days)")
    return days


def days_up(value: float, where: str, what: str) -> int:
    """`value` days, any part of a day rounded up to the day it touches (a part-day lead, a negative
    lag, to the day nearer zero); refused as `whole_days` refuses it."""
    # 16 hours on an 8-hour day is 2 days, not 2.0000000001 (rounded as `domain.durations` rounds it)
    return math.ceil(round(_held(value, where, what), 9))


def _held(value: float, where: str, what: str) -> float:
    if not math.isfinite(value) or abs(value) > MAX_DURATION_DAYS:
        shown = f"{value:,.0f} days" if math.isfinite(value) else "an endless number of days"
        raise PlannerError("duration.too_long", f"{where}: {what} of {shown} is longer than a plan can hold "
                           f"({MAX_DURATION_DAYS:,} days, 300 years)")
    return value


def day_or_none(moment: datetime | None, convert) -> date | None:
    """Apply a start/finish conversion to a moment that may be absent."""
    return convert(moment) if moment is not None else None
