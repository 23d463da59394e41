"""A task written as MS Project writes it, read in one pass without the general path's calls.

`read_plain` reads a task's record (see `task_record`) when every field it takes is in the form MS
Project writes it: a decimal UID and outline level that opens no gap, digits for the integers, 19-
character stamps, whole-hour durations of whole days, short printable texts, a constraint with its
date, flags 0 or 1, no manual scheduling (a file's field positions are found once per order of a
task's children, `_Layout`). Each of those readings is one the general path (`TaskReader.read_one`)
makes without a word, so the task, its fields, and the state the reader keeps are the same.
Anything else, or anything the general path would warn about, answers False before any state
changes, and the caller reads the record the general way. What is said or kept by the steps that
follow the fields (the key made unique, the links' texts, the links read early, the baselines) is
done by the general path's own code, in its order, so the warnings come in the same order too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields as dataclass_fields
from datetime import date, datetime
from operator import itemgetter

from ...domain import Classification, ConstraintType, PlannerError, Precision, Task, TaskKind, parse_iso_date
from ...domain.dates import MAX_YEAR, MIN_YEAR
from ...domain.durations import MAX_DURATION_DAYS
from .helpers import FINISH_CONSTRAINTS, deadline_from_stamp, finish_from_stamp, start_from_stamp
from .read_links import LinkTexts, link_texts, plain_link_texts
from .read_tasks import _FIELD_AND_VALUE, _ID_TEXT, TaskReader
from .task_fields import _CLASSIFICATIONS, _CONFIDENCES, _KINDS, _PRECISIONS, CONSTRAINTS_BY_CODE
from .task_record import TaskRecord, first_of_each
from .values import ELAPSED_FORMATS, MAX_KNOWN_DAYS, SHORT_TEXT, plain_stamp

FAST = True  # off: every task takes the general path (the tests compare the two)
_DIGITS = 15  # an integer of up to this many digits is read exactly (`Fields.integer`)
_FLAGS = {None: False, "0": False, "1": True}  # a flag absent or as MS Project writes it
# The child texts a task's fields take, in the order `_Layout.texts` gives them.
_TAGS = ("UID", "OutlineLevel", "IsNull", "Manual", "Milestone", "Name", "WBS", "DurationFormat", "Duration",
         "ConstraintType", "ConstraintDate", "ActualStart", "ActualFinish", "Deadline", "PercentComplete",
         "CalendarUID", "HyperlinkAddress", "Notes", "Start", "Finish")
_ABSENT = (None,)  # what a tag the task lacks gives: its index is one past the task's children
_MOST_LAYOUTS = 4096  # distinct orders of children kept (a file has some tens)
Prepared = tuple[dict[str, str], list[tuple[str, ...] | None]]  # see `prepared`
_new_tuple = tuple.__new__  # a link's `plain_link_texts` as its `LinkTexts`, without `_make`'s two calls
_DATED = frozenset(kind for kind in ConstraintType if kind.dated)
# `Task`'s fields in its order, which `_add` passes them in (a test compares the two paths' tasks).
_TASK_FIELDS = ("key", "name", "duration", "kind", "id", "parent_id", "position", "owner_id", "constraint",
                "constraint_date", "deadline", "actual_start", "actual_finish", "percent_complete", "precision",
                "optimistic", "most_likely", "pessimistic", "classification", "source_url", "notes", "calendar_id",
                "elapsed", "key_milestone", "confidence", "source_date", "manual", "manual_start",
                "manual_start_at_day_end")
if tuple(field.name for field in dataclass_fields(Task)) != _TASK_FIELDS:
    raise ImportError("plain_task: Task's fields changed; make _add pass them in the new order")


class _NotPlain(Exception):
    """A field not as MS Project writes it, or one the general path would warn about."""


class _Layout:
    """Where a task's fields are among its children, for one order of their tags: `texts` picks the
    first child of each of `_TAGS` (as `find` does) from the texts with `_ABSENT` added."""

    __slots__ = ("texts", "attributes", "links", "baselines")

    def __init__(self, tags: tuple[str, ...]):
        firsts: dict[str, int] = {}
        for index, tag in enumerate(tags):
            firsts.setdefault(tag, index)
        self.texts = itemgetter(*[firsts.get(tag, len(tags)) for tag in _TAGS])
        self.attributes = [index for index, tag in enumerate(tags) if tag == "ExtendedAttribute"]
        self.links = [index for index, tag in enumerate(tags) if tag == "PredecessorLink"]
        self.baselines = "Baseline" in firsts


_layouts: dict[tuple[str, ...], _Layout] = {}
# The tags' tuple last looked up and its layout, as one tuple: read and replaced whole, so two files read
# on two threads at once never pair one file's tags with the other's layout.
_last: tuple[tuple[str, ...] | None, _Layout | None] = (None, None)


def _layout(tags: tuple[str, ...]) -> _Layout:
    global _last
    last_tags, last_layout = _last
    if tags is last_tags and last_layout is not None:  # most tasks share their tags' tuple with the one before
        return last_layout
    layout = _layouts.get(tags)
    if layout is None:
        layout = _Layout(tags)
        if len(_layouts) < _MOST_LAYOUTS:
            _layouts[tags] = layout
    _last = tags, layout
    return layout


def prepared(field_ids: dict[str, str], record: TaskRecord) -> Prepared:
    """What `read_plain` reads of `record` that needs nothing of the reader's state but its custom
    fields (`field_ids`): the custom fields' values and each link's `plain_link_texts`. Made in the
    worker process beside the reading of the tasks before (`plain_file`), which then has less to do."""
    _, _, belows = record
    layout = _layout(record[0])
    return (_custom(field_ids, [belows[index] for index in layout.attributes]),
            [plain_link_texts(belows[index]) for index in layout.links])


def read_plain(tasks: TaskReader, record: TaskRecord, ready: Prepared | None = None) -> bool:
    """Read `record` into `tasks` as `read_one` would, or answer False having changed nothing;
    `ready`: its `prepared` reading, made with the same custom fields, if made elsewhere."""
    if not FAST:
        return False
    tags, texts, belows = record
    layout = _layout(tags)
    values = layout.texts(texts + _ABSENT)
    try:
        uid, level = _uid(values[0]), _integer(values[1], 0)
        if uid == "0" or uid in tasks.by_uid or not 1 <= level <= len(tasks.parents) + 1:
            return False  # the project summary task, a repeated task, a level 0 or a skipped level
        if _FLAGS[values[2]] or _FLAGS[values[3]]:
            return False  # a null task, a manually scheduled one
        links = [belows[index] for index in layout.links]
        custom, plain_links = ready or prepared(tasks.fields, record)
        if "" in tasks.fields:
            return False  # a field of no FieldID would take the custom fields that have no children
        fields = _fields(tasks, values, custom, uid)
    except (_NotPlain, KeyError, PlannerError):  # PlannerError: a source date that is not one
        return False
    del tasks.parents[level - 1:]
    parent_id = tasks.parents[-1] if tasks.parents else None
    tasks.parents.append(_add(tasks, record, fields, custom, (links, plain_links), layout.baselines, uid, parent_id))
    return True


def _uid(uid: str | None) -> str:
    if uid is None or len(uid) > _DIGITS or not uid.isdecimal():
        raise _NotPlain
    return uid


def _integer(raw: str | None, default: int) -> int:
    if raw is None:
        return default
    if len(raw) > _DIGITS or not raw.isdecimal():
        raise _NotPlain
    return int(raw)


def _text(raw: str | None) -> str:
    """A text as `Fields.text` gives it (not Notes) when it has nothing to clean nor cut."""
    if raw is None:
        return ""
    if len(raw) > SHORT_TEXT or not raw.isprintable():
        raise _NotPlain
    return raw.strip()


def _custom(field_ids: dict[str, str], attributes: list) -> dict[str, str]:
    """The custom fields' values by field, as `TaskReader._custom` reads them (a childless one is none)."""
    custom: dict[str, str] = {}
    for below in attributes:
        if not below:
            continue
        if below[0] == _FIELD_AND_VALUE:
            field_id, value = below[1]
        else:
            found = first_of_each(below)
            field_id, value = found.get("FieldID") or "", found.get("Value") or ""
        field = field_ids.get(field_id.strip())
        if field:
            custom[field] = value.strip()
    return custom


