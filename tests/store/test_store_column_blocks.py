"""Tables are read a block of rows at a time (store/column_blocks.py): a plan of many rows must come
back whole and in order, whatever its text holds, and a bad value in a late block must be refused
as the row-by-row read refuses it, naming its row."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from file_surgery import tamper

from ilrs_planner.domain import Link, LinkType, PlannerError, Project, Task, TaskKind
from ilrs_planner.store import open_project, open_project_columns, save_project

# Text JSON spells with escapes, or that looks like JSON itself: each must come back as it was.
AWKWARD = ['say "hi"', "back\\slash", "null", "[1, 2]", "ünïcødé ☾ 国家航天局", "emoji 🚀 past the BMP", "", "\\u0041"]


def _many_tasks(count: int, name_of=lambda i: f"Task {i} {AWKWARD[i % len(AWKWARD)]}") -> Project:
    project = Project("Blocks", date(2030, 1, 1), id="plan-blocks")
    project.add_task(Task("phase", "Phase", 0, TaskKind.PHASE, id="phase", position=0))
    for i in range(1, count):
        project.add_task(Task(f"k{i}", name_of(i), i % 400, TaskKind.TASK if i % 7 else TaskKind.MILESTONE,
                              id=f"task-{i:06}", parent_id="phase", position=count - i))
    ids = list(project.tasks)
    for i in range(1, count - 1):
        project.add_link(Link(ids[i], ids[i + 1], list(LinkType)[i % 4], lag=(i % 11) - 5, id=f"link-{i:06}"))
    return project


def _saved(tmp_path, project: Project):
    path = tmp_path / "plan.db"
    save_project(project, path)
    return path


@pytest.fixture(scope="module")
def several_blocks(tmp_path_factory) -> tuple[Project, Path]:
    """A 20,000-task plan and its file, made once for the module: each test reads it or spoils a copy."""
    project = _many_tasks(20_000)
    return project, _saved(tmp_path_factory.mktemp("blocks"), project)


def test_a_plan_of_several_blocks_reads_back_field_for_field_in_order(several_blocks):
    project, path = several_blocks
    loaded = open_project(path)
    assert loaded == project
    assert list(loaded.tasks) == list(project.tasks) and list(loaded.links) == list(project.links)
    shown, _ = open_project_columns(path, objects=False)  # the read for showing: the same rows
    assert [shown.tasks[t].name for t in list(shown.tasks)[-3:]] == [t.name for t in list(project.tasks.values())[-3:]]


@pytest.mark.parametrize("count", [300, 3_000])
def test_names_too_long_for_one_block_read_back_whole(tmp_path, count):
    # 1,000 characters of 4 bytes each: a block of these rows is longer than SQLite may hand over at once.
    project = _many_tasks(count, lambda i: f"{i:05}" + "🚀" * 995)
    loaded = open_project(_saved(tmp_path, project))
    assert loaded == project
    assert list(loaded.tasks) == list(project.tasks)


def _late_row(path) -> int:
    return 18_765  # in the last block of a 20,000-task plan


@pytest.mark.parametrize(("spoil", "column", "problem"), [
    ("UPDATE tasks SET name = CAST(x'4368616e67ff65' AS TEXT) WHERE num = ?", "name", "not valid UTF-8"),
    ("UPDATE tasks SET key = 'key' || char(27) WHERE num = ?", "key", "U+001B"),
    ("UPDATE links SET id = 'link-' || char(0) || 'x' WHERE num = ?", "id", "U+0000"),
])
def test_a_bad_value_in_a_late_block_is_refused_naming_its_row(tmp_path, several_blocks, spoil, column, problem):
    path = Path(shutil.copy(several_blocks[1], tmp_path / "plan.db"))
    tamper(path, spoil, params=(_late_row(path),))
    for objects in (True, False):
        with pytest.raises(PlannerError) as caught:
            open_project_columns(path, objects=objects)
        table = "links" if "links" in spoil else "tasks"
        assert caught.value.code == "store.bad_value"
        assert f"table {table}, row {_late_row(path)}, column {column}" in str(caught.value)
        assert problem in str(caught.value)
