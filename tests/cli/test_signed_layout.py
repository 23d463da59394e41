"""A signed file verifies only in the exact layout ILRS Planner writes; the baseline chain is not re-linked
silently by `sign`; and `sign` respects a plan someone has open."""

import dataclasses
import sqlite3
from datetime import date

import pytest

from ilrs_planner.cli import main
from ilrs_planner.domain import Baseline, Project, Task
from ilrs_planner.domain.chain import chain_baselines
from ilrs_planner.store import PlanSession, open_project, save_project


def _plan() -> Project:
    plan = Project(name="Layout plan", start=date(2030, 1, 1))
    plan.add_task(Task(key="LANDER", name="Lander build", duration=10, id="t-lander", notes="n" * 20_000))
    plan.add_task(Task(key="READY", name="Station ready", duration=0, id="t-ready", position=1))
    plan.baselines[:] = chain_baselines([
        Baseline("2029 plan", date(2029, 1, 1), {"t-ready": (date(2030, 1, 11), date(2030, 1, 11))}, id="b-1"),
        Baseline("2030 plan", date(2030, 1, 1), {"t-ready": (date(2030, 2, 11), date(2030, 2, 11))}, id="b-2"),
        Baseline("2031 plan", date(2031, 1, 1), {"t-ready": (date(2030, 3, 11), date(2030, 3, 11))}, id="b-3"),
    ])
    return plan


@pytest.fixture
def signed(tmp_path):
    keys = tmp_path / "keys"
    assert main(["keygen", "--name", "CNSA planning", "-o", str(keys)]) == 0
    plan = tmp_path / "plan.db"
    save_project(_plan(), plan)
    assert main(["sign", str(plan), "--key", str(keys / "cnsa-planning.key")]) == 0
    assert main(["verify", str(plan), "--trusted", str(keys)]) == 0
    return plan, keys


def _verify(plan, keys, capsys) -> tuple[int, str]:
    capsys.readouterr()
    status = main(["verify", str(plan), "--trusted", str(keys)])
    return status, capsys.readouterr().out


def _free_page_with(plan, payload: bytes) -> None:
    # Grow the file by one page through SQLite, then free it: the page stays, holding the payload.
    conn = sqlite3.connect(plan, isolation_level=None)
    conn.execute("CREATE TABLE carrier (x BLOB)")
    conn.execute("INSERT INTO carrier VALUES (?)", (payload,))
    conn.execute("PRAGMA secure_delete = OFF")
    conn.execute("DROP TABLE carrier")
    conn.close()


def _patch(plan, offset: int, data: bytes) -> None:
    with open(plan, "r+b") as handle:
        handle.seek(offset)
        handle.write(data)


def test_bytes_after_the_last_page_are_reported(signed, capsys):
    plan, keys = signed
    with open(plan, "ab") as handle:
        handle.write(b"covert payload " * 100)
    status, out = _verify(plan, keys, capsys)
    assert status == 3 and "follow the last page" in out


def test_a_free_page_holding_data_is_reported(signed, capsys):
    plan, keys = signed
    _free_page_with(plan, b"covert payload " * 2000)
    assert open_project(plan).signature is not None  # the content still reads as signed
    status, out = _verify(plan, keys, capsys)
    assert status == 3 and "free page" in out


def test_reserved_header_bytes_are_reported(signed, capsys):
    plan, keys = signed
    _patch(plan, 72, b"covert payload 12345")  # bytes 72-91
    status, out = _verify(plan, keys, capsys)
    assert status == 3 and "reserved bytes" in out


