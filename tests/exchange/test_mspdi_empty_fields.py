"""An MS Project XML task whose ConstraintType, Duration or Start is there but empty (`<Tag></Tag>` or
`<Tag/>`) is read as if the field were absent, alike in one process, in a worker process and the short
way through the task list: the same plan and the same warnings."""

import json

import pytest
from mspdi_ways import both_ways, plan_file, task_text

FIELDS = {"ConstraintType": "4", "Duration": "PT16H0M0S", "Start": "2030-01-07T08:00:00"}


def _task(uid: int, tag: str, written: str) -> str:
    """A 2-day task held Start No Earlier Than 2030-01-14, its `tag` written as `written`."""
    fields = {tag: f"<{tag}>{text}</{tag}>" for tag, text in FIELDS.items()} | {tag: written}
    return (f"<Task><UID>{uid}</UID><Name>Task {uid}</Name><OutlineLevel>1</OutlineLevel>{fields['Duration']}"
            f"{fields['Start']}{fields['ConstraintType']}<ConstraintDate>2030-01-14T08:00:00</ConstraintDate></Task>")


def _read(monkeypatch, tmp_path, tag: str, written: str, plain: bool) -> tuple:
    tasks = "".join(task_text(uid) for uid in range(1, 40)) + _task(40, tag, written)
    return both_ways(monkeypatch, plan_file(tmp_path, tasks), plain=plain)


@pytest.mark.parametrize("tag", FIELDS)
@pytest.mark.parametrize("empty, plain", [("<{0}></{0}>", True), ("<{0}/>", False)])  # a self-closed tag: usual way
def test_an_empty_field_is_read_as_an_absent_one_every_way(monkeypatch, tmp_path, tag, empty, plain):
    read_empty = _read(monkeypatch, tmp_path, tag, empty.format(tag), plain)
    assert read_empty == _read(monkeypatch, tmp_path, tag, "", True)


@pytest.mark.parametrize("tag, expected", [
    ("ConstraintType", (2, "ASAP", None)),  # no constraint type: As Soon As Possible
    ("Duration", (0, "SNET", "2030-01-14")),  # no duration: none
    ("Start", (2, "SNET", "2030-01-14")),  # the start is the scheduler's to find
])
def test_what_an_empty_field_leaves_of_the_task(monkeypatch, tmp_path, tag, expected):
    plan, warnings = _read(monkeypatch, tmp_path, tag, f"<{tag}></{tag}>", True)
    task = next(t for t in json.loads(plan)["tasks"] if t["name"] == "Task 40")
    assert (task["duration"], task["constraint"], task["constraint_date"]) == expected
