"""A task written as MS Project writes it, read in one pass without the general path's calls.

`read_plain` reads a task's record (see `task_record`) when every field it takes is in the form MS
Project writes it: a decimal UID and outline level that opens no gap, digits for the integers, 19-
character stamps, whole-hour durations of whole days, short printable texts, a constraint with its
date, flags 0 or 1, no manual scheduling (a file's field positions are found once per order of a
task's children, `_Layout`; the fields' texts are read in `plain_fields`). Each of those readings is
one the general path (`TaskReader.read_one`) makes without a word, so the task, its fields, and the
state the reader keeps are the same. Anything else, or anything the general path would warn about,
answers False before any state changes, and the caller reads the record the general way. What is
said or kept by the steps that follow the fields (the key made unique, the links' texts, the links
read early, the baselines) is done by the general path's own code, in its order, so the warnings
come in the same order too.
"""

from __future__ import annotations

from dataclasses import fields as dataclass_fields
from operator import itemgetter

from ...domain import Classification, PlannerError, Precision, Task, TaskKind
from .plain_fields import DIGITS, NotPlain, own_fields
from .read_links import link_texts, plain_link_texts
from .read_tasks import _FIELD_AND_VALUE, _ID_TEXT, TaskReader
from .task_fields import _CLASSIFICATIONS, _CONFIDENCES, _KINDS, _PRECISIONS
from .task_record import TaskRecord, first_of_each
from .task_text import TaskText

FAST = True  # off: every task takes the general path (the tests compare the two)
_UNSET = (None, "0")  # a flag absent or written unset
# Members read once: a member read from its enumeration costs a quarter of a microsecond on Python 3.11.
_TASK, _MILESTONE, _DAY, _PUBLIC = TaskKind.TASK, TaskKind.MILESTONE, Precision.DAY, Classification.PUBLIC
# The child texts a task's fields take, in the order `_Layout.texts` gives them.
_TAGS = ("UID", "OutlineLevel", "IsNull", "Manual", "Milestone", "Name", "WBS", "DurationFormat", "Duration",
         "ConstraintType", "ConstraintDate", "ActualStart", "ActualFinish", "Deadline", "PercentComplete",
         "CalendarUID", "HyperlinkAddress", "Notes", "Start", "Finish")
_ABSENT = (None,)  # what a tag the task lacks gives: its index is one past the task's children
_MOST_LAYOUTS = 4096  # distinct orders of children kept (a file has some tens)
# A task's own fields' texts (in `_TAGS` order), its custom fields' values, its links' `plain_link_texts`
Prepared = tuple[tuple[str | None, ...], dict[str, str], list[tuple[str, ...] | None]]  # see `prepared`
# `Task`'s fields in its order, which `_add` passes them in (a test compares the two paths' tasks).
_TASK_FIELDS = ("key", "name", "duration", "kind", "id", "parent_id", "position", "owner_id", "constraint",
                "constraint_date", "deadline", "actual_start", "actual_finish", "percent_complete", "precision",
                "optimistic", "most_likely", "pessimistic", "classification", "source_url", "notes", "calendar_id",
                "elapsed", "key_milestone", "confidence", "source_date", "manual", "manual_start",
                "manual_start_at_day_end")