def _day(raw: str | None, convert: Callable[[datetime], date], known: dict[str, date]) -> date | None:
    """`Fields.day` for a stamp as MS Project writes it (or none)."""
    if raw is None:
        return None
    day = known.get(raw)
    if day is not None:
        return day
    value = plain_stamp(raw) if len(raw) == 19 else None
    if value is None:
        raise _NotPlain
    day = convert(value)
    if day.year > MAX_YEAR or day.year < MIN_YEAR:  # a finish at the end of 2200: the general path warns
        raise _NotPlain
    if len(known) < MAX_KNOWN_DAYS:
        known[raw] = day
    return day


def _fields(tasks: TaskReader, values: tuple, custom: dict[str, str], uid: str) -> tuple:
    """The task's own fields from its texts in `_TAGS` order, in `Task`'s order (see `_add`) from its
    name to its source date, then its key, stored start and stored finish."""
    (_, _, _, _, milestone, name, wbs, duration_format, duration_text, constraint_code, constraint_date,
     actual_start_text, actual_finish_text, deadline, percent, calendar, hyperlink, notes, start, finish) = values
    fmt = _integer(duration_format, 7)
    elapsed = fmt in ELAPSED_FORMATS
    duration = _duration(duration_text, 1440 if elapsed else tasks.minutes_per_day)
    constraint = CONSTRAINTS_BY_CODE[_integer(constraint_code, 0)]  # KeyError: a code the general path warns of
    starts, finishes = tasks.start_days, tasks.finish_days
    if constraint in FINISH_CONSTRAINTS:
        day = _day(constraint_date, finish_from_stamp, finishes)
    else:
        day = _day(constraint_date, start_from_stamp, starts)
    dated = constraint in _DATED
    if dated and day is None:
        raise _NotPlain
    actual_start = _day(actual_start_text, start_from_stamp, starts)
    actual_finish = _day(actual_finish_text, finish_from_stamp, finishes)
    if actual_start and actual_finish and actual_finish < actual_start or _FLAGS[milestone] and duration > 0:
        raise _NotPlain
    if notes is not None and (len(notes) > SHORT_TEXT or not notes.isprintable()):
        raise _NotPlain
    source_date = custom.get("source_date", "")
    return ((_text(name) or "(unnamed)")[:512], duration, constraint, day if dated else None,
            _day(deadline, deadline_from_stamp, tasks.deadline_days), actual_start, actual_finish,
            min(max(_integer(percent, 0), 0), 100), _text(hyperlink), notes or "",
            tasks.calendars.get(_text(calendar)), elapsed,
            parse_iso_date(source_date) if source_date else None,  # a bad one: the general path's
            custom.get("key") or _text(wbs) or f"T{uid}",
            # A stamp already read is found without a call (a day is never false)
            starts.get(start) or _day(start, start_from_stamp, starts),
            finishes.get(finish) or _day(finish, finish_from_stamp, finishes))


