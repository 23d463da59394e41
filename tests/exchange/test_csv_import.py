"""Importing CSV task tables as MS Project and spreadsheets write them."""

from datetime import date
from pathlib import Path

import pytest

from ilrs_planner.domain import Classification, ConstraintType, LinkType, Precision, TaskKind
from ilrs_planner.exchange.formats import read_plan

DATA = Path(__file__).parent / "data"


def links_by_key(project):
    """(predecessor key, successor key) -> (type, lag), to compare links by what a user sees."""
    tasks = project.tasks
    return {(tasks[l.pred_id].key, tasks[l.succ_id].key): (l.type, l.lag) for l in project.links.values()}


def outline(project):
    return [("  " * depth) + task.key for task, depth in project.walk()]


def write_csv(tmp_path, text, name="plan.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


# -- a realistic MS Project export --------------------------------------------------------------

@pytest.fixture(scope="module")
def msp():
    return read_plan(DATA / "msp_export.csv")


def test_ms_project_export_builds_the_wbs_from_outline_levels(msp):
    assert outline(msp.project) == ["1", "  2", "  3", "4", "  5", "  6", "7", "8", "9"]


def test_ms_project_export_reads_durations_in_calendar_days(msp):
    # Summaries 1 and 4 hold their sub-tasks' spans (30 and 45 days), which are derived, not read.
    durations = {t.key: t.duration for t in msp.project.tasks.values()}
    assert durations == {"1": 0, "2": 10, "3": 20, "4": 0, "5": 15, "6": 21, "7": 0, "8": 10, "9": 0}


def test_a_part_day_duration_rounds_up_to_the_day_it_touches_with_a_warning(tmp_path):
    result = read_plan(write_csv(tmp_path, "ID,Name,Duration\n1,A,2.5d\n2,B,4h\n3,C,3d\n"))
    assert [t.duration for t in result.project.tasks.values()] == [3, 1, 3]
    why = "(a plan counts whole working days)"
    assert result.warnings == [f"row 2, column Duration: '2.5d' was rounded up to 3 d {why}",
                               f"row 3, column Duration: '4h' was rounded up to 1 d {why}"]


def test_ms_project_export_reads_every_link_form(msp):
    assert links_by_key(msp.project) == {
        ("2", "3"): (LinkType.FS, 0),
        ("5", "6"): (LinkType.FS, 5),
        ("3", "7"): (LinkType.FS, 0),
        ("6", "8"): (LinkType.FS, 0),
        ("7", "8"): (LinkType.SS, 2),
        ("8", "9"): (LinkType.FS, 0),
    }


def test_ms_project_export_keeps_constraints_and_ignores_computed_starts(msp):
    tasks = {t.key: t for t in msp.project.tasks.values()}
    assert (tasks["5"].constraint, tasks["5"].constraint_date) == (ConstraintType.SNET, date(2030, 1, 21))
    # Finish dates name MS Project's last day of work; the plan keeps finishes exclusive (+1 day).
    assert (tasks["8"].constraint, tasks["8"].constraint_date) == (ConstraintType.FNLT, date(2030, 6, 1))
    assert (tasks["9"].constraint, tasks["9"].constraint_date) == (ConstraintType.MSO, date(2030, 6, 3))
    # ASAP rows carry MS Project's computed Start, which must not turn into a constraint.
    assert tasks["3"].constraint is ConstraintType.ASAP and tasks["3"].constraint_date is None
    assert tasks["3"].deadline == date(2030, 3, 1)  # a deadline is kept as its last day, as in MS Project


def test_ms_project_export_reads_actuals_percent_and_notes(msp):
    design = next(t for t in msp.project.tasks.values() if t.key == "2")
    assert design.actual_start == date(2030, 1, 7) and design.actual_finish is None
    assert design.percent_complete == 50
    assert design.notes == 'Design review with "partners", then freeze\nsecond line of the note'


def test_actual_finish_is_the_last_day_of_work(tmp_path):
    text = ("ID,Name,Duration,Actual Start,Actual Finish\n"
            "1,Flown,10 days,1/7/2030,1/16/2030\n2,Landed,0 days,1/20/2030,1/20/2030\n")
    tasks = {t.key: t for t in read_plan(write_csv(tmp_path, text)).project.tasks.values()}
    assert (tasks["1"].actual_start, tasks["1"].actual_finish) == (date(2030, 1, 7), date(2030, 1, 17))
    assert (tasks["1"].actual_finish - tasks["1"].actual_start).days == tasks["1"].duration
    assert (tasks["2"].actual_start, tasks["2"].actual_finish) == (date(2030, 1, 20), date(2030, 1, 20))


def test_ms_project_export_project_start_is_the_earliest_start(msp):
    assert msp.project.start == date(2030, 1, 7)
    assert msp.project.name == "msp_export"


def test_ms_project_export_reads_as_late_as_possible(msp):
    assert "As Late As Possible" not in "\n".join(msp.warnings)
    ids = {t.key: t for t in msp.project.tasks.values()}
    assert (ids["6"].constraint, ids["6"].constraint_date) == (ConstraintType.ALAP, None)


def test_ms_project_resource_names_become_owners(msp):
    project = msp.project
    owners = {t.key: project.participants[t.owner_id].key for t in project.tasks.values() if t.owner_id}
    assert owners == {"2": "CNSA", "3": "CNSA", "5": "Roscosmos", "6": "Roscosmos"}


def test_several_resources_keep_the_first_as_owner_with_a_warning(tmp_path):
    text = 'ID,Name,Duration,Resource Names\n1,A,5d,"CNSA[50%],ESA"\n'
    result = read_plan(write_csv(tmp_path, text))
    task = next(iter(result.project.tasks.values()))
    assert result.project.participants[task.owner_id].key == "CNSA"
    assert any(w.startswith("row 2, column Resource Names:") and "ESA" in w for w in result.warnings)


def test_columns_that_are_not_read_are_named_in_a_warning(tmp_path):
    result = read_plan(write_csv(tmp_path, "ID,Name,Duration,Cost,Finish\n1,A,5d,$100,NA\n"))
    assert result.warnings == ["columns not read: Cost"]  # Finish is derived, so not worth a warning


def test_ms_project_milestones_and_tasks_get_a_kind(msp):
    kinds = {t.key: t.kind for t in msp.project.tasks.values()}
    assert kinds["7"] is TaskKind.MILESTONE and kinds["9"] is TaskKind.MILESTONE
    assert kinds["2"] is TaskKind.TASK and kinds["1"] is TaskKind.TASK


# -- our own columns, ';'-separated, dates as people write them ---------------------------------

@pytest.fixture(scope="module")
def ilrs():
    return read_plan(DATA / "ilrs_semicolon.csv")


def test_semicolon_file_with_keys_owners_and_fuzzy_dates(ilrs):
    project = ilrs.project
    tasks = {t.key: t for t in project.tasks.values()}
    assert outline(project) == ["construction", "  change-7", "  change-8", "  power-plant", "  basic", "extended"]
    # A bare Start becomes "start no earlier than", at the precision it was written.
    assert (tasks["change-7"].constraint, tasks["change-7"].constraint_date) == (ConstraintType.SNET, date(2026, 8, 1))
    assert tasks["change-7"].precision is Precision.MONTH
    assert tasks["change-8"].precision is Precision.YEAR and tasks["change-8"].constraint_date == date(2029, 1, 1)
    # 'by 2036' / 'by 2035' are the end of the year; 'Q4 2045' is the end of the quarter. A task
    # that must finish by the end of 2036 has its exclusive finish on 2037-01-01; a milestone is on the day.
    assert tasks["power-plant"].constraint_date == date(2037, 1, 1)
    assert tasks["basic"].deadline == date(2035, 12, 31)
    assert tasks["extended"].deadline == date(2045, 12, 31) and tasks["extended"].precision is Precision.QUARTER
    assert tasks["power-plant"].classification is Classification.RESTRICTED
    assert tasks["construction"].kind is TaskKind.PHASE
    assert tasks["change-7"].source_url == "https://example.org/change-7"
    assert tasks["basic"].notes == "by 2035; Wu Weiren, 2025"


def test_semicolon_file_links_refer_to_the_id_column(ilrs):
    assert links_by_key(ilrs.project) == {
        ("change-7", "change-8"): (LinkType.FS, 14),
        ("change-8", "basic"): (LinkType.FS, 0),
        ("power-plant", "basic"): (LinkType.FF, 0),
        ("basic", "extended"): (LinkType.FS, 3650),
    }


def test_owners_become_participants_once_each(ilrs):
    project = ilrs.project
    assert sorted(p.key for p in project.participants.values()) == ["CNSA", "Roscosmos"]
    owners = {t.key: project.participants[t.owner_id].key for t in project.tasks.values() if t.owner_id}
    assert owners == {"change-7": "CNSA", "change-8": "CNSA", "power-plant": "Roscosmos"}


def test_project_start_is_the_earliest_date_unless_given(ilrs, tmp_path):
    assert ilrs.project.start == date(2026, 8, 1)
    given = read_plan(DATA / "ilrs_semicolon.csv", start=date(2024, 1, 1))
    assert given.project.start == date(2024, 1, 1)


def test_no_dates_at_all_start_today(tmp_path):
    path = write_csv(tmp_path, "ID,Name,Duration\n1,Only,5d\n")
    assert read_plan(path).project.start == date.today()


# -- predecessor forms --------------------------------------------------------------------------

@pytest.mark.parametrize("cell, expected", [
    ("1", {("1", "3"): (LinkType.FS, 0)}),
    ("1FS+2d", {("1", "3"): (LinkType.FS, 2)}),
    ("2SS-1d", {("2", "3"): (LinkType.SS, -1)}),
    ("2FF", {("2", "3"): (LinkType.FF, 0)}),
    ("1SF+10d", {("1", "3"): (LinkType.SF, 10)}),
    ("1FS+2 days", {("1", "3"): (LinkType.FS, 2)}),
    ("1fs + 1w", {("1", "3"): (LinkType.FS, 7)}),
    ("1FS-3 edays", {("1", "3"): (LinkType.FS, -3)}),
    ("1;2SS+4d", {("1", "3"): (LinkType.FS, 0), ("2", "3"): (LinkType.SS, 4)}),
    ("1, 2FF-1 day", {("1", "3"): (LinkType.FS, 0), ("2", "3"): (LinkType.FF, -1)}),
])
def test_each_predecessor_form(tmp_path, cell, expected):
    path = write_csv(tmp_path, f'ID,Name,Duration,Predecessors\n1,A,5d,\n2,B,3d,\n3,C,2d,"{cell}"\n')
    assert links_by_key(read_plan(path).project) == expected


def test_predecessors_may_use_ids_that_contain_dashes(tmp_path):
    path = write_csv(tmp_path, "ID,Name,Duration,Predecessors\nchange-7,A,5d,\nchange-8,B,3d,change-7FS+2d\n")
    assert links_by_key(read_plan(path).project) == {("change-7", "change-8"): (LinkType.FS, 2)}


# -- outline levels -----------------------------------------------------------------------------

def test_outline_levels_nest_under_the_last_row_one_level_up(tmp_path):
    rows = "\n".join(f"{i},T{i},1d,{level}" for i, level in enumerate([1, 2, 3, 3, 2, 1, 2], start=1))
    project = read_plan(write_csv(tmp_path, "ID,Name,Duration,Outline Level\n" + rows + "\n")).project
    assert outline(project) == ["1", "  2", "    3", "    4", "  5", "6", "  7"]
    parents = {t.key: project.tasks[t.parent_id].key if t.parent_id else None for t in project.tasks.values()}
    assert parents == {"1": None, "2": "1", "3": "2", "4": "2", "5": "1", "6": None, "7": "6"}


def test_without_outline_levels_every_task_is_top_level(tmp_path):
    project = read_plan(write_csv(tmp_path, "ID,Name,Duration\n1,A,1d\n2,B,2d\n")).project
    assert outline(project) == ["1", "2"]


def test_project_summary_row_names_the_plan_and_sets_its_start(tmp_path):
    text = "ID,Name,Duration,Outline Level,Start\n0,Relay programme,,0,2031-02-03\n1,A,1d,1,\n"
    project = read_plan(write_csv(tmp_path, text)).project
    assert (project.name, project.start) == ("Relay programme", date(2031, 2, 3))
    assert outline(project) == ["1"]


def test_id_0_without_outline_levels_is_the_project_row_with_a_warning(tmp_path):
    result = read_plan(write_csv(tmp_path, "ID,Name,Duration,Start\n0,Programme,,2031-02-03\n1,A,1d,\n"))
    assert (result.project.name, result.project.start, outline(result.project)) == ("Programme", date(2031, 2, 3),
                                                                                    ["1"])
    assert any("row 2, column ID" in w and "project summary" in w for w in result.warnings)


def test_id_0_on_outline_level_1_is_an_ordinary_task(tmp_path):
    project = read_plan(write_csv(tmp_path, "ID,Name,Duration,Outline Level\n0,A,1d,1\n1,B,1d,1\n")).project
    assert outline(project) == ["0", "1"]


def test_a_key_column_overrides_the_id_as_task_key(tmp_path):
    text = "ID,Key,Name,Duration,Predecessors\n1,design,A,1d,\n2,,B,2d,1\n"
    project = read_plan(write_csv(tmp_path, text)).project
    assert sorted(t.key for t in project.tasks.values()) == ["2", "design"]
    assert links_by_key(project) == {("design", "2"): (LinkType.FS, 0)}


# -- how files are written ----------------------------------------------------------------------

def test_windows_1252_file_is_read_with_a_warning(tmp_path):
    path = write_csv(tmp_path, "ID,Name,Duration\n1,Mission à Québec,5d\n", encoding="cp1252")
    result = read_plan(path)
    assert [t.name for t in result.project.tasks.values()] == ["Mission à Québec"]
    assert any("Windows-1252" in w for w in result.warnings)


def test_utf16_file_with_bom_is_read(tmp_path):
    path = write_csv(tmp_path, "\ufeffID\tName\tDuration\n1\t嫦娥七号\t5d\n", encoding="utf-16-le")
    path.write_bytes(b"\xff\xfe" + path.read_bytes()[2:])
    assert [t.name for t in read_plan(path).project.tasks.values()] == ["嫦娥七号"]


def test_header_names_are_case_and_space_insensitive(tmp_path):
    path = write_csv(tmp_path, "\ufeff id , TASK NAME ,duration,percent complete\n1,A,5d,40%\n")
    task = next(iter(read_plan(path).project.tasks.values()))
    assert (task.name, task.duration, task.percent_complete) == ("A", 5, 40)


def test_blank_rows_are_skipped(tmp_path):
    path = write_csv(tmp_path, "ID,Name,Duration\n1,A,5d\n,,\n\n2,B,1d\n")
    assert outline(read_plan(path).project) == ["1", "2"]


@pytest.mark.parametrize("text, expected", [
    ("6/15/2029", date(2029, 6, 15)),
    ("Fri 6/15/29", date(2029, 6, 15)),
    ("6/15/2029 8:00 AM", date(2029, 6, 15)),
    ("2029-06-15", date(2029, 6, 15)),
    ("2029-06-15T08:00:00", date(2029, 6, 15)),
    ("Q3 2029", date(2029, 7, 1)),
])
def test_date_styles(tmp_path, text, expected):
    path = write_csv(tmp_path, f'ID,Name,Duration,Start\n1,A,5d,"{text}"\n')
    result = read_plan(path)
    assert next(iter(result.project.tasks.values())).constraint_date == expected
    assert [w for w in result.warnings if "became 'Start No Earlier Than'" not in w] == []


def test_wrong_weekday_is_a_warning_naming_the_cell(tmp_path):
    result = read_plan(write_csv(tmp_path, "ID,Name,Duration,Start\n1,A,5d,Mon 6/15/29\n"))
    assert any("row 2, column Start" in w and "Friday" in w for w in result.warnings)
