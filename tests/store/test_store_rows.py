"""How saving hands rows to SQLite (many to a statement, made column by column) never changes the file."""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from ilrs_planner.domain import Link, LinkType, Project, Task
from ilrs_planner.store import open_project, rows, save_project, writer


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


@pytest.mark.parametrize("count", [5, 5_000])  # 5,000: more objects than are made into columns at once
def test_columns_hold_exactly_the_values_of_the_rows(count, rich_project):
    for plan in (_plan(count), rich_project):
        for source in rows.row_sources(plan):
            for run in source.runs():
                assert list(run.bound_values()) == list(itertools.chain.from_iterable(map(run.to_row, run.objects)))


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
