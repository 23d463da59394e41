"""Importing MS Project XML written by other tools: what is carried, what is warned about, what is refused."""

import dataclasses
from datetime import date
from pathlib import Path

import pytest

from ilrs_planner.domain import ConstraintType, LinkType, PlannerError
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.exchange.formats import read_plan
from ilrs_planner.exchange.mspdi import xml_safe
from ilrs_planner.exchange.mspdi.xml_safe import parse_untrusted

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def imported():
    return read_plan(DATA / "msproject_standard.xml")


def test_tasks_outline_and_values(imported):
    plan = imported.project
    assert (plan.name, plan.start, plan.status_date, plan.author) == (
        "Lunar lander programme", date(2030, 1, 7), date(2030, 3, 1), "Planning office")
    by_name = {t.name: t for t in plan.tasks.values()}
    design, structure, thermal = by_name["Design"], by_name["Structure design"], by_name["Thermal analysis"]
    assert structure.parent_id == design.id and thermal.parent_id == design.id
    assert (structure.duration, structure.actual_start, structure.actual_finish, structure.percent_complete) == (
        10, date(2030, 1, 7), date(2030, 1, 19), 100)
    assert thermal.duration == 5  # 36 h of 8-hour days = 4.5 days, rounded up
    assert (thermal.constraint, thermal.constraint_date, thermal.notes) == (
        ConstraintType.SNET, date(2030, 1, 21), "Needs the structure model.")
    tvt = by_name["Thermal vacuum test"]
    assert (tvt.duration, tvt.deadline) == (3, date(2030, 3, 29))  # 72 elapsed hours = 3 days
    assert plan.participants[tvt.owner_id].key == "ESA"  # from the assignment
    assert by_name["Critical design review"].is_milestone


def test_links_and_lags(imported):
    plan = imported.project
    key = {t.id: t.name for t in plan.tasks.values()}
    links = {(key[k.pred_id], key[k.succ_id]): (k.type, k.lag) for k in plan.links.values()}
    assert links == {
        ("Structure design", "Thermal analysis"): (LinkType.SS, 1),
        ("Thermal analysis", "Thermal vacuum test"): (LinkType.FS, 1),  # 1440 elapsed minutes
        ("Structure design", "Thermal vacuum test"): (LinkType.FS, 0),  # percentage lag dropped
        ("Thermal vacuum test", "Critical design review"): (LinkType.FS, 0),
    }


def test_baseline_zero_is_read(imported):
    [baseline] = imported.project.baselines
    structure = next(t for t in imported.project.tasks.values() if t.name == "Structure design")
    assert baseline.name == "Baseline" and baseline.entries[structure.id] == (date(2030, 1, 7), date(2030, 1, 17))


def test_everything_not_carried_is_warned_about(imported):
    text = "\n".join(imported.warnings)
    for expected in ("task UID 99", "percentage", "another project file", "assignment", "rounded"):
        assert expected in text, expected


def test_imported_plan_schedules_as_worked_by_hand(imported):
    # Without its status date first (MS Project leaves unstarted work where it is until told to reschedule it).
    dates = schedule(dataclasses.replace(imported.project, status_date=None)).tasks
    by_name = {t.name: t.id for t in imported.project.tasks.values()}
    # On the file's Mon-Fri "Standard" calendar: Structure design works Jan 7-11 and 14-18. Thermal analysis:
    # SS+1 from Jan 7 = Tue Jan 8, but SNET Mon Jan 21 -> Jan 21-25 (ends Friday evening, exclusive Jan 26).
    # TVT: FS+1 elapsed day -> Sun Jan 27, 3 elapsed days (Sun-Tue). CDR sits at its end, Wed Jan 30.
    assert dates[by_name["Thermal analysis"]].early_start == date(2030, 1, 21)
    assert dates[by_name["Thermal vacuum test"]].early_start == date(2030, 1, 27)
    assert dates[by_name["Critical design review"]].early_start == date(2030, 1, 30)