if tuple(field.name for field in dataclass_fields(Task)) != _TASK_FIELDS:
    raise ImportError("plain_task: Task's fields changed; make _add pass them in the new order")


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
    fields (`field_ids`): the texts of its own fields (`_TAGS`), the custom fields' values and each
    link's `plain_link_texts`. Made in the worker process beside the reading of the tasks before
    (`plain_file`), which then has less to do, and sends the record itself only where `needs_record`."""
    tags, texts, belows = record
    layout = _layout(tags)
    return (layout.texts(texts + _ABSENT), _custom(field_ids, [belows[index] for index in layout.attributes]),
            [plain_link_texts(belows[index]) for index in layout.links])


def needs_record(record: TaskRecord, ready: Prepared) -> bool:
    """Whether `read_plain` reads more of the task than `ready` holds even when it takes the task: a
    link not written plainly, or baselines. (Where it leaves the task to the general path, the reading
    process reads the record again from the file's text: `task_text`.)"""
    return None in ready[2] or _layout(record[0]).baselines


def read_plain(tasks: TaskReader, record: TaskRecord | TaskText, ready: Prepared) -> bool:
    """Read the task into `tasks` as `read_one` would read its `record`, or answer False having changed
    nothing; `ready`: its `prepared` reading, made with the same custom fields. Where the worker sent
    the task without its record (`needs_record`), `record` is where its text is (`TaskText`)."""
    if not FAST:
        return False
    values, custom, plain_links = ready[0], ready[1], ready[2]
    uid, level_text = values[0], values[1]
    if (uid is None or level_text is None or len(uid) > DIGITS or len(level_text) > DIGITS or not uid.isdecimal()
            or not level_text.isdecimal() or uid == "0" or uid in tasks.by_uid):
        return False  # not written as MS Project writes it, the project summary task, a repeated task
    level = int(level_text)
    if not 1 <= level <= len(tasks.parents) + 1 or values[2] not in _UNSET or values[3] not in _UNSET:
        return False  # a level 0 or a skipped level, a null task, a manually scheduled one
    if "" in tasks.fields:
        return False  # a field of no FieldID would take the custom fields that have no children
    try:
        fields = own_fields(tasks, values, custom, uid)
    except (NotPlain, KeyError, PlannerError):  # PlannerError: a source date that is not one
        return False
    del tasks.parents[level - 1:]
    parent_id = tasks.parents[-1] if tasks.parents else None
    layout = _layout(record[0]) if isinstance(record, tuple) else None
    tasks.parents.append(_add(tasks, record, fields, custom, plain_links, layout, uid, parent_id))
    return True


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


def _add(tasks: TaskReader, record: TaskRecord | TaskText, fields: tuple, custom: dict[str, str], plain_links: list,
         layout: _Layout | None, uid: str, parent_id: str | None) -> str:
    """Make the task and keep what the reader keeps of it, in the order `TaskReader._task` does (`layout`:
    its record's, None for a task sent without it, whose links are all plain and which has no baselines)."""
    where = f"task UID {uid}"
    task_id = custom.get("id", "")
    # An id of ASCII letters and digits alone (ours: 32 hex digits) is one `_ID_TEXT` takes, without its match.
    if (not (task_id.isalnum() and task_id.isascii() and len(task_id) <= 64) and not _ID_TEXT.fullmatch(task_id)
            or task_id in tasks.project.tasks):
        task_id = next(tasks.ids)
    (name, duration, constraint, constraint_date, deadline, actual_start, actual_finish, percent, source_url, notes,
     calendar_id, elapsed, source_date, key, start, finish) = fields
    if len(key) <= 100 and key not in tasks.keys:  # what `_unique_key` gives a key it has not given before
        tasks.keys.add(key)
    else:
        key = tasks._unique_key(key, where)
    kind = custom.get("kind", "")
    estimate = custom.get("estimate")
    optimistic = most_likely = pessimistic = None
    if estimate:
        parts = estimate.split("/")
        if len(parts) == 3 and all(v.isdigit() for v in parts):
            optimistic, most_likely, pessimistic = map(int, parts)
    position = tasks.child_count.get(parent_id, 0)  # as `_next_position` gives it
    tasks.child_count[parent_id] = position + 1
    # Every field by position, in `Task`'s order (`_TASK_FIELDS`): keywords cost five times as much.
    task = Task(key, name, duration, _KINDS.get(kind, _MILESTONE if duration == 0 else _TASK), task_id, parent_id,
                position, None, constraint, constraint_date, deadline, actual_start, actual_finish, percent,
                _PRECISIONS.get(custom.get("precision", ""), _DAY), optimistic, most_likely, pessimistic,
                _CLASSIFICATIONS.get(custom.get("classification", ""), _PUBLIC), source_url, notes, calendar_id,
                elapsed, custom.get("key_milestone", "") == "yes", _CONFIDENCES.get(custom.get("confidence", "")),
                source_date, False, None, False)
    if start is not None and (tasks.earliest_start is None or start < tasks.earliest_start):
        tasks.earliest_start = start
    if start is not None and finish is not None:
        tasks.stored[task_id] = (start, start if start > finish else finish)  # as `max(finish, start)`
    if kind in _KINDS:
        tasks.explicit_kind.add(task_id)
    if custom.get("owner"):
        tasks.owner_keys[task_id] = (custom["owner"], where)
    tasks.project.add_task(task)
    tasks.by_uid[uid] = task_id
    if plain_links:
        _pend_links(tasks, task_id, record, plain_links, layout, where)
    tasks.early_links.take(tasks, task_id)
    if layout is not None and layout.baselines and isinstance(record, tuple):
        tasks._task_baselines(task_id, record, where)
    summary_duration = custom.get("summary_duration")
    if summary_duration and summary_duration.isdigit():
        tasks.summary_durations[task_id] = int(summary_duration)
    return task_id


def _pend_links(tasks: TaskReader, task_id: str, record: TaskRecord | TaskText, plain_links: list,
                layout: _Layout | None, where: str) -> None:
    """The task's links' texts, waiting for every task to be known (`read_links`), in file order: a link
    as MS Project writes it by its `plain_link_texts` as sent, in `LinkTexts` order (not copied into a
    `LinkTexts`: 200,000 objects made and freed for nothing at 100,000 tasks)."""
    if None not in plain_links:  # every link as MS Project writes it
        tasks.pending_links += [(task_id, plain, where) for plain in plain_links]
        return
    assert isinstance(record, tuple) and layout is not None  # sent with its record (`needs_record`)
    belows = record[2]
    tasks.pending_links += [(task_id, link_texts(tasks.reader, belows[index], where) if plain is None else plain, where)
                            for index, plain in zip(layout.links, plain_links)]
