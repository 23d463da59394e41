"""MS Project XML: export → import gives the same plan, field by field; the file follows the schema's order."""

import dataclasses
import xml.etree.ElementTree as ET
from datetime import date

import pytest

from ilrs_planner.domain import (
    Baseline,
    Calendar,
    Classification,
    ConstraintType,
    Link,
    LinkType,
    Participant,
    ParticipantKind,
    Precision,
    Project,
    Task,
    TaskKind,
)
from ilrs_planner.domain.chain import chain_baselines
from ilrs_planner.engine.summary_progress import summary_percents
from ilrs_planner.exchange.formats import read_plan, write_plan
from ilrs_planner.sharing.diff import diff_projects

NS = "{http://schemas.microsoft.com/project}"


def _rich_plan() -> Project:
    plan = Project(name="Round trip | plan", start=date(2030, 1, 1), status_date=date(2030, 6, 15), author="CNSA")
    esa = plan.add_participant(Participant("ESA", "European Space Agency", ParticipantKind.AGENCY,
                                           joined=date(2024, 5, 1), joined_precision=Precision.MONTH,
                                           source_url="https://esa.int", notes="Observer", color="#123abc",
                                           id="p-esa"))
    add = plan.add_task
    add(Task("PH1", "Phase one", kind=TaskKind.PHASE, id="ph1", position=0, duration=3))
    add(Task("SUB", "Sub-phase", kind=TaskKind.PHASE, id="sub", parent_id="ph1", position=0))
    add(Task("L1", "Lander build", 120, TaskKind.MISSION, id="l1", parent_id="sub", position=0, owner_id=esa.id,
             percent_complete=40, actual_start=date(2030, 1, 3), notes="Line one\nLine two",
             source_url="https://example.org/l1", optimistic=100, most_likely=120, pessimistic=200,
             classification=Classification.PARTNERS, precision=Precision.MONTH))
    add(Task("L2", "Rover build", 90, id="l2", parent_id="sub", position=7,
             constraint=ConstraintType.FNLT, constraint_date=date(2030, 12, 31), deadline=date(2031, 2, 1)))
    add(Task("T3", "Integration", 30, id="t3", parent_id="ph1", position=9, constraint=ConstraintType.SNET,
             constraint_date=date(2030, 9, 1), actual_start=date(2030, 9, 1), actual_finish=date(2030, 10, 5),
             percent_complete=100, classification=Classification.RESTRICTED))
    add(Task("M1", "Launch", 0, TaskKind.MILESTONE, id="m1", position=1, constraint=ConstraintType.MFO,
             constraint_date=date(2031, 3, 1), deadline=date(2031, 4, 1), precision=Precision.QUARTER))
    add(Task("M2", "Landing", 0, TaskKind.MILESTONE, id="m2", position=2, constraint=ConstraintType.SNLT,
             constraint_date=date(2031, 6, 1)))
    add(Task("F1", "Fixed finish", 10, id="f1", position=3, constraint=ConstraintType.FNET,
             constraint_date=date(2031, 1, 20), manual=True, manual_start=date(2031, 1, 10)))
    add(Task("S1", "Must start", 5, id="s1", position=4, constraint=ConstraintType.MSO,
             constraint_date=date(2030, 2, 2)))
    add(Task("A1", "Late install", 7, id="a1", position=5, constraint=ConstraintType.ALAP))
    for pred, succ, kind, lag in (("l1", "l2", LinkType.SS, 10), ("l2", "t3", LinkType.FS, -5),
                                  ("t3", "m1", LinkType.FF, 2), ("l1", "m2", LinkType.SF, 0),
                                  ("m1", "m2", LinkType.FS, 30), ("s1", "a1", LinkType.FS, 0)):
        plan.add_link(Link(pred, succ, kind, lag, id=f"k-{pred}-{succ}"))
    plan.baselines.append(Baseline("Original | 2021", date(2021, 6, 16),
                                   {"l1": (date(2030, 1, 1), date(2030, 5, 1)), "m1": (date(2031, 1, 1), date(2031, 1,
                                                                                                              1))},
                                   notes="From the\nroadmap", id="b-orig"))
    plan.baselines.append(Baseline("Re-plan", date(2024, 4, 25), {"l2": (date(2030, 3, 1), date(2030, 6, 1))},
                                   id="b-re"))
    return plan


