"""No cell we write to CSV or XLSX runs as a formula, whichever field of a partner's plan holds it."""

import csv
import io
from datetime import date

import pytest
from openpyxl import load_workbook

from ilrs_planner.domain import Baseline, Link, Participant, Project, Task
from ilrs_planner.domain.spreadsheet_text import formula_safe
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.engine.slippage import report_csv, slip_report
from ilrs_planner.exchange.formats import read_plan, write_plan

CALC = "=cmd|' /C calc'!A0"
RUNNABLE = ("=", "+", "-", "@", "\t", "\r", "\x00")
# Run too: LibreOffice trims the spaces of a CSV cell before evaluating it, and East Asian input
# turns the full-width signs into formula signs.
DISGUISED = (" =1+1", "\u3000=1+1", "＝HYPERLINK(\"http://evil\")", "＋SUM(1)", " ＠x")


def _hostile_plan() -> Project:
    plan = Project(name="+SUM(1,1)", start=date(2030, 1, 1))
    plan.add_participant(Participant(key="@owner", name="@SUM(1)", id="p-1"))
    plan.add_task(Task(key="-2+3", name="\t=1+1", duration=10, id=CALC, owner_id="p-1",
                       notes="\r=HYPERLINK(\"http://evil\")", source_url="@https://evil"))
    plan.add_task(Task(key="ready", name="a;=1+1", duration=0, id="t-ready", position=1))
    plan.add_link(Link(CALC, "t-ready", lag=-3))
    for position, name in enumerate(DISGUISED, start=2):
        plan.add_task(Task(key=f"d{position}", name=name, duration=1, id=f"t-d{position}", position=position))
    plan.baselines.append(Baseline("Original", date(2029, 1, 1), {"t-ready": (date(2030, 1, 20), date(2030, 1, 20))}))
    return plan


def _csv_cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text, newline="")) for cell in row]


def test_every_csv_cell_of_the_task_table_is_defused(tmp_path):
    path = tmp_path / "plan.csv"
    write_plan(_hostile_plan(), path)
    text = path.read_text(encoding="utf-8-sig")
    cells = _csv_cells(text)
    assert [c for c in cells if c.startswith(RUNNABLE)] == []
    assert f"'{CALC}" in cells  # the GUID column too
    assert [name for name in DISGUISED if f"'{name}" not in cells] == []
    # Every field is quoted, so a `;` inside a cell cannot start a new cell in a `;` locale.
    assert '"a;=1+1"' in text and text.startswith('"ID","Key","Name"')


def test_every_slip_report_cell_is_defused_and_our_negative_numbers_stay_numbers():
    plan = _hostile_plan()
    report = slip_report(plan, schedule(plan))
    rows = list(csv.DictReader(io.StringIO(report_csv(report))))
    assert [c for row in rows for c in row.values() if c.startswith(RUNNABLE) and c != "-12"] == []
    ready = next(r for r in rows if r["key"] == "ready")
    assert ready["finish_variance_working_days"] == "-12"  # 2030-01-08 against 2030-01-20: a number, not text


def test_xlsx_text_that_starts_like_a_formula_carries_the_quote_prefix(tmp_path):
    path = tmp_path / "plan.xlsx"
    write_plan(_hostile_plan(), path)
    book = load_workbook(path)
    text_cells = [cell for sheet in book for row in sheet.iter_rows() for cell in row if isinstance(cell.value, str)]
    runnable = [cell for cell in text_cells if cell.value.startswith(RUNNABLE)]
    assert runnable and all(cell.data_type == "s" and cell.quotePrefix for cell in runnable)
    disguised = [cell for cell in text_cells if cell.value in DISGUISED]
    assert len(disguised) == len(DISGUISED) and all(cell.quotePrefix for cell in disguised)
    # XML reads the CR of "\r=HYPERLINK" back as a newline.
    assert not any(cell.quotePrefix for cell in text_cells
                   if not cell.value.startswith((*RUNNABLE, "\n")) and cell.value not in DISGUISED)
    negatives = [cell.value for row in book["Tasks"].iter_rows(min_row=2) for cell in row
                 if isinstance(cell.value, int) and cell.value < 0]
    assert negatives  # the lag pulls the milestone in: negative float/variance stay numbers


def test_csv_round_trip_restores_texts_that_start_like_formulas(tmp_path):
    plan = Project(name="=Plan", start=date(2030, 1, 1))
    plan.add_task(Task(key="+k", name="=1+1", duration=10, notes="-note", source_url="@src"))
    plan.add_task(Task(key="-5", name="'quoted", duration=0, position=1))
    plan.add_task(Task(key="＋k", name="＝1+1", duration=0, notes="'", source_url="' =x", position=2))
    path = tmp_path / "plan.csv"
    write_plan(plan, path)
    back = read_plan(path).project
    assert back.name == "=Plan"
    assert sorted((t.key, t.name, t.notes, t.source_url) for t in back.tasks.values()) == [
        ("+k", "=1+1", "-note", "@src"), ("-5", "'quoted", "", ""), ("＋k", "＝1+1", "'", "' =x")]


@pytest.mark.parametrize("text, expected", [
    ("=1+1", "'=1+1"), ("-2+3", "'-2+3"), ("@x", "'@x"), ("\t=1", "'\t=1"), ("\r=1", "'\r=1"),
    ("-12", "-12"), ("-3.5", "-3.5"), ("2030-01-01", "2030-01-01"), ("Lander", "Lander"),
    (" =1", "' =1"), ("\u3000+1", "'\u3000+1"), ("＝1", "'＝1"), ("－SUM(1)", "'－SUM(1)"), (" Lander", " Lander"),
    ("月球", "月球"), ("", ""),
])
def test_formula_safe(text, expected):
    assert formula_safe(text) == expected
