"""A task list read by one match per task once its layouts recur (`task_layouts`): the records are those
the element tree gives, and a task that only looks like a known layout is read child by child or, if not
written plainly, leaves the file to the usual way."""

import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ilrs_planner.exchange.mspdi.task_layouts import Layouts
from ilrs_planner.exchange.mspdi.task_record import task_record
from ilrs_planner.exchange.mspdi.task_scan import scan


def _tree_records(text: str) -> list:
    return [task_record(task) for task in ET.fromstring(f"<Tasks>{text}</Tasks>")]


def _task(uid: int, name: str = "Task", links: int = 1, extra: str = "", order: int = 0) -> str:
    fields = [f"<UID>{uid}</UID>", f"<Name>{name}</Name>", "<OutlineLevel>1</OutlineLevel>"]
    fields = fields[order:] + fields[:order]
    linked = "".join(f"\n  <PredecessorLink>\n    <PredecessorUID>{uid - 1 - n}</PredecessorUID>\n"
                     f"    <Type>1</Type>\n  </PredecessorLink>" for n in range(links))
    return f"\n<Task>\n  {'  '.join(fields)}{linked}{extra}\n</Task>"


_NAMES = st.sampled_from(["Dig", "R&amp;D &lt;1&gt;", "caf\u00e9 &#x263A;", "", " spaced ", "a>b"])
_SHAPES = st.tuples(_NAMES, st.integers(0, 3), st.sampled_from(
    ["", "<Notes></Notes>", "<Notes>a<b>bold</b>tail</Notes>", "<Notes>x</Notes>tail text"]), st.integers(0, 2))


@settings(max_examples=100, deadline=None)
@given(shapes=st.lists(_SHAPES, min_size=1, max_size=40), cut=st.integers(1, 39))
def test_tasks_of_recurring_layouts_read_as_the_tree_reads_them(shapes, cut):
    """Layouts learnt in one stretch read the next; same-sized layouts with other tags, texts with
    references and markup, mixed content and text between children."""
    tasks = [_task(uid + 10, *shape) for uid, shape in enumerate(shapes)]
    layouts = Layouts()
    first, second = "".join(tasks[:cut]), "".join(tasks[cut:])
    assert scan(first, 1000, layouts) == _tree_records(first)
    assert scan(second, 1000, layouts) == _tree_records(second)


@pytest.mark.parametrize("odd", [
    "<!-- a --><!-- b -->", "<![CDATA[x]]><?pi here?>", "<Notes/><Notes/>", '<Notes a="1">x</Notes>',
    "<Notes >x</Notes>", "<p:Notes>x</p:Notes>", "<Notes>&nbsp;</Notes>", "<Notes><b><i>deep</i></b></Notes>",
])
def test_a_task_not_written_plainly_is_not_read_from_the_text_once_its_layout_is_known(odd):
    """As many tags as a known layout's (or more) do not make a task plain."""
    layouts = Layouts()
    known = "".join(_task(uid, extra="<Notes>x</Notes>") for uid in range(1, 5))
    assert scan(known, 1000, layouts) == _tree_records(known)
    assert layouts.by_marks  # the layout is compiled
    assert scan(_task(5, extra=odd) + _task(6, extra="<Notes>x</Notes>"), 1000, layouts) is None


def test_a_known_layout_with_a_mismatched_end_tag_is_read_child_by_child():
    """The file's check (expat) refuses it; until then it is read as it was before there were layouts."""
    odd = _task(9).replace("</Name>", "</Nam>")
    known = "".join(_task(uid) for uid in range(1, 5))
    layouts = Layouts()
    scan(known, 1000, layouts)
    assert scan(known + odd, 1000, layouts) == scan(known + odd, 1000, Layouts()) != None  # noqa: E711
