"""The task list of an MS Project XML file followed however the file is cut into chunks, whatever its
encoding, and what its elements count against."""

from pathlib import Path

import pytest

from ilrs_planner.domain import PlannerError
from ilrs_planner.exchange.formats import read_plan
from ilrs_planner.exchange.mspdi import xml_safe, xml_stream

TASKS = "".join(f"<Task><UID>{n}</UID><Name>T{n}</Name><OutlineLevel>1</OutlineLevel></Task>" for n in range(1, 4))
RESOURCES = ("<Resources><Resource><UID>1</UID><Name>European Space Agency</Name><Initials>ESA</Initials></Resource>"
             "</Resources>")
PLAN = f"<Project><StartDate>2030-01-07T08:00:00</StartDate><Tasks>{TASKS}</Tasks>{RESOURCES}</Project>"


def _xml(tmp_path, text: str, name: str = "plan.xml", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("chunk", [5, 7, 8, 13, 64, 1 << 20])
def test_the_list_closing_across_a_chunk_boundary_is_seen_and_what_follows_is_read(tmp_path, monkeypatch, chunk):
    monkeypatch.setattr(xml_safe, "_CHUNK", chunk)
    plan = read_plan(_xml(tmp_path, PLAN)).project
    assert sorted(t.name for t in plan.tasks.values()) == ["T1", "T2", "T3"]
    assert [p.key for p in plan.participants.values()] == ["ESA"]  # read after the list closed


@pytest.mark.parametrize("chunk", [7, 64])
def test_elements_after_the_list_still_count_against_the_bounds(tmp_path, monkeypatch, chunk):
    monkeypatch.setattr(xml_safe, "_CHUNK", chunk)
    deep = "<Resources>" + "<r>" * 30 + "</r>" * 30 + "</Resources>"
    with pytest.raises(PlannerError) as caught:
        read_plan(_xml(tmp_path, f"<Project><Tasks>{TASKS}</Tasks>{deep}</Project>"))
    assert "nested more than 24 deep" in caught.value.message


def test_a_utf16_file_is_read_as_a_utf8_one(tmp_path, monkeypatch):
    monkeypatch.setattr(xml_safe, "_CHUNK", 64)
    text = '<?xml version="1.0" encoding="UTF-16"?>' + PLAN
    plan = read_plan(_xml(tmp_path, text, encoding="utf-16")).project
    assert sorted(t.name for t in plan.tasks.values()) == ["T1", "T2", "T3"]
    assert [p.key for p in plan.participants.values()] == ["ESA"]


def test_an_element_of_the_list_that_is_not_a_task_counts_with_the_elements_outside_the_tasks(tmp_path, monkeypatch):
    monkeypatch.setattr(xml_safe, "MAX_TASK_ELEMENTS", 100)
    monkeypatch.setattr(xml_safe, "MAX_KEPT_ELEMENTS", 500)
    monkeypatch.setattr(xml_safe, "_CHUNK", 256)
    extension = "<Extension>" + "<Item>x</Item>" * 300 + "</Extension>"  # not a task: more than a task may hold
    plan = read_plan(_xml(tmp_path, f"<Project><Tasks>{TASKS}{extension}<Task><UID>9</UID><Name>After</Name>"
                                    "</Task></Tasks></Project>")).project
    assert sorted(t.name for t in plan.tasks.values()) == ["After", "T1", "T2", "T3"]
    flood = "<Extension>" + "<Item>x</Item>" * 600 + "</Extension>"  # beyond what may lie outside the tasks
    for closed in (True, False):  # measured when it closes, and while it is still open after a chunk
        body = f"<Project><Tasks>{TASKS}{flood}</Tasks></Project>" if closed else f"<Project><Tasks>{TASKS}{flood}"
        with pytest.raises(PlannerError) as caught:
            read_plan(_xml(tmp_path, body, name=f"flood{closed}.xml"))
        assert caught.value.code == "import.bad_file" and "outside its tasks" in caught.value.message


@pytest.mark.parametrize("after", [RESOURCES, ""])
def test_a_list_that_closed_where_its_end_tag_was_not_looked_for_is_refused_not_misread(tmp_path, monkeypatch, after):
    monkeypatch.setattr(xml_stream, "_LIST_CLOSE", b"</Unseen")  # as bytes that spell `</Tasks` otherwise would
    monkeypatch.setattr(xml_safe, "_CHUNK", 64)
    with pytest.raises(PlannerError) as caught:
        read_plan(_xml(tmp_path, f"<Project><Tasks>{TASKS}</Tasks>{after}</Project>"))
    assert caught.value.code == "import.bad_file" and "task list could not be followed" in caught.value.message