def test_imported_status_date_moves_the_unstarted_work_after_it(imported):
    dates = schedule(imported.project).tasks
    by_name = {t.name: t.id for t in imported.project.tasks.values()}
    # The file's status date, Friday 2030-03-01, finds Thermal analysis unstarted: it works Fri Mar 1 and
    # Mon-Thu Mar 4-7 (exclusive Fri Mar 8). TVT: FS+1 elapsed day from Thursday evening -> Sat Mar 9,
    # 3 elapsed days (Sat-Mon), exclusive Tue Mar 12, where CDR sits. Structure design, finished, stays.
    assert dates[by_name["Structure design"]].early_start == date(2030, 1, 7)
    assert dates[by_name["Thermal analysis"]].early_start == date(2030, 3, 1)
    assert dates[by_name["Thermal analysis"]].early_finish == date(2030, 3, 8)
    assert dates[by_name["Thermal vacuum test"]].early_start == date(2030, 3, 9)
    assert dates[by_name["Critical design review"]].early_start == date(2030, 3, 12)


def _xml(tmp_path, body: str, name="x.xml") -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


def _read_tasks(tmp_path, tasks: str):
    """Read a project starting Monday 2030-01-07 that holds `tasks` (Task elements)."""
    return read_plan(_xml(tmp_path, f"<Project><StartDate>2030-01-07T08:00:00</StartDate><Tasks>{tasks}</Tasks>"
                                    "</Project>"))


@pytest.mark.parametrize("body,why", [
    ('<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
     '<Project><Name>&b;</Name></Project>', "DOCTYPE"),
    ('<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]><Project><Name>&x;</Name></Project>',
     "DOCTYPE"),
    ('<Project><Name>&undefined;</Name></Project>', "not well-formed"),
    ('<Project><Tasks><Task></Project>', "not well-formed"),
    ('<html><body/></html>', "root element is <html>"),
    ("", "not well-formed"),
    ("<a>" * 100 + "</a>" * 100, "nested"),
])
def test_hostile_or_broken_files_are_refused_with_a_code(tmp_path, body, why):
    with pytest.raises(PlannerError) as err:
        read_plan(_xml(tmp_path, body))
    assert err.value.code == "import.bad_file" and why in err.value.message


def test_loops_in_the_file_are_broken_and_named(tmp_path):
    tasks = "".join(
        f"<Task><UID>{u}</UID><Name>T{u}</Name><OutlineLevel>1</OutlineLevel><Duration>PT8H0M0S</Duration>"
        f"<PredecessorLink><PredecessorUID>{p}</PredecessorUID><Type>1</Type></PredecessorLink></Task>"
        for u, p in ((1, 3), (2, 1), (3, 2)))
    result = read_plan(_xml(tmp_path,
                            f"<Project><StartDate>2030-01-01T08:00:00</StartDate><Tasks>{tasks}</Tasks></Project>"))
    assert len(result.project.links) == 2
    assert any("loop" in w and "T1" in w for w in result.warnings)
    schedule(result.project)  # schedulable now


def test_minimal_file_without_start_date_gets_one_and_a_warning(tmp_path):
    result = read_plan(_xml(tmp_path, "<Project><Tasks><Task><UID>1</UID><Name>Only</Name>"
                                      "<Start>2031-05-05T08:00:00</Start></Task></Tasks></Project>"))
    assert result.project.start == date(2031, 5, 5)
    assert [t.name for t in result.project.tasks.values()] == ["Only"]
    assert any("no project start" in w for w in result.warnings)


def test_the_file_calendar_is_carried_not_warned_about(imported):
    standard = imported.project.default_calendar()
    assert standard.name == "Standard" and standard.weekdays == (True,) * 5 + (False, False)
    assert not any("calendar" in w for w in imported.warnings)
    tvt = next(t for t in imported.project.tasks.values() if t.name == "Thermal vacuum test")
    assert tvt.elapsed and [k.elapsed for k in imported.project.links.values() if k.succ_id == tvt.id and k.lag]


def test_as_late_as_possible_is_read_without_a_warning(tmp_path):
    task = ("<Task><UID>{u}</UID><Name>{n}</Name><OutlineLevel>1</OutlineLevel><Duration>PT16H0M0S</Duration>"
            "<ConstraintType>{c}</ConstraintType></Task>")
    tasks = task.format(u=1, n="Late", c=1) + task.format(u=2, n="Long", c=0).replace("PT16H", "PT80H")
    result = read_plan(_xml(tmp_path, f"<Project><StartDate>2030-01-01T08:00:00</StartDate><Tasks>{tasks}</Tasks>"
                                      "</Project>"))
    late = next(t for t in result.project.tasks.values() if t.name == "Late")
    assert (late.constraint, late.constraint_date) == (ConstraintType.ALAP, None)
    assert not any("As Late As Possible" in w or "constraint" in w for w in result.warnings)
    dates = schedule(result.project).tasks[late.id]  # 2 days at the end of the 10-day plan
    assert (dates.early_start, dates.early_finish) == (date(2030, 1, 9), date(2030, 1, 11))


