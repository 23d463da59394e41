"""A task the worker sent without its record, read again from the file's text where the reading process
needs the record after all.

On the short way (`plain_file`) the worker sends of most tasks only what `plain_task.read_plain` takes
(`plain_task.prepared`: a tenth of the texts, so a third of the bytes to send and unmake), with where
the task's text lies: the stretch of the file it was read from and the task's place in that stretch's
text. A task `read_plain` leaves to the general path (a repeated UID, a skipped level, a field not as
MS Project writes it) is then read again from that text by `task_scan`, which gives the record the
worker had: the same text read by the same rules (`scan` reads a task alike whether it is read with
others or alone, by its layout's pattern or child by child).
"""

from __future__ import annotations

import os
from array import array

from ...domain import PlannerError
from .task_record import TaskRecord
from .task_scan import scan, task_list_text
from .xml_safe import MAX_TASK_ELEMENTS


class FileText:
    """The file's text, a stretch at a time, read only when a task of that stretch is asked for."""

    def __init__(self, path: str | os.PathLike[str]):
        self.path, self.fd = path, -1
        self.bounds: tuple[int, int] = (0, 0)
        self.text: str | None = None

    def stretch(self, bounds: tuple[int, int], spans: bytes) -> Stretch:
        """The stretch of the file from byte `bounds[0]` to `bounds[1]`, its tasks' places in its text
        given as `spans` (`spans_of` of them)."""
        return Stretch(self, bounds, spans)

    def text_of(self, bounds: tuple[int, int]) -> str:
        """The text of the stretch from byte `bounds[0]` to `bounds[1]` ("" if it is no longer there)."""
        if bounds != self.bounds or self.text is None:
            start, stop = bounds
            try:
                if self.fd < 0:
                    self.fd = os.open(self.path, os.O_RDONLY)
                data = os.pread(self.fd, stop - start, start)
            except OSError as exc:
                raise PlannerError("import.bad_file", f"{self.name}: could not be read ({exc})") from None
            try:
                self.text = task_list_text(data) if len(data) == stop - start else ""
            except UnicodeDecodeError:  # it was UTF-8 when the worker read it
                self.text = ""
            self.bounds = bounds
        return self.text

    @property
    def name(self) -> str:
        return os.path.basename(self.path)

    def close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1


class Stretch:
    """One stretch of the file and its tasks' places in its text, as the worker read them."""

    __slots__ = ("file", "bounds", "spans")

    def __init__(self, file: FileText, bounds: tuple[int, int], spans: bytes):
        self.file, self.bounds, self.spans = file, bounds, spans

    def records(self, records: list[TaskRecord | None]) -> list[TaskRecord | TaskText]:
        """`records`, each left out (None) replaced by where its text is."""
        return [record if record is not None else TaskText(self, index) for index, record in enumerate(records)]


class TaskText:
    """Where the text of a task sent without its record is: the `index`th task of its stretch."""

    __slots__ = ("stretch", "index")

    def __init__(self, stretch: Stretch, index: int):
        self.stretch, self.index = stretch, index

    def record(self) -> TaskRecord:
        """The task's record, read again from the file's text (refused if that text changed meanwhile)."""
        places = array("I")
        places.frombytes(self.stretch.spans)
        start, stop = places[2 * self.index], places[2 * self.index + 1]
        text = self.stretch.file.text_of(self.stretch.bounds)
        records = scan(text[start:stop], MAX_TASK_ELEMENTS) if stop <= len(text) else None
        if not records or len(records) != 1:
            raise PlannerError("import.bad_file", f"{self.stretch.file.name}: could not be read (it changed while "
                               "it was being read)")
        return records[0]


def spans_of(spans: list[tuple[int, int]]) -> bytes:
    """Where each task's text starts and ends in its stretch's text (`task_scan.scan`'s spans), as sent."""
    return array("I", [place for span in spans for place in span]).tobytes()


def whole(record: TaskRecord | TaskText) -> TaskRecord:
    """A task's record, read again from the file's text if it was sent without it."""
    return record.record() if isinstance(record, TaskText) else record
