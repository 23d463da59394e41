"""Parsing a large file in a worker process while this one reads its tasks: both cores at work.

`parse_untrusted` (every limit and refusal of `xml_safe`, unchanged) runs in a forked child; each
task it hands over is sent back as a `task_record`, fifty at a time, over a pipe as
`marshal` data (tuples of strings, C speed both ways), and read here in file order as it arrives.
The elements outside the tasks are sent the same way: the root as built when the first task
arrives (the header, calendars and custom field definitions the tasks need), and the whole root
at the end. A refusal or error of the child is sent in its place in the stream, after the tasks
handed over before it, so this process raises it at the moment the single path would have: after
reading those tasks, with the same code and words. A task this process refuses stops the child.

A file whose task list is written as MS Project writes it goes the short way (`plain_file`): the
same messages, made without an element per tag, most tasks sent as only what `plain_task.read_plain`
takes of them (their records read again from the file's text where needed: `task_text`). Where that
way finds the file not plain, or refused by its checks, the child says so ("not plain") and this
process reads the file again the usual way (`NotPlain`); a task this process refuses meanwhile is
refused only once the child has found the whole file plain (else the usual way says which comes first).

Only where it is safe and worth it (`worthwhile`): a file of some megabytes, a system that forks,
and a process with no other thread (a thread holding a lock at the fork would leave the child stuck),
which is the command line's `import`, not the window.
"""

from __future__ import annotations

import marshal
import os
import signal
import struct
import sys
import threading
import xml.etree.ElementTree as ET
from collections.abc import Callable
from itertools import repeat
from pathlib import Path
from typing import Any, BinaryIO

from ...domain import PlannerError
from .plain_file import send_plain
from .task_record import TaskRecord, task_record
from .task_text import FileText, TaskText
from .xml_safe import parse_untrusted, refuse_oversized_file

MIN_BYTES = 16 << 20  # below this (a few thousand tasks) a process costs more than it saves
# Tasks per message: a batch is marshalled while its records are still in the processor's cache (500 at a
# time cost the worker about a seventh more CPU time at 100,000 tasks; bench/README.md).
_BATCH = 50
_HEADER = struct.Struct("<Q")
_PIPE_BYTES = 1 << 20  # what Linux lets any process ask for (/proc/sys/fs/pipe-max-size)
# (root built so far, task (or where its text is, if sent without it), its `plain_task.prepared` reading if
# the worker made it) -> None
RecordHandler = Callable[[ET.Element, TaskRecord | TaskText, Any], None]
PLAIN = True  # whether a file is tried the short way first (off: the element tree's way alone)


class NotPlain(Exception):
    """The short way did not read the file: read it again the usual way (see the module docstring)."""


def worthwhile(path: str | Path) -> bool:
    try:
        size = Path(path).stat().st_size
    except OSError:
        return False  # the single path says why
    # Qt runs threads of its own that `threading` does not count: the window reads in one process.
    alone = threading.active_count() == 1 and "PySide6.QtCore" not in sys.modules
    return size >= MIN_BYTES and hasattr(os, "fork") and alone


def tree_record(element: ET.Element) -> tuple:
    """An element and everything under it as nested (tag, text, children) tuples."""
    return element.tag, element.text, [tree_record(child) for child in element]


def tree_of(record: tuple) -> ET.Element:
    tag, text, children = record
    element = ET.Element(tag)
    element.text = text
    element.extend([tree_of(child) for child in children])
    return element


def parse_in_worker(path: str | Path, max_tasks: int, on_task: RecordHandler,
                    max_links: int | None = None, plain: bool = False) -> ET.Element:
    """What `parse_untrusted(path, max_tasks, ..., max_links)` returns, with `on_task` called with each
    task's record in file order, the file being parsed in a child process; raises what it would raise.

    The count of the file's elements, tasks and links that refuses an oversized file before any task is
    read runs here while the child parses (that pass is a twelfth of the child's work), and only then
    are the child's tasks read: a refusal comes before any task is read, as in one process."""
    read_end, write_end = os.pipe()
    _widen(write_end)
    pid = os.fork()
    if pid == 0:  # the child: parse, send, and leave without running anything of the parent's
        os.close(read_end)
        code = 1
        try:
            with open(write_end, "wb", buffering=1 << 20) as stream:
                if not plain:
                    _parse_and_send(path, max_tasks, stream, max_links)
                elif not send_plain(path, lambda message: _send(stream, message), max_tasks, max_links):
                    _send(stream, ("not plain",))
            code = 0
        finally:
            os._exit(code)
    os.close(write_end)
    file = FileText(path)  # a task sent without its record is read from it again if need be (`task_text`)
    try:
        with open(read_end, "rb", buffering=1 << 20) as stream:
            refuse_oversized_file(path, max_tasks, max_links, counted=not plain)  # the short way counts as it goes
            return _receive(stream, on_task, file, plain)
    finally:
        file.close()
        _stop(pid)


