"""Text bounds count characters a person sees: control characters are refused before lengths are counted."""

import sqlite3
from datetime import date

import pytest

from ilrs_planner.domain import PlannerError, Project, Task
from ilrs_planner.store import open_project, save_project


def _tamper(path, sql, *params):
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA ignore_check_constraints = ON")  # as an attacker's tool may
        conn.execute(sql, params)
    finally:
        conn.close()


def _refusal(path) -> PlannerError:
    with pytest.raises(PlannerError) as caught:
        open_project(path)
    return caught.value


def test_a_nul_inside_a_long_task_name_no_longer_slips_past_the_length_bound(plan_file):
    # SQLite's length() stops at the NUL, so the 1,000-character rule saw a one-character name.
    _tamper(plan_file, "UPDATE tasks SET name = 'x' || char(0) || ? WHERE num = 1", "y" * 900_000)
    error = _refusal(plan_file)
    assert error.code == "store.bad_value"
    assert "tasks" in error.message and "column name" in error.message and "U+0000" in error.message


@pytest.mark.parametrize("table, column, text, shown", [
    ("signature", "signer", "x\r\x1b[2KSigned by a trusted key — CNSA planning", "U+000D"),
    ("plan", "name", "Lunar\x07 plan", "U+0007"),
    ("participants", "name", "CNSA\u009b31m", "U+009B"),
    ("tasks", "notes", "line one\r\nline two", "U+000D"),
    ("tasks", "key", "key\twith tab", "U+0009"),
    # Columns of plain ASCII text are told sound by a faster test; its bounds must still catch these.
    ("tasks", "key", "key\x7f", "U+007F"),
    ("links", "id", "link-\x1f", "U+001F"),
    ("baselines", "notes", "\x1b]0;title\x07", "U+001B"),
    # Qt breaks a label's line at U+2028/U+2029: a name could draw a line of its own under another.
    ("tasks", "name", "Lander\u2028Signed by a trusted key: CNSA planning", "line separator U+2028"),
    ("signature", "signer", "Unknown\u2029Signed by a trusted key", "line separator U+2029"),
    # Bidirectional controls make text drawn as something it is not: this name is drawn "missing".
    ("tasks", "name", "\u202egnissim", "bidirectional control U+202E"),
    ("participants", "name", "CNSA \u2067ESA\u2069", "bidirectional control U+2067"),
    ("tasks", "notes", "approved\n\u202bnot\u202c yet", "bidirectional control U+202B"),
    ("signature", "signer", "\u2066Trusted\u2069 key", "bidirectional control U+2066"),
])
def test_control_characters_are_refused_naming_table_and_column(plan_file, table, column, text, shown):
    _tamper(plan_file, f"UPDATE {table} SET {column} = ?", text)
    error = _refusal(plan_file)
    assert error.code == "store.bad_value"
    assert f"table {table}" in error.message and f"column {column}" in error.message and shown in error.message


@pytest.mark.parametrize("code", range(128))
def test_every_ascii_character_is_saved_or_refused_as_its_unicode_class_says(plan_file, code):
    plan = Project("ascii", date(2030, 1, 1))
    plan.add_task(Task("t", f"Lander {chr(code)} module", 1, id="task-ascii"))
    if chr(code).isprintable():
        save_project(plan, plan_file)
        assert open_project(plan_file).tasks["task-ascii"].name == f"Lander {chr(code)} module"
    else:
        with pytest.raises(PlannerError) as caught:
            save_project(plan, plan_file)
        assert caught.value.code == "store.bad_value" and f"U+{code:04X}" in caught.value.message


def test_notes_may_hold_tabs_and_line_breaks(plan_file):
    notes = "first\tcolumn\nsecond line\u2028third line"
    _tamper(plan_file, "UPDATE tasks SET notes = ? WHERE num = 1", notes)
    assert any(task.notes == notes for task in open_project(plan_file).tasks.values())


def test_non_ascii_text_counts_characters_not_bytes(plan_file):
    _tamper(plan_file, "UPDATE tasks SET name = ? WHERE num = 1", "月" * 1000)  # 3,000 bytes of UTF-8
    assert any(task.name == "月" * 1000 for task in open_project(plan_file).tasks.values())
    _tamper(plan_file, "UPDATE tasks SET name = ? WHERE num = 1", "月" * 1001)
    assert _refusal(plan_file).code == "store.bad_value"


