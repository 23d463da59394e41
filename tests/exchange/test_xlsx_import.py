"""Excel import: our own workbook comes back as the plan it was; a plain sheet reads as a CSV table;
a hostile workbook is refused before a parser sees it, and a formula is never run."""

from __future__ import annotations

import zipfile
from datetime import date

import pytest
from openpyxl import Workbook

from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.domain import (
    Calendar,
    Confidence,
    Link,
    LinkType,
    PlannerError,
    Project,
    Task,
    TaskKind,
)
from ilrs_planner.domain.calendar import MONDAY_TO_FRIDAY
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.exchange import xlsx_guard
from ilrs_planner.exchange.formats import read_plan, write_plan


def _by_key(project):
    """Each task's name, parent key, constraint and dates by key; each link by its tasks' keys."""
    dates, key = schedule(project).tasks, {t.id: t.key for t in project.tasks.values()}
    tasks = {t.key: (t.name, key.get(t.parent_id), t.constraint, t.constraint_date, t.deadline, t.duration,
                     dates[t.id].early_start, dates[t.id].early_finish, dates[t.id].late_finish)
             for t in project.tasks.values()}
    links = sorted((key[k.pred_id], key[k.succ_id], k.type, k.lag) for k in project.links.values())
    return tasks, links


def test_the_roadmap_comes_back_with_the_same_tasks_links_and_dates(tmp_path):
    plan = build_reference_project()
    plan.status_date = date(2026, 12, 1)
    plan.add_task(Task("WP", "Surface power WP", 25))  # unstarted: from the status date, 2026-12-01
    write_plan(plan, tmp_path / "roadmap.xlsx")
    back = read_plan(tmp_path / "roadmap.xlsx")
    assert back.warnings == []
    assert (back.project.name, back.project.start, back.project.status_date) == (plan.name, plan.start,
                                                                                 date(2026, 12, 1))
    assert _by_key(back.project) == _by_key(plan)
    assert _by_key(back.project)[0]["WP"][6:8] == (date(2026, 12, 1), date(2026, 12, 26))


def test_elapsed_days_stated_confidence_and_key_milestones_come_back(tmp_path):
    five_days = Calendar("Standard", MONDAY_TO_FRIDAY)
    plan = Project("Flags", date(2030, 1, 7))  # a Monday
    plan.add_calendar(five_days)
    plan.default_calendar_id = five_days.id
    cure = plan.add_task(Task("CURE", "Cure", 7, elapsed=True, confidence=Confidence.ASSUMPTION))
    review = plan.add_task(Task("REV", "Review", 0, kind=TaskKind.MILESTONE, key_milestone=True, position=1))
    plan.add_link(Link(cure.id, review.id, LinkType.FS, 3, elapsed=True))
    write_plan(plan, tmp_path / "flags.xlsx")
    back = read_plan(tmp_path / "flags.xlsx").project
    tasks = {t.key: t for t in back.tasks.values()}
    assert (tasks["CURE"].elapsed, tasks["CURE"].confidence, tasks["REV"].key_milestone) == \
        (True, Confidence.ASSUMPTION, True)
    [link] = back.links.values()
    assert (link.lag, link.elapsed) == (3, True)
    # 7 calendar days from Mon 7 Jan end Mon 14 Jan; 3 more calendar days: the review on Thu 17 Jan
    assert _by_key(back)[0]["REV"][6] == _by_key(plan)[0]["REV"][6] == date(2030, 1, 17)


def test_a_plain_sheet_reads_as_a_csv_table_would(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["ID", "Task Name", "Duration", "Predecessors", "Start Date"])
    sheet.append([1, "Design", "10d", None, date(2030, 1, 7)])
    sheet.append([2, "Build", 20, "1FS+2d", None])  # a bare number is days, as in a CSV cell
    book.create_sheet("Notes").append(["not read"])
    book.save(tmp_path / "wp.xlsx")
    result = read_plan(tmp_path / "wp.xlsx")
    design, build = sorted(result.project.tasks.values(), key=lambda t: t.key)
    assert (design.name, design.duration, build.name, build.duration) == ("Design", 10, "Build", 20)
    [link] = result.project.links.values()
    assert (link.pred_id, link.succ_id, link.lag) == (design.id, build.id, 2)
    assert "only the first sheet, 'Sheet', was read" in result.warnings
    # 2030-01-07 + 10 days + 2 days' lag: Build starts 2030-01-19
    assert schedule(result.project).tasks[build.id].early_start == date(2030, 1, 19)


def test_a_formula_is_never_run_its_saved_value_is_read(tmp_path):
    book = Workbook()
    book.active.append(["Name", "Duration", "Notes"])
    book.active.append(["Survey", 5, '=HYPERLINK("http://evil","click")'])  # saved without a value
    book.save(tmp_path / "formula.xlsx")
    [task] = read_plan(tmp_path / "formula.xlsx").project.tasks.values()
    assert task.notes == ""


def _package(path, parts: dict[str, bytes]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)


