"""CSV export writes the columns the import reads: export → import gives back the same plan."""

import csv
from dataclasses import fields
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ilrs_planner.domain import (
    Baseline,
    Classification,
    Confidence,
    ConstraintType,
    Link,
    LinkType,
    Participant,
    PlannerError,
    Precision,
    Project,
    Task,
    TaskKind,
)
from ilrs_planner.exchange.formats import read_plan, write_plan


def rich_project() -> Project:
    """Every task field set, a nested WBS with gaps in positions, all four link types."""
    project = Project(name="ILRS partner plan", start=date(2026, 1, 1))
    cnsa = project.add_participant(Participant(key="CNSA", name="China National Space Administration"))
    suparco = project.add_participant(Participant(key="SUPARCO", name="SUPARCO"))
    phase = project.add_task(Task("phase-2", "Construction, phase 2", kind=TaskKind.PHASE, position=5,
                                  classification=Classification.PARTNERS, notes="Roadmap 2021; \"phase 2\""))
    ce7 = project.add_task(Task("change-7", "Chang'e 7", duration=30, kind=TaskKind.MISSION, parent_id=phase.id,
                                position=10, owner_id=cnsa.id, constraint=ConstraintType.SNET,
                                constraint_date=date(2026, 8, 1), precision=Precision.MONTH,
                                optimistic=20, most_likely=30, pessimistic=60, percent_complete=90,
                                source_url="https://example.org/ce7?a=1,b=2", notes="line one\nline two, with comma",
                                confidence=Confidence.SOURCED, source_date=date(2025, 6, 18)))
    ce8 = project.add_task(Task("change-8", "Chang'e 8", duration=45, kind=TaskKind.MISSION, parent_id=phase.id,
                                position=20, owner_id=cnsa.id, constraint=ConstraintType.FNLT,
                                constraint_date=date(2030, 1, 1), deadline=date(2029, 11, 30),
                                precision=Precision.YEAR, classification=Classification.RESTRICTED,
                                confidence=Confidence.INFERRED))
    rover = project.add_task(Task("=rover", "-Pakistan rover", duration=10, parent_id=ce8.id, position=0,
                                  owner_id=suparco.id, actual_start=date(2026, 3, 1),
                                  actual_finish=date(2026, 3, 11), percent_complete=100,
                                  notes="=HYPERLINK(\"http://evil\")"))
    project.add_task(Task("@probe", "'quoted' probe", duration=3, parent_id=ce8.id, position=7,
                          constraint=ConstraintType.MSO, constraint_date=date(2027, 2, 1)))
    basic = project.add_task(Task("basic", "Basic station", kind=TaskKind.MILESTONE, position=9,
                                  constraint=ConstraintType.MFO, constraint_date=date(2035, 12, 31),
                                  deadline=date(2035, 12, 31), precision=Precision.QUARTER,
                                  confidence=Confidence.ASSUMPTION))
    late = project.add_task(Task("late", "Late start", duration=5, position=11, constraint=ConstraintType.SNLT,
                                 constraint_date=date(2031, 1, 1)))
    fnet = project.add_task(Task("fnet", "Finish no earlier", duration=5, position=12,
                                 constraint=ConstraintType.FNET, constraint_date=date(2032, 1, 1)))
    project.add_link(Link(ce7.id, ce8.id, LinkType.FS, 14))
    project.add_link(Link(ce7.id, rover.id, LinkType.SS, -5))
    project.add_link(Link(ce8.id, basic.id, LinkType.FF, 0))
    project.add_link(Link(late.id, fnet.id, LinkType.SF, 10))
    project.add_link(Link(phase.id, late.id, LinkType.FS, 1))
    return project


def task_fields(project):
    """Every field of every task by id; positions as order among siblings, owners by key; a
    summary's duration left out (it schedules nothing; CSV carries its sub-tasks' span instead)."""
    children, summaries = project.children_map(), project.summary_ids()
    out = {}
    for task in project.tasks.values():
        values = {f.name: getattr(task, f.name) for f in fields(Task)}
        values["position"] = children[task.parent_id].index(task.id)
        if task.id in summaries:
            del values["duration"]
        values["owner_id"] = project.participants[task.owner_id].key if task.owner_id else None
        out[task.id] = values
    return out


def link_set(project):
    return sorted((l.pred_id, l.succ_id, l.type, l.lag) for l in project.links.values())


def test_export_then_import_keeps_every_task_field_link_and_owner(tmp_path):
    original = rich_project()
    path = tmp_path / "plan.csv"
    write_plan(original, path)
    back = read_plan(path).project
    assert task_fields(back) == task_fields(original)
    assert link_set(back) == link_set(original)
    assert sorted(p.key for p in back.participants.values()) == ["CNSA", "SUPARCO"]
    assert (back.name, back.start) == (original.name, original.start)


def test_export_is_spreadsheet_safe_and_ms_project_shaped(tmp_path):
    path = tmp_path / "plan.csv"
    write_plan(rich_project(), path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0]["ID"] == "0" and rows[0]["Name"] == "ILRS partner plan" and rows[0]["Start"] == "2026-01-01"
    by_key = {row["Key"]: row for row in rows[1:]}
    # No cell a spreadsheet would run as a formula.
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row.values())
    assert by_key["'=rover"]["Notes"].startswith("'=HYPERLINK")
    ce8 = by_key["change-8"]
    assert ce8["Predecessors"] == "2FS+14 days" and ce8["Constraint Type"] == "Finish No Later Than"
    assert by_key["change-7"]["Duration"] == "30 days" and ce8["Outline Level"] == "2"
    # A summary's is its sub-tasks' span: the rover's actual start 2026-03-01 to the probe's last day
    # 2027-02-03, 340 days of the 7-day calendar (not the 45 days stored on it).
    assert ce8["Duration"] == "340 days"
    # Finish dates as MS Project writes them: the last day of work.
    assert ce8["Constraint Date"] == "2029-12-31" and ce8["Deadline"] == "2029-11-30"
    assert by_key["'=rover"]["Actual Finish"] == "2026-03-10"
    assert by_key["basic"]["Deadline"] == "2035-12-31"  # a milestone finishes on its day


