"""`ilrs-planner schedule`: the table and the JSON a user reads, dates checked by hand."""

import json
from datetime import date
from pathlib import Path

from ilrs_planner.cli import main
from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.domain import Confidence, ConstraintType, Link, Precision, Project, Task
from ilrs_planner.store import save_project

TINY = Path(__file__).parent / "data" / "tiny.csv"

# The tiny plan (project start 2030-01-01): Phase holds Alpha (10d) and Beta (5d, after Alpha);
# Gamma (3d) starts 2 days after Alpha starts (SS+2); Done (milestone) follows Beta and Gamma.
#   Alpha [01-01, 01-11)  Beta [01-11, 01-16)  Gamma [01-03, 01-06)  Done 01-16
#   Backward from 01-16: Gamma may finish as late as 01-16 -> total float 10, free float 10
#   (Done starts 01-16, Gamma ends 01-06); Alpha, Beta, Done and Phase are critical.
EXPECTED = {
    "1": ("Phase", "2030-01-01", "2030-01-16", "2030-01-01", "2030-01-16", 0, True),
    "2": ("Alpha", "2030-01-01", "2030-01-11", "2030-01-01", "2030-01-11", 0, True),
    "3": ("Beta", "2030-01-11", "2030-01-16", "2030-01-11", "2030-01-16", 0, True),
    "4": ("Gamma", "2030-01-03", "2030-01-06", "2030-01-13", "2030-01-16", 10, False),
    "5": ("Done", "2030-01-16", "2030-01-16", "2030-01-16", "2030-01-16", 0, True),
}
FREE = {"2": 0, "3": 0, "4": 10, "5": 0}


