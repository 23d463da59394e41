"""One Duration for every kind of task, as MS Project defines it, wherever it is written.

MS Project's Duration is Actual Duration + Remaining Duration: a task under way keeps its duration
although its work left runs from the status date (that span, actual start to forecast finish, is
P6's At Completion Duration, shown under its own name); a finished task's is the days it took; a
summary's the days its sub-tasks span. The engine, the CSV, XLSX and MS Project XML exports write
the same number (the window's table, tooltip and dialog: tests/qt/test_duration_everywhere.py).

Hand-worked on a Monday-to-Friday plan in January/February 2030 (Mondays: 01-07, 01-14, 01-21,
01-28), status date Monday 01-21:
- N, not started, 10 d: held to the status date, 01-21 to Fri 02-01; Duration 10 d.
- U, 10 d started Mon 01-07, 20 % done: 10 working days (01-07..01-18) behind the status date, 8
  left (ceil 10 x 0.8) from 01-21 to Wed 01-30. Duration 10 d; at completion 10 + 8 = 18 d.
- H, 10 d started Wed 01-16, 80 % done: 3 working days behind, 2 left (01-21, 01-22). Duration
  10 d (ahead of its plan); at completion 3 + 2 = 5 d.
- D, planned 10 d, worked Mon 01-07 to Fri 01-25 (actual finish recorded as the next day): 15 d.
- E, 10 elapsed days started Mon 01-14, 30 % done: 7 calendar days behind (01-14..01-20), 7 left
  (ceil 10 x 0.7) to Sun 01-27. Duration 10 ed; at completion 14 ed.
- M, a milestone: 0.
- P, a phase whose own stored 99 d schedules nothing: P1 (5 d) 01-21..01-25 -> P2 (5 d)
  01-28..02-01, so it spans 10 working days.
"""

from __future__ import annotations

import csv
import math
import re
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from duration_kinds import kinds_plan
from openpyxl import load_workbook

from ilrs_planner.domain.working_count import WorkedDays
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.engine.shown_dates import at_completion_days, shown_duration, under_way
from ilrs_planner.exchange import mpxj_run
from ilrs_planner.exchange.formats import read_plan, write_plan
from ilrs_planner.exchange.mspdi.reader import read_mspdi
from ilrs_planner.exchange.mspdi.xml_safe import parse_untrusted

D = date
NS = "{http://schemas.microsoft.com/project}"
REAL = Path(__file__).parent / "msp_real"
# Name -> (Duration, elapsed, at completion when under way); worked out by hand in the module doc.
WANT = {"N": (10, False, None), "U": (10, False, 18), "H": (10, False, 5), "D": (15, False, None),
        "E": (10, True, 14), "M": (0, False, None), "P": (10, False, None), "P1": (5, False, None),
        "P2": (5, False, None)}


def test_the_hand_worked_dates_hold():
    dates = schedule(kinds_plan()).tasks
    assert {key: dates[key].shown_finish for key in "nuhde"} == {
        "n": D(2030, 2, 1), "u": D(2030, 1, 30), "h": D(2030, 1, 22), "d": D(2030, 1, 25), "e": D(2030, 1, 27)}
    assert (dates["p"].shown_start, dates["p"].shown_finish) == (D(2030, 1, 21), D(2030, 2, 1))


def test_the_duration_of_each_kind_and_the_span_of_a_task_under_way():
    project = kinds_plan()
    dates, summaries, worked = schedule(project).tasks, project.summary_ids(), WorkedDays(project)
    got = {}
    for task in project.tasks.values():
        summary = task.id in summaries
        span = at_completion_days(project, task, dates[task.id], worked) if under_way(task, summary) else None
        got[task.key] = (shown_duration(project, task, dates[task.id], summary, worked), task.elapsed, span)
    assert got == WANT


def test_the_csv_export_writes_the_same_duration(tmp_path):
    path = tmp_path / "kinds.csv"
    write_plan(kinds_plan(), path)
    with open(path, encoding="utf-8-sig", newline="") as handle:
        got = {row["Name"]: row["Duration"] for row in csv.DictReader(handle) if row["ID"] != "0"}
    assert got == {name: f"{days} {'eday' if elapsed else 'day'}{'' if days == 1 else 's'}"
                   for name, (days, elapsed, _) in WANT.items()}


def test_the_xlsx_export_writes_the_same_duration(tmp_path):
    path = tmp_path / "kinds.xlsx"
    write_plan(kinds_plan(), path)
    rows = list(load_workbook(path, read_only=True)["Tasks"].iter_rows(values_only=True))
    name, duration = rows[0].index("Task"), rows[0].index("Duration (d)")
    assert {str(row[name]).strip(): row[duration] for row in rows[1:]} == {
        key: days for key, (days, _, _) in WANT.items()}


def _days(text: str, elapsed: bool) -> float:
    """MS Project XML time (PT80H0M0S) in days: 8 working hours, or 24 hours of an elapsed day."""
    found = re.fullmatch(r"PT(\d+)H(\d+)M(\d+)S", text)
    assert found is not None, text
    return (int(found[1]) + int(found[2]) / 60) / (24 if elapsed else 8)


