"""Reading what follows the tasks in an MSPDI file: resources as participants, and the baselines
with the register our export writes in the project summary task's notes."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date
from typing import Any

from ...domain import Baseline, Participant, ParticipantKind, Precision, Project, new_id
from ...domain.chain import chain_baselines
from .helpers import BASELINE_REGISTER_TITLE, start_from_stamp
from .values import Reader, day_or_none

_REGISTER_LINE = re.compile(r"^Baseline(\d+) = (.*?) \| as of (\d{4}-\d{2}-\d{2}) "
                            r"\| id ([0-9a-zA-Z_-]{1,64}) \|(?: (.*))?$")


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "r": "\r", "p": "|"}.get(m[1], m[1]), text)


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


def add_participants(root: ET.Element, project: Project, reader: Reader, fields: dict[str, str]) -> dict[str, str]:
    """Resources as participants; returns resource UID -> participant id."""
    by_uid: dict[str, str] = {}
    keys: set[str] = set()
    for resource in root.iterfind("Resources/Resource"):
        where = f"resource UID {reader.text(resource, 'UID', 'resource')[:20]}"
        name = reader.text(resource, "Name", where)
        if not name or reader.flag(resource, "IsNull"):
            continue  # MS Project's placeholder resource (UID 0) has no name
        where = f"{where} ('{name[:60]}')"
        key = reader.text(resource, "Initials", where) or name
        key = key if key not in keys else f"{key}-{len(keys)}"
        keys.add(key)
        kind_text = reader.text(resource, "Group", where).lower()
        kind = ParticipantKind(kind_text) if kind_text in ParticipantKind._value2member_map_ else ParticipantKind.AGENCY
        code = reader.text(resource, "Code", where)
        pid = code if re.fullmatch(r"[0-9a-zA-Z_-]{1,64}",
                                   code or "") and code not in project.participants else new_id()
        joined = day_or_none(reader.moment(resource, "AvailableFrom", where), start_from_stamp)
        project.add_participant(Participant(key=key[:100], name=name[:512], kind=kind, joined=joined,
                                            source_url=reader.text(resource, "HyperlinkAddress", where),
                                            notes=reader.text(resource, "Notes", where), id=pid,
                                            **_participant_extras(resource, fields)))
        by_uid[reader.text(resource, "UID")] = pid
    return by_uid


def baseline_register(summary: ET.Element | None, reader: Reader) -> dict[int, tuple[str, date | None, str, str]]:
    """Baseline number -> (name, as of, id, notes) from the project summary task's notes."""
    register: dict[int, tuple[str, date | None, str, str]] = {}
    if summary is None:
        return register
    where = f"the project summary task (UID {(summary.findtext('UID') or '').strip()[:20]})"
    notes = reader.text(summary, "Notes", where)
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


def add_baselines(project: Project, found: dict[int, dict], register: dict, reader: Reader) -> None:
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
