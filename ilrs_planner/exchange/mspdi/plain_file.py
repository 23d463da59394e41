"""The worker's short way through a large file whose task list is written plainly (as MS Project
writes it): no element built per tag, nor a Python call per element.

Three passes make what `parse_untrusted` would make of the file, each in C for its bulk:
  - the file without its task list's content (`<Tasks></Tasks>`) is parsed as before, every limit and
    refusal of `xml_safe` applied: the plan's header, calendars, resources and assignments, and the
    offset where the task list opens, which must be the one these bytes were cut at;
  - the task list's content is read by `task_scan` into the tasks' records, a stretch at a time, and
    sent with what the reading process takes of each (`plain_task.prepared`), most without their
    records (where it needs one after all, it reads the task again from the file's text: `task_text`);
  - the whole file goes through expat with no callback but those refusing a DOCTYPE or an entity
    declaration, in a process of its own while the task list is read: the check that it is
    well-formed, by which `task_scan`'s reading is the element tree's (see there); its answer is
    awaited before the end is sent.
Anything that is not so (a refusal of either parse, a task list not written plainly, a text encoding
other than UTF-8) answers False, after which the caller reads the file as before: the plan, its
warnings and any refusal (code, words, line and column) are those of the element tree's way.
"""

from __future__ import annotations

import mmap
import os
import re
import signal
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

from .foreign_fields import ForeignFields
from .layout_readings import LayoutReadings
from .plain_task import needs_record, prepared
from .precheck import counts as precheck_counts
from .read_header import custom_field_map
from .task_layouts import Layouts
from .task_record import TaskRecord
from .task_scan import scan_taking, task_list_text
from .task_text import spans_of
from .xml_safe import MAX_ELEMENTS, MAX_TASK_ELEMENTS, guarded_parser, parse_chunks

Send = Callable[[tuple], None]
_OPEN, _CLOSE, _END_TASK, _LINK = b"<Tasks>", b"</Tasks>", b"</Task>", b"<PredecessorLink>"
_CHECKED = 1 << 20  # bytes handed to the whole file's check at a time
_STRETCH = 64 << 10  # the tasks of some 64 KB at a time (some 40): sent while still in the processor's cache
# The declaration, if any, must leave the encoding UTF-8 (a UTF-8 byte order mark may precede it).
_DECLARATION = re.compile(rb"(?:\xef\xbb\xbf)?<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]*)[\"']")
_PLAIN_START = re.compile(rb"(?:\xef\xbb\xbf)?<[^\x00]")  # not UTF-16 nor UTF-32


class _Other(Exception):
    """A task list that is not the one these bytes were cut at, or a second one."""


class _Counts:
    """The file's elements, tasks and links as `precheck` counts them (start tags, `<Task>`, `<PredecessorLink>`),
    added up as the file is read: False once more than it allows (the usual way then refuses the file)."""

    def __init__(self, max_tasks: int, max_links: int | None):
        self.most = (MAX_ELEMENTS, max_tasks, max_links if max_links is not None else float("inf"))
        self.found = [0, 0, 0]

    def within(self, elements: int, tasks: int, links: int) -> bool:
        self.found = [self.found[0] + elements, self.found[1] + tasks, self.found[2] + links]
        return all(found <= most for found, most in zip(self.found, self.most))


def send_plain(path: str | Path, send: Send, max_tasks: int, max_links: int | None) -> bool:
    """Send the root as built before the first task, each stretch's task records and the root at the
    end, as `parse_worker` sends them; False if the file is not plain (see the module docstring) or has
    more elements, tasks or links than `precheck` lets through."""
    try:
        with open(path, "rb") as file, mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ) as data:
            return _send_plain(data, send, _Counts(max_tasks, max_links))
    except Exception:  # noqa: BLE001 - any refusal or oddity: the caller reads the file the usual way
        return False


def _send_plain(data: mmap.mmap, send: Send, counts: _Counts) -> bool:
    bounds = _list_bounds(data)
    if bounds is None:
        return False
    opened, start, end = bounds
    if not counts.within(*precheck_counts(data[:start])):
        return False
    root = _outside_tasks(data, opened, start, end)
    checker = _WholeFileCheck(data)
    try:
        return _send_tasks(data, send, counts, root, (start, end), checker)
    finally:
        checker.stop()


