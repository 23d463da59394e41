"""Reading MSPDI into a plan (the mapping: see the package docstring). Untrusted input: refuse or warn, never crash."""

from __future__ import annotations

import contextlib
import gc
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

from ...domain import PlannerError
from ...domain.dates import MAX_YEAR, MIN_YEAR
from ..formats import ImportResult
from ..mpxj_run import convert_to_mspdi
from . import parse_worker
from .foreign_fields import ForeignFields
from .helpers import MINUTES_PER_DAY
from .parse_worker import NotPlain, parse_in_worker, worthwhile
from .plain_task import Prepared, prepared, read_plain
from .precheck import too_many_links
from .read_header import NO_START, add_calendars, custom_field_map, plan_header, start_from_tasks
from .read_resources import add_baselines, add_participants, baseline_register
from .read_splits import widen_split_tasks
from .read_tasks import TaskReader
from .task_record import TaskRecord, task_record
from .task_text import TaskText, whole
from .values import Reader
from .xml_safe import parse_untrusted

MAX_TASKS = 200_000
# Four dependencies a task, as the CSV import takes (`msp_csv.MAX_LINKS`): counted before the parse
# (`precheck`, the tags as MS Project writes them) and again as the tasks are read (any spelling).
MAX_LINKS = 4 * MAX_TASKS
_UNEXPECTED = (ValueError, TypeError, KeyError, IndexError, AttributeError, OverflowError, RecursionError)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while a file is read: the plan's hundreds of thousands of objects
    are all kept, so the collector's passes over them (hundreds at 100,000 tasks) would find nothing."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def read_mspdi(path: str | Path, loops_dropped: bool = True) -> ImportResult:
    """Read an MSPDI file into a plan, with warnings for everything not carried over.

    Without `loops_dropped`, the plan may hold a dependency loop (see `read_links.read_links`).
    The tasks are read as the parser reaches each one and then dropped from the XML tree, so
    the memory of an import is the plan's, not the file's tree (a tenth of it for 100,000 tasks).
    A large file is parsed in a second process while this one reads its tasks (`parse_worker`).
    """
    name = Path(path).name
    try:
        with _collector_paused():  # one pause for the parse and the end: on between them, the collector
            # walked every object the tasks made, twice (0.2-0.4 s at 100,000 tasks)
            root, stream = _parsed(path, name, loops_dropped)
            if root.tag == "APIBusinessObjects":  # Primavera P6 XML: MPXJ reads it, as MS Project XML
                return read_through_mpxj(Path(path), "Primavera P6 XML")
            if root.tag != "Project":
                raise PlannerError("import.bad_file", f"{name}: not an MS Project XML file "
                                   f"(its root element is <{root.tag[:40]}>, not <Project>)")
            return stream.finish(root)
    except _UNEXPECTED as exc:  # a shape no rule above anticipated: still a clear refusal
        raise PlannerError("import.bad_file", f"{name}: could not be read as a plan "
                           f"({type(exc).__name__}: {str(exc)[:200]})") from None


def _parsed(path: str | Path, name: str, loops_dropped: bool) -> tuple[ET.Element, _TaskStream]:
    """The file's root and its tasks read as the parser reached them."""
    stream = _TaskStream(name, loops_dropped)
    if not worthwhile(path):
        return parse_untrusted(path, MAX_TASKS, stream.take, MAX_LINKS), stream
    try:  # parsed in a second process while this one reads the tasks, the short way (`plain_file`) first
        return parse_in_worker(path, MAX_TASKS, stream.take_record, MAX_LINKS, plain=parse_worker.PLAIN), stream
    except NotPlain:  # read again the usual way, from the start
        stream = _TaskStream(name, loops_dropped)
        return parse_in_worker(path, MAX_TASKS, stream.take_record, MAX_LINKS), stream


