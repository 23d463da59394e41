"""How saving hands rows to SQLite (many rows to a statement) never changes the file."""

from __future__ import annotations

import itertools
import sqlite3
from dataclasses import fields
from datetime import date

import pytest

from ilrs_planner.domain import Link, LinkType, PlannerError, Project, Task, TaskKind
from ilrs_planner.store import open_project, packer, rows, save_project, writer


def _plan(count: int) -> Project:
    """Tasks under a few summaries, linked in a chain with every link type, lag and lead."""
    plan = Project("rows", date(2030, 1, 1))
    summaries = [plan.add_task(Task(f"s{i}", f"summary {i}", 0, id=f"s-{i}")) for i in range(3)]
    tasks = [plan.add_task(Task(f"t{i}", f"task {i}", i % 40, id=f"t-{i}", parent_id=summaries[i % 3].id,
                                position=i, notes="line\nline" if i % 97 == 0 else ""))
             for i in range(count)]
    kinds = itertools.cycle([LinkType.FS, LinkType.SS, LinkType.FF, LinkType.SF, "FS"])  # "FS": a plain str
    for i, (a, b) in enumerate(itertools.pairwise(tasks)):
        plan.add_link(Link(a.id, b.id, next(kinds), lag=(i % 7) - 2, id=f"l-{i}", elapsed=i % 11 == 0))
    return plan


def test_many_rows_to_a_statement_write_the_same_file_as_one_at_a_time(tmp_path, monkeypatch, rich_project):
    for name, plan in (("chain", _plan(700)), ("rich", rich_project)):
        save_project(plan, tmp_path / f"{name}-packed.db")
        monkeypatch.setattr(writer, "_PACKS", (1,))
        save_project(plan, tmp_path / f"{name}-single.db")
        monkeypatch.undo()
        assert (tmp_path / f"{name}-packed.db").read_bytes() == (tmp_path / f"{name}-single.db").read_bytes()
    reopened = open_project(tmp_path / "chain-packed.db")
    assert [k.type for k in reopened.links.values()][:5] == ["FS", "SS", "FF", "SF", "FS"]
    assert reopened.tasks["t-5"].parent_id == "s-2" and reopened.tasks["t-97"].notes == "line\nline"


def test_a_task_is_plain_only_when_every_field_past_its_first_columns_holds_the_usual_value():
    # A field added to Task but read by neither the head nor the tail would be lost on saving.
    names = [f.name for f in fields(Task)]
    head = ["id", "key", "name", "duration", "kind", "parent_id", "position"]
    assert sorted(names[:names.index("owner_id")]) == sorted(head)
    assert list(rows.TASK_TAIL_FIELDS) == names[names.index("owner_id"):]
    flags = packer.plain_flags(rows.TASK_TAIL_FIELDS)
    usual = tuple(getattr(Task("", ""), name) for name in rows.TASK_TAIL_FIELDS)
    for name in rows.TASK_TAIL_FIELDS:
        tasks = [Task("a", "plain"), Task("b", "differs"), Task("c", "plain")]
        setattr(tasks[1], name, object())  # equal to no usual value
        assert flags(tasks, usual) == [True, False, True], name


def test_a_task_differing_from_the_usual_in_one_late_field_keeps_it_among_plain_tasks(tmp_path):
    plan = _plan(100)
    plan.tasks["t-50"].source_date = date(2024, 5, 1)
    plan.tasks["t-60"].key_milestone = True
    save_project(plan, tmp_path / "plan.db")
    reopened = open_project(tmp_path / "plan.db")
    assert reopened.tasks["t-50"].source_date == date(2024, 5, 1) and reopened.tasks["t-60"].key_milestone
    assert reopened.tasks["t-49"].source_date is None and not reopened.tasks["t-61"].key_milestone


def test_a_link_to_a_missing_task_is_refused_naming_the_first_such_link_and_end(tmp_path):
    # The check that finds a link's ends by row number is the one that refuses a missing end.
    for pred, succ, missing in (("ghost", "t-2", "ghost"), ("t-1", "ghost", "ghost"), ("t-3", "gone", "gone")):
        plan = _plan(40)
        plan.add_link(Link(pred, succ, id="bad-link"))
        plan.add_link(Link("t-5", "later-ghost", id="later-link"))
        with pytest.raises(PlannerError) as caught:
            save_project(plan, tmp_path / "plan.db")
        assert caught.value.code == "link.unknown_task" and caught.value.subject_ids == ("bad-link", missing)
        assert caught.value.message == f"a dependency names task {missing}, which is not in the plan"
        assert not (tmp_path / "plan.db").exists()


