"""`ilrs-planner status`: the status date moves, actuals are recorded, and what is behind is listed."""

from __future__ import annotations

from datetime import date

import pytest

from ilrs_planner.cli import main
from ilrs_planner.domain import Link, Project, Task
from ilrs_planner.store import open_project, save_project

D = date


@pytest.fixture
def plan_db(tmp_path):
    """design (10 d) -> build (20 d) -> review (milestone); test (5 d) alone; from 2030-01-01, no status date."""
    project = Project("Status", D(2030, 1, 1))
    for position, (key, days) in enumerate([("design", 10), ("build", 20), ("review", 0), ("test", 5)]):
        project.add_task(Task(key, key.title(), days, id=key, position=position))
    project.add_link(Link("design", "build", id="l1"))
    project.add_link(Link("build", "review", id="l2"))
    path = tmp_path / "status.db"
    save_project(project, path)
    return path


def _rows(out: str) -> dict[str, list[str]]:
    """Table lines by key: [name, due, start was, finish was, start now, finish now]."""
    keys = {"design", "build", "review", "test"}
    return {line.split()[0]: line.split()[1:] for line in out.splitlines() if line.split()[:1] and
            line.split()[0] in keys}


def test_without_actuals_it_moves_the_status_date_and_lists_what_is_behind(plan_db, capsys):
    assert main(["status", str(plan_db), "--as-of", "2030-01-15"]) == 0
    out = capsys.readouterr().out
    assert "Status date none -> 2030-01-15; saved" in out
    # design should have finished (last day 01-10), test too (01-05), build started (01-11); review is later.
    assert _rows(out) == {
        "design": ["Design", "finish", "2030-01-01", "2030-01-10", "2030-01-15", "2030-01-24"],
        "build": ["Build", "start", "2030-01-11", "2030-01-30", "2030-01-25", "2030-02-13"],
        "test": ["Test", "finish", "2030-01-01", "2030-01-05", "2030-01-15", "2030-01-19"],
    }
    assert open_project(plan_db).status_date == D(2030, 1, 15)


def test_done_started_and_percent_are_recorded_and_the_rest_is_forecast(plan_db, capsys):
    assert main(["status", str(plan_db), "--as-of", "2030-01-15", "--done", "design=2030-01-12",
                 "--started", "build=2030-01-13", "--percent", "build=25", "--done", "test"]) == 0
    out = capsys.readouterr().out
    assert "design  started 2030-01-01, done, last day 2030-01-12" in out
    assert "build   started 2030-01-13, 25 % complete" in out
    assert "test    started 2030-01-01, done, last day 2030-01-05" in out  # as planned: before the date
    assert "Nothing else should have started or finished by 2030-01-15." in out
    saved = open_project(plan_db)
    design, build = saved.tasks["design"], saved.tasks["build"]
    assert (design.actual_start, design.actual_finish, design.percent_complete) == (D(2030, 1, 1), D(2030, 1, 13), 100)
    assert (build.actual_start, build.actual_finish, build.percent_complete) == (D(2030, 1, 13), None, 25)
    capsys.readouterr()
    assert main(["schedule", str(plan_db)]) == 0
    review = next(line for line in capsys.readouterr().out.splitlines() if line.endswith(" review"))
    # build: 2 days done (01-13, 01-14), 15 of 20 left (25 %) from the status date: last day 01-29,
    # at whose end the review milestone sits, shown on that day.
    assert review.split()[2:4] == ["2030-01-29", "2030-01-29"]


def test_a_dry_run_saves_nothing(plan_db, capsys):
    before = plan_db.read_bytes()
    assert main(["status", str(plan_db), "--as-of", "2030-01-15", "--done", "design", "--dry-run"]) == 0
    assert "not saved (--dry-run)" in capsys.readouterr().out
    assert plan_db.read_bytes() == before


@pytest.mark.parametrize("options, code, named", [
    (["--done", "nope"], "status.unknown_task", "'nope'"),
    (["--done", "design=2030-02-31"], "status.bad_date", "'2030-02-31' is not a real date"),
    (["--started", "build"], "status.bad_option", "KEY=YYYY-MM-DD"),
    (["--percent", "build=150"], "status.bad_percent", "build=150"),
    (["--percent", "build=20"], "status.not_started", "'build' has no actual start"),
    (["--started", "build=2030-01-20"], "status.future_date", "after the status date 2030-01-15"),
    (["--started", "build=2030-01-13", "--done", "build=2030-01-12"], "status.finish_before_start",
     "finished on 2030-01-12"),
])
def test_bad_input_is_refused_by_code_and_the_plan_is_untouched(plan_db, capsys, options, code, named):
    before = plan_db.read_bytes()
    assert main(["status", str(plan_db), "--as-of", "2030-01-15", *options]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error[{code}]:") and named in err
    assert plan_db.read_bytes() == before


def test_a_bad_status_date_is_named(plan_db, capsys):
    assert main(["status", str(plan_db), "--as-of", "2026-02-31"]) == 2
    assert "error[status.bad_date]: --as-of 2026-02-31: '2026-02-31' is not a real date" in capsys.readouterr().err


def test_a_key_two_tasks_share_is_refused_naming_both_and_the_plan_is_untouched(plan_db, capsys):
    # Keys need not be unique in a partner's plan: taking the first task with the key recorded
    # progress on a task the user may not have meant, and left the other listed as behind.
    project = open_project(plan_db)
    project.add_task(Task("test", "Test again", 5, id="test-2", position=4))
    save_project(project, plan_db)
    before = plan_db.read_bytes()
    assert main(["status", str(plan_db), "--as-of", "2030-01-15", "--done", "test"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error[task.ambiguous_key]: --done test: 2 tasks have the key 'test'")
    assert "'Test' (id test)" in err and "'Test again' (id test-2)" in err
    assert plan_db.read_bytes() == before
