"""Excel export: the task table with schedule, baseline and variance columns, formatted for reading."""

from datetime import date, datetime

from openpyxl import load_workbook

from ilrs_planner.domain import Baseline, Calendar, Confidence, Link, LinkType, Precision, Project, Task, TaskKind
from ilrs_planner.domain.calendar import MONDAY_TO_FRIDAY
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
    assert (a["Finish variance"], b["Finish variance"]) == ("+3 d", None)  # the table's words; B has no baseline
    assert (b["Total float (d)"], b["Critical"]) == (7, None)
    # M sits at the end of B's last day, 10 January, shown on it; its baseline point (8 January) is
    # read the same way: the end of the 7th.
    assert (m["Start"], m["Finish"], m["Deadline"]) == (datetime(2030, 1, 10),) * 2 + (datetime(2030, 2, 1),)
    assert (m["Baseline start"], m["Baseline finish"], m["Finish variance (d)"]) == (datetime(2030, 1, 7),) * 2 + (3,)
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
    assert [c.value for c in links[2]] == ["A", "M", "FS", 0, None]


def test_header_widths_filter_and_frozen_panes_of_every_sheet(tmp_path):
    write_plan(_plan(), tmp_path / "p.xlsx")
    book = load_workbook(tmp_path / "p.xlsx")
    tasks, links, plan = book["Tasks"], book["Links"], book["Plan"]
    assert book.sheetnames == ["Tasks", "Links", "Plan"]
    header = tasks["A1"]
    assert header.font.bold and header.font.color.rgb.endswith("FFFFFF") and header.fill.fgColor.rgb.endswith("1F3864")
    assert header.alignment.wrap_text
    assert (tasks.column_dimensions["C"].width, tasks.column_dimensions["V"].width) == (46, 50)
    # through the calendar, task mode, provenance and scheduling columns after Notes, and the stated precision
    assert tasks.auto_filter.ref == "A1:AJ5"
    assert (links.freeze_panes, plan.freeze_panes) == ("A2", "A2")
    assert links["A1"].font.bold and [c.value for c in links[1]] == ["Predecessor", "Successor", "Type", "Lag (d)",
                                                                     "Elapsed lag"]
    assert [[c.value for c in row] for row in plan.iter_rows(min_row=2, max_row=3)] == [
        ["Plan", "Workbook plan"], ["Start", datetime(2030, 1, 1)]]
    assert plan["B3"].number_format == "yyyy-mm-dd"


def test_summary_rows_are_bold_in_every_cell_and_empty_cells_keep_the_highlight(tmp_path):
    write_plan(_plan(), tmp_path / "p.xlsx")
    sheet, _ = _rows(tmp_path / "p.xlsx")
    assert all(cell.font.bold for cell in sheet[2])  # the phase, its empty baseline cells too
    assert sheet["O3"].fill.fgColor.rgb.endswith("F8CBAD") and sheet["O3"].value is not None
    assert sheet["T3"].value is None and sheet["T3"].fill.fgColor.rgb.endswith("F8CBAD")  # no deadline, still red


def test_text_is_kept_as_written_and_control_characters_are_dropped(tmp_path):
    plan = Project(name="Text & <tags>", start=date(2030, 1, 1))
    plan.add_task(Task("K", "  spaced & <b>bold</b> \"quoted\"  ", 1, id="k", notes="line 1\r\nline 2\x07"))
    write_plan(plan, tmp_path / "p.xlsx")
    _, rows = _rows(tmp_path / "p.xlsx")
    assert (rows[0]["Task"], rows[0]["Notes"]) == ("  spaced & <b>bold</b> \"quoted\"  ", "line 1\nline 2")
    assert load_workbook(tmp_path / "p.xlsx")["Plan"]["B2"].value == "Text & <tags>"


def test_a_large_plan_keeps_every_row_in_outline_order(tmp_path):
    plan = Project(name="Large", start=date(2030, 1, 1))
    for number in range(4500):  # more rows than one chunk of the sheet writer
        plan.add_task(Task(f"T{number}", f"Task {number}", number % 7, id=f"t{number}", position=number))
    write_plan(plan, tmp_path / "p.xlsx")
    _, rows = _rows(tmp_path / "p.xlsx")
    assert [r["Key"] for r in rows] == [f"T{n}" for n in range(4500)]
    assert rows[4499]["Duration (d)"] == 4499 % 7 and rows[4499]["WBS"] == "4500"