def test_data_in_unallocated_space_inside_a_page_is_reported(signed, capsys):
    plan, keys = signed
    data = plan.read_bytes()
    page_size = int.from_bytes(data[16:18], "big")
    # Page 2 onwards: find a page with a long zero run between its cell pointers and its cells.
    for number in range(1, len(data) // page_size):
        page = data[number * page_size:(number + 1) * page_size]
        gap = page.find(bytes(4096))
        if page[0] in (0x0D, 0x0A) and gap > 0:
            _patch(plan, number * page_size + gap + 16, b"covert payload")
            break
    else:
        pytest.fail("no page with unallocated space")
    assert open_project(plan).signature is not None
    status, out = _verify(plan, keys, capsys)
    assert status == 3 and "layout differs" in out


def test_a_resave_by_the_program_keeps_the_layout(signed, capsys):
    plan, keys = signed
    save_project(open_project(plan), plan)
    assert _verify(plan, keys, capsys)[0] == 0


def _rewrite_second_baseline(plan) -> None:
    project = open_project(plan)
    moved = dataclasses.replace(project.baselines[1], entries={"t-ready": (date(2030, 1, 20), date(2030, 1, 20))})
    project.baselines[1] = moved
    project.signature = None
    save_project(project, plan)


def test_sign_refuses_a_rewritten_history_and_verify_reports_it_when_signed_anyway(tmp_path, capsys):
    keys = tmp_path / "keys"
    main(["keygen", "--name", "CNSA planning", "-o", str(keys)])
    plan = tmp_path / "plan.db"
    save_project(_plan(), plan)
    _rewrite_second_baseline(plan)
    before = plan.read_bytes()
    capsys.readouterr()
    assert main(["sign", str(plan), "--key", str(keys / "cnsa-planning.key")]) == 2
    err = capsys.readouterr().err
    assert "signature.history_rewritten" in err and "'2031 plan'" in err and "--rewrite-history" in err
    assert plan.read_bytes() == before
    assert main(["sign", str(plan), "--key", str(keys / "cnsa-planning.key"), "--rewrite-history"]) == 0
    status, out = _verify(plan, keys, capsys)
    assert status == 5 and "rewritten before signing" in out and "'2031 plan'" in out


def test_rewriting_history_after_signing_is_altered(signed, capsys):
    plan, keys = signed
    project = open_project(plan)
    project.baselines[1] = dataclasses.replace(project.baselines[1], name="2030 plan (revised)")
    save_project(project, plan)
    assert _verify(plan, keys, capsys)[0] == 3


def test_sign_refuses_a_plan_someone_has_open(signed, capsys):
    plan, keys = signed
    before = plan.read_bytes()
    with PlanSession.open(plan):
        capsys.readouterr()
        assert main(["sign", str(plan), "--key", str(keys / "cnsa-planning.key")]) == 2
        assert "store.in_use" in capsys.readouterr().err
    assert plan.read_bytes() == before


def test_garbage_private_and_unreadable_keys_in_the_trusted_folder_are_named(signed, capsys):
    plan, keys = signed
    (keys / "garbage.pub").write_bytes(b"not a key at all")
    (keys / "leaked.pub").write_bytes((keys / "cnsa-planning.key").read_bytes())
    (keys / "folder.pub").mkdir()
    status = main(["verify", str(plan), "--trusted", str(keys)])
    err = capsys.readouterr().err
    assert status == 0  # the good key is still trusted
    assert "garbage.pub" in err and "leaked.pub" in err and "private key" in err and "folder.pub" in err
    assert err.count("warning:") == 3


def test_trusted_pointing_at_a_file_is_an_error_naming_it(signed, capsys):
    plan, keys = signed
    capsys.readouterr()
    assert main(["verify", str(plan), "--trusted", str(keys / "cnsa-planning.pub")]) == 2
    err = capsys.readouterr().err
    assert "key.invalid" in err and "cnsa-planning.pub" in err and "folder" in err


def test_a_trusted_partner_signing_in_another_agencys_name_is_named_by_its_own_key(tmp_path, capsys):
    # The verdict line read "Signed by a trusted key — CNSA planning" for SUPARCO's key: the name is
    # the signature's own text, and any trusted partner can write any name there.
    from ilrs_planner.sharing.keys import load_private_key, write_key_pair
    from ilrs_planner.sharing.signing import sign_project

    private, _public = write_key_pair("SUPARCO planning", tmp_path / "keys")
    key, _name = load_private_key(private)
    plan = _plan()
    sign_project(plan, key, "CNSA planning")
    path = tmp_path / "plan.db"
    save_project(plan, path)
    status, out = _verify(path, tmp_path / "keys", capsys)
    first, warning = out.splitlines()[:2]
    assert status == 0 and first.startswith(f"{path}: Signed by a trusted key — SUPARCO planning (")
    assert warning == "warning: the signature calls its signer 'CNSA planning'; the trusted key is SUPARCO planning's"
