"""The MSPDI reader's shortcuts (plain values, ids in bulk) read what its general path reads."""

import uuid
import xml.etree.ElementTree as ET
from datetime import datetime
from itertools import islice
from pathlib import Path

import pytest

from ilrs_planner.domain import fresh_ids, new_id
from ilrs_planner.exchange.formats import read_plan
from ilrs_planner.exchange.mspdi.helpers import finish_from_stamp
from ilrs_planner.exchange.mspdi.values import Fields, Reader


def _element(**texts: str) -> ET.Element:
    element = ET.Element("Task")
    for tag, text in texts.items():
        ET.SubElement(element, tag).text = text
    return element


@pytest.mark.parametrize("text,expected", [
    ("7", 7), ("0012", 12), ("٣", 3),  # plain digits, any script, as int(float()) reads them
    ("123456789012345", 123456789012345),
    ("12345678901234567890", int(float("12345678901234567890"))),  # too long for the shortcut: as before
    (" 42 ", 42), ("4.6", 4), ("-3", -3), ("1e3", 1000),
])
def test_numbers_read_the_same_with_or_without_the_shortcut(text, expected):
    warnings: list[str] = []
    assert Fields(_element(PercentComplete=text), Reader(warnings)).integer("PercentComplete") == expected
    assert Reader(warnings).number(text.strip(), "PercentComplete") == expected and warnings == []


@pytest.mark.parametrize("text,expected", [
    ("2030-01-07T08:00:00", datetime(2030, 1, 7, 8)),
    ("2030-01-07T08:00+02", datetime(2030, 1, 7, 8)),  # 19 characters with a zone: dropped, as before
    (" 2030-01-07T08:00:0", None),  # 19 characters, not a stamp once stripped: warned about
    ("1200-01-07T08:00:00", None),  # outside the years a plan holds: warned about
    ("2030-02-30T08:00:00", None),
])
def test_stamps_read_the_same_with_or_without_the_shortcut(text, expected):
    fast: list[str] = []
    general: list[str] = []
    element = _element(Start=text)
    assert Fields(element, Reader(fast), "task UID 1").moment("Start") == expected
    assert Reader(general).moment(element, "Start", "task UID 1") == expected
    assert fast == general and (expected is None) == bool(fast)


@pytest.mark.parametrize("text", ["2030-01-07T08:00:00", "2030-01-07T17:00:00", "2030-01-07T08:00+02",
                                  " 2030-01-07T08:00:0", "1200-01-07T08:00:00", "2030-02-30T08:00:00", "NA"])
def test_a_stamp_read_again_gives_the_same_day_and_the_same_warning_naming_each_task(text):
    warnings: list[str] = []
    known: dict = {}
    reader = Reader(warnings)
    days = [Fields(_element(Finish=text), reader, f"task UID {n}").day("Finish", finish_from_stamp, known)
            for n in (1, 2)]
    general = Reader([]).moment(_element(Finish=text), "Finish")
    assert days == [finish_from_stamp(general) if general else None] * 2
    unusable = general is None and text != "NA"  # NA is MS Project's "no date": nothing to warn about
    assert len(warnings) == (2 if unusable else 0)
    assert warnings[1:] == [w.replace("task UID 1", "task UID 2") for w in warnings[:1]]  # each task named


def _plan_without_ids(tmp_path: Path) -> Path:
    tasks = "".join(f"<Task><UID>{n}</UID><Name>T{n}</Name><OutlineLevel>1</OutlineLevel><Duration>PT8H0M0S</Duration>"
                    f"<PredecessorLink><PredecessorUID>{n - 1}</PredecessorUID></PredecessorLink></Task>"
                    for n in range(2, 300))
    path = tmp_path / "plain.xml"
    path.write_text(f"<Project><StartDate>2030-01-01T08:00:00</StartDate><Tasks><Task><UID>1</UID><Name>T1</Name>"
                    f"</Task>{tasks}</Tasks></Project>", encoding="utf-8")
    return path


def test_ids_made_for_imported_tasks_and_links_are_fresh_uuids(tmp_path):
    path = _plan_without_ids(tmp_path)
    first, second = read_plan(path).project, read_plan(path).project
    ids = [*first.tasks, *first.links]
    assert len(first.links) == 298 and len(set(ids)) == len(ids)
    for made in ids:  # as domain.new_id makes them: a version 4 UUID's 32 hex digits
        parsed = uuid.UUID(hex=made)
        assert (parsed.hex, parsed.version, parsed.variant) == (made, 4, uuid.RFC_4122)
    assert not set(ids) & {*second.tasks, *second.links}  # never reused by the next import


def test_fresh_ids_are_version_4_uuids_as_new_id_makes_them_and_never_repeat():
    ids = list(islice(fresh_ids(), 10_000))  # past one draw of 4,096
    assert len(set(ids)) == len(ids)
    for made in ids[:50] + ids[-50:] + [new_id()]:
        parsed = uuid.UUID(hex=made)
        assert (parsed.hex, parsed.version, parsed.variant) == (made, 4, uuid.RFC_4122)
