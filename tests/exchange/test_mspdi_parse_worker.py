"""A large MS Project XML file is parsed in a second process while its tasks are read: the plan, the
warnings and every refusal are the same as when one process does both."""

import os
import sys
from pathlib import Path

import pytest
from mspdi_ways import both_ways as _both
from mspdi_ways import plan_file as _plan
from mspdi_ways import task_text as _task

from ilrs_planner.domain import PlannerError
from ilrs_planner.exchange.formats import read_plan
from ilrs_planner.exchange.mspdi import parse_worker

HERE = Path(__file__).parent
FILES = sorted((HERE / "msp_real").glob("*.xml")) + [HERE / "data" / "msproject_standard.xml"]
pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the second process is forked")


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_files_from_ms_project_give_the_same_plan_and_warnings(monkeypatch, path):
    plan, warnings = _both(monkeypatch, path, plain=True)
    assert plan.startswith(b'{"baselines"')  # read, not refused


def test_a_plan_of_many_tasks_sent_in_many_batches_is_the_same(monkeypatch, tmp_path):
    tasks = "".join(_task(uid, "PT12H0M0S" if uid % 7 == 0 else "PT16H0M0S") for uid in range(1, 1601))
    summary = "<Task><UID>0</UID><OutlineLevel>0</OutlineLevel><Name>Plan</Name></Task>"
    plan, warnings = _both(monkeypatch, _plan(tmp_path, summary + tasks, "</Tasks><Resources><Resource><UID>1</UID>"
                                              "<Name>ESA</Name></Resource></Resources></Project>"))
    assert plan.count(b'"percent_complete"') == 1600 and len([w for w in warnings if "rounded up" in w]) == 228


@pytest.mark.parametrize("late, why", [
    ("-PT16H0M0S", "is negative"),  # a task refused by the reader, after 700 read
    ("PT16H0M0S</Name>", "not well-formed"),  # the parser's refusal after 700 tasks
    ("PT16H0M0S" + "<x>" * 30 + "</x>" * 30, "nested more than 24 deep"),
])
def test_a_refusal_after_many_tasks_is_the_same(monkeypatch, tmp_path, late, why):
    tasks = "".join(_task(uid) for uid in range(1, 701)) + _task(701, late)
    code, message = _both(monkeypatch, _plan(tmp_path, tasks + _task(702)))
    assert why in message and code in ("import.bad_file", "task.negative_duration")


def test_a_refused_file_is_refused_alike(monkeypatch, tmp_path):
    path = tmp_path / "plan.xml"
    path.write_text('<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "b">]><Project><Name>&a;</Name></Project>')
    assert "DOCTYPE" in _both(monkeypatch, path)[1]
    path.write_text("<Plan><Tasks><Task><UID>1</UID></Task></Tasks></Plan>")
    assert "not an MS Project XML file" in _both(monkeypatch, path)[1]


@pytest.mark.parametrize("plain", [False, True])
def test_a_worker_that_dies_gives_a_clear_refusal_not_a_crash(monkeypatch, tmp_path, plain):
    monkeypatch.setattr(parse_worker, "_parse_and_send", lambda *_args: os._exit(1))
    monkeypatch.setattr(parse_worker, "send_plain", lambda *_args: os._exit(1))
    monkeypatch.setattr(parse_worker, "MIN_BYTES", 0)
    monkeypatch.setattr(parse_worker, "PLAIN", plain)
    monkeypatch.delitem(sys.modules, "PySide6.QtCore", raising=False)
    with pytest.raises(PlannerError) as caught:
        read_plan(_plan(tmp_path, _task(1)))
    assert caught.value.code == "import.bad_file" and "plan.xml: could not be read" in caught.value.message


@pytest.mark.parametrize("spelling", ["<PredecessorLink>", "<PredecessorLink\n>"])
def test_too_many_dependencies_are_refused_alike(monkeypatch, tmp_path, spelling):
    """Counted before the parse as MS Project writes the tag, and as the tasks are read however it is spelled."""
    monkeypatch.setattr("ilrs_planner.exchange.mspdi.reader.MAX_LINKS", 40)
    tasks = "".join(_task(uid) for uid in range(1, 43)).replace("<PredecessorLink>", spelling)  # 41 links
    code, message = _both(monkeypatch, _plan(tmp_path, tasks))
    assert code == "import.bad_file" and "plan.xml: more than 40 dependencies" in message
