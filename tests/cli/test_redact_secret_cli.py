"""`redact` on a plan of format 10 or older (no secret yet): the plan's file keeps the secret the first
copy drew, so every later copy gives the links over withheld work the same ids."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from secretless_plan import write_secretless_plan

from ilrs_planner.cli import main
from ilrs_planner.store import open_project


def _bridge_ids(copy_path) -> set[str]:
    return {lid for lid, k in open_project(copy_path).links.items() if (k.pred_id, k.succ_id) == ("survey", "landing")}


def test_two_weekly_copies_of_an_old_plan_give_the_bridge_the_same_id(tmp_path, capsys):
    plan_path = tmp_path / "plan.db"
    write_secretless_plan(plan_path)
    before = open_project(plan_path)
    assert before.secret is None
    for week in ("week1.db", "week2.db"):
        assert main(["redact", str(plan_path), "--level", "everyone", "-o", str(tmp_path / week)]) == 0
    first, second = _bridge_ids(tmp_path / "week1.db"), _bridge_ids(tmp_path / "week2.db")
    assert len(first) == 1 and first == second
    after = open_project(plan_path)
    assert after.secret is not None and after == before  # the plan gained its secret and nothing else
    assert open_project(tmp_path / "week1.db").secret is None  # and the copies hold none


def test_an_old_plan_that_cannot_be_written_is_refused_with_no_copy_made(tmp_path, capsys):
    plan_path = tmp_path / "plan.db"
    write_secretless_plan(plan_path)
    written = plan_path.read_bytes()
    os.chmod(plan_path, 0o444)  # refused for its read-only mark, also where the user could write it anyway
    assert main(["redact", str(plan_path), "--level", "everyone", "-o", str(tmp_path / "copy.db")]) != 0
    err = capsys.readouterr().err
    assert "save the plan once" in err and "plan.db" in err
    assert not (tmp_path / "copy.db").exists() and plan_path.read_bytes() == written


def test_a_signed_plan_of_an_older_format_still_verifies_after_keeping_its_secret(tmp_path, capsys):
    plan_path = tmp_path / "signed.db"  # format 3, signed by the reference roadmap's test key
    shutil.copyfile(Path(__file__).parent.parent / "store" / "data" / "signed-schema-v3.db", plan_path)
    assert open_project(plan_path).secret is None
    assert main(["redact", str(plan_path), "--level", "everyone", "-o", str(tmp_path / "copy.db")]) == 0
    assert open_project(plan_path).secret is not None  # the copy had links over withheld work
    capsys.readouterr()
    # Signed with the earlier scheme by a key not trusted here: the verdict it had before the secret was kept.
    assert main(["verify", str(plan_path), "--trusted", str(tmp_path / "nobody")]) == 7
    assert "Signed by an unknown key, earlier scheme" in capsys.readouterr().out
