"""`verify` on a signed plan file whose secret (the key its partner copies' link ids are made with)
was set or changed with any SQLite tool, or whose links were written again in another order: altered
after signing (status 3), saying so."""

from __future__ import annotations

import sqlite3

import pytest
from secretless_plan import write_secretless_plan

from ilrs_planner.cli import main
from ilrs_planner.domain import Link
from ilrs_planner.store import open_project, save_project


def _sql(path, statement: str) -> tuple | None:
    """Run SQL on the plan file as anyone with an SQLite tool could."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        return conn.execute(statement).fetchone()
    finally:
        conn.close()


@pytest.fixture
def signed_plan(tmp_path, capsys):
    """A plan as format 10 wrote it (no secret), signed with `sign` in place."""
    path = tmp_path / "plan.db"
    write_secretless_plan(path)
    assert main(["keygen", "--name", "CNSA planning", "-o", str(tmp_path / "keys")]) == 0
    assert main(["sign", str(path), "--key", str(tmp_path / "keys" / "cnsa-planning.key")]) == 0
    capsys.readouterr()
    return path


def _verify(path, capsys) -> tuple[int, str]:
    status = main(["verify", str(path), "--trusted", str(path.parent / "keys")])
    return status, capsys.readouterr().out


def test_signing_keeps_the_secret_it_covers_in_the_file(signed_plan, capsys):
    (stored,) = _sql(signed_plan, "SELECT secret FROM plan") or (None,)
    assert stored is not None and open_project(signed_plan).secret == stored
    assert _verify(signed_plan, capsys)[0] == 0  # signed by a trusted key


@pytest.mark.parametrize("change", ["UPDATE plan SET secret = zeroblob(32)", "UPDATE plan SET secret = NULL"])
def test_a_secret_set_or_taken_out_after_signing_is_altered(signed_plan, capsys, change):
    _sql(signed_plan, change)
    status, out = _verify(signed_plan, capsys)
    assert status == 3 and "Altered after signing" in out
    assert "the secret its partner copies' link ids are made with" in out


def test_a_copy_made_from_the_signed_plan_leaves_its_signature_holding(signed_plan, tmp_path, capsys):
    assert main(["redact", str(signed_plan), "--level", "everyone", "-o", str(tmp_path / "copy.db")]) == 0
    capsys.readouterr()
    assert _verify(signed_plan, capsys)[0] == 0  # it had its secret: nothing written into it


def test_links_written_again_in_another_order_are_altered(signed_plan, capsys):
    plan = open_project(signed_plan)
    plan.add_link(Link("survey", "landing", id="l0"))  # Landing's predecessors: "2, 1" as signed
    # A plan signed with that third link, then its links written in another order, in our own layout.
    save_project(plan, signed_plan)
    assert main(["sign", str(signed_plan), "--key", str(signed_plan.parent / "keys" / "cnsa-planning.key")]) == 0
    assert _verify(signed_plan, capsys)[0] == 0
    reordered = open_project(signed_plan)
    reordered.links = dict(reversed(list(reordered.links.items())))  # Landing's predecessors now read "1, 2"
    save_project(reordered, signed_plan)
    status, out = _verify(signed_plan, capsys)
    assert status == 3 and "the order of its links" in out
