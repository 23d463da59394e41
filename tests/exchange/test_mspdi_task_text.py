"""The short way sends most tasks without their records (`task_text`): a task the reading process leaves
to the general reading after all is read again from the file's text, and the plan, its warnings and its
refusals are those of one process; a file changed while it is read is refused, not misread."""

import os

import pytest
from mspdi_ways import both_ways, plan_file, read_way

from ilrs_planner.domain import PlannerError
from ilrs_planner.exchange.mspdi import task_text
from ilrs_planner.exchange.mspdi.task_scan import scan, task_list_text

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the second process is forked")


def _task(uid: int, level: int = 1, duration: str = "PT16H0M0S", name: str = "") -> str:
    link = (f"<PredecessorLink><PredecessorUID>{uid - 1}</PredecessorUID><Type>1</Type><CrossProject>0</CrossProject>"
            "<LinkLag>0</LinkLag><LagFormat>7</LagFormat></PredecessorLink>")  # as MS Project writes one
    return (f"<Task>\r\n  <UID>{uid}</UID><Name>{name or f'Task {uid}'}</Name><OutlineLevel>{level}</OutlineLevel>"
            f"<Duration>{duration}</Duration><Start>2030-01-07T08:00:00</Start><Finish>2030-01-08T17:00:00</Finish>"
            f"{link if uid > 1 else ''}\r\n</Task>\r\n")


def _reread(monkeypatch) -> list[str]:
    """The UIDs of the tasks read again from the file's text, in order."""
    uids: list[str] = []
    original = task_text.TaskText.record

    def counted(self):
        record = original(self)
        uids.append(record[1][record[0].index("UID")])
        return record

    monkeypatch.setattr(task_text.TaskText, "record", counted)
    return uids


def test_a_task_left_to_the_general_reading_is_read_again_from_the_files_text(monkeypatch, tmp_path):
    # Some 400 tasks: several stretches; names of two- and three-byte characters before each odd task, so
    # that a task's place in the text is not its place in the bytes; line ends read as expat reads them.
    odd = {120: {"duration": "PT4H0M0S"}, 250: {"level": 3}}
    tasks = [_task(uid, **{"name": "Étape ☺ – ü" if uid % 7 == 0 else "", **odd.get(uid, {})}) for uid in range(1, 400)]
    tasks.insert(260, _task(77, name="a second UID 77"))
    reread = _reread(monkeypatch)
    plan, warnings = both_ways(monkeypatch, plan_file(tmp_path, "".join(tasks)), plain=True)
    assert warnings[:3] == ["task UID 120 ('Task 120'): duration of 0.50 days rounded up to 1 (plans count whole days)",
                            "task UID 250 ('Task 250'): OutlineLevel 3 follows level 1, skipping levels; placed at "
                            "level 2, under the task above it", "task UID 77 appears twice; the second was left out"]
    assert reread == ["120", "250", "77"]  # from the short way's reading: the others were read as sent


def test_every_task_read_the_general_way_reads_alike_from_the_files_text(monkeypatch, tmp_path):
    from ilrs_planner.exchange.mspdi import plain_task

    path = plan_file(tmp_path, "".join(_task(uid, name="Étape ☺") for uid in range(1, 200)))
    single, _ = read_way(monkeypatch, path, "single")
    monkeypatch.setattr(plain_task, "FAST", False)  # every task the general way: each read again
    reread = _reread(monkeypatch)
    assert read_way(monkeypatch, path, "plain")[0] == single
    assert len(reread) == 199


def test_a_file_changed_while_it_is_read_is_refused_by_name(tmp_path):
    path = tmp_path / "plan.xml"
    path.write_bytes(_task(1).encode() + _task(2).encode())
    spans: list[tuple[int, int]] = []
    assert len(scan(task_list_text(path.read_bytes()), 1000, spans=spans)) == 2
    bounds, places = (0, path.stat().st_size), task_text.spans_of(spans)
    file = task_text.FileText(path)
    assert task_text.whole(file.stretch(bounds, places).records([None, None])[1])[1][0] == "2"
    file.close()
    path.write_bytes(b"<Task><UID>1</UID></Task>" + b" " * 200)  # rewritten meanwhile
    file = task_text.FileText(path)
    with pytest.raises(PlannerError) as refused:
        task_text.whole(file.stretch(bounds, places).records([None, None])[0])
    file.close()
    assert refused.value.code == "import.bad_file"
    assert str(refused.value.message) == "plan.xml: could not be read (it changed while it was being read)"
