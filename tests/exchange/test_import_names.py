"""An imported plan is named alike whichever file it came from: its title, else the file's name
without its extension (MS Project keeps the file's name, 'plan.xml', where a plan has no title)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ilrs_planner.domain import Project, Task
from ilrs_planner.exchange.formats import plan_name, read_plan, write_plan

REAL = Path(__file__).parent / "msp_real"


def test_an_ms_project_xml_without_a_title_is_named_by_its_file_without_the_extension():
    # The file has no Title; its Name is "task-dates-project2003-mspdi.xml", as MS Project saved it.
    assert read_plan(REAL / "task-dates-project2003-mspdi.xml").project.name == "task-dates-project2003-mspdi"


def test_a_plan_named_like_a_file_comes_back_without_the_extension_from_a_csv_table(tmp_path):
    plan = Project("ILRS roadmap.mpp", date(2030, 1, 1))
    plan.add_task(Task("A", "Work", 5))
    write_plan(plan, tmp_path / "plan.csv")
    assert read_plan(tmp_path / "plan.csv").project.name == "ILRS roadmap"


@pytest.mark.parametrize("name", ["Roadmap v2.1", "ILRS Phase 2. Construction", ".xml", "Plan.XMLS"])
def test_a_name_whose_dot_is_no_file_extension_is_kept(name):
    assert plan_name(name) == name


def test_a_file_name_holding_a_bidirectional_control_names_the_plan_without_it(tmp_path):
    # A partner's attachment name is theirs as much as its content: cleaned as imported text is, and
    # said, where the save refused the whole import ('evil\u202egnissim' names the plan 'evilgnissim').
    from ilrs_planner.exchange.formats import read_plan

    path = tmp_path / "evil\u202egnissim\x1b[31m.csv"
    path.write_text("ID,Name,Duration\n1,a,1d\n", encoding="utf-8")
    result = read_plan(path)
    assert result.project.name == "evilgnissim[31m"
    assert "the plan's name had characters a plan may not hold removed: now 'evilgnissim[31m'" in result.warnings
