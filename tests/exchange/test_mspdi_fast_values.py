"""The MSPDI reader's shortcuts (plain values, ids in bulk, tasks in batches) read what its general path reads."""

import uuid
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path

import pytest

from ilrs_planner.domain import PlannerError
from ilrs_planner.exchange.formats import read_plan
from ilrs_planner.exchange.mspdi import read_tasks, reader
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


def _outlined_plan(tmp_path: Path, count: int) -> Path:
    """Tasks three levels deep, each leaf linked to the one before: summaries and links span any batch."""
    tasks = []
    for n in range(1, count + 1):
        level = 1 if n % 50 == 1 else 2 if n % 10 == 2 else 3
        link = f"<PredecessorLink><PredecessorUID>{n - 1}</PredecessorUID></PredecessorLink>" if level == 3 else ""
        tasks.append(f"<Task><UID>{n}</UID><Name>T{n}</Name><OutlineLevel>{level}</OutlineLevel>"
                     f"<Duration>PT{8 * (n % 4)}H0M0S</Duration>{link}</Task>")
    path = tmp_path / "outlined.xml"
    path.write_text(f"<Project><StartDate>2030-01-01T08:00:00</StartDate><Tasks>{''.join(tasks)}</Tasks></Project>",
                    encoding="utf-8")
    return path


def _shape(project) -> list[tuple]:
    key = {t.id: t.key for t in project.tasks.values()}
    return [(t.key, key.get(t.parent_id), t.position, t.duration) for t in project.tasks.values()] + sorted(
        (key[k.pred_id], key[k.succ_id]) for k in project.links.values())


def test_tasks_read_in_batches_come_out_as_read_one_by_one(tmp_path, monkeypatch):
    path = _outlined_plan(tmp_path, 4_321)  # two full batches and a part
    batched = read_plan(path)
    monkeypatch.setattr(reader, "_TASKS_PER_BATCH", 1)
    one_by_one = read_plan(path)
    assert _shape(batched.project) == _shape(one_by_one.project) and batched.warnings == one_by_one.warnings
    # Each level-3 task keeps its link, but the first under a summary: that one links to its own summary.
    leaves = [n for n in range(1, 4_322) if n % 50 != 1 and n % 10 != 2]
    assert len(batched.project.tasks) == 4_321 and batched.warnings
    assert len(batched.project.links) == len([n for n in leaves if n % 10 != 3])


def test_a_task_that_breaks_the_reader_past_the_first_batch_is_still_refused_with_a_code(tmp_path, monkeypatch):
    original = read_tasks.TaskReader.read_one

    def breaks_at_task_3000(self, element):
        if element.findtext("UID") == "3000":
            raise KeyError("an unforeseen shape")
        original(self, element)

    monkeypatch.setattr(read_tasks.TaskReader, "read_one", breaks_at_task_3000)
    with pytest.raises(PlannerError) as caught:
        read_plan(_outlined_plan(tmp_path, 4_321))
    assert caught.value.code == "import.bad_file"
    assert "could not be read as a plan (KeyError: 'an unforeseen shape')" in caught.value.message