def test_ms_project_xml_writes_the_same_duration_as_actual_plus_remaining(tmp_path):
    path = tmp_path / "kinds.xml"
    write_plan(kinds_plan(), path)
    tasks = {task.findtext(f"{NS}Name"): task for task in ET.parse(path).getroot().iter(f"{NS}Task")}
    got = {name: _days(tasks[name].findtext(f"{NS}Duration"), WANT[name][1]) for name in WANT}
    assert got == {name: days for name, (days, _, _) in WANT.items()}
    for name in ("U", "H", "D", "E"):  # MS Project's rule, which its scheduler reads back
        task, elapsed = tasks[name], WANT[name][1]
        parts = [_days(task.findtext(f"{NS}{tag}"), elapsed) for tag in ("ActualDuration", "RemainingDuration")]
        assert sum(parts) == got[name], name


def test_read_back_a_finished_task_keeps_the_days_it_took_and_every_date(tmp_path):
    path = tmp_path / "kinds.xml"
    original = kinds_plan()
    write_plan(original, path)
    project = read_plan(path).project
    assert project.tasks[next(t.id for t in project.tasks.values() if t.key == "D")].duration == 15
    before, after = schedule(original).tasks, schedule(project).tasks
    by_key = {t.key: t.id for t in project.tasks.values()}
    assert {t.key: (before[t.id].early_start, before[t.id].early_finish) for t in original.tasks.values()} == {
        key: (after[tid].early_start, after[tid].early_finish) for key, tid in by_key.items()}


def _stored_days(task: ET.Element) -> float:
    text = task.findtext("Duration") or ""
    elapsed = task.findtext("DurationFormat") in ("4", "6", "8", "10", "12", "20", "22", "24", "26")
    return _days(text, elapsed)


@pytest.mark.parametrize("path", sorted(REAL.glob("*-mspdi.xml")), ids=lambda p: p.stem)
def test_the_duration_shown_is_the_one_ms_project_stored_in_its_own_files(path):
    """Every task of the real MS Project files (none of them is under way), summaries too; a task MS
    Project split is the one departure (README: one bar whose duration counts its pauses)."""
    result = read_mspdi(path)
    project = result.project
    split = {w.split("'")[1] for w in result.warnings if "is split in MS Project" in w}
    dates, summaries, worked = schedule(project).tasks, project.summary_ids(), WorkedDays(project)
    elements = [t for t in parse_untrusted(path).iterfind("Tasks/Task") if t.findtext("UID") != "0"
                and t.findtext("OutlineLevel") != "0" and t.findtext("IsNull") != "1"]
    assert len(elements) == len(project.tasks)
    compared = 0
    for task, element in zip(project.tasks.values(), elements):
        if task.name in split:
            continue
        shown = shown_duration(project, task, dates[task.id], task.id in summaries, worked)
        assert shown == math.ceil(_stored_days(element)), task.name  # part days round up (README)
        compared += 1
    assert compared >= len(project.tasks) - 2


@pytest.mark.skipif(bool(mpxj_run.missing_parts()), reason="reading a .xer file needs MPXJ and Java")
def test_a_primavera_file_with_work_under_way_shows_the_durations_p6_stored(tmp_path):
    """percent-complete-8.4.xer: tasks of 100 d under way at the data date 2015-02-24, read through
    MPXJ, which hands over P6's At Completion Duration (its actual start is the data date, so nothing
    is done yet: the remaining 75 d at 25 %, 25 d at 75 %). Ours is the same number, and the span to
    P6's forecast finish (2015-06-08 for 75 d) is the same too."""
    xml = tmp_path / "p6.xml"
    mpxj_run.convert_to_mspdi(REAL / "percent-complete-8.4.xer", xml, "Primavera P6 (.xer)")
    project = read_plan(REAL / "percent-complete-8.4.xer").project
    dates, summaries, worked = schedule(project).tasks, project.summary_ids(), WorkedDays(project)
    stored = {task.findtext(f"{NS}Name"): task for task in ET.parse(xml).getroot().iter(f"{NS}Task")}
    under = 0
    for task in project.tasks.values():
        element = stored[task.name]
        shown = shown_duration(project, task, dates[task.id], task.id in summaries, worked)
        assert shown == _days(element.findtext(f"{NS}Duration"), False), task.name
        assert dates[task.id].shown_finish.isoformat() == element.findtext(f"{NS}Finish")[:10], task.name
        if under_way(task, task.id in summaries) and task.duration:
            assert at_completion_days(project, task, dates[task.id], worked) == shown
            under += 1
    assert under >= 2  # Duration 25 % and Duration 75 %


def test_ms_project_xml_leaves_the_remaining_work_our_schedule_forecasts(tmp_path):
    # 3 d at 50 %: a day and a half left, which our schedule rounds up to 2 working days from the status
    # date Mon 01-21 (to Tue 01-22): the file leaves those 2 and has 1 done (rounding the half day done
    # up instead left 1, and MS Project would finish a day before us).
    project = kinds_plan()
    project.tasks["u"].duration, project.tasks["u"].percent_complete = 3, 50
    assert schedule(project).tasks["u"].shown_finish == D(2030, 1, 22)
    path = tmp_path / "half.xml"
    write_plan(project, path)
    task = next(t for t in ET.parse(path).getroot().iter(f"{NS}Task") if t.findtext(f"{NS}Name") == "U")
    assert [_days(task.findtext(f"{NS}{tag}"), False) for tag in ("Duration", "ActualDuration", "RemainingDuration")] \
        == [3, 1, 2]
