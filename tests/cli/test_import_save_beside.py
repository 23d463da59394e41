"""`import` of a large plan saves it in a second process while this one schedules it: the plan file,
the warnings and every refusal are the same as when one process does both, and nothing is left
beside the target whatever happens."""

import os
import random
import sqlite3
import sys
from datetime import date
from pathlib import Path

import pytest

from ilrs_planner.cli import main
from ilrs_planner.domain import Calendar, PlannerError, Project, Task
from ilrs_planner.files.atomic import TEMP_SUFFIX
from ilrs_planner.store import save_beside, writer

HERE = Path(__file__).parents[1] / "exchange"
LINKS = HERE / "msp_real" / "task-links-project2016-mspdi.xml"
START = save_beside.SaveBeside.start
pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the second process is forked")


def _import(monkeypatch, capsys, source: Path, out: Path, beside: bool) -> tuple:
    """(exit status, stdout, stderr, the plan file's SQL, whether a second process saved) of an import,
    ids drawn from a seeded source."""
    monkeypatch.setattr(save_beside, "MIN_TASKS", 0 if beside else 1 << 60)
    monkeypatch.delitem(sys.modules, "PySide6.QtCore", raising=False)  # loaded by pytest-qt, not by the CLI
    monkeypatch.setattr(os, "urandom", random.Random(7).randbytes)
    started = []
    monkeypatch.setattr(save_beside.SaveBeside, "start", lambda *args: started.append(START(*args)) or started[0])
    capsys.readouterr()
    code = main(["import", str(source), "-o", str(out), "--force"])
    printed = capsys.readouterr()
    assert not list(out.parent.glob(f"*{TEMP_SUFFIX}"))  # no temporary file left beside the target
    sql = "\n".join(sqlite3.connect(out).iterdump()) if out.is_file() else None
    return code, printed.out.replace(str(out), "OUT"), printed.err, sql, started[0] is not None


def test_a_plan_saved_beside_the_schedule_is_the_plan_saved_after_it(monkeypatch, capsys, tmp_path):
    plain = _import(monkeypatch, capsys, LINKS, tmp_path / "plain.db", beside=False)
    assert plain[0] == 0 and "Imported" in plain[1] and "CREATE TABLE" in plain[3]
    assert _import(monkeypatch, capsys, LINKS, tmp_path / "beside.db", beside=True) == (*plain[:4], True)


def test_a_loop_dropped_while_the_plan_was_being_saved_is_saved_without_it(monkeypatch, capsys, tmp_path):
    pairs = ((1, 3), (2, 1), (3, 2), (4, 3))  # 1-2-3 loop; 4 follows 3
    tasks = "".join(
        f"<Task><UID>{u}</UID><Name>T{u}</Name><OutlineLevel>1</OutlineLevel><Duration>PT8H0M0S</Duration>"
        f"<PredecessorLink><PredecessorUID>{p}</PredecessorUID><Type>1</Type></PredecessorLink></Task>"
        for u, p in pairs)
    xml = tmp_path / "loop.xml"
    xml.write_text(f"<Project><StartDate>2030-01-07T08:00:00</StartDate><Tasks>{tasks}</Tasks></Project>")
    plain = _import(monkeypatch, capsys, xml, tmp_path / "plain.db", beside=False)
    assert "form a loop" in plain[2] and plain[3].count('INSERT INTO "links"') == 3
    assert _import(monkeypatch, capsys, xml, tmp_path / "beside.db", beside=True) == (*plain[:4], True)


def test_a_loop_refused_while_the_plan_was_being_saved_writes_nothing(monkeypatch, capsys, tmp_path):
    table = tmp_path / "loop.csv"
    table.write_text("ID,Key,Name,Duration,Predecessors\n1,design,Design,5d,3\n2,build,Build,5d,1\n"
                     "3,test,Test,5d,2\n")
    code, _, err, sql, _ = _import(monkeypatch, capsys, table, tmp_path / "out.db", beside=True)
    assert code == 2 and err.startswith("error[link.cycle]:") and sql is None


def test_a_second_process_that_fails_leaves_the_save_to_this_one(monkeypatch, capsys, tmp_path):
    plain = _import(monkeypatch, capsys, LINKS, tmp_path / "plain.db", beside=False)

    def fails(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writer, "write_pending", fails)
    assert _import(monkeypatch, capsys, LINKS, tmp_path / "beside.db", beside=True) == (*plain[:4], True)


def test_a_target_that_cannot_be_written_is_refused_after_the_schedule_as_before(monkeypatch, capsys, tmp_path):
    out = tmp_path / "folder.db"
    out.mkdir()  # a folder where the plan file would go: refused by the save, once the plan is scheduled
    plain = _import(monkeypatch, capsys, LINKS, out, beside=False)
    assert plain[0] == 2 and plain[2].startswith("error[store.io]") and "it is a folder" in plain[2]
    assert _import(monkeypatch, capsys, LINKS, out, beside=True) == plain


@pytest.mark.parametrize("spoil", [
    lambda plan: setattr(plan.tasks["t-2"], "notes", "line one\x1b[2K"),  # a control character in a text
    lambda plan: setattr(plan.calendars["cal-closed"], "weekdays", (False,) * 7),  # a calendar without work
])
def test_a_plan_refused_by_the_checks_left_to_this_process_is_refused_as_by_the_plain_save(monkeypatch, tmp_path,
                                                                                           spoil):
    """The checks of texts and calendars run here while the second process writes the rows: a plan
    they refuse is refused with the plain save's words, and no file is left, nor the one written."""
    monkeypatch.setattr(save_beside, "MIN_TASKS", 0)
    monkeypatch.delitem(sys.modules, "PySide6.QtCore", raising=False)
    plan = Project("Refused", date(2030, 1, 7))
    plan.add_calendar(Calendar("Closed later", (True,) * 5 + (False, False), [], id="cal-closed"))
    for number in range(1, 4):
        plan.add_task(Task(f"k{number}", f"Task {number}", 3, id=f"t-{number}", calendar_id="cal-closed"))
    spoil(plan)
    with pytest.raises(PlannerError) as plain:
        writer.save_project(plan, tmp_path / "plain.db")
    saving = save_beside.SaveBeside.start(plan, tmp_path / "beside.db")
    assert saving is not None
    with pytest.raises(PlannerError) as beside:
        saving.finish()
    assert (beside.value.code, beside.value.message) == (plain.value.code, plain.value.message)
    assert sorted(path.name for path in tmp_path.iterdir()) == []