def test_schedule_json_structure_and_hand_checked_dates(capsys):
    assert main(["schedule", str(TINY), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"finish_convention", "provenance", "project_start", "project_finish", "must_finish_by",
                         "tasks"}
    assert data["must_finish_by"] is None
    assert data["finish_convention"].startswith("exclusive")
    assert (data["project_start"], data["project_finish"]) == ("2030-01-01", "2030-01-16")
    assert [t["key"] for t in data["tasks"]] == ["1", "2", "3", "4", "5"]  # WBS order, summary included
    for task in data["tasks"]:
        assert set(task) == {"key", "name", "early_start", "early_finish", "late_start", "late_finish",
                             "total_float_days", "free_float_days", "float_unit", "critical", "precision", "confidence",
                             "source", "source_date", "task_mode", "manual_start", "shown_start", "shown_finish"}
        got = (task["name"], task["early_start"], task["early_finish"], task["late_start"], task["late_finish"],
               task["total_float_days"], task["critical"])
        assert got == EXPECTED[task["key"]]
        if task["key"] in FREE:
            assert task["free_float_days"] == FREE[task["key"]]
        assert task["float_unit"] == "d"  # no task of the tiny plan is elapsed: working days


def test_schedule_table_is_aligned_indented_and_marks_the_critical_path(capsys):
    assert main(["schedule", str(TINY)]) == 0
    lines = capsys.readouterr().out.splitlines()
    # Beta's last day is 2030-01-15 and Done sits at its end, shown that day, as MS Project shows it.
    assert lines[0] == "Tiny: 2030-01-01 to 2030-01-15, 5 tasks, 3 critical (not counting phases)"
    header, rows = lines[1], lines[3:8]
    for row in rows:  # dates start under their headers; floats end under theirs
        for title in ("Start", "Finish", "Late start", "Late finish"):
            at = header.index(title)
            assert row[at:at + 10].startswith("2030-01-") and row[at - 1] == " "
        end = header.index("Float") + len("Float")
        assert row[end - 1] == "d" and row[end] == " "
    # Each task led by its ID, as the window's ID column and MS Project's reports; its key last.
    assert header.split()[:4] == ["ID", "Name", "Start", "Finish"] and header.split()[-1] == "Key"
    by_key = {row.split()[0]: row for row in rows}
    assert "  Alpha" in by_key["2"] and by_key["1"].split()[1] == "Phase"
    assert [k for k, row in by_key.items() if row.split()[-2] == "*"] == ["1", "2", "3", "5"]
    assert "10 d" in by_key["4"] and "2030-01-13" in by_key["4"]  # as the task table writes a float
    assert by_key["5"].split()[2:6] == ["2030-01-15"] * 4  # Done: at the end of Beta's last day
    assert any("exclusive" in line for line in lines[8:])


def test_schedule_help_says_finish_dates_are_exclusive(capsys):
    try:
        main(["schedule", "--help"])
    except SystemExit:
        pass
    assert "exclusive" in capsys.readouterr().out


def test_schedule_names_a_loop(tmp_path, capsys):
    plan = tmp_path / "loop.csv"
    plan.write_text("ID,Name,Duration,Predecessors\n1,Design,5d,3\n2,Build,5d,1\n3,Test,5d,2\n")
    assert main(["schedule", str(plan)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error[link.cycle]:")
    assert all(key in err for key in ("1", "2", "3")) and "→" in err


def test_schedule_of_a_missing_file_is_an_error_not_a_traceback(tmp_path, capsys):
    assert main(["schedule", str(tmp_path / "absent.csv")]) == 2
    assert capsys.readouterr().err.startswith("error[import.bad_file]:")


def test_schedule_json_is_one_compact_line_and_pretty_indents_the_same_content(capsys):
    assert main(["schedule", str(TINY), "--json"]) == 0
    compact = capsys.readouterr().out
    assert main(["schedule", str(TINY), "--json", "--pretty"]) == 0
    pretty = capsys.readouterr().out
    assert compact.count("\n") == 1 and compact.endswith("}\n")
    assert pretty.startswith('{\n  "finish_convention": "exclusive')
    assert json.loads(compact) == json.loads(pretty)


def test_schedule_json_keeps_names_that_need_escaping(tmp_path, capsys):
    from datetime import date

    from ilrs_planner.domain import Project, Task
    from ilrs_planner.store import save_project

    names = ['Say "go"', "back\\slash", "Chang'e 7 — Shackleton", "月面 \U0001F311 base", "a/b"]
    project = Project("Escapes", date(2030, 1, 1))
    for number, name in enumerate(names):
        project.add_task(Task(f"K{number}\"", name, number + 1, position=number))
    plan = tmp_path / "escapes.db"
    save_project(project, plan)
    assert main(["schedule", str(plan), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [t["name"] for t in data["tasks"]] == names
    assert [t["key"] for t in data["tasks"]] == [f"K{n}\"" for n in range(len(names))]
    assert [t["early_finish"] for t in data["tasks"]] == [f"2030-01-0{n + 2}" for n in range(len(names))]
    assert data["project_finish"] == "2030-01-06" and all(t["critical"] is (t["key"] == 'K4"') for t in data["tasks"])


def test_output_written_in_small_blocks_is_the_same_output(capsys, monkeypatch):
    from ilrs_planner.cli import schedule_rows

    outputs = []
    for block in (schedule_rows.BLOCK, 2):
        monkeypatch.setattr(schedule_rows, "BLOCK", block)
        for extra in ([], ["--json"]):
            assert main(["schedule", str(TINY), *extra]) == 0
            outputs.append(capsys.readouterr().out)
    assert outputs[:2] == outputs[2:]
    assert [t["key"] for t in json.loads(outputs[3])["tasks"]] == ["1", "2", "3", "4", "5"]


def test_schedule_json_carries_each_tasks_precision_confidence_and_source(tmp_path, capsys):
    plan = Project(name="Provenance", start=date(2030, 1, 1))
    plan.add_task(Task("year", "Announced for 2031", 365, id="y", precision=Precision.YEAR,
                       constraint=ConstraintType.SNET, constraint_date=date(2031, 1, 1),
                       source_url="https://example.org/\"quoted\"", source_date=date(2025, 6, 18)))
    plan.add_task(Task("after", "Follows it", 10, id="a", confidence=Confidence.ASSUMPTION))
    plan.add_task(Task("own", "Our own task", 5, id="o"))
    plan.add_link(Link("y", "a"))
    save_project(plan, tmp_path / "p.db")
    assert main(["schedule", str(tmp_path / "p.db"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    rows = {t["key"]: (t["precision"], t["confidence"], t["source"], t["source_date"]) for t in data["tasks"]}
    assert rows == {
        "year": ("year", "sourced", 'https://example.org/"quoted"', "2025-06-18"),
        "after": ("year", "assumption", "", None),  # a day-precise task driven by a 2031 date is known to the year
        "own": ("day", "unsourced", "", None),
    }
    assert "unsourced" in data["provenance"] and "source_date" in data["provenance"]


def test_schedule_json_says_which_tasks_are_manually_scheduled(tmp_path, capsys):
    # Pad (5 d) then Site survey, manual on 2030-01-03: it keeps that start though Pad ends 01-06; its
    # own Start No Earlier Than 2030-01-02 is no part of its manual start.
    plan = Project(name="Modes", start=date(2030, 1, 1))
    plan.add_task(Task("PH", "Phase", 0, id="ph", position=0))
    plan.add_task(Task("pad", "Pad", 5, id="p", parent_id="ph", position=0))
    plan.add_task(Task("survey", "Site survey", 4, id="s", parent_id="ph", position=1, manual=True,
                       manual_start=date(2030, 1, 3), constraint=ConstraintType.SNET,
                       constraint_date=date(2030, 1, 2)))
    plan.add_link(Link("p", "s"))
    save_project(plan, tmp_path / "p.db")
    for extra in ([], ["--pretty"]):
        assert main(["schedule", str(tmp_path / "p.db"), "--json", *extra]) == 0
        data = json.loads(capsys.readouterr().out)
        rows = {t["key"]: (t["task_mode"], t["early_start"], t["manual_start"]) for t in data["tasks"]}
        assert rows == {"PH": (None, "2030-01-01", None), "pad": ("auto", "2030-01-01", None),
                        "survey": ("manual", "2030-01-03", "2030-01-03")}
        assert "task_mode" in data["provenance"] and "manual_start" in data["provenance"]


def test_schedule_table_shows_dates_to_the_precision_they_are_known(tmp_path, capsys):
    # "year" is announced for 2031 (SNET 2031-01-01, 365 d: last day 2031-12-31); "after" follows it
    # (FS, 10 d: 2032-01-01 to 2032-01-10), so its dates are known to the year too; "quarter" is
    # announced for Q3 2030 (SNET 2030-07-01, 30 d: last day 2030-07-30; at the latest it runs
    # 2031-12-12 to the plan's last day, 2032-01-10: Q4 2031 to Q1 2032); "own" is to the day
    # (2030-01-01 to 2030-01-05; at the latest 2032-01-06 to 2032-01-10).
    plan = Project(name="Precision", start=date(2030, 1, 1))
    plan.add_task(Task("year", "Announced for 2031", 365, id="y", precision=Precision.YEAR,
                       constraint=ConstraintType.SNET, constraint_date=date(2031, 1, 1)))
    plan.add_task(Task("after", "Follows it", 10, id="a", position=1))
    plan.add_task(Task("quarter", "Announced for Q3 2030", 30, id="q", position=2, precision=Precision.QUARTER,
                       constraint=ConstraintType.SNET, constraint_date=date(2030, 7, 1)))
    plan.add_task(Task("own", "Our own task", 5, id="o", position=3))
    plan.add_link(Link("y", "a"))
    save_project(plan, tmp_path / "p.db")
    assert main(["schedule", str(tmp_path / "p.db")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Precision: 2030-01-01 to 2032-01-10, 4 tasks, 2 critical (not counting phases)"
    header, rows = lines[1], {line.split()[-1]: line for line in lines[3:7]}  # by key, written last
    starts = [header.index(title) for title in ("Start", "Finish", "Late start", "Late finish")]
    cells = {key: [row[at:].split("  ")[0] for at in starts] for key, row in rows.items()}
    assert cells == {
        "year": ["2031", "2031", "2031", "2031"],
        "after": ["2032", "2032", "2032", "2032"],
        "quarter": ["Q3 2030", "Q3 2030", "Q4 2031", "Q1 2032"],
        "own": ["2030-01-01", "2030-01-05", "2032-01-06", "2032-01-10"],
    }


def test_each_task_of_the_roadmap_is_led_by_the_id_the_window_shows_its_key_last(tmp_path, capsys):
    project = build_reference_project()
    save_project(project, tmp_path / "ilrs.db")
    assert main(["schedule", str(tmp_path / "ilrs.db")]) == 0
    lines = [line.split() for line in capsys.readouterr().out.splitlines()]
    listed = {words[-1]: words[0] for words in lines if words and words[0].isdigit()}
    # The window's ID: the row in outline order counted from 1 (what its Predecessors column takes).
    assert listed == {task.key: str(row) for row, (task, _depth) in enumerate(project.walk(), start=1)}


def test_schedule_table_says_why_an_unlinked_manual_task_without_float_is_not_marked_critical(tmp_path, capsys):
    # A manual task alone finishes the plan: no float, yet not critical (MS Project's rule, and the
    # Critical flag MS Project writes for such tasks); the key to the '*' says why.
    plan = Project(name="Modes", start=date(2030, 1, 1))
    plan.add_task(Task("alone", "Alone", 5, id="a", manual=True, manual_start=date(2030, 1, 1)))
    save_project(plan, tmp_path / "p.db")
    assert main(["schedule", str(tmp_path / "p.db")]) == 0
    out = capsys.readouterr().out
    assert "1 tasks, 0 critical" in out and "never a manual task no link ties to another" in out
    plan.add_task(Task("auto", "Auto", 5, id="b"))
    plan.tasks["a"].manual = False
    save_project(plan, tmp_path / "q.db")
    assert main(["schedule", str(tmp_path / "q.db")]) == 0
    assert "* critical (total float <= 0).\n" in capsys.readouterr().out