def _comparable(plan: Project) -> Project:
    """What MSPDI carries: sibling order (not position gaps), chained baselines."""
    copy = dataclasses.replace(plan, tasks={k: dataclasses.replace(t) for k, t in plan.tasks.items()},
                               baselines=chain_baselines(list(plan.baselines)), signature=None)
    for ids in copy.children_map().values():
        for index, tid in enumerate(ids):
            copy.tasks[tid].position = index
    # A finished task's Duration is the days it took, as MS Project's: T3 planned 30, worked 34
    # (1 September to 5 October 2030, every day worked).
    copy.tasks["t3"].duration = (date(2030, 10, 5) - date(2030, 9, 1)).days
    # A summary's % complete is written as its sub-tasks' rolled up (MS Project's), and read back as
    # none of its own: the table works the roll-up out again from the sub-tasks read.
    for tid in summary_percents(plan):
        copy.tasks[tid].percent_complete = 0
    return copy


def test_export_then_import_gives_the_same_plan_field_by_field(tmp_path):
    plan = _rich_plan()
    path = tmp_path / "plan.xml"
    assert write_plan(plan, path) == []
    result = read_plan(path)
    assert result.warnings == []
    diff = diff_projects(_comparable(plan), result.project, with_schedule=False)
    assert diff.is_empty(), diff.to_dict()
    assert {k.id for k in result.project.links.values()} != set()  # links carried (their ids are new)


def test_imported_plan_schedules_on_the_same_dates(tmp_path):
    from ilrs_planner.engine.cpm import schedule
    plan = _rich_plan()
    write_plan(plan, tmp_path / "p.xml")
    imported = read_plan(tmp_path / "p.xml").project
    before, after = schedule(plan).tasks, schedule(imported).tasks
    assert {t: (d.early_start, d.early_finish) for t, d in before.items()} == \
        {t: (d.early_start, d.early_finish) for t, d in after.items()}


def test_written_values_follow_the_documented_mapping(tmp_path):
    write_plan(_rich_plan(), tmp_path / "p.xml")
    root = ET.parse(tmp_path / "p.xml").getroot()
    assert root.tag == f"{NS}Project"
    tasks = {t.findtext(f"{NS}Name"): t for t in root.iter(f"{NS}Task")}
    lander = tasks["Lander build"]
    assert lander.findtext(f"{NS}Duration") == "PT960H0M0S"  # 120 days x 8 h on the 7-day calendar
    assert lander.findtext(f"{NS}OutlineNumber") == "1.1.1" and lander.findtext(f"{NS}OutlineLevel") == "3"
    assert lander.findtext(f"{NS}Start") == "2030-01-03T08:00:00"  # the actual start
    rover = tasks["Rover build"]
    link = rover.find(f"{NS}PredecessorLink")
    assert (link.findtext(f"{NS}Type"), link.findtext(f"{NS}LinkLag"), link.findtext(f"{NS}LagFormat")) == \
        ("3", "48000", "7")  # SS, 10 days x 4800 tenths of a minute
    assert rover.findtext(f"{NS}ConstraintType") == "7"
    assert rover.findtext(f"{NS}ConstraintDate") == "2030-12-30T17:00:00"  # exclusive Dec 31 = end of Dec 30
    launch = tasks["Launch"]
    assert (launch.findtext(f"{NS}Milestone"), launch.findtext(f"{NS}ConstraintType")) == ("1", "3")
    assert launch.findtext(f"{NS}Deadline") == "2031-04-01T17:00:00"  # a deadline is the end of its day
    assert [b.findtext(f"{NS}Number") for b in lander.iter(f"{NS}Baseline")] == ["0"]
    assert tasks["Phase one"].findtext(f"{NS}Summary") == "1"
    late = tasks["Late install"]  # as late as possible: MS Project's code 1, no date
    assert (late.findtext(f"{NS}ConstraintType"), late.find(f"{NS}ConstraintDate")) == ("1", None)


# The order of the children of <Task> in the mspdi_pj12 schema (the subset this exporter writes).
TASK_ORDER = ["UID", "ID", "Name", "Manual", "Type", "WBS", "OutlineNumber", "OutlineLevel", "Start", "Finish",
              "Duration", "ManualStart", "ManualFinish", "ManualDuration", "DurationFormat", "Milestone", "Summary",
              "PercentComplete", "ActualStart", "ActualFinish",
              "ActualDuration", "RemainingDuration", "ConstraintType", "ConstraintDate", "Deadline",
              "HyperlinkAddress", "Notes", "PredecessorLink", "ExtendedAttribute", "Baseline"]