def test_the_rows_of_links_hold_the_row_numbers_of_their_two_ends(tmp_path):
    plan = _plan(50)
    save_project(plan, tmp_path / "plan.db")
    conn = sqlite3.connect(tmp_path / "plan.db")
    try:
        number = {tid: num for num, tid in conn.execute("SELECT num, id FROM tasks")}
        stored = {lid: (pred, succ) for lid, pred, succ in conn.execute("SELECT id, pred, succ FROM links")}
    finally:
        conn.close()
    assert number["s-0"] == 1 and number["t-0"] == 4 and number["t-49"] == 53  # rows in plan order
    assert stored == {k.id: (number[k.pred_id], number[k.succ_id]) for k in plan.links.values()}


def test_a_row_maker_makes_the_same_rows_one_at_a_time_and_many_at_once():
    plan = _plan(40)
    number = {tid: n for n, tid in enumerate(plan.tasks, 1)}
    ends = [(k, number[k.pred_id], number[k.succ_id]) for k in plan.links.values()]
    one_by_one = [rows.LINK_HEAD.rows()(*end) for end in ends]
    assert one_by_one[1] == ("l-1", 5, 6, rows.LINK_TYPES.index("SS"), -1)  # the type bound by its number
    assert [row[3] for row in one_by_one[:5]] == [0, 1, 2, 3, 0]  # "FS" as a plain str as well
    for count in (1, 8, 32):
        arguments = [value for end in ends[:count] for value in end]
        assert rows.LINK_HEAD.rows(count)(*arguments) == tuple(itertools.chain(*one_by_one[:count]))
    tasks = list(plan.tasks.values())
    parents = [number.get(t.parent_id, 0) for t in tasks]
    made = rows.TASK_HEAD.rows(8)(*itertools.chain(*zip(tasks[:8], parents[:8])))
    assert made[:7] == ("s-0", "s0", "summary 0", 0, rows.TASK_KINDS.index("task"), None, 0)  # parent 0: NULL
    assert made[3 * 7 + 5] == 1 and made == tuple(itertools.chain(*map(rows.TASK_HEAD.rows(), tasks[:8], parents[:8])))


def test_kinds_and_link_types_bound_by_number_are_every_one_there_is():
    assert sorted(rows.TASK_KINDS) == sorted(TaskKind) and sorted(rows.LINK_TYPES) == sorted(LinkType)
    assert all(type(text) is str for text in rows.TASK_KINDS + rows.LINK_TYPES)


def test_plain_rows_write_the_same_file_as_every_row_written_whole(tmp_path, monkeypatch, rich_project):
    # Plain rows bind a few columns (kinds and types by number) and have the rest written in the SQL.
    plan = _plan(300)
    for i, kind in enumerate(TaskKind):
        plan.tasks[f"t-{i * 7}"].kind = kind
    for name, project in (("chain", plan), ("rich", rich_project)):
        save_project(project, tmp_path / f"{name}-plain.db")
        monkeypatch.setattr(rows.RowSource, "runs", lambda source: iter([source.whole()]))
        save_project(project, tmp_path / f"{name}-whole.db")
        monkeypatch.undo()
        assert (tmp_path / f"{name}-plain.db").read_bytes() == (tmp_path / f"{name}-whole.db").read_bytes()
    reopened = open_project(tmp_path / "chain-plain.db")
    assert [reopened.tasks[f"t-{i * 7}"].kind for i in range(len(TaskKind))] == list(TaskKind)


def test_a_kind_no_task_can_have_is_refused_by_name_though_plain_rows_bind_kinds_by_number(tmp_path):
    plan = _plan(100)
    plan.tasks["t-40"].kind = "spaceship"
    with pytest.raises(PlannerError) as caught:
        save_project(plan, tmp_path / "plan.db")
    assert caught.value.code == "task.bad_value" and "task 't40'" in caught.value.message
    assert "kind 'spaceship' is not allowed" in caught.value.message and "task_kind" in caught.value.message


def test_ends_and_parents_named_by_equal_strings_write_the_same_file_as_by_the_ids_themselves(tmp_path):
    # Ends are matched by the id objects the tasks hold first; an equal string made elsewhere is
    # looked up by its value, and must give the very same rows.
    plan = _plan(120)
    save_project(plan, tmp_path / "shared.db")
    def copy_of(text: str) -> str:
        return "".join(list(text))  # equal, but another object
    for link in list(plan.links.values())[::3]:
        link.pred_id, link.succ_id = copy_of(link.pred_id), copy_of(link.succ_id)
    for task in list(plan.tasks.values())[::5]:
        task.parent_id = copy_of(task.parent_id) if task.parent_id else None
    moved = plan.links["l-3"]
    assert moved.pred_id == "t-3" and moved.pred_id is not plan.tasks["t-3"].id
    save_project(plan, tmp_path / "copies.db")
    assert (tmp_path / "copies.db").read_bytes() == (tmp_path / "shared.db").read_bytes()
    assert open_project(tmp_path / "copies.db").links["l-3"].pred_id == "t-3"
