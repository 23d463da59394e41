"""Excel export: the task table with schedule, baseline and variance columns, formatted for reading."""

from datetime import date, datetime

from openpyxl import load_workbook

from ilrs_planner.domain import Baseline, Confidence, Link, LinkType, Precision, Project, Task, TaskKind
from ilrs_planner.exchange.formats import write_plan


def _plan():
    plan = Project(name="Workbook plan", start=date(2030, 1, 1))
    plan.add_task(Task("PH", "Phase", kind=TaskKind.PHASE, id="ph"))
    plan.add_task(Task("A", "=HYPERLINK(\"http://evil\",\"click\")", 10, id="a", parent_id="ph"))
    plan.add_task(Task("B", "Side task", 3, id="b", parent_id="ph", position=1))
    plan.add_task(Task("M", "Done", 0, TaskKind.MILESTONE, id="m", position=1, deadline=date(2030, 2, 1)))
    plan.add_link(Link("a", "m", LinkType.FS, 0))
    plan.add_link(Link("b", "m", LinkType.FS, 0))
    plan.baselines.append(Baseline("Original", date(2029, 1, 1), {"a": (date(2030, 1, 1), date(2030, 1, 8)),
                                                                   "m": (date(2030, 1, 8), date(2030, 1, 8))}))
    return plan


def _rows(path):
    sheet = load_workbook(path)["Tasks"]
    header = [c.value for c in sheet[1]]
    return sheet, [dict(zip(header, (c.value for c in row))) for row in sheet.iter_rows(min_row=2)]


def test_task_table_has_schedule_baseline_and_variance(tmp_path):
    assert write_plan(_plan(), tmp_path / "p.xlsx") == []
    sheet, rows = _rows(tmp_path / "p.xlsx")
    by_key = {r["Key"]: r for r in rows}
    a, b, m = by_key["A"], by_key["B"], by_key["M"]
    assert [r["WBS"] for r in rows] == ["1", "1.1", "1.2", "2"]
    # A: [Jan 1, Jan 11) shown as Jan 1 - Jan 10; baseline finished Jan 8 (exclusive) -> 3 days late.
    assert (a["Start"], a["Finish"], a["Duration (d)"]) == (datetime(2030, 1, 1), datetime(2030, 1, 10), 10)
    assert (a["Baseline finish"], a["Finish variance (d)"], a["Critical"]) == (datetime(2030, 1, 7), 3, "yes")
    assert (b["Total float (d)"], b["Critical"]) == (7, None)
    assert (m["Start"], m["Finish"], m["Deadline"]) == (datetime(2030, 1, 11),) * 2 + (datetime(2030, 2, 1),)
    assert sheet.freeze_panes == "D2"
    assert sheet["H2"].number_format == "yyyy-mm-dd"


def test_formatting_indents_bolds_and_highlights(tmp_path):
    write_plan(_plan(), tmp_path / "p.xlsx")
    sheet, _ = _rows(tmp_path / "p.xlsx")
    assert sheet["C3"].alignment.indent == 1 and sheet["C2"].font.bold
    assert sheet["C3"].fill.fgColor.rgb.endswith("F8CBAD")  # A is critical
    assert not sheet["C4"].fill.fgColor.rgb.endswith("F8CBAD")  # B has float


def test_text_that_looks_like_a_formula_stays_text(tmp_path):
    write_plan(_plan(), tmp_path / "p.xlsx")
    sheet, _ = _rows(tmp_path / "p.xlsx")
    assert sheet["C3"].data_type == "s" and sheet["C3"].value.startswith("=HYPERLINK")
    links = load_workbook(tmp_path / "p.xlsx")["Links"]
    assert [c.value for c in links[2]] == ["A", "M", "FS", 0]


def test_each_task_carries_its_precision_confidence_and_source(tmp_path):
    plan = _plan()
    plan.tasks["a"].source_url, plan.tasks["a"].source_date = "https://example.org/a", date(2025, 6, 18)
    plan.tasks["b"].confidence = Confidence.ASSUMPTION
    plan.tasks["ph"].precision = Precision.YEAR
    write_plan(plan, tmp_path / "p.xlsx")
    by_key = {r["Key"]: r for r in _rows(tmp_path / "p.xlsx")[1]}
    assert [by_key["A"][c] for c in ("Precision", "Confidence", "Source", "Source date")] == [
        "day", "sourced", "https://example.org/a", datetime(2025, 6, 18)]
    assert (by_key["B"]["Confidence"], by_key["M"]["Confidence"], by_key["PH"]["Precision"]) == (
        "assumption", "unsourced", "year")