def test_start_and_finish_columns_show_the_schedule(tmp_path):
    project = Project("Tiny", date(2030, 1, 1))
    first = project.add_task(Task("a", "A", duration=10, position=0))
    second = project.add_task(Task("b", "B", duration=0, position=1))
    project.add_link(Link(first.id, second.id))
    path = tmp_path / "tiny.csv"
    write_plan(project, path)
    rows = {row["Key"]: row for row in csv.DictReader(path.read_text(encoding="utf-8-sig").splitlines())}
    # A 10-day task from 2030-01-01 works through 2030-01-10; the milestone sits at the end of that
    # day and is shown on it, as MS Project shows it.
    assert (rows["a"]["Start"], rows["a"]["Finish"]) == ("2030-01-01", "2030-01-10")
    assert (rows["b"]["Start"], rows["b"]["Finish"]) == ("2030-01-10", "2030-01-10")


def test_export_warns_about_what_csv_cannot_carry(tmp_path):
    project = rich_project()
    project.baselines.append(Baseline("2024 plan", date(2024, 4, 25), {}))
    project.add_participant(Participant(key="APSCO", name="Asia-Pacific Space Cooperation Organization"))
    warnings = write_plan(project, tmp_path / "plan.csv")
    assert any("baseline" in w for w in warnings)
    assert any("participants" in w for w in warnings)
    assert sorted(p.key for p in read_plan(tmp_path / "plan.csv").project.participants.values()) == ["CNSA",
                                                                                                    "SUPARCO"]


def test_export_of_a_plan_with_a_loop_still_writes_the_table(tmp_path):
    project = Project("Loop", date(2030, 1, 1))
    a = project.add_task(Task("a", "A", duration=1, position=0))
    b = project.add_task(Task("b", "B", duration=1, position=1))
    project.add_link(Link(a.id, b.id))
    project.add_link(Link(b.id, a.id))
    warnings = write_plan(project, tmp_path / "loop.csv")
    assert any("cannot be scheduled" in w for w in warnings)
    assert len(read_plan(tmp_path / "loop.csv").project.links) == 2


# Any text a plan may hold (domain/text.py): no control characters, line breaks (U+2028/U+2029 too)
# and tabs in notes only, no bidirectional controls (the marks are text).
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
text_cells = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters=BIDI_CONTROLS)
                     | st.sampled_from("\u200e\u200f\u061c"), max_size=40)
note_cells = st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters=BIDI_CONTROLS)
                     | st.sampled_from("\n\t"), max_size=40)


@settings(max_examples=60, deadline=None)
@given(name=text_cells.map(str.strip).filter(bool), notes=note_cells, source=text_cells.map(str.strip))
def test_any_text_survives_the_round_trip(tmp_path_factory, name, notes, source):
    project = Project("Text", date(2030, 1, 1))
    project.add_task(Task("k", name, duration=1, notes=notes, source_url=source))
    path = tmp_path_factory.mktemp("text") / "plan.csv"
    write_plan(project, path)
    task = next(iter(read_plan(path).project.tasks.values()))
    assert (task.name, task.notes, task.source_url) == (name, notes, source)


def test_control_characters_in_cells_are_removed_with_a_warning(tmp_path):
    path = tmp_path / "plan.csv"
    path.write_text("ID,Name,Duration,Notes\n1,\"Lander\x1b[2K\nbuild\u2028one\",5d,\"one\r\ntwo\x07\"\n",
                    encoding="utf-8")
    result = read_plan(path)
    task = next(iter(result.project.tasks.values()))
    assert (task.name, task.notes) == ("Lander[2K build one", "one\ntwo")
    assert any("Name" in w and "control characters" in w for w in result.warnings)
    assert any("Notes" in w and "control characters" in w for w in result.warnings)


def test_export_into_a_missing_folder_is_a_clear_error(tmp_path):
    import pytest

    from ilrs_planner.domain import PlannerError

    with pytest.raises(PlannerError) as caught:
        write_plan(rich_project(), tmp_path / "no-such-folder" / "plan.csv")
    assert caught.value.code == "export.failed" and "no-such-folder" in caught.value.message


def test_confidence_and_source_date_columns_read_what_people_type(tmp_path):
    path = tmp_path / "plan.csv"
    path.write_text("Name,Duration,Confidence,Source Date\nA,5d,Assumption,2025-06-18\nB,3d,unsourced,\n"
                    "C,2d,,\n", encoding="utf-8")
    tasks = {t.name: t for t in read_plan(path).project.tasks.values()}
    assert (tasks["A"].confidence, tasks["A"].source_date) == (Confidence.ASSUMPTION, date(2025, 6, 18))
    assert tasks["B"].confidence is None and tasks["C"].confidence is None  # not stated


@pytest.mark.parametrize("cell, column, said", [
    ("rumour,", "Confidence", "sourced, inferred, assumption"),
    ("inferred,2025-06", "Source Date", "not a day"),
])
def test_a_confidence_or_source_date_that_makes_no_sense_names_the_row_and_column(tmp_path, cell, column, said):
    path = tmp_path / "plan.csv"
    path.write_text(f"Name,Duration,Confidence,Source Date\nA,5d,{cell}\n", encoding="utf-8")
    with pytest.raises(PlannerError) as caught:
        read_plan(path)
    assert f"row 2, column {column}" in caught.value.message and said in caught.value.message