def test_a_custom_field_owner_is_found_among_resources_listed_after_the_tasks(tmp_path):
    body = ("<Project><StartDate>2030-01-01T08:00:00</StartDate>"
            "<ExtendedAttributes><ExtendedAttribute><FieldID>188743746</FieldID><Alias>ILRS owner</Alias>"
            "</ExtendedAttribute></ExtendedAttributes>"
            "<Tasks><Task><UID>1</UID><Name>Relay</Name><OutlineLevel>1</OutlineLevel>"
            "<ExtendedAttribute><FieldID>188743746</FieldID><Value>CNSA</Value></ExtendedAttribute></Task>"
            "<Task><UID>2</UID><Name>Orphan</Name><OutlineLevel>1</OutlineLevel>"
            "<ExtendedAttribute><FieldID>188743746</FieldID><Value>NOBODY</Value></ExtendedAttribute></Task></Tasks>"
            "<Resources><Resource><UID>1</UID><Name>China National Space Administration</Name>"
            "<Initials>CNSA</Initials></Resource></Resources></Project>")
    result = read_plan(_xml(tmp_path, body))
    tasks = {t.name: t for t in result.project.tasks.values()}
    assert result.project.participants[tasks["Relay"].owner_id].key == "CNSA"
    assert tasks["Orphan"].owner_id is None
    assert any("owner 'NOBODY' is not among the resources" in w for w in result.warnings)


def test_calendars_listed_after_the_tasks_are_named_as_not_applied(tmp_path):
    body = ("<Project><StartDate>2030-01-01T08:00:00</StartDate><Tasks><Task><UID>1</UID><Name>A</Name>"
            "<OutlineLevel>1</OutlineLevel><Duration>PT16H0M0S</Duration></Task></Tasks>"
            "<Calendars><Calendar><UID>1</UID><Name>Late</Name></Calendar></Calendars></Project>")
    result = read_plan(_xml(tmp_path, body))
    assert any("lists its Calendars after its tasks" in w for w in result.warnings)


def test_tasks_are_handed_over_one_by_one_and_not_kept_in_the_tree(tmp_path):
    tasks = "".join(f"<Task><UID>{n}</UID><Name>T{n}</Name></Task>" for n in range(1, 6))
    seen = []
    root = parse_untrusted(_xml(tmp_path, f"<Project><Name>P</Name><Tasks>{tasks}</Tasks></Project>"),
                           on_task=lambda r, task: seen.append((r.findtext("Name"), task.findtext("UID"))))
    assert seen == [("P", str(n)) for n in range(1, 6)]  # the plan's header is there when tasks arrive
    assert len(root.find("Tasks")) == 0


def test_a_file_that_piles_elements_outside_its_tasks_is_refused_before_it_fills_memory(tmp_path, monkeypatch):
    monkeypatch.setattr(xml_safe, "MAX_KEPT_ELEMENTS", 500)
    junk = "<Calendar><UID>9</UID></Calendar>" * 300  # 600 elements kept whole in the tree
    path = _xml(tmp_path, f"<Project><Calendars>{junk}</Calendars><Tasks><Task><UID>1</UID></Task></Tasks></Project>")
    with pytest.raises(PlannerError) as caught:
        read_plan(path)
    assert caught.value.code == "import.bad_file" and "more than 500 elements outside its tasks" in caught.value.message


def test_one_task_holding_a_flood_of_elements_is_refused_while_ordinary_tasks_stream(tmp_path, monkeypatch):
    monkeypatch.setattr(xml_safe, "MAX_TASK_ELEMENTS", 100)
    tasks = "".join(f"<Task><UID>{n}</UID><Name>T{n}</Name></Task>" for n in range(1, 200))
    assert len(read_plan(_xml(tmp_path, f"<Project><Tasks>{tasks}</Tasks></Project>")).project.tasks) == 199
    flood = "<Task><UID>1</UID>" + "<ExtendedAttribute><FieldID>1</FieldID></ExtendedAttribute>" * 60 + "</Task>"
    with pytest.raises(PlannerError) as caught:
        read_plan(_xml(tmp_path, f"<Project><Tasks>{flood}</Tasks></Project>", name="flood.xml"))
    assert "a task holds more than 100 elements" in caught.value.message


