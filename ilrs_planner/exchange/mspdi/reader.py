"""Reading MSPDI into a plan (the mapping: see the package docstring). Untrusted input: refuse or warn, never crash."""

from __future__ import annotations

import contextlib
import gc
import re
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from ...domain import Baseline, Participant, ParticipantKind, PlannerError, Precision, Project, new_id
from ...domain.chain import chain_baselines
from ..formats import ImportResult
from ..mpxj_run import convert_to_mspdi
from .helpers import (
    BASELINE_REGISTER_TITLE,
    MINUTES_PER_DAY,
    OURS_CONTINUOUS,
    RESOURCE_TEXT_FIELDS,
    TEXT_FIELDS,
    start_from_stamp,
)
from .read_calendars import read_calendars
from .read_splits import widen_split_tasks
from .read_tasks import TaskReader
from .values import Reader, day_or_none
from .xml_safe import parse_untrusted

MAX_TASKS = 200_000
_NO_START = date(1, 1, 1)  # a placeholder, replaced before the plan is returned
_REGISTER_LINE = re.compile(r"^Baseline(\d+) = (.*?) \| as of (\d{4}-\d{2}-\d{2}) "
                            r"\| id ([0-9a-zA-Z_-]{1,64}) \|(?: (.*))?$")
_UNEXPECTED = (ValueError, TypeError, KeyError, IndexError, AttributeError, OverflowError, RecursionError)


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "r": "\r", "p": "|"}.get(m[1], m[1]), text)


def _field_map(root: ET.Element) -> dict[str, str]:
    """FieldID -> our attribute, found by the aliases we write (so moved fields still read)."""
    ours = {alias: attr for _, _, alias, attr in TEXT_FIELDS + RESOURCE_TEXT_FIELDS}
    mapping = {}
    for definition in root.iterfind("ExtendedAttributes/ExtendedAttribute"):
        alias = (definition.findtext("Alias") or "").strip()
        if alias in ours:
            mapping[(definition.findtext("FieldID") or "").strip()] = ours[alias]
    return mapping


def _calendars(root: ET.Element, project: Project, reader: Reader) -> dict[str, str]:
    """The file's calendars into the plan, the project calendar as its default; returns UID -> calendar id.

    Our own "ILRS 7-day" calendar (what a plan without calendars is exported with) is not added:
    a plan read back keeps having none.
    """
    found = read_calendars(root, reader)
    ours = {uid for uid, c in found.items() if c.name == OURS_CONTINUOUS and c.is_continuous}
    by_uid = {uid: c for uid, c in found.items() if uid not in ours}
    for calendar in by_uid.values():
        project.add_calendar(calendar)
    project_uid = reader.text(root, "CalendarUID")
    default = by_uid.get(project_uid)
    if default is None and project_uid not in ours and by_uid:
        default = next(iter(by_uid.values()))
        reader.warnings.append(f"the file names no project calendar; '{default.name}' is the plan's default")
    project.default_calendar_id = default.id if default else None
    return {uid: calendar.id for uid, calendar in by_uid.items()}


def _project(root: ET.Element, reader: Reader) -> Project:
    # MS Project puts the file name in Name and the plan's title in Title.
    name = reader.text(root, "Title") or reader.text(root, "Name") or "Imported plan"
    start = day_or_none(reader.moment(root, "StartDate", "project"), start_from_stamp)
    # Without a start, the earliest task start is used once every task is read (`_start_from_tasks`).
    project = Project(name=name[:512], start=start or _NO_START, author=reader.text(root, "Author")[:512])
    status = reader.moment(root, "StatusDate", "project")
    project.status_date = status.date() if status else None  # a status date is a day, whatever the hour
    return project


def _start_from_tasks(project: Project, tasks: TaskReader, warnings: list[str]) -> None:
    """The plan's start when the file gives none: the earliest start MS Project stored, or today."""
    project.start = tasks.earliest_start or date.today()
    warnings.append(f"the file gives no project start; using {project.start.isoformat()}")


def _participant_extras(resource: ET.Element, fields: dict[str, str]) -> dict[str, Any]:
    """Colour and joined precision from the resource's custom fields, when they are valid."""
    values = {}
    for attribute in resource.iterfind("ExtendedAttribute"):
        field = fields.get((attribute.findtext("FieldID") or "").strip())
        values[field] = (attribute.findtext("Value") or "").strip()
    extras: dict[str, Any] = {}
    if re.fullmatch(r"#[0-9a-fA-F]{6}", values.get("color", "")):
        extras["color"] = values["color"]
    if values.get("joined_precision") in Precision._value2member_map_:
        extras["joined_precision"] = Precision(values["joined_precision"])
    return extras


def _participants(root: ET.Element, project: Project, reader: Reader, fields: dict[str, str]) -> dict[str, str]:
    """Resources as participants; returns resource UID -> participant id."""
    by_uid: dict[str, str] = {}
    keys: set[str] = set()
    for resource in root.iterfind("Resources/Resource"):
        name = reader.text(resource, "Name")
        if not name or reader.flag(resource, "IsNull"):
            continue  # MS Project's placeholder resource (UID 0) has no name
        key = reader.text(resource, "Initials") or name
        key = key if key not in keys else f"{key}-{len(keys)}"
        keys.add(key)
        kind_text = reader.text(resource, "Group").lower()
        kind = ParticipantKind(kind_text) if kind_text in ParticipantKind._value2member_map_ else ParticipantKind.AGENCY
        code = reader.text(resource, "Code")
        pid = code if re.fullmatch(r"[0-9a-zA-Z_-]{1,64}",
                                   code or "") and code not in project.participants else new_id()
        joined = day_or_none(reader.moment(resource, "AvailableFrom", f"resource {name}"), start_from_stamp)
        project.add_participant(Participant(key=key[:100], name=name[:512], kind=kind, joined=joined,
                                            source_url=reader.text(resource, "HyperlinkAddress"),
                                            notes=reader.text(resource, "Notes"), id=pid,
                                            **_participant_extras(resource, fields)))
        by_uid[reader.text(resource, "UID")] = pid
    return by_uid


