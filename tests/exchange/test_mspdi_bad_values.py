"""MS Project XML holding values no plan can have: refused as the CSV import refuses them, naming the task
and the value; what is read with a change is warned about, naming where."""

from pathlib import Path

import pytest

from ilrs_planner.domain import PlannerError
from ilrs_planner.exchange.formats import read_plan

TASK = ("<Task><UID>{uid}</UID><Name>{name}</Name><OutlineLevel>{level}</OutlineLevel>"
        "<Duration>{duration}</Duration></Task>")


def _task(uid, name, level=1, duration="PT8H0M0S"):
    return TASK.format(uid=uid, name=name, level=level, duration=duration)


def _read_xml(tmp_path: Path, tasks: str, after_tasks: str = ""):
    path = tmp_path / "plan.xml"
    path.write_text(f"<Project><StartDate>2030-01-07T08:00:00</StartDate><Tasks>{tasks}</Tasks>{after_tasks}"
                    "</Project>", encoding="utf-8")
    return read_plan(path)


def _refusal(read, *args) -> PlannerError:
    with pytest.raises(PlannerError) as caught:
        read(*args)
    return caught.value


def _read_csv(tmp_path: Path, duration: str):
    path = tmp_path / "plan.csv"
    path.write_text(f"ID,Name,Duration\n1,Design,5d\n2,Build,{duration}\n", encoding="utf-8")
    return read_plan(path)


@pytest.mark.parametrize("xml_duration, csv_duration, code", [
    ("-PT16H0M0S", "-2d", "task.negative_duration"),
    ("-PT1M0S", "-1m", "task.negative_duration"),  # less than a day is still negative
    ("PT8000000H0M0S", "1000000d", "duration.too_long"),  # 1,000,000 working days of 8 hours
    ("P400Y", "400y", "duration.too_long"),
])
def test_a_duration_no_plan_can_hold_is_refused_by_both_imports_naming_task_and_value(
        tmp_path, xml_duration, csv_duration, code):
    xml_error = _refusal(_read_xml, tmp_path, _task(1, "Design") + _task(2, "Build", duration=xml_duration))
    assert "task UID 2 ('Build')" in xml_error.message
    csv_error = _refusal(_read_csv, tmp_path, csv_duration)
    assert "row 3, column Duration" in csv_error.message  # the CSV import names the row
    if code == "task.negative_duration":
        assert xml_error.code == code and xml_duration in xml_error.message and "negative" in csv_error.message
    else:
        assert xml_error.code == csv_error.code == code and "300 years" in xml_error.message


def test_a_lag_no_plan_can_hold_is_refused_naming_its_task(tmp_path):
    link = ("<PredecessorLink><PredecessorUID>1</PredecessorUID><Type>1</Type><LinkLag>48000000000</LinkLag>"
            "<LagFormat>7</LagFormat></PredecessorLink>")  # 10,000,000 working days, in tenths of a minute
    error = _refusal(_read_xml, tmp_path, _task(1, "Design") + _task(2, "Build").replace("</Task>", link + "</Task>"))
    assert error.code == "duration.too_long" and "task UID 2" in error.message and "lag" in error.message


def test_part_day_lags_round_up_as_durations_do_with_one_warning(tmp_path):
    """8-hour days (MinutesPerDay 480): a lag is in tenths of a minute, 4,800 a working day; LagFormat 8
    counts elapsed days of 1,440 minutes (14,400 tenths)."""
    lags = [("1200", "7"),  # a quarter of a working day: 1 day (not the nearest, none)
            ("7200", "7"),  # a day and a half: 2 days
            ("-3600", "7"),  # three quarters of a day's lead: rounded up to no lead (not a day's lead)
            ("-7200", "7"),  # a day and a half's lead: 1 day's lead
            ("9600", "7"),  # two whole days: unchanged, not counted
            ("7200", "8")]  # half an elapsed day: 1 elapsed day
    link = ("<PredecessorLink><PredecessorUID>{}</PredecessorUID><Type>1</Type><LinkLag>{}</LinkLag>"
            "<LagFormat>{}</LagFormat></PredecessorLink>")
    tasks = _task(1, "T1") + "".join(
        _task(uid, f"T{uid}").replace("</Task>", link.format(uid - 1, lag, fmt) + "</Task>")
        for uid, (lag, fmt) in enumerate(lags, start=2))
    result = _read_xml(tmp_path, tasks)
    by_key = {t.id: t.key for t in result.project.tasks.values()}
    read = sorted((by_key[link.succ_id], link.lag, link.elapsed) for link in result.project.links.values())
    assert read == [("T2", 1, False), ("T3", 2, False), ("T4", 0, False), ("T5", -1, False), ("T6", 2, False),
                    ("T7", 1, True)]
    lag_warnings = [w for w in result.warnings if "lag" in w]
    assert lag_warnings == ["5 link lag(s) were not whole days and were rounded up to the next whole day "
                            "(plans count whole days; MS Project keeps part-day lags)"]