def test_calendar_column_and_durations_in_working_days(tmp_path):
    plan = Project(name="Office plan", start=date(2030, 1, 7))  # a Monday
    office = plan.add_calendar(Calendar("Office", MONDAY_TO_FRIDAY))
    plan.default_calendar_id = office.id
    every_day = plan.add_calendar(Calendar("24 Hours"))
    plan.add_task(Task("W", "Weekdays", 10, id="w"))
    plan.add_task(Task("R", "Round the clock", 10, id="r", position=1, calendar_id=every_day.id))
    write_plan(plan, tmp_path / "p.xlsx")
    _, rows = _rows(tmp_path / "p.xlsx")
    weekdays, round_the_clock = rows
    # 10 working days from Monday 7 January: the two weeks to Friday 18 January, shown as 10 days.
    assert (weekdays["Duration (d)"], weekdays["Finish"], weekdays["Calendar"]) == (10, datetime(2030, 1, 18), None)
    assert (round_the_clock["Finish"], round_the_clock["Calendar"]) == (datetime(2030, 1, 16), "24 Hours")
    plan_sheet = load_workbook(tmp_path / "p.xlsx")["Plan"]
    assert ["Calendar", "Office"] in [[c.value for c in row] for row in plan_sheet.iter_rows()]


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


HEFEI = "2023-04-25 Hefei conference (Wu Weiren, Wu Yanhua)"


def test_the_roadmaps_variances_read_in_the_words_of_the_window_beside_their_days(tmp_path):
    """Hefei said Chang'e 6 "in 2024" (stored as 2024-01-01 to 2024-02-24); it came back on 2024-06-25:
    123 days after the stored finish, a number for sums and filters, and '0 y' in words, on time for
    what was said, as the task table and the slip report read it. The founding agreements, "2023", came
    in 2024: '+1 y'. The Plan sheet says how the words count."""
    from ilrs_planner.data.reference import build_reference_project

    assert write_plan(build_reference_project(), tmp_path / "r.xlsx", baseline=HEFEI) == []
    _, rows = _rows(tmp_path / "r.xlsx")
    by_key = {r["Key"]: r for r in rows}
    words = {key: (by_key[key]["Finish variance (d)"], by_key[key]["Finish variance"])
             for key in ("change-6", "queqiao-2", "ilrs-founding-agreements")}
    assert words == {"change-6": (123, "0 y"), "queqiao-2": (79, "0 y"), "ilrs-founding-agreements": (427, "+1 y")}
    plan = {row[0].value: row[1].value for row in load_workbook(tmp_path / "r.xlsx")["Plan"].iter_rows(min_row=2)}
    assert plan["Compared with baseline"] == HEFEI and "'0 y'" in plan["Finish variance"]


def test_the_task_sheet_ends_with_what_schedules_each_task(tmp_path):
    from ilrs_planner.domain import ConstraintType

    plan = Project("Held", date(2030, 1, 1))
    # A 10-day task that must finish by the last day 2030-03-31, stored exclusive (2030-04-01), started
    # 2030-01-02 and finished on the last day 2030-01-11 (stored 2030-01-12).
    plan.add_task(Task("A", "Held task", 10, constraint=ConstraintType.FNLT, constraint_date=date(2030, 4, 1),
                       actual_start=date(2030, 1, 2), actual_finish=date(2030, 1, 12)))
    write_plan(plan, tmp_path / "held.xlsx")
    header, row = [[c.value for c in r] for r in load_workbook(tmp_path / "held.xlsx")["Tasks"].iter_rows()]
    assert header[-8:] == ["Constraint type", "Constraint date", "Actual start", "Actual finish",
                           "Stated confidence", "Key milestone", "Elapsed", "Stated precision"]
    assert row[-8:] == ["Finish No Later Than", datetime(2030, 3, 31), datetime(2030, 1, 2), datetime(2030, 1, 11),
                        None, None, None, "day"]
