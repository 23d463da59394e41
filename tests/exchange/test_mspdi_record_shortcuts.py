"""A task's custom fields and links written as MS Project writes them are read by shortcuts; whatever
their texts hold (spaces, tabs, line ends, odd Unicode, long texts) and in whatever order the children
come, a task reads as the general reading of its children reads it."""

import xml.etree.ElementTree as ET

from hypothesis import given, settings
from hypothesis import strategies as st
from mspdi_ways import both_ways, plan_file, task_text

from ilrs_planner.exchange.mspdi.read_links import _LINK_TAGS, LinkTexts, link_texts
from ilrs_planner.exchange.mspdi.read_tasks import TaskReader
from ilrs_planner.exchange.mspdi.task_record import first_of_each, task_record
from ilrs_planner.exchange.mspdi.values import Reader, child_texts

_TEXTS = st.one_of(st.sampled_from(["", "0", "1", "7", "12", " 3 ", "\t4", "5\n", "1\xa0", "x" * 250, "é", "-600"]),
                   st.text(st.characters(blacklist_categories=("Cs",)), max_size=12))
_LINK_ORDER = ["PredecessorUID", "Type", "CrossProject", "LinkLag", "LagFormat"]


def _record(children: list[tuple[str, list[tuple[str, str]]]]):
    task = ET.Element("Task")
    for tag, below in children:
        child = ET.SubElement(task, tag)
        for below_tag, text in below:
            ET.SubElement(child, below_tag).text = text
    return task_record(task)


@settings(max_examples=300, deadline=None)
@given(texts=st.lists(_TEXTS, min_size=5, max_size=5), shuffled=st.booleans(), data=st.data())
def test_a_link_reads_as_the_general_reading_of_its_children(texts, shuffled, data):
    order = data.draw(st.permutations(_LINK_ORDER)) if shuffled else _LINK_ORDER
    below = _record([("PredecessorLink", list(zip(order, texts)))])[2][0]
    warned: list[str] = [], []
    shortcut = link_texts(Reader(warned[0]), below, "task UID 1")
    general = LinkTexts._make(child_texts(first_of_each(below), _LINK_TAGS, Reader(warned[1]), "task UID 1"))
    assert shortcut == general and warned[0] == warned[1]


@settings(max_examples=300, deadline=None)
@given(attributes=st.lists(st.tuples(st.sampled_from(["1", " 2 ", "3", "9"]), _TEXTS, st.booleans()), max_size=4))
def test_custom_fields_read_alike_whatever_the_order_of_their_children(attributes):
    fields = {"1": "key", "2": "kind", "3": "id"}
    written = _record([("ExtendedAttribute", [("FieldID", field), ("Value", value)] if first
                        else [("Value", value), ("FieldID", field)]) for field, value, first in attributes])
    expected = {}
    for field, value, _ in attributes:
        if field.strip() in fields:
            expected[fields[field.strip()]] = value.strip()
    reader = TaskReader.__new__(TaskReader)
    reader.fields = fields
    assert reader._custom(written) == expected


def test_links_and_custom_fields_with_spaces_or_in_another_order_import_as_written_plainly(monkeypatch, tmp_path):
    odd = ("<ExtendedAttribute><Value> K9 </Value><FieldID>188743731</FieldID></ExtendedAttribute>"
           "<PredecessorLink><PredecessorUID> 3 </PredecessorUID><Type>1</Type><CrossProject>0</CrossProject>"
           "<LinkLag>4800</LinkLag><LagFormat>7</LagFormat></PredecessorLink>")
    tasks = "".join(task_text(uid) for uid in range(1, 9)) + task_text(9, extra=odd)
    header = ("<ExtendedAttributes><ExtendedAttribute><FieldID>188743731</FieldID><FieldName>Text1</FieldName>"
              "<Alias>ILRS key</Alias></ExtendedAttribute></ExtendedAttributes>")
    path = plan_file(tmp_path, tasks)
    path.write_text(path.read_text().replace("<Tasks>", header + "<Tasks>", 1))
    plan, warnings = both_ways(monkeypatch, path, plain=True)
    assert b'"key":"K9"' in plan and plan.count(b'"lag":1') == 1 and not warnings  # 480 minutes: a day
