"""CSV, Excel and calendar exports go to the file as they are made: a 100,000-task plan's rows are never
all held at once (that took as much memory again as the plan), and the bytes are those of before."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
from datetime import date

from openpyxl import load_workbook

from ilrs_planner.domain import Link, Project, Task, TaskKind
from ilrs_planner.exchange import ics, msp_csv_write, xlsx
from ilrs_planner.exchange.xlsx_cells import RowWriter

TASKS = 3000


class RecordingStream(io.BytesIO):
    """A file that keeps what it is sent (also once closed) and the size of each write."""

    def __init__(self):
        super().__init__()
        self.sizes: list[int] = []
        self.kept = b""

    def write(self, chunk):
        self.sizes.append(len(chunk))
        return super().write(chunk)

    def close(self):
        if not self.closed:
            self.kept = self.getvalue()
        super().close()

    def content(self) -> bytes:
        return self.kept if self.closed else self.getvalue()

    def written(self) -> int:
        return sum(self.sizes)


def _plan() -> Project:
    """A chain of tasks, every tenth a milestone, each linked to the next."""
    plan = Project("Streamed plan", date(2030, 1, 1))
    for n in range(TASKS):
        milestone = n % 10 == 0
        plan.add_task(Task(f"k{n}", f"Task {n}", 0 if milestone else 3,
                           TaskKind.MILESTONE if milestone else TaskKind.TASK, id=f"t{n}", position=n))
    for n in range(TASKS - 1):
        plan.add_link(Link(f"t{n}", f"t{n + 1}", id=f"l{n}"))
    return plan


def _recorded(monkeypatch, module, name):
    """Route `module`'s atomic output to a recording stream; record the bytes written whenever
    `module.name` makes a piece (a row, an event)."""
    stream, written_when_made = RecordingStream(), []
    monkeypatch.setattr(module, "atomic_output", lambda _target: contextlib.nullcontext(stream))
    make = getattr(module, name)

    def recording(*args, **kwargs):
        written_when_made.append(stream.written())
        return make(*args, **kwargs)

    monkeypatch.setattr(module, name, recording)
    return stream, written_when_made


def _went_out_as_made(stream: RecordingStream, written_when_made: list[int], pieces: int) -> None:
    total = len(stream.content())
    assert len(written_when_made) == pieces
    assert written_when_made[-1] > total / 2  # most of the file was out before the last piece was made
    assert max(stream.sizes) < total / 4  # in many writes, not one


def test_the_csv_rows_reach_the_file_as_they_are_made(tmp_path, monkeypatch):
    stream, written = _recorded(monkeypatch, msp_csv_write, "_task_row")
    msp_csv_write.write(_plan(), tmp_path / "plan.csv")
    _went_out_as_made(stream, written, TASKS)
    lines = stream.content().decode("utf-8-sig").split("\r\n")
    finish = lines[0].split(",").index('"Finish"')
    last_day = max(line.split(",")[finish] for line in lines[2:] if line)
    assert lines[1].split(",")[finish] == last_day  # the project row, written first, has the tasks' last day


def test_the_workbook_links_reach_the_file_as_they_are_made(tmp_path, monkeypatch):
    stream, link_rows_written = RecordingStream(), []
    monkeypatch.setattr(xlsx, "atomic_output", lambda _target: contextlib.nullcontext(stream))
    make_row = RowWriter.row

    def recording_row(writer, number, values, **looks):
        if len(writer.letters) == 5:  # the Links sheet's (predecessor, successor, type, lag, elapsed)
            link_rows_written.append(stream.written())
        return make_row(writer, number, values, **looks)

    monkeypatch.setattr(RowWriter, "row", recording_row)
    xlsx.write(_plan(), tmp_path / "plan.xlsx")
    total = len(stream.content())
    assert link_rows_written[-1] > total / 2  # the task sheet was in the file before the last link's row was made


def test_a_formula_in_a_linked_key_stays_text_on_the_links_sheet(tmp_path):
    plan = _plan()
    plan.tasks["t5"].key = "=HYPERLINK(\"http://evil\")"
    xlsx.write(plan, tmp_path / "plan.xlsx")
    links = load_workbook(tmp_path / "plan.xlsx")["Links"]
    cells = [row[0] for row in links.iter_rows(min_row=2) if row[0].value == plan.tasks["t5"].key]
    assert cells and cells[0].quotePrefix and cells[0].data_type == "s"


def test_the_calendar_events_reach_the_file_as_they_are_made(tmp_path, monkeypatch):
    stream, written = _recorded(monkeypatch, ics, "_event")
    ics.write(_plan(), tmp_path / "plan.ics")
    _went_out_as_made(stream, written, TASKS // 10)


def test_the_calendar_written_in_pieces_is_the_whole_calendar(monkeypatch):
    class Fixed(dt.datetime):
        @classmethod
        def now(cls, tz=None):
            return dt.datetime(2030, 1, 2, 3, 4, 5, tzinfo=tz)

    monkeypatch.setattr(ics, "datetime", Fixed)
    plan = _plan()
    plan.name = "Line one\nline two; with, punctuation"
    whole = ics._calendar(plan)
    for event in ics._events(plan, True, []):
        whole.add_component(event)
    assert b"".join(ics.ical_chunks(plan, missions=True)) == whole.to_ical()