def _send_tasks(data: mmap.mmap, send: Send, counts: _Counts, root: ET.Element, bounds: tuple[int, int],
                checker: _WholeFileCheck) -> bool:
    start, end = bounds
    sent = False
    position = start
    layouts = Layouts()  # the file's layouts, compiled as they recur (`task_layouts`)
    field_ids = custom_field_map(_before_tasks(root))  # as the reading process finds them
    # Records left out where `read_plain` takes what is sent: not where another plan's custom fields are
    # looked for in every record, nor where a field of no FieldID sends every task the general way.
    short = not ForeignFields(_before_tasks(root), field_ids).names and "" not in field_ids
    taken = LayoutReadings(field_ids) if short else None  # readings made from a layout's match, without records
    while position < end:
        stop = data.find(_END_TASK, min(position + _STRETCH, end), end)
        stop = end if stop < 0 else stop + len(_END_TASK)
        stretch = data[position:stop]
        spans: list[tuple[int, int]] = []
        marks = stretch.count(b"<")  # counted once, for `scan_taking`'s bound and the file's (`_Counts`)
        records = scan_taking(task_list_text(stretch), MAX_TASK_ELEMENTS, layouts, spans, taken, marks)
        # Every "<" of a plain stretch opens or closes an element; every "<Task>" opens a task.
        if records is None or not counts.within(marks // 2, len(records), stretch.count(_LINK)):
            return False
        if records and not sent:
            send(("root", _tree_record(_before_tasks(root))))
            sent = True
        if records:  # each with what the reading can take ready-made, the record itself only if need be
            send(_tasks_message(field_ids, records, taken, (position, stop), spans))
        if checker.failed():
            return False
        position = stop
    if not counts.within(*precheck_counts(data[end:])) or not checker.passed():
        return False
    send(("end", _tree_record(root)))
    return True


def _tasks_message(field_ids: dict[str, str], records: list[TaskRecord | None], taken: LayoutReadings | None,
                   bounds: tuple[int, int], spans: list[tuple[int, int]]) -> tuple:
    """A stretch's tasks as sent: each with its `plain_task.prepared` reading (made by `taken` where its
    record was never made: None in its place), its record left out (None) where that reading is all
    `read_plain` takes of it (`taken`: the file allows that), with where the stretch lies in the file and
    where each task's text lies in it (`task_text`)."""
    made = iter(taken.made if taken is not None else ())
    ready = [prepared(field_ids, record) if record is not None else next(made) for record in records]
    if taken is not None:
        taken.made.clear()
        records = [None if record is None or not needs_record(record, reading) else record
                   for record, reading in zip(records, ready)]
    return "tasks", records, ready, bounds, spans_of(spans)


class _WholeFileCheck:
    """expat over the whole file, with no callback but those refusing a DOCTYPE or an entity declaration,
    in a process of its own beside the task list's reading (the machine's other core shares the two)."""

    def __init__(self, data: mmap.mmap):
        self.status: int | None = None
        parent = os.getpid()
        self.pid = os.fork()
        if self.pid == 0:  # the checking process: its answer is its exit status
            code = 1
            try:
                parser = guarded_parser()
                for at in range(0, len(data), _CHECKED):
                    if os.getppid() != parent:  # the reading stopped (its process was ended): so does this
                        break
                    parser.Parse(data[at:at + _CHECKED], False)
                else:
                    parser.Parse(b"", True)
                    code = 0
            finally:
                os._exit(code)

    def failed(self) -> bool:
        """Whether the check has ended and found the file not well-formed (or refused it)."""
        if self.status is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            self.status = status if pid else None
        return self.status is not None and self.status != 0

    def passed(self) -> bool:
        """Whether the whole file is well-formed and refused nothing (waits for the check to end)."""
        if self.status is None:
            self.status = os.waitpid(self.pid, 0)[1]
        return self.status == 0

    def stop(self) -> None:
        if self.status is None:
            os.kill(self.pid, signal.SIGKILL)
            self.status = os.waitpid(self.pid, 0)[1]


def _list_bounds(data: mmap.mmap) -> tuple[int, int, int] | None:
    """Where `<Tasks>` starts, where its content starts and ends; None if the file's encoding is not
    UTF-8 or it has no such list written plainly."""
    head = data[:512]
    declared = _DECLARATION.match(head)
    if declared is not None and declared[1].lower() != b"utf-8" or not _PLAIN_START.match(head):
        return None
    opened = data.find(_OPEN)
    # The last `</Tasks>`, found from the end: the first after `<Tasks>` was found by reading through the
    # whole list (0.1-0.3 s before the first task could be sent, the reading process waiting). Where
    # they differ, the content holds a `</Tasks>`, which no plain stretch does (`scan` answers None).
    end = data.rfind(_CLOSE, opened) if opened >= 0 else -1
    return (opened, opened + len(_OPEN), end) if end >= 0 else None


def _outside_tasks(data: mmap.mmap, opened: int, start: int, end: int) -> ET.Element:
    """The root, parsed (with every check) from the file with its task list emptied."""
    lists: list[int] = []

    def another_list(_root: ET.Element, _task: ET.Element) -> None:
        raise _Other

    root = parse_chunks([data[:start], data[end:]], another_list, lists.append)
    if lists != [opened]:
        raise _Other
    return root


def _before_tasks(root: ET.Element) -> ET.Element:
    """The root as it stood when its first task was read: its children up to the (empty) task list."""
    shallow = ET.Element(root.tag)
    shallow.text = root.text
    for child in root:
        if child.tag == "Tasks":
            shallow.append(ET.Element("Tasks"))
            break
        shallow.append(child)
    return shallow


def _tree_record(element: ET.Element) -> tuple:
    return element.tag, element.text, [_tree_record(child) for child in element]
