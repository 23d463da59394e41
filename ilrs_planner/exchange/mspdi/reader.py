"""Reading MSPDI into a plan (the mapping: see the package docstring). Untrusted input: refuse or warn, never crash."""

from __future__ import annotations

import re
import tempfile
import xml.etree.ElementTree as ET
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
from .read_tasks import TaskReader
from .values import Reader, day_or_none
from .xml_safe import parse_untrusted

MAX_TASKS = 200_000
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
    if start is None:
        starts = [m for t in root.iterfind("Tasks/Task") if (m := reader.moment(t, "Start", "task"))]
        start = min(starts).date() if starts else date.today()
        reader.warnings.append(f"the file gives no project start; using {start.isoformat()}")
    project = Project(name=name[:512], start=start, author=reader.text(root, "Author")[:512])
    status = reader.moment(root, "StatusDate", "project")
    project.status_date = status.date() if status else None  # a status date is a day, whatever the hour
    return project


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


def read_mspdi(path: str | Path) -> ImportResult:
    """Read an MSPDI file into a plan, with warnings for everything not carried over."""
    root = parse_untrusted(path, MAX_TASKS)
    if root.tag == "APIBusinessObjects":  # Primavera P6 XML: MPXJ reads it, as MS Project XML
        return read_through_mpxj(Path(path), "Primavera P6 XML")
    if root.tag != "Project":
        raise PlannerError("import.bad_file", f"{Path(path).name}: not an MS Project XML file "
                           f"(its root element is <{root.tag[:40]}>, not <Project>)")
    if len(root.findall("Tasks/Task")) > MAX_TASKS:
        raise PlannerError("import.bad_file", f"{Path(path).name}: more than {MAX_TASKS:,} tasks")
    warnings: list[str] = []
    try:
        return _read(root, Reader(warnings), warnings)
    except _UNEXPECTED as exc:  # a shape no rule above anticipated: still a clear refusal
        raise PlannerError("import.bad_file", f"{Path(path).name}: could not be read as a plan "
                           f"({type(exc).__name__}: {str(exc)[:200]})") from None


def read_through_mpxj(path: Path, what: str) -> ImportResult:
    """Convert `path` to MS Project XML with MPXJ in a child process, then read that."""
    with tempfile.TemporaryDirectory(prefix="ilrs-mpxj-") as folder:
        converted = Path(folder) / "converted.xml"
        convert_to_mspdi(path, converted, what)
        result = read_mspdi(converted)
    result.warnings.insert(0, f"read through MPXJ from {what} format")
    return result


def _read(root: ET.Element, reader: Reader, warnings: list[str]) -> ImportResult:
    project = _project(root, reader)
    minutes = reader.integer(root, "MinutesPerDay", MINUTES_PER_DAY, "project") or MINUTES_PER_DAY
    calendars = _calendars(root, project, reader)
    fields = _field_map(root)
    owners = _participants(root, project, reader, fields)
    tasks = TaskReader(project, reader, fields, max(minutes, 1), owners, calendars)
    summary = tasks.read_all(root)
    tasks.read_assignments(root)
    _baselines(project, tasks.baseline_entries, _register(summary, reader), reader)
    return ImportResult(project, warnings)