class _TaskStream:
    """Reads each task as the parser closes it: the plan's header, calendars and custom field
    definitions precede the tasks in an MSPDI file, so they are read when the first task arrives."""

    def __init__(self, name: str, loops_dropped: bool):
        self.name, self.loops_dropped = name, loops_dropped
        self.warnings: list[str] = []
        self.reader = Reader(self.warnings)
        self.tasks: TaskReader | None = None
        self.foreign: ForeignFields | None = None
        self.seen_before_tasks: set[str] = set()

    def take(self, root: ET.Element, element: ET.Element) -> None:
        self.take_record(root, task_record(element))

    def take_record(self, root: ET.Element, record: TaskRecord | TaskText, ready: Prepared | None = None) -> None:
        """Read a task; `ready`: its `plain_task.prepared` reading if the worker made it, in which case the
        worker may have sent where its text is instead of its record (`task_text`)."""
        try:
            if self.tasks is None:
                self.tasks = self._begin(root)
            if ready is None:
                record = whole(record)
                ready = prepared(self.tasks.fields, record)
            if not read_plain(self.tasks, record, ready):  # as MS Project writes a task, else the general way
                self.tasks.read_one(whole(record))
            if self.foreign is not None and self.foreign.names:  # none: the worker may leave records out
                self.foreign.take(whole(record))
            if len(self.tasks.pending_links) > MAX_LINKS:
                raise too_many_links(self.name, MAX_LINKS)
        except _UNEXPECTED as exc:  # raised inside the parser's callback: named here, not as bad XML
            raise PlannerError("import.bad_file", f"{self.name}: could not be read as a plan "
                               f"({type(exc).__name__}: {str(exc)[:200]})") from None

    def _begin(self, root: ET.Element) -> TaskReader:
        self.seen_before_tasks = {child.tag for child in root}
        project = plan_header(root, self.reader)
        minutes = self.reader.integer(root, "MinutesPerDay", MINUTES_PER_DAY, "project") or MINUTES_PER_DAY
        by_uid = add_calendars(root, project, self.reader)
        fields = custom_field_map(root)
        self.foreign = ForeignFields(root, fields)
        return TaskReader(project, self.reader, fields, max(minutes, 1), {}, by_uid)

    def finish(self, root: ET.Element) -> ImportResult:
        tasks = self.tasks or self._begin(root)
        for late in ("Calendars", "ExtendedAttributes"):
            if self.tasks is not None and late not in self.seen_before_tasks and root.find(late) is not None:
                self.warnings.append(f"the file lists its {late} after its tasks (MS Project writes them "
                                     "before); they were not applied to the tasks")
        if tasks.project.start is NO_START:
            start_from_tasks(tasks.project, tasks, self.warnings)
        tasks.owners = add_participants(root, tasks.project, self.reader, custom_field_map(root))
        tasks.finish(self.loops_dropped)
        tasks.read_assignments(root)
        widen_split_tasks(tasks, root)
        add_baselines(tasks.project, tasks.baseline_entries, baseline_register(tasks.summary, self.reader), self.reader)
        if self.foreign is not None:
            self.foreign.report(self.warnings)
        return ImportResult(tasks.project, self.warnings)


def read_through_mpxj(path: Path, what: str) -> ImportResult:
    """Convert `path` to MS Project XML with MPXJ in a child process, then read that."""
    with tempfile.TemporaryDirectory(prefix="ilrs-mpxj-") as folder:
        converted = Path(folder) / "converted.xml"
        must_finish_by = convert_to_mspdi(path, converted, what)
        result = read_mspdi(converted)
    result.warnings.insert(0, f"read through MPXJ from {what} format")
    if must_finish_by is not None and MIN_YEAR <= must_finish_by.year <= MAX_YEAR:
        result.project.must_finish_by = must_finish_by  # Primavera P6's project Must Finish By
    elif must_finish_by is not None:
        result.warnings.append(f"the Must finish by {must_finish_by.isoformat()} is left out: a plan holds dates "
                               f"from {MIN_YEAR} to {MAX_YEAR}")
    return result