def test_the_longest_duration_a_plan_holds_is_read(tmp_path):
    plan = _read_xml(tmp_path, _task(1, "Long", duration="P109575D").replace("</Task>",
                                                                              "<DurationFormat>8</DurationFormat></Task>"))
    assert [t.duration for t in plan.project.tasks.values()] == [109_575]


@pytest.mark.parametrize("level", ["-5", "-1"])
def test_a_negative_outline_level_is_refused_naming_task_and_value(tmp_path, level):
    error = _refusal(_read_xml, tmp_path, _task(1, "Design") + _task(7, "Build", level=level))
    assert error.code == "import.bad_file"
    assert f"task UID 7 ('Build'): OutlineLevel {level} " in error.message


def test_outline_level_0_on_a_task_after_the_project_summary_is_refused(tmp_path):
    summary = "<Task><UID>0</UID><Name>Programme</Name><OutlineLevel>0</OutlineLevel></Task>"
    error = _refusal(_read_xml, tmp_path, summary + _task(1, "Design") + _task(2, "Build", level=0))
    assert error.code == "import.bad_file" and "task UID 2 ('Build'): OutlineLevel 0 " in error.message


def test_a_first_task_at_level_0_is_still_the_project_summary(tmp_path):
    plan = _read_xml(tmp_path, _task(5, "Programme", level=0) + _task(1, "Design"))
    assert [t.name for t in plan.project.tasks.values()] == ["Design"] and not plan.warnings


def test_an_outline_level_that_skips_levels_is_placed_under_the_task_above_and_named(tmp_path):
    result = _read_xml(tmp_path, _task(1, "Design") + _task(2, "Build", level=4) + _task(3, "Test", level=2))
    tasks = {t.name: t for t in result.project.tasks.values()}
    assert tasks["Build"].parent_id == tasks["Design"].id and tasks["Test"].parent_id == tasks["Design"].id
    assert result.warnings == ["task UID 2 ('Build'): OutlineLevel 4 follows level 1, skipping levels; "
                               "placed at level 2, under the task above it"]


def test_warnings_about_the_project_summary_and_resources_name_them(tmp_path):
    bidi = "&#x202E;"  # a right-to-left override: removed from any text a plan keeps
    summary = f"<Task><UID>0</UID><OutlineLevel>0</OutlineLevel><Notes>Programme{bidi} notes</Notes></Task>"
    resources = (f"<Resources><Resource><UID>3</UID><Name>ESA{bidi}</Name><Notes>Agency{bidi}</Notes></Resource>"
                 "</Resources>")
    result = _read_xml(tmp_path, summary + _task(1, "Design"), resources)
    assert len(result.warnings) == 3
    assert [w.split(": ")[0] for w in result.warnings] == [
        "resource UID 3", "resource UID 3 ('ESA')", "the project summary task (UID 0)"]


@pytest.mark.parametrize("xml_duration, days, shown", [
    ("PT12H0M0S", 2, "1.50"),  # 1.5 days of 8 hours
    ("PT4H0M0S", 1, "0.50"),
    ("PT9H0M0S", 2, "1.12"),  # a part day just past a whole one
])
def test_a_part_day_duration_rounds_up_to_the_day_it_touches_as_the_csv_import_does(tmp_path, xml_duration,
                                                                                      days, shown):
    read = _read_xml(tmp_path, _task(1, "Design", duration=xml_duration))
    [task] = read.project.tasks.values()
    csv = _read_csv(tmp_path, f"{shown}d")
    assert task.duration == days == next(t.duration for t in csv.project.tasks.values() if t.name == "Build")
    assert f"task UID 1 ('Design'): duration of {shown} days rounded up to {days}" in "\n".join(read.warnings)


def test_a_whole_day_duration_is_read_without_a_warning(tmp_path):
    read = _read_xml(tmp_path, _task(1, "Design", duration="PT16H0M0S"))
    [task] = read.project.tasks.values()
    assert task.duration == 2 and not [w for w in read.warnings if "rounded" in w]
