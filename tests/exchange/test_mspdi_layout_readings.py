"""The short way's worker reads a task of a recurring layout straight from its pattern's groups into what
the reading process takes of it (`layout_readings`): the reading is the one made from the task's record,
whatever its custom fields and links hold, and a task it cannot read so keeps its record."""

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mspdi_ways import both_ways, plan_file

from ilrs_planner.exchange.mspdi.layout_readings import LayoutReadings
from ilrs_planner.exchange.mspdi.plain_task import needs_record, prepared
from ilrs_planner.exchange.mspdi.task_layouts import Layouts
from ilrs_planner.exchange.mspdi.task_scan import scan, scan_taking

FIELD_IDS = {"101": "key", "102": "id", "103": "kind", "104": "estimate"}
_CHILDREN = st.sampled_from([
    "<Name>Dig</Name>", "<Name> R&amp;D &lt;1&gt; </Name>", "<Name>caf\u00e9 &#x263A;</Name>", "<WBS>1.2</WBS>",
    "<Duration>PT16H0M0S</Duration>", "<Start>2030-01-07T08:00:00</Start>", "<IsNull>0</IsNull>", "<Notes></Notes>",
    "<ExtendedAttribute><FieldID>101</FieldID><Value>K1</Value></ExtendedAttribute>",
    "<ExtendedAttribute><FieldID> 102 </FieldID><Value> spaced </Value></ExtendedAttribute>",
    "<ExtendedAttribute><FieldID>999</FieldID><Value>theirs</Value></ExtendedAttribute>",
    "<ExtendedAttribute><Value>K9</Value><FieldID>101</FieldID></ExtendedAttribute>",
    "<ExtendedAttribute></ExtendedAttribute>",
    "<PredecessorLink><PredecessorUID>3</PredecessorUID><Type>1</Type><CrossProject>0</CrossProject>"
    "<LinkLag>0</LinkLag><LagFormat>7</LagFormat></PredecessorLink>",
    "<PredecessorLink><PredecessorUID> 3</PredecessorUID><Type>1</Type><CrossProject>0</CrossProject>"
    "<LinkLag>-4800</LinkLag><LagFormat>7</LagFormat></PredecessorLink>",
    "<PredecessorLink><PredecessorUID>3</PredecessorUID><Type>2</Type></PredecessorLink>",
    "<Baseline><Number>0</Number><Start>2030-01-07T08:00:00</Start></Baseline>",
])


@settings(max_examples=150, deadline=None)
@given(layouts=st.lists(st.lists(_CHILDREN, max_size=8), min_size=1, max_size=4),
       uids=st.lists(st.sampled_from(["1", "2", " 3", "0"]), min_size=12, max_size=12))
def test_a_reading_from_a_layouts_groups_is_the_reading_of_the_tasks_record(layouts, uids):
    tasks = "".join(f"\n<Task><UID>{uid}</UID>{''.join(layouts[n % len(layouts)])}</Task>"
                    for n, uid in enumerate(uids))  # each layout three times or more: compiled, then matched
    records = scan(tasks, 1000)
    taken = LayoutReadings(FIELD_IDS)
    short = scan_taking(tasks, 1000, Layouts(), take=taken)
    assert records is not None and short is not None and len(short) == len(records)
    made = iter(taken.made)
    for record, kept in zip(records, short):
        reading = prepared(FIELD_IDS, record)
        if kept is None:  # taken from the groups: the record's reading, and nothing more of it is needed
            assert next(made) == reading and not needs_record(record, reading)
        else:
            assert kept == record
    assert next(made, None) is None


def test_tasks_of_a_plain_layout_are_read_from_their_groups_once_it_recurs():
    task = ("<Task><UID>{}</UID><Name>T</Name><ExtendedAttribute><FieldID>101</FieldID><Value>K</Value>"
            "</ExtendedAttribute><PredecessorLink><PredecessorUID>1</PredecessorUID><Type>1</Type><CrossProject>0"
            "</CrossProject><LinkLag>0</LinkLag><LagFormat>7</LagFormat></PredecessorLink></Task>")
    taken = LayoutReadings(FIELD_IDS)
    short = scan_taking("".join(task.format(uid) for uid in range(1, 6)), 1000, Layouts(), take=taken)
    assert short is not None and [kept is None for kept in short] == [False, False, True, True, True]
    assert [reading[0][0] for reading in taken.made] == ["3", "4", "5"]  # the UIDs: first of the fields' texts
    assert taken.made[0][1:] == ({"key": "K"}, [("1", "0", "1", "0", "7")])


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the second process is forked")
def test_a_file_of_recurring_layouts_reads_alike_each_way(monkeypatch, tmp_path):
    link = ("<PredecessorLink><PredecessorUID>{}</PredecessorUID><Type>1</Type><CrossProject>0</CrossProject>"
            "<LinkLag>{}</LinkLag><LagFormat>7</LagFormat></PredecessorLink>")
    tasks = "".join(f"<Task><UID>{uid}</UID><Name>Task {uid}</Name><OutlineLevel>1</OutlineLevel>"
                    f"<Duration>PT{8 * (uid % 5)}H0M0S</Duration>"
                    f"{link.format(uid - 1, 2400 * (uid % 3)) if uid > 1 else ''}"
                    f"{link.format(' 1 ', 0) if uid % 11 == 0 else ''}</Task>"  # a link not plain: its record kept
                    for uid in range(1, 300))
    both_ways(monkeypatch, plan_file(tmp_path, tasks), plain=True)
