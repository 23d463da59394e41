"""`ilrs-planner import`: a task table becomes a plan file, or a clear error and no file."""

import json
from pathlib import Path

import pytest

from ilrs_planner.cli import main

DATA = Path(__file__).parent / "data"
MSP = Path(__file__).parents[1] / "exchange" / "data" / "msp_export.csv"


def schedule_json(path, capsys):
    capsys.readouterr()
    assert main(["schedule", str(path), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_import_ms_project_export_then_schedule_the_plan_file(tmp_path, capsys):
    out = tmp_path / "relay.db"
    assert main(["import", str(MSP), "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert "Imported 9 tasks, 6 links and 2 participants" in captured.out
    # Every column is carried, As Late As Possible included; the table's summary Starts (typed by hand,
    # 1/7/30 above sub-tasks starting 1/21/30) are not where the plan puts them, and that is said.
    notes = captured.err.splitlines()
    assert len(notes) == 1 and notes[0].startswith("warning: 4 tasks start on another day than the file's Start "
                                                   "column shows (first: row 6, 'Surface segment', 2030-01-07 in "
                                                   "the file, 2030-01-21 here); the file has no status date")
    assert out.exists()
    from_file = schedule_json(out, capsys)
    assert from_file == schedule_json(MSP, capsys)  # the plan file holds what the table said
    launch = next(t for t in from_file["tasks"] if t["key"] == "9")
    assert launch["early_start"] == "2030-06-03"  # Must Start On Mon 6/3/30


def test_import_start_option_sets_the_project_start(tmp_path, capsys):
    out = tmp_path / "tiny.db"
    assert main(["import", str(DATA / "tiny.csv"), "-o", str(out), "--start", "2031-05-01"]) == 0
    data = schedule_json(out, capsys)
    alpha = next(t for t in data["tasks"] if t["key"] == "2")
    assert data["project_start"] == "2031-05-01" and alpha["early_finish"] == "2031-05-11"


def test_import_refuses_to_overwrite_without_force(tmp_path, capsys):
    out = tmp_path / "taken.db"
    out.write_bytes(b"someone's plan")
    assert main(["import", str(DATA / "tiny.csv"), "-o", str(out)]) == 2
    assert capsys.readouterr().err.startswith("error[store.io]:")
    assert out.read_bytes() == b"someone's plan"
    assert main(["import", str(DATA / "tiny.csv"), "-o", str(out), "--force"]) == 0
    assert schedule_json(out, capsys)["project_finish"] == "2030-01-16"


@pytest.mark.parametrize("rows, code, where", [
    ("1,Design,5d,\n2,Build,5d,1\n3,Test,2d,3XX+2d\n", "import.bad_row", "row 4, column Predecessors: '3XX+2d'"),
    ("1,Design,5d,\n2,Build,-5d,1\n", "import.bad_row", "row 3, column Duration:"),
    ("1,Design,5d,\n1,Build,5d,\n", "import.bad_row", "row 3, column ID:"),
    ("1,Design,5d,9\n", "import.bad_row", "row 2, column Predecessors: no task has the ID '9'"),
])
def test_import_errors_name_row_and_column_and_write_nothing(tmp_path, capsys, rows, code, where):
    table = tmp_path / "bad.csv"
    table.write_text("ID,Name,Duration,Predecessors\n" + rows)
    out = tmp_path / "out.db"
    assert main(["import", str(table), "-o", str(out), "--force"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error[{code}]: {where}"), err
    assert not out.exists()


def test_import_reports_a_loop_by_task_keys_and_writes_nothing(tmp_path, capsys):
    table = tmp_path / "loop.csv"
    table.write_text("ID,Key,Name,Duration,Predecessors\n1,design,Design,5d,3\n2,build,Build,5d,1\n"
                     "3,test,Test,5d,2\n4,launch,Launch,0d,3\n")
    out = tmp_path / "out.db"
    assert main(["import", str(table), "-o", str(out), "--force"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error[link.cycle]:")
    assert all(key in err for key in ("design", "build", "test")) and "launch" not in err
    assert not out.exists()


def test_import_bad_start_and_unknown_format(tmp_path, capsys):
    assert main(["import", str(DATA / "tiny.csv"), "-o", str(tmp_path / "a.db"), "--start", "2031-02-30"]) == 2
    assert capsys.readouterr().err.startswith("error[date.invalid]:")
    other = tmp_path / "plan.abc"
    other.write_bytes(b"binary")
    assert main(["import", str(other), "-o", str(tmp_path / "b.db")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error[import.bad_file]:") and ".csv" in err


def test_an_ms_project_xml_loop_is_broken_and_named_as_the_reader_breaks_it(tmp_path, capsys):
    from ilrs_planner.exchange.formats import read_plan
    from ilrs_planner.store import open_project

    pairs = ((1, 3), (2, 1), (3, 2), (4, 3), (5, 6), (6, 5))  # two loops: 1-2-3 and 5-6; 4 follows 3
    tasks = "".join(
        f"<Task><UID>{u}</UID><Name>T{u}</Name><OutlineLevel>1</OutlineLevel><Duration>PT8H0M0S</Duration>"
        f"<PredecessorLink><PredecessorUID>{p}</PredecessorUID><Type>1</Type></PredecessorLink></Task>"
        for u, p in pairs)
    xml = tmp_path / "loops.xml"
    xml.write_text(f"<Project><StartDate>2030-01-07T08:00:00</StartDate><Tasks>{tasks}</Tasks></Project>")
    out = tmp_path / "out.db"
    assert main(["import", str(xml), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    expected = read_plan(xml)  # what any other import of the file (the window's) keeps and says
    loop_warnings = [w for w in expected.warnings if "form a loop" in w]
    assert len(loop_warnings) == 2 and all(w in err for w in loop_warnings)
    kept = {(link.pred_id, link.succ_id) for link in expected.project.links.values()}
    keys = {t.id: t.key for t in expected.project.tasks.values()}
    saved = open_project(out)
    saved_keys = {t.id: t.key for t in saved.tasks.values()}
    assert {(saved_keys[k.pred_id], saved_keys[k.succ_id]) for k in saved.links.values()} == {
        (keys[p], keys[s]) for p, s in kept}
    assert len(saved.links) == 4


def test_a_csv_of_more_tasks_than_an_import_takes_is_refused_and_the_target_kept(tmp_path, capsys):
    # 31 MB of two-million one-task rows took two minutes and 4.7 GB before the save refused it.
    table = tmp_path / "flood.csv"
    table.write_text("Name\n" + "".join(f"t{i}\n" for i in range(200_002)), encoding="utf-8")
    out = tmp_path / "plan.db"
    assert main(["import", str(DATA / "tiny.csv"), "-o", str(out)]) == 0
    before = out.read_bytes()
    capsys.readouterr()
    assert main(["import", str(table), "-o", str(out), "--force"]) == 2
    err = capsys.readouterr().err
    assert "import.bad_file" in err and "row 200,003" in err
    assert "more than 200,001 rows" in err and "200,000 tasks" in err
    assert out.read_bytes() == before  # the plan already there is untouched


def test_a_csv_of_exactly_the_most_tasks_an_import_takes_still_parses():
    from ilrs_planner.exchange.csv_table import parse_table
    from ilrs_planner.exchange.msp_csv import MAX_TASK_ROWS
    from ilrs_planner.exchange.msp_csv_columns import CANONICAL
    text = "Name\n" + "".join(f"t{i}\n" for i in range(MAX_TASK_ROWS))
    assert len(parse_table(text, CANONICAL, MAX_TASK_ROWS).rows) == MAX_TASK_ROWS


def test_a_csv_of_more_dependencies_than_an_import_takes_is_refused_at_the_row_passing_them(
        tmp_path, capsys, monkeypatch):
    from ilrs_planner.exchange import msp_csv
    monkeypatch.setattr(msp_csv, "MAX_LINKS", 10)  # 800,000 in use: the same refusal, made quickly
    # Each task waits on every task above it: 10 links by ID 5 (file row 6), 15 by ID 6 (row 7).
    rows = [f"{i},t{i},1d,\"{','.join(str(j) for j in range(1, i))}\"" for i in range(1, 9)]
    table = tmp_path / "web.csv"
    table.write_text("ID,Name,Duration,Predecessors\n" + "\n".join(rows) + "\n", encoding="utf-8")
    out = tmp_path / "plan.db"
    assert main(["import", str(table), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "import.bad_row" in err and "row 7, column Predecessors" in err and "at most 10" in err
    assert not out.exists()


def test_import_an_exported_workbook_into_a_plan_file(tmp_path, capsys):
    reference = tmp_path / "roadmap.db"
    assert main(["new", "--reference", str(reference)]) == 0
    assert main(["export", str(reference), "-o", str(tmp_path / "roadmap.xlsx")]) == 0
    capsys.readouterr()
    assert main(["import", str(tmp_path / "roadmap.xlsx"), "-o", str(tmp_path / "back.db")]) == 0
    captured = capsys.readouterr()
    assert captured.err == ""  # nothing lost on the way
    assert schedule_json(tmp_path / "back.db", capsys)["tasks"] == schedule_json(reference, capsys)["tasks"]