def test_a_zip_bomb_is_refused_from_its_directory(tmp_path, monkeypatch):
    monkeypatch.setattr(xlsx_guard, "MAX_UNPACKED_BYTES", 1024 * 1024)  # a 1 MB bound stands in for 512 MB
    _package(tmp_path / "bomb.xlsx", {"xl/worksheets/sheet1.xml": b" " * (2 * 1024 * 1024)})  # 2 KB packed
    with pytest.raises(PlannerError) as caught:
        read_plan(tmp_path / "bomb.xlsx")
    assert caught.value.code == "import.bad_file" and "unpacks to 2 MB" in caught.value.message


def test_entity_declarations_are_refused_before_any_parser(tmp_path):
    laughs = b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><workbook>&lol;</workbook>'
    _package(tmp_path / "lol.xlsx", {"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": laughs})
    with pytest.raises(PlannerError) as caught:
        read_plan(tmp_path / "lol.xlsx")
    assert caught.value.code == "import.bad_file"
    assert "xl/workbook.xml declares a document type or entities" in caught.value.message


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_a_part_in_another_encoding_than_utf8_is_refused_so_its_entities_are_never_read(tmp_path, encoding):
    # In UTF-16 "<!ENTITY" is other bytes than the scan looks for; the entity below expanded to a
    # 1,000-character task name through the sheet's parser before this was refused.
    sheet = ('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE w [<!ENTITY a "AAAAAAAAAA">'
             '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><worksheet><t>&b;</t></worksheet>')
    _package(tmp_path / "u16.xlsx", {"[Content_Types].xml": b"<Types/>",
                                     "xl/worksheets/sheet1.xml": sheet.encode(encoding)})
    with pytest.raises(PlannerError) as caught:
        read_plan(tmp_path / "u16.xlsx")
    assert caught.value.code == "import.bad_file"
    assert "xl/worksheets/sheet1.xml is not written in UTF-8" in caught.value.message


@pytest.mark.parametrize("lag", ["inf", "1e300", "10000000", "2.5"])
def test_a_lag_no_plan_can_hold_is_refused_naming_its_row(tmp_path, lag):
    from openpyxl import load_workbook

    write_plan(build_reference_project(), tmp_path / "roadmap.xlsx")
    book = load_workbook(tmp_path / "roadmap.xlsx")
    book["Links"]["D2"] = lag
    book.save(tmp_path / "edited.xlsx")
    with pytest.raises(PlannerError) as caught:
        read_plan(tmp_path / "edited.xlsx")
    assert caught.value.code == "import.bad_row"
    assert caught.value.message == f"Links row 2: '{lag}' is not a lag of whole days within 300 years"


@pytest.mark.parametrize("content", [b"Name,Duration\nA,5d\n", b"PK\x03\x04 broken"])
def test_a_file_that_is_no_workbook_is_refused_by_name(tmp_path, content):
    (tmp_path / "plan.xlsx").write_bytes(content)
    with pytest.raises(PlannerError) as caught:
        read_plan(tmp_path / "plan.xlsx")
    assert caught.value.code == "import.bad_file" and "plan.xlsx" in caught.value.message


def test_a_link_to_a_key_no_row_has_is_refused_naming_its_row(tmp_path):
    from openpyxl import load_workbook

    plan = build_reference_project()
    write_plan(plan, tmp_path / "roadmap.xlsx")
    book = load_workbook(tmp_path / "roadmap.xlsx")
    book["Links"]["A2"] = "no-such-task"
    book.save(tmp_path / "edited.xlsx")
    with pytest.raises(PlannerError) as caught:
        read_plan(tmp_path / "edited.xlsx")
    assert caught.value.code == "import.bad_row"
    assert caught.value.message.startswith("Links row 2: no-such-task → ")
    assert caught.value.message.endswith("names a task key no row has")


def test_the_same_dependency_twice_on_the_links_sheet_is_refused_naming_its_row(tmp_path):
    from openpyxl import load_workbook

    write_plan(build_reference_project(), tmp_path / "roadmap.xlsx")
    book = load_workbook(tmp_path / "roadmap.xlsx")
    links = book["Links"]
    links.append([links["A2"].value, links["B2"].value, "FS", -40000])
    book.save(tmp_path / "edited.xlsx")
    with pytest.raises(PlannerError) as caught:
        read_plan(tmp_path / "edited.xlsx")
    assert caught.value.code == "link.duplicate"
    assert caught.value.message.startswith(f"Links row {links.max_row}: ")


def test_a_workbook_of_a_chart_sheet_alone_is_refused_by_name(tmp_path):
    book = Workbook()
    book.create_chartsheet("Chart")
    book.remove(book.worksheets[0])
    book.save(tmp_path / "chart.xlsx")
    with pytest.raises(PlannerError) as caught:
        read_plan(tmp_path / "chart.xlsx")
    assert caught.value.code == "import.bad_file" and caught.value.message.startswith("chart.xlsx ")
