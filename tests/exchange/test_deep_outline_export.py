"""MS Project XML and XLSX of an outline thousands of levels deep: refused before writing, not a file of gigabytes.

Every task carries its whole outline path twice (WBS and OutlineNumber), so the file grows with
the square of the depth: a partner's 50,000-level outline (a 2 MB plan) ran past five minutes
towards a 5 GB file.
"""

from datetime import date

import pytest

from ilrs_planner.domain import PlannerError, Project, Task
from ilrs_planner.exchange import outline_depth, xlsx
from ilrs_planner.exchange.mspdi.writer import write_mspdi


def _deep(levels: int) -> Project:
    plan = Project("Deep", date(2030, 1, 1))
    parent = None
    for depth in range(levels):
        parent = plan.add_task(Task(f"k{depth}", f"Level {depth}", 1, id=f"t{depth}", parent_id=parent)).id
    return plan


def test_an_outline_too_deep_for_outline_numbers_is_refused_and_nothing_is_written(tmp_path):
    target = tmp_path / "deep.xml"
    with pytest.raises(PlannerError) as caught:
        write_mspdi(_deep(8000), target)  # 32 million outline-number parts
    assert caught.value.code == "export.failed" and "8,000 levels deep" in caught.value.message
    assert list(tmp_path.iterdir()) == []


def test_the_bound_counts_every_part_of_every_outline_number(tmp_path, monkeypatch):
    monkeypatch.setattr(outline_depth, "MAX_OUTLINE_PARTS", 10)  # four tasks nested: 1 + 2 + 3 + 4 parts
    write_mspdi(_deep(4), tmp_path / "four.xml")
    with pytest.raises(PlannerError) as caught:
        write_mspdi(_deep(5), tmp_path / "five.xml")
    assert caught.value.code == "export.failed" and "would have 15 parts" in caught.value.message


def test_a_spreadsheet_of_an_outline_too_deep_is_refused_and_nothing_is_written(tmp_path):
    with pytest.raises(PlannerError) as caught:
        xlsx.write(_deep(8000), tmp_path / "deep.xlsx")
    assert caught.value.code == "export.failed" and "8,000 levels deep" in caught.value.message
    assert list(tmp_path.iterdir()) == []