def test_an_actual_finish_before_the_actual_start_is_left_out_naming_the_task(tmp_path):
    tasks = ("<Task><UID>1</UID><Name>Backwards</Name><OutlineLevel>1</OutlineLevel><Duration>PT16H0M0S</Duration>"
             "<ActualStart>2030-01-08T08:00:00</ActualStart><ActualFinish>2030-01-03T17:00:00</ActualFinish></Task>"
             "<Task><UID>2</UID><Name>Next</Name><OutlineLevel>1</OutlineLevel><Duration>PT8H0M0S</Duration>"
             "<PredecessorLink><PredecessorUID>1</PredecessorUID><Type>1</Type></PredecessorLink></Task>")
    result = _read_tasks(tmp_path, tasks)
    by_name = {t.name: t for t in result.project.tasks.values()}
    backwards = by_name["Backwards"]
    assert (backwards.actual_start, backwards.actual_finish) == (date(2030, 1, 8), None)
    assert [w for w in result.warnings if "Backwards" in w and "actual finish is before its actual start" in w]
    assert len(result.project.links) == 1
    # Started on Tue Jan 8 and 2 days long on the 7-day default: Jan 8-9; Next follows on Jan 10.
    assert schedule(result.project).tasks[by_name["Next"].id].early_start == date(2030, 1, 10)


def test_a_lag_format_that_is_not_a_number_is_warned_about_once(tmp_path):
    tasks = ("<Task><UID>1</UID><Name>A</Name><OutlineLevel>1</OutlineLevel><Duration>PT8H0M0S</Duration></Task>"
             "<Task><UID>2</UID><Name>B</Name><OutlineLevel>1</OutlineLevel><Duration>PT8H0M0S</Duration>"
             "<PredecessorLink><PredecessorUID>1</PredecessorUID><Type>1</Type><LinkLag>4800</LinkLag>"
             "<LagFormat>days</LagFormat></PredecessorLink></Task>")
    result = _read_tasks(tmp_path, tasks)
    assert [link.lag for link in result.project.links.values()] == [1]  # read in working days, as format 7
    assert len([w for w in result.warnings if "LagFormat 'days'" in w]) == 1


def test_a_task_nested_too_deep_is_refused_among_ordinary_tasks(tmp_path):
    ordinary = "".join(f"<Task><UID>{n}</UID><Name>T{n}</Name></Task>" for n in range(1, 50))
    deep = "<Task><UID>50</UID><Notes>" + "<b>" * 22 + "</b>" * 22 + "</Notes></Task>"  # 3 + 1 + 22 = 26 deep
    with pytest.raises(PlannerError) as caught:
        read_plan(_xml(tmp_path, f"<Project><Tasks>{ordinary}{deep}</Tasks></Project>"))
    assert "nested more than 24 deep" in caught.value.message
    shallow = deep.replace("<b>" * 22, "<b>" * 20).replace("</b>" * 22, "</b>" * 20)  # 24 deep: accepted
    assert len(read_plan(_xml(tmp_path, f"<Project><Tasks>{ordinary}{shallow}</Tasks></Project>",
                              name="y.xml")).project.tasks) == 50


def test_a_task_still_open_is_measured_after_every_chunk_of_the_file(tmp_path, monkeypatch):
    monkeypatch.setattr(xml_safe, "MAX_TASK_ELEMENTS", 100)
    monkeypatch.setattr(xml_safe, "_CHUNK", 64)
    seen = []
    flood = "<Task><UID>2</UID>" + "<ExtendedAttribute><FieldID>1</FieldID></ExtendedAttribute>" * 60
    path = _xml(tmp_path, f"<Project><Tasks><Task><UID>1</UID></Task>{flood}")  # never closed: not well-formed
    with pytest.raises(PlannerError) as caught:
        parse_untrusted(path, on_task=lambda root, task: seen.append(task.findtext("UID")))
    assert "a task holds more than 100 elements" in caught.value.message and seen == ["1"]
