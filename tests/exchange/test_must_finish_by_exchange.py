"""A plan's Must finish by in other planners' files: Primavera P6's project Must Finish By comes in
through MPXJ (MSPDI, which MPXJ hands over, has no element for it); MS Project has none, so an MS
Project XML export leaves it out and says so."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from ilrs_planner.domain import Project, Task
from ilrs_planner.exchange import mpxj_run
from ilrs_planner.exchange.formats import read_plan
from ilrs_planner.exchange.mspdi.reader import read_mspdi
from ilrs_planner.exchange.mspdi.writer import write_mspdi

REAL = Path(__file__).parent / "msp_real"
NO_JAVA = mpxj_run.missing_parts()
needs_java = pytest.mark.skipif(bool(NO_JAVA), reason=f"reading through MPXJ needs {' and '.join(NO_JAVA)}")


def _xer_with_must_finish_by(folder: Path, stored: str) -> Path:
    """The real P6 export with its PROJECT row's plan_end_date (P6's Must Finish By) set to `stored`."""
    lines = (REAL / "percent-complete-8.4.xer").read_text(encoding="latin-1").split("\n")
    at = lines.index("%T\tPROJECT")
    fields, row = lines[at + 1].split("\t"), lines[at + 2].split("\t")
    row[fields.index("plan_end_date")] = stored
    lines[at + 2] = "\t".join(row)
    path = folder / "must-finish-by.xer"
    path.write_text("\n".join(lines), encoding="latin-1")
    return path


@needs_java
def test_a_p6_must_finish_by_comes_in_as_the_plans():
    assert read_plan(REAL / "percent-complete-8.4.xer").project.must_finish_by is None  # the file has none


@needs_java
@pytest.mark.parametrize("stored, last_day", [("2031-06-30 17:00", date(2031, 6, 30)),
                                              ("2031-07-01 00:00", date(2031, 6, 30))])  # midnight: the day before
def test_a_p6_must_finish_by_reads_as_the_last_day_it_allows(tmp_path, stored, last_day):
    assert read_plan(_xer_with_must_finish_by(tmp_path, stored)).project.must_finish_by == last_day


def test_an_ms_project_xml_export_leaves_it_out_and_says_so(tmp_path):
    plan = Project("Finish by", date(2030, 1, 1), must_finish_by=date(2030, 3, 31))
    plan.add_task(Task("A", "Task a", 10, id="a"))
    path = tmp_path / "plan.xml"
    warnings = write_mspdi(plan, path)
    assert any("MS Project has no Must finish by: 2030-03-31 is left out" in w for w in warnings)
    assert read_mspdi(path).project.must_finish_by is None
    plan.must_finish_by = None
    assert not any("Must finish by" in w for w in write_mspdi(plan, path))


def test_the_workbook_writes_it_on_the_plan_sheet_and_a_csv_table_carries_it_back(tmp_path):
    from openpyxl import load_workbook

    from ilrs_planner.exchange.msp_csv_write import write as write_csv
    from ilrs_planner.exchange.xlsx import write as write_xlsx

    plan = Project("Finish by", date(2030, 1, 1), must_finish_by=date(2030, 3, 31))
    plan.add_task(Task("A", "Task a", 10, id="a"))
    write_xlsx(plan, tmp_path / "plan.xlsx")
    rows = [[c.value for c in row] for row in load_workbook(tmp_path / "plan.xlsx")["Plan"].iter_rows()]
    assert ["Must finish by", datetime(2030, 3, 31)] in rows
    assert not any("Must" in w for w in write_csv(plan, tmp_path / "plan.csv"))
    # (read back in tests/exchange/test_csv_plan_row.py)