def _widen(pipe: int) -> None:
    """Let the child run a few batches ahead (a pipe holds 64 KiB, an eighth of a batch, by default)."""
    try:
        import fcntl  # not on Windows, where `worthwhile` is false (no fork)

        fcntl.fcntl(pipe, fcntl.F_SETPIPE_SZ, _PIPE_BYTES)
    except (ImportError, AttributeError, OSError):  # not Linux, or more than the system allows: the default will do
        pass


def _send(stream: BinaryIO, message: tuple) -> None:
    data = marshal.dumps(message)
    stream.write(_HEADER.pack(len(data)))
    stream.write(data)


def _parse_and_send(path: str | Path, max_tasks: int, stream: BinaryIO, max_links: int | None) -> None:
    batch: list[TaskRecord] = []

    def take(root: ET.Element, task: ET.Element) -> None:
        if not started:
            started.append(True)  # the tasks' list itself is sent empty: only its place is read
            _send(stream, ("root", tree_record(_without_tasks(root))))
        batch.append(task_record(task))
        if len(batch) >= _BATCH:
            _send(stream, ("tasks", batch))
            batch.clear()

    started: list[bool] = []
    try:
        root = parse_untrusted(path, max_tasks, take, max_links, prechecked=True)
        message: tuple = ("end", tree_record(root))
    except PlannerError as refusal:
        message = ("refused", refusal.code, refusal.message)
    except Exception as exc:  # noqa: BLE001 - raised here as the single path raises it (see `_receive`)
        message = ("failed", type(exc).__name__, str(exc))
    if batch:
        _send(stream, ("tasks", batch))
    _send(stream, message)


def _without_tasks(root: ET.Element) -> ET.Element:
    shallow = ET.Element(root.tag)
    shallow.text = root.text
    shallow.extend([ET.Element(child.tag) if child.tag == "Tasks" else child for child in root])
    return shallow


def _receive(stream: BinaryIO, on_task: RecordHandler, file: FileText, plain: bool) -> ET.Element:
    root = ET.Element("none")
    name = file.name
    refused: list[Exception] = []  # a task refused on the short way: raised once the file is known plain
    while True:
        header = stream.read(_HEADER.size)
        size = _HEADER.unpack(header)[0] if len(header) == _HEADER.size else -1
        data = stream.read(size) if size > 0 else b""
        if len(data) != size:  # the child died without a word (killed, out of memory)
            raise PlannerError("import.bad_file", f"{name}: could not be read (the process reading it stopped)")
        kind, *body = marshal.loads(data)
        if kind == "tasks" and not refused:
            records = body[0] if len(body) < 3 else file.stretch(body[2], body[3]).records(body[0])
            try:
                for record, ready in zip(records, body[1] if len(body) > 1 else repeat(None)):
                    on_task(root, record, ready)
            except Exception as exc:
                if not plain:
                    raise
                refused.append(exc)
        elif kind == "root":
            root = tree_of(body[0])
        elif kind == "end":
            if refused:
                raise refused[0]
            return tree_of(body[0])
        elif kind == "not plain":
            raise NotPlain
        elif kind == "refused":
            raise PlannerError(body[0], body[1])
        elif kind != "tasks":
            raise _UNEXPECTED_BY_NAME.get(body[0], RuntimeError)(body[1])


_UNEXPECTED_BY_NAME: dict[str, type[Exception]] = {
    kind.__name__: kind for kind in (ValueError, TypeError, KeyError, IndexError, AttributeError,
                                     OverflowError, RecursionError)}


def _stop(pid: int) -> None:
    """End the child if it is still at work (this process refused a task), and collect it."""
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)