@pytest.mark.parametrize(("key", "name", "named"), [
    ("nul", "Lander\x00 hidden", "U+0000"),
    ("rlo", "\u202egnissim", "bidirectional control U+202E"),  # draws as "missing"
])
def test_saving_a_name_with_a_forbidden_character_is_refused_before_the_file_is_touched(tmp_path, rich_project,
                                                                                        key, name, named):
    path = tmp_path / "plan.db"
    save_project(rich_project, path)
    before = path.read_bytes()
    rich_project.add_task(Task(key, name, 1, id=f"task-{key}"))
    with pytest.raises(PlannerError) as caught:
        save_project(rich_project, path)
    assert caught.value.code == "store.bad_value" and f"'{key}'" in caught.value.message
    assert named in caught.value.message
    assert path.read_bytes() == before


def test_a_plan_whose_text_exceeds_the_memory_bound_is_refused_before_it_is_read(plan_file, monkeypatch):
    from ilrs_planner.store import limits

    total = sum(len(task.notes.encode()) + len(task.name.encode()) for task in open_project(plan_file).tasks.values())
    monkeypatch.setattr(limits, "MAX_TEXT_BYTES", total)  # the rich plan's text, a little more than this
    error = _refusal(plan_file)
    assert error.code == "store.too_large" and "bytes of text" in error.message


def test_the_text_bound_leaves_room_for_the_largest_plans_we_support():
    from ilrs_planner.store import limits

    # 100,000 tasks, each with a 1,000-character name and 1,000 characters of notes, still open.
    assert 100_000 * 2_000 < limits.MAX_TEXT_BYTES < limits.MAX_FILE_BYTES // 2


def test_a_plan_over_the_text_bound_is_not_saved_so_no_file_is_written_that_would_not_open(tmp_path, monkeypatch):
    from datetime import date

    from ilrs_planner.domain import Project
    from ilrs_planner.store import limits

    monkeypatch.setattr(limits, "MAX_TEXT_BYTES", 50_000)
    plan = Project("big", date(2030, 1, 1))
    for i in range(6):
        plan.add_task(Task(f"k{i}", f"task {i}", 1, notes="n" * 10_000))
    with pytest.raises(PlannerError) as caught:
        save_project(plan, tmp_path / "big.db")
    assert caught.value.code == "store.too_large" and "bytes of text" in caught.value.message
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("chunk", [1 << 20, 7])  # 7: a text counted in several pieces
def test_the_save_bound_counts_bytes_of_utf8_not_characters(tmp_path, monkeypatch, chunk):
    from datetime import date

    from ilrs_planner.domain import Participant, Project
    from ilrs_planner.store import limits, text_check

    monkeypatch.setattr(text_check, "_CHUNK", chunk)
    plan = Project("moon", date(2030, 1, 1))
    owner = plan.add_participant(Participant("CN", "中国国家航天局", notes="🚀 launch"))  # 3- and 4-byte characters
    plan.add_task(Task("月1", "Chang'e 7 月球", 1, owner_id=owner.id, notes="línea\nzweite Zeile"))
    plan.add_task(Task("k2", "plain ASCII", 1, source_url="https://example.org/a"))
    texts = [owner.name, owner.notes, owner.source_url] + [
        text for task in plan.tasks.values() for text in (task.name, task.notes, task.source_url, task.key)]
    size = sum(len(text.encode("utf-8")) for text in texts) + 256 * 3  # 256 bytes a row: 2 tasks, 1 participant
    assert size > sum(map(len, texts)) + 256 * 3  # the non-ASCII characters take more than one byte each

    monkeypatch.setattr(limits, "MAX_TEXT_BYTES", size)
    save_project(plan, tmp_path / "fits.db")
    assert open_project(tmp_path / "fits.db").tasks.keys() == plan.tasks.keys()
    monkeypatch.setattr(limits, "MAX_TEXT_BYTES", size - 1)
    with pytest.raises(PlannerError) as caught:
        save_project(plan, tmp_path / "over.db")
    assert caught.value.code == "store.too_large" and f"holds {size:,} bytes of text" in caught.value.message
    assert not (tmp_path / "over.db").exists()


def test_names_and_notes_with_bidirectional_marks_are_saved_and_opened_as_written(tmp_path):
    plan = Project("مشروع القمر\u200f", date(2030, 1, 1))
    plan.add_task(Task("T\u061c1", "\u200fILRS محطة (المرحلة 2)", 1, id="task-ar", notes="سطر\u200f\nline (2)\u200e"))
    save_project(plan, tmp_path / "plan.db")
    opened = open_project(tmp_path / "plan.db")
    task = opened.tasks["task-ar"]
    assert (opened.name, task.key, task.name, task.notes) == (plan.name, "T\u061c1", "\u200fILRS محطة (المرحلة 2)",
                                                               "سطر\u200f\nline (2)\u200e")