def _duration(raw: str | None, per_day: int) -> int:
    """Whole days of a whole-hour duration that is a whole number of days within bounds, or none."""
    if not raw:
        return 0
    if raw.startswith("PT") and raw.endswith("H0M0S") and raw[2:-5].isdecimal() and len(raw) < 40:
        days, rest = divmod(60 * int(raw[2:-5]), per_day)
        if not rest and days <= MAX_DURATION_DAYS:
            return days
    raise _NotPlain


def _add(tasks: TaskReader, record: TaskRecord, fields: tuple, custom: dict[str, str], links: tuple[list, list],
         baselines: bool, uid: str, parent_id: str | None) -> str:
    """Make the task and keep what the reader keeps of it, in the order `TaskReader._task` does."""
    where = f"task UID {uid}"
    task_id = custom.get("id", "")
    if not _ID_TEXT.fullmatch(task_id) or task_id in tasks.project.tasks:
        task_id = next(tasks.ids)
    (name, duration, constraint, constraint_date, deadline, actual_start, actual_finish, percent, source_url, notes,
     calendar_id, elapsed, source_date, key, start, finish) = fields
    key = tasks._unique_key(key, where)
    kind = custom.get("kind", "")
    estimate = custom.get("estimate", "").split("/")
    optimistic = most_likely = pessimistic = None
    if len(estimate) == 3 and all(v.isdigit() for v in estimate):
        optimistic, most_likely, pessimistic = map(int, estimate)
    # Every field by position, in `Task`'s order (`_TASK_FIELDS`): keywords cost five times as much.
    task = Task(key, name, duration, _KINDS.get(kind, TaskKind.MILESTONE if duration == 0 else TaskKind.TASK),
                task_id, parent_id, tasks._next_position(parent_id), None, constraint, constraint_date, deadline,
                actual_start, actual_finish, percent, _PRECISIONS.get(custom.get("precision", ""), Precision.DAY),
                optimistic, most_likely, pessimistic,
                _CLASSIFICATIONS.get(custom.get("classification", ""), Classification.PUBLIC), source_url, notes,
                calendar_id, elapsed, custom.get("key_milestone", "") == "yes",
                _CONFIDENCES.get(custom.get("confidence", "")), source_date, False, None, False)
    if start is not None and (tasks.earliest_start is None or start < tasks.earliest_start):
        tasks.earliest_start = start
    if start is not None and finish is not None:
        tasks.stored[task_id] = (start, max(finish, start))
    if kind in _KINDS:
        tasks.explicit_kind.add(task_id)
    if custom.get("owner"):
        tasks.owner_keys[task_id] = (custom["owner"], where)
    tasks.project.add_task(task)
    tasks.by_uid[uid] = task_id
    tasks.pending_links += [(task_id, link_texts(tasks.reader, link, where) if plain is None
                             else _new_tuple(LinkTexts, plain), where) for link, plain in zip(*links)]
    tasks.early_links.take(tasks, task_id)
    if baselines:
        tasks._task_baselines(task_id, record, where)
    if custom.get("summary_duration", "").isdigit():
        tasks.summary_durations[task_id] = int(custom["summary_duration"])
    return task_id