def _register(summary: ET.Element | None, reader: Reader) -> dict[int, tuple[str, date | None, str, str]]:
    """Baseline number -> (name, as of, id, notes) from the project summary task's notes."""
    register: dict[int, tuple[str, date | None, str, str]] = {}
    notes = reader.text(summary, "Notes") if summary is not None else ""
    if BASELINE_REGISTER_TITLE not in notes:
        return register
    for line in notes.splitlines():
        if m := _REGISTER_LINE.match(line):  # not stripped: a name or note may end in a space
            try:
                as_of = date.fromisoformat(m[3])
            except ValueError:
                as_of = None
            register[int(m[1])] = (_unescape(m[2]), as_of, m[4], _unescape(m[5] or ""))
    return register


def _baselines(project: Project, found: dict[int, dict], register: dict, reader: Reader) -> None:
    for number in sorted(set(found) | set(register)):  # a baseline with no task entries is still listed
        default = (f"Baseline {number}" if number else "Baseline", None, "", "")
        name, as_of, baseline_id, notes = register.get(number, default)
        if any(b.name == name for b in project.baselines):
            name = f"{name} ({number})"
        if not baseline_id or any(b.id == baseline_id for b in project.baselines):
            baseline_id = new_id()
        project.baselines.append(Baseline(name=name, as_of=as_of or project.start, entries=found.get(number, {}),
                                          notes=notes, id=baseline_id))
    project.baselines[:] = chain_baselines(project.baselines)


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
    """
    name = Path(path).name
    stream = _TaskStream(name, loops_dropped)
    try:
        with _collector_paused():
            root = parse_untrusted(path, MAX_TASKS, stream.take)
        if root.tag == "APIBusinessObjects":  # Primavera P6 XML: MPXJ reads it, as MS Project XML
            return read_through_mpxj(Path(path), "Primavera P6 XML")
        if root.tag != "Project":
            raise PlannerError("import.bad_file", f"{name}: not an MS Project XML file "
                               f"(its root element is <{root.tag[:40]}>, not <Project>)")
        with _collector_paused():
            return stream.finish(root)
    except _UNEXPECTED as exc:  # a shape no rule above anticipated: still a clear refusal
        raise PlannerError("import.bad_file", f"{name}: could not be read as a plan "
                           f"({type(exc).__name__}: {str(exc)[:200]})") from None


class _TaskStream:
    """Reads each task as the parser closes it: the plan's header, calendars and custom field
    definitions precede the tasks in an MSPDI file, so they are read when the first task arrives."""

    def __init__(self, name: str, loops_dropped: bool):
        self.name, self.loops_dropped = name, loops_dropped
        self.warnings: list[str] = []
        self.reader = Reader(self.warnings)
        self.tasks: TaskReader | None = None
        self.seen_before_tasks: set[str] = set()

    def take(self, root: ET.Element, element: ET.Element) -> None:
        try:
            if self.tasks is None:
                self.tasks = self._begin(root)
            self.tasks.read_one(element)
        except _UNEXPECTED as exc:  # raised inside the parser's callback: named here, not as bad XML
            raise PlannerError("import.bad_file", f"{self.name}: could not be read as a plan "
                               f"({type(exc).__name__}: {str(exc)[:200]})") from None

    def _begin(self, root: ET.Element) -> TaskReader:
        self.seen_before_tasks = {child.tag for child in root}
        project = _project(root, self.reader)
        minutes = self.reader.integer(root, "MinutesPerDay", MINUTES_PER_DAY, "project") or MINUTES_PER_DAY
        calendars = _calendars(root, project, self.reader)
        return TaskReader(project, self.reader, _field_map(root), max(minutes, 1), {}, calendars)

    def finish(self, root: ET.Element) -> ImportResult:
        tasks = self.tasks or self._begin(root)
        for late in ("Calendars", "ExtendedAttributes"):
            if self.tasks is not None and late not in self.seen_before_tasks and root.find(late) is not None:
                self.warnings.append(f"the file lists its {late} after its tasks (MS Project writes them "
                                     "before); they were not applied to the tasks")
        if tasks.project.start is _NO_START:
            _start_from_tasks(tasks.project, tasks, self.warnings)
        tasks.owners = _participants(root, tasks.project, self.reader, _field_map(root))
        tasks.finish(self.loops_dropped)
        tasks.read_assignments(root)
        widen_split_tasks(tasks, root)
        _baselines(tasks.project, tasks.baseline_entries, _register(tasks.summary, self.reader), self.reader)
        return ImportResult(tasks.project, self.warnings)


def read_through_mpxj(path: Path, what: str) -> ImportResult:
    """Convert `path` to MS Project XML with MPXJ in a child process, then read that."""
    with tempfile.TemporaryDirectory(prefix="ilrs-mpxj-") as folder:
        converted = Path(folder) / "converted.xml"
        convert_to_mspdi(path, converted, what)
        result = read_mspdi(converted)
    result.warnings.insert(0, f"read through MPXJ from {what} format")
    return result