PROJECT_ORDER = ["SaveVersion", "Name", "Title", "Author", "CreationDate", "ScheduleFromStart", "StartDate",
                 "CurrencyCode", "CalendarUID", "DefaultStartTime", "DefaultFinishTime", "MinutesPerDay",
                 "MinutesPerWeek", "DaysPerMonth", "DefaultTaskType", "DurationFormat", "HonorConstraints",
                 "StatusDate", "ExtendedAttributes", "Calendars", "Tasks", "Resources"]
RESOURCE_ORDER = ["UID", "ID", "Name", "Type", "Initials", "Code", "Group", "HyperlinkAddress", "AvailableFrom",
                  "Notes", "ExtendedAttribute"]


def _in_schema_order(element, order):
    tags = [child.tag.removeprefix(NS) for child in element]
    positions = [order.index(tag) for tag in tags]
    return positions == sorted(positions)


def test_elements_appear_in_the_schema_sequence(tmp_path):
    write_plan(_rich_plan(), tmp_path / "p.xml")
    root = ET.parse(tmp_path / "p.xml").getroot()
    assert _in_schema_order(root, PROJECT_ORDER)
    assert all(_in_schema_order(task, TASK_ORDER) for task in root.iter(f"{NS}Task"))
    assert all(_in_schema_order(r, RESOURCE_ORDER) for r in root.iter(f"{NS}Resource"))
    assert root.findtext(f"{NS}CurrencyCode")  # required by the schema


def test_more_than_eleven_baselines_keeps_the_latest_and_says_so(tmp_path):
    plan = _rich_plan()
    plan.baselines[:] = [Baseline(f"B{n}", date(2020, 1, n + 1), {"l1": (date(2030, 1, 1), date(2030, 2, 1))})
                         for n in range(13)]
    warnings = write_plan(plan, tmp_path / "p.xml")
    assert warnings and "B0, B1" in warnings[0]
    names = [b.name for b in read_plan(tmp_path / "p.xml").project.baselines]
    assert names == [f"B{n}" for n in range(2, 13)]


@pytest.mark.parametrize("name", ["Ünïcödé 月球 <&> \"quoted\"", "x" * 600])
def test_awkward_names_survive_or_are_cut_to_the_schema_limit(tmp_path, name):
    plan = _rich_plan()
    plan.tasks["l1"].name = name
    write_plan(plan, tmp_path / "p.xml")
    assert read_plan(tmp_path / "p.xml").project.tasks["l1"].name == name[:512]


@pytest.mark.parametrize(("weekdays", "minutes_per_week", "days_per_month"),
                         [((True,) * 7, "3360", "30"), ((True,) * 5 + (False,) * 2, "2400", "20")])
def test_the_header_says_how_long_a_week_and_a_month_are(tmp_path, weekdays, minutes_per_week, days_per_month):
    # As the CSV import reads "1w" and "1mo": calendar days on a 7-day plan, MS Project's defaults otherwise.
    plan = Project("Units", date(2030, 1, 7))
    plan.default_calendar_id = plan.add_calendar(Calendar("Plan calendar", weekdays)).id
    write_plan(plan, tmp_path / "p.xml")
    root = ET.parse(tmp_path / "p.xml").getroot()
    assert (root.findtext(f"{NS}MinutesPerWeek"), root.findtext(f"{NS}DaysPerMonth")) == (minutes_per_week,
                                                                                         days_per_month)


def test_text_with_characters_xml_cannot_hold_still_exports_a_file_that_reads_back(tmp_path):
    # U+FFFE and U+FFFF are plan text (no control characters) but not XML 1.0: written as they were,
    # the export was a file neither MS Project nor our import would open.
    plan = Project("Moon\uffff plan", date(2030, 1, 1))
    task = plan.add_task(Task("K\ufffe1", "Lander\uffff build \U0010fffd", 1, notes="first\ufffe line", id="t1"))
    plan.baselines.append(Baseline("Agreed\uffff", date(2029, 12, 1), {task.id: (date(2030, 1, 1), date(2030, 1, 2))}))
    write_plan(plan, tmp_path / "plan.xml")
    back = read_plan(tmp_path / "plan.xml").project
    (read,) = back.tasks.values()
    assert (back.name, read.key, read.name, read.notes) == ("Moon plan", "K1", "Lander build \U0010fffd", "first line")
