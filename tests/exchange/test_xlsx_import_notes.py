"""Excel import says what it does not read: cells under no column name, and a workbook that only looks
like ours by its sheets' names; rows holding nothing (formatted, say) are neither tasks nor counted."""

from __future__ import annotations

from datetime import date

from openpyxl import Workbook
from openpyxl.styles import PatternFill

from ilrs_planner.cli import main
from ilrs_planner.domain import Project, Task
from ilrs_planner.exchange.formats import read_plan, write_plan

YELLOW = PatternFill("solid", fgColor="FFFF00")


def _import(tmp_path, capsys, book: Workbook) -> tuple[int, str, str]:
    book.save(tmp_path / "partner.xlsx")
    code = main(["import", str(tmp_path / "partner.xlsx"), "-o", str(tmp_path / "plan.db")])
    out, err = capsys.readouterr()
    return code, out, err


def test_cells_right_of_the_header_and_under_a_blank_title_are_named_by_column(tmp_path, capsys):
    book = Workbook()
    sheet = book.active
    sheet.title = "Schedule"
    sheet.append(["Task Name", "Duration", None, "Start Date"])
    sheet.append(["Survey", "5d", "crew of 4", "2030-01-07", None, "check with ESA"])
    sheet.append(["Drill", "3d", None, None, None, "check with CNSA", "budget 2M"])
    code, out, err = _import(tmp_path, capsys, book)
    assert code == 0 and out.startswith("Imported 2 tasks")
    # C under a blank title, F and G right of the last one: 4 cells on 2 rows, read by no column.
    assert ("warning: Schedule: 4 cells on 2 rows were not read, in columns C, F, G, which the header row (row 1) "
            "gives no name (first: C2, 'crew of 4'); name a column to have it read") in err.splitlines()


def test_a_single_stray_cell_is_named_with_its_place(tmp_path, capsys):
    book = Workbook()
    book.active.append(["Name", "Duration"])
    book.active.append(["Survey", "5d", "note"])
    _, _, err = _import(tmp_path, capsys, book)
    assert ("warning: Sheet: 1 cell was not read, in column C, which the header row (row 1) gives no name "
            "(first: C2, 'note'); name a column to have it read") in err.splitlines()


def test_blank_rows_drawn_down_the_sheet_are_not_tasks_and_not_counted(tmp_path, capsys):
    book = Workbook()
    sheet = book.active
    sheet.append(["Name", "Duration"])
    sheet.append(["Survey", "5d"])
    for row in range(3, 40):  # a fill drawn over blank rows, as a partner's template has
        sheet.cell(row, 1).fill = sheet.cell(row, 2).fill = YELLOW
    sheet.cell(39, 2).value = "   "  # a cell holding spaces is as blank
    sheet.append(["Drill", "3d"])
    sheet.cell(250_000, 1).fill = YELLOW  # formatted far past the most tasks an import takes (200,000)
    code, out, err = _import(tmp_path, capsys, book)
    assert code == 0, err
    assert out.startswith("Imported 2 tasks, 0 links") and err == ""


def test_a_workbook_with_our_sheet_names_but_not_our_headers_is_refused_naming_what_it_lacks(tmp_path, capsys):
    book = Workbook()
    book.active.title = "Tasks"
    book.active.append(["Name", "Cost"])
    book.active.append(["Survey", 5])
    book.create_sheet("Links").append(["Predecessor", "Successor", "Type", "Lag (d)"])
    book.create_sheet("Plan").append(["Budget", 3])
    code, out, err = _import(tmp_path, capsys, book)
    assert code == 2 and out == "" and not (tmp_path / "plan.db").exists()
    assert err.strip() == (
        "error[import.bad_file]: the workbook partner.xlsx has sheets named Tasks, Links and Plan but is not one "
        "ILRS Planner exported: the Tasks sheet's header row lacks 'WBS', 'Key', 'Task', 'Duration (d)', 'Start', "
        "'Finish'; the Plan sheet's header row lacks 'Item', 'Value'. Rename its sheets to have its first sheet "
        "read as a task table")


def test_our_own_workbook_is_still_ours(tmp_path):
    plan = Project("Relay", date(2030, 1, 7))
    plan.add_task(Task(key="A", name="Survey", duration=5))
    write_plan(plan, tmp_path / "ours.xlsx")
    back = read_plan(tmp_path / "ours.xlsx")
    assert [t.name for t in back.project.tasks.values()] == ["Survey"] and back.project.name == "Relay"
    assert back.warnings == []


def test_notes_typed_beside_our_links_and_plan_sheets_are_named_too(tmp_path):
    from openpyxl import load_workbook

    from ilrs_planner.domain import Link

    plan = Project("Relay", date(2030, 1, 7))
    first, second = plan.add_task(Task(key="A", name="Survey", duration=5)), plan.add_task(Task(key="B", name="Drill",
                                                                                                  duration=3))
    plan.add_link(Link(first.id, second.id))
    write_plan(plan, tmp_path / "ours.xlsx")
    book = load_workbook(tmp_path / "ours.xlsx")
    book["Links"]["G2"] = "agreed 12 May"
    book["Plan"]["C3"] = "was 2030-01-01"
    book.save(tmp_path / "ours.xlsx")
    back = read_plan(tmp_path / "ours.xlsx")
    assert len(back.project.links) == 1 and back.project.start == date(2030, 1, 7)
    assert back.warnings == [
        "Plan: 1 cell was not read, in column C, which the header row (row 1) gives no name (first: C3, "
        "'was 2030-01-01')",
        "Links: 1 cell was not read, in column G, which the header row (row 1) gives no name (first: G2, "
        "'agreed 12 May')"]
