"""A manual milestone held on its start, linked after a task that ends the day before: both MS Project
exports write the start beside As Soon As Possible, and each reads back to the same pinned milestone."""

import csv
import xml.etree.ElementTree as ET
from datetime import date

import pytest

from ilrs_planner.domain import ConstraintType, Link, Project, Task
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.exchange.formats import read_plan, write_plan

NS = "{http://schemas.microsoft.com/project}"


def _plan() -> Project:
    """A runs 10 days from 2030-01-01 on the plan's all-days calendar: through 2030-01-10, so the
    link alone would put M at the end of that day; M is held Start No Earlier Than 2030-01-11."""
    plan = Project("Pinned", date(2030, 1, 1))
    assembly = plan.add_task(Task("A", "Assembly", 10))
    landing = plan.add_task(Task("M", "Landing", 0, position=1, manual=True,
                                 constraint=ConstraintType.SNET, constraint_date=date(2030, 1, 11)))
    plan.add_link(Link(assembly.id, landing.id))
    return plan


def test_the_plan_shows_the_pinned_milestone_on_its_own_day():
    plan = _plan()
    dates = {plan.tasks[tid].key: d for tid, d in schedule(plan).tasks.items()}
    assert dates["A"].shown_finish == date(2030, 1, 10)
    assert (dates["M"].shown_start, dates["M"].early_start) == (date(2030, 1, 11), date(2030, 1, 11))


def test_the_table_writes_the_pin_as_ms_project_keeps_it(tmp_path):
    write_plan(_plan(), tmp_path / "p.csv")
    rows = {row["Key"]: row for row in csv.DictReader((tmp_path / "p.csv").read_text("utf-8-sig").splitlines())}
    assert (rows["M"]["Start"], rows["M"]["Constraint Type"], rows["M"]["Constraint Date"]) == (
        "2030-01-11", "As Soon As Possible", "")


def test_the_xml_writes_the_pin_as_ms_project_keeps_it(tmp_path):
    write_plan(_plan(), tmp_path / "p.xml")
    tasks = ET.parse(tmp_path / "p.xml").getroot().iter(f"{NS}Task")
    task = next(t for t in tasks if t.findtext(f"{NS}Name") == "Landing")
    assert (task.findtext(f"{NS}ManualStart"), task.findtext(f"{NS}ConstraintType"),
            task.findtext(f"{NS}ConstraintDate")) == ("2030-01-11T08:00:00", "0", None)


@pytest.mark.parametrize("suffix", [".csv", ".xml"])
def test_each_export_reads_back_to_the_same_pinned_milestone(tmp_path, suffix):
    write_plan(_plan(), tmp_path / f"p{suffix}")
    plan = read_plan(tmp_path / f"p{suffix}").project
    landing = next(t for t in plan.tasks.values() if t.name == "Landing")
    assert (landing.manual, landing.manual_start, landing.constraint) == (True, date(2030, 1, 11), ConstraintType.ASAP)
    assert schedule(plan).tasks[landing.id].shown_start == date(2030, 1, 11)


def _kept_apart() -> Project:
    """A (10 d from 2030-01-01, through 01-10) -> M, manual at the end of 2030-01-10, where A's link
    put it, and the planner's own Start No Earlier Than 2030-01-04 beside it."""
    plan = Project("Kept apart", date(2030, 1, 1))
    assembly = plan.add_task(Task("A", "Assembly", 10))
    landing = plan.add_task(Task("M", "Landing", 0, position=1, manual=True, manual_start=date(2030, 1, 10),
                                 manual_start_at_day_end=True, constraint=ConstraintType.SNET,
                                 constraint_date=date(2030, 1, 4)))
    plan.add_link(Link(assembly.id, landing.id))
    return plan


def test_the_xml_writes_a_manual_start_at_the_end_of_its_day_beside_the_constraint_and_reads_it_back(tmp_path):
    write_plan(_kept_apart(), tmp_path / "p.xml")
    tasks = ET.parse(tmp_path / "p.xml").getroot().iter(f"{NS}Task")
    task = next(t for t in tasks if t.findtext(f"{NS}Name") == "Landing")
    assert (task.findtext(f"{NS}ManualStart"), task.findtext(f"{NS}ConstraintType"),
            task.findtext(f"{NS}ConstraintDate")) == ("2030-01-10T17:00:00", "4", "2030-01-04T08:00:00")
    plan = read_plan(tmp_path / "p.xml").project
    landing = next(t for t in plan.tasks.values() if t.name == "Landing")
    assert (landing.manual_start, landing.manual_start_at_day_end, landing.constraint, landing.constraint_date) == (
        date(2030, 1, 10), True, ConstraintType.SNET, date(2030, 1, 4))
    dates = schedule(plan).tasks[landing.id]
    assert (dates.shown_start, dates.early_at_day_end, dates.total_float) == (date(2030, 1, 10), True, 0)


def test_a_manual_milestone_stamped_at_the_end_of_its_day_in_another_iso_form_stays_at_the_end_of_that_day(tmp_path):
    write_plan(_kept_apart(), tmp_path / "p.xml")
    text = (tmp_path / "p.xml").read_text(encoding="utf-8")
    assert text.count("<Start>2030-01-10T17:00:00</Start>") == 1  # the milestone's own start
    basic = text.replace("<Start>2030-01-10T17:00:00</Start>", "<Start>20300110T170000</Start>")
    (tmp_path / "p.xml").write_text(basic, encoding="utf-8")
    landing = next(t for t in read_plan(tmp_path / "p.xml").project.tasks.values() if t.name == "Landing")
    assert (landing.manual_start, landing.manual_start_at_day_end) == (date(2030, 1, 10), True)
