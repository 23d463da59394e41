"""MS Project XML is written as it is made: a partner's plan of a million calendar exceptions must not
be built whole in memory (gigabytes) before its first byte reaches the file, and the bytes stay those
ElementTree writes for the whole tree."""

import contextlib
import io
import xml.etree.ElementTree as ET
from datetime import date, timedelta

from ilrs_planner.domain import Calendar, CalendarException, Project, Task
from ilrs_planner.exchange.mspdi import writer
from ilrs_planner.exchange.mspdi.reader import read_mspdi
from ilrs_planner.exchange.mspdi.xml_out import XmlOut


class RecordingStream(io.RawIOBase):
    """A file that keeps what it is sent and the size of each write."""

    def __init__(self):
        self.sizes: list[int] = []
        self.data = bytearray()

    def writable(self):
        return True

    def write(self, chunk):
        self.sizes.append(len(chunk))
        self.data += chunk
        return len(chunk)


def _hostile_plan(exceptions: int) -> Project:
    plan = Project("Partner plan", date(2030, 1, 7))
    calendar = plan.add_calendar(Calendar("Range", (True,) * 5 + (False, False)))
    first = date(2030, 1, 1)
    calendar.exceptions = [CalendarException(f"Closure {n}", first + timedelta(days=n), first + timedelta(days=n),
                                             working=n % 5 == 0) for n in range(exceptions)]
    plan.default_calendar_id = calendar.id
    for n in range(600):
        plan.add_task(Task(f"k{n}", f"Task {n}", 3))
    return plan


def test_a_large_export_reaches_the_file_as_it_is_made_in_bounded_writes(tmp_path, monkeypatch):
    stream = RecordingStream()
    monkeypatch.setattr(writer, "atomic_output", lambda _target: contextlib.nullcontext(stream))
    written_when_built: list[int] = []  # bytes in the file when each task's element is made
    make_task = writer.task_element

    def recording_task_element(*args, **kwargs):
        written_when_built.append(len(stream.data))
        return make_task(*args, **kwargs)

    monkeypatch.setattr(writer, "task_element", recording_task_element)
    writer.write_mspdi(_hostile_plan(4000), tmp_path / "plan.xml")
    total = len(stream.data)
    assert total > 2_000_000  # each exception is written twice (2003 WeekDays and 2007 Exceptions)
    assert written_when_built[0] > total / 2  # the calendars were in the file before the first task was made
    assert written_when_built[-1] > written_when_built[0]  # and tasks went out while others were still to come
    assert len(stream.sizes) > 10 and max(stream.sizes) < total / 8


def test_the_streamed_file_reads_back_with_every_exception(tmp_path):
    target = tmp_path / "plan.xml"
    writer.write_mspdi(_hostile_plan(300), target)
    calendars = read_mspdi(target).project.calendars.values()
    assert sorted(len(c.exceptions) for c in calendars) == [300]


def _reference_bytes(root: ET.Element) -> bytes:
    ET.indent(root, space="  ")
    buffer = io.BytesIO()
    ET.ElementTree(root).write(buffer, encoding="UTF-8", xml_declaration=True)
    return buffer.getvalue()


def test_streamed_bytes_are_those_of_the_whole_tree():
    """Escaping, a lone surrogate, an empty container and nesting at three levels, as ElementTree writes them."""
    root = ET.Element("Project", {"xmlns": "urn:x&y"})
    ET.SubElement(root, "Name").text = "A <b> & \"c\" \u00e9 \ud800"
    listing = ET.SubElement(root, "Tasks")
    for n in range(600):  # more than one serialised batch
        task = ET.SubElement(listing, "Task")
        ET.SubElement(task, "UID").text = str(n)
        ET.SubElement(ET.SubElement(task, "Link"), "To").text = str(n + 1)
    ET.SubElement(root, "Resources")
    stream = RecordingStream()
    out = XmlOut(stream)
    with out.within("Project", {"xmlns": "urn:x&y"}):
        out.element(root[0])
        with out.within("Tasks"):
            for task in list(listing):
                out.element(task)
        with out.within("Resources"):
            pass
    out.finish()
    assert bytes(stream.data) == _reference_bytes(root)
