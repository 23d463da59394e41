"""The short way through a large MS Project XML file (`plain_file`, `task_scan`): the tasks' records are
those the element tree gives, and whatever is not written plainly is read the usual way, with the same
plan, warnings and refusals."""

import os
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mspdi_ways import both_ways, plan_file, task_text

from ilrs_planner.exchange.mspdi.task_record import task_record
from ilrs_planner.exchange.mspdi.task_scan import scan

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the second process is forked")
TASKS = "".join(task_text(uid) for uid in range(1, 40))


def _records_of_the_tree(text: str) -> list:
    return [task_record(task) for task in ET.fromstring(f"<Tasks>{text}</Tasks>")]


def _escaped(text: str, hexadecimal: bool) -> str:
    """`text` as a file may hold it: markup escaped, some characters as numeric references."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return "".join(f"&#x{ord(c):X};" if hexadecimal and c in "é\r\t" else c for c in text)


_TEXTS = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\ufffe\uffff")
                 .filter(lambda c: c in "\t\n\r" or c >= " "), max_size=30)


@settings(max_examples=150, deadline=None)
@given(names=st.lists(st.tuples(_TEXTS, st.booleans()), min_size=1, max_size=5), notes=_TEXTS,
       line_ends=st.sampled_from(["\n", "\r\n", "\r"]))
def test_records_read_from_the_text_are_the_element_trees(names, notes, line_ends):
    """Texts with &, <, ]]>, Unicode, whitespace and line ends of every kind, as references or not."""
    tasks = "".join(f"<Task>{line_ends}<UID>{uid}</UID><Name>{_escaped(name, hexadecimal)}</Name><Notes></Notes>"
                    f"<ExtendedAttribute>{line_ends}<FieldID>1</FieldID><Value>{_escaped(notes, not hexadecimal)}"
                    f"</Value></ExtendedAttribute>{line_ends}</Task>{line_ends}"
                    for uid, (name, hexadecimal) in enumerate(names))
    assert scan(tasks, 1000) == _records_of_the_tree(tasks)


@pytest.mark.parametrize("text", [
    "<Task><UID>1</UID><!-- a comment --></Task>",
    "<Task><Name><![CDATA[a < b]]></Name></Task>",
    "<Task><?pi here?><UID>1</UID></Task>",
    '<Task id="1"><UID>1</UID></Task>',
    "<Task><UID>1</UID><Notes/></Task>",
    "<Task><UID >1</UID></Task>",
    "<Task><p:UID>1</p:UID></Task>",
    "<Task><A><B><C>deep</C></B></A></Task>",
    "<Note>not a task</Note><Task><UID>1</UID></Task>",
    "<Task><Name>&nbsp;</Name></Task>",
    "<Task><UID>1</UID></Task><Task><UID>2</UID>",
])
def test_what_is_not_written_plainly_is_not_read_from_the_text(text):
    assert scan(text, 1000) is None


@pytest.mark.parametrize("extra, plain", [
    ("<Notes>R&amp;D &lt;Task&gt; &#x263A; &#9731; ]]&gt;</Notes>", True),  # references, markup in a text
    ("<Notes>line\r\nbreaks\rhere&#13;</Notes>", True),
    ("<!-- a comment between children -->", False),
    ("<Notes><![CDATA[<Task>in CDATA</Task>]]></Notes>", False),
    ("<Notes>a<b>bold</b>text</Notes>", True),  # a child's children: read as the tree reads them
    ("<Hyperlinks><Hyperlink><Address>x</Address></Hyperlink></Hyperlinks>", False),  # deeper than a task's own
    ('<Notes xml:space="preserve">kept</Notes>', False),
])
def test_a_task_list_is_read_alike_either_way(monkeypatch, tmp_path, extra, plain):
    tasks = TASKS + task_text(40, extra=extra) + task_text(41)
    plan, warnings = both_ways(monkeypatch, plan_file(tmp_path, tasks), plain=plain)
    assert plan.count(b'"percent_complete"') == 41


@pytest.mark.parametrize("before, after, why", [
    ('<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "b">]>', "</Tasks></Project>", "DOCTYPE"),
    ('<?xml version="1.0"?>', "</Tasks></Project", "not well-formed"),  # cut short
    ('<?xml version="1.0"?>', "</Tasks><Name>&a;</Name></Project>", "undefined entity"),
    ('<?xml version="1.0"?>', "</Tasks>" + "<x>" * 30 + "</x>" * 30 + "</Project>", "nested more than 24 deep"),
])
def test_a_refused_file_is_refused_alike_at_the_same_place(monkeypatch, tmp_path, before, after, why):
    path = tmp_path / "plan.xml"
    path.write_bytes((before + "<Project><Tasks>" + TASKS + after).encode("latin-1"))
    code, message = both_ways(monkeypatch, path, plain=False)
    assert code == "import.bad_file" and why in message


def test_a_file_in_another_encoding_is_read_the_usual_way(monkeypatch, tmp_path):
    path = tmp_path / "plan.xml"
    path.write_bytes(('<?xml version="1.0" encoding="ISO-8859-1"?><Project><Tasks>' + TASKS
                      + task_text(40, extra="<Notes>caf\u00e9</Notes>") + "</Tasks></Project>").encode("latin-1"))
    plan, _ = both_ways(monkeypatch, path, plain=False)
    assert "caf\u00e9".encode() in plan


def test_a_task_refused_while_the_file_is_checked_is_refused_as_in_one_process(monkeypatch, tmp_path):
    """A task the reader refuses is refused, unless the file's own error comes before it (the file is
    parsed 64 KB at a time in one process: an error in a later stretch comes after the task)."""
    refused = TASKS + task_text(40, "-PT16H0M0S") + "".join(task_text(uid) for uid in range(41, 500))
    assert both_ways(monkeypatch, plan_file(tmp_path, refused), plain=True)[0] == "task.negative_duration"
    bad = "<Task><UID>0</UID><Name>x</Nam></Task>"
    assert both_ways(monkeypatch, plan_file(tmp_path, refused + bad), plain=False)[0] == "task.negative_duration"
    assert both_ways(monkeypatch, plan_file(tmp_path, bad + refused), plain=False)[0] == "import.bad_file"


def test_a_second_task_list_or_one_elsewhere_is_read_the_usual_way(monkeypatch, tmp_path):
    twice = plan_file(tmp_path, TASKS, "</Tasks><Tasks>" + task_text(50) + "</Tasks></Project>")
    both_ways(monkeypatch, twice, plain=False)
    path = tmp_path / "other.xml"
    path.write_text("<Project><Other><Tasks>" + TASKS + "</Tasks></Other></Project>")
    both_ways(monkeypatch, path, plain=False)


@pytest.mark.parametrize("bound, why", [("MAX_TASKS", "more than 30 tasks"),
                                        ("MAX_LINKS", "more than 30 dependencies")])
def test_a_file_beyond_the_counts_is_refused_alike_before_its_tasks_are_read(monkeypatch, tmp_path, bound, why):
    """The short way counts as it reads and leaves a file beyond the bounds to the usual way's refusal."""
    monkeypatch.setattr(f"ilrs_planner.exchange.mspdi.reader.{bound}", 30)
    code, message = both_ways(monkeypatch, plan_file(tmp_path, TASKS), plain=False)
    assert code == "import.bad_file" and why in message
