"""`verify` on a plan file downgraded by a tamperer (its signer's earlier-scheme signature of the same
content written back over the one made since, with the links reordered and the secret changed): the
weaker verdict, with its own exit status, never 0; a second signature slipped in beside the first is
refused; a merge or a partner copy of such a file is unsigned, as of any signed plan."""

from __future__ import annotations

import pytest
from signature_downgrade import EARLIER_DATE, put_back, signed_twice

from ilrs_planner.cli import main
from ilrs_planner.sharing.signing import fingerprint
from ilrs_planner.store import open_project


def _verify(path, capsys, trusted=None) -> tuple[int, str]:
    status = main(["verify", str(path), "--trusted", str(trusted or path.parent / "keys")])
    return status, capsys.readouterr().out


def test_a_downgraded_file_verifies_only_in_the_earlier_scheme_and_never_exits_0(tmp_path, capsys):
    path, earlier = signed_twice(tmp_path)
    assert _verify(path, capsys)[0] == 0  # signed again today: verified
    put_back(path, earlier)
    status, out = _verify(path, capsys)
    assert status == 6
    assert out == (f"{path}: Signed by a trusted key, earlier scheme — CNSA planning "
                   f"({fingerprint(earlier.public_key)}), {EARLIER_DATE}: signed with the earlier signature scheme, "
                   "which does not cover the order of links or the plan's secret: ask CNSA planning to sign it "
                   "again\n")


def test_by_a_key_not_trusted_it_has_a_status_of_its_own(tmp_path, capsys):
    path, earlier = signed_twice(tmp_path)
    put_back(path, earlier, reorder=False, secret=None)  # the secret taken out: the next copy draws another
    status, out = _verify(path, capsys, trusted=tmp_path / "nobody")
    assert status == 7 and "Signed by an unknown key, earlier scheme — CNSA planning" in out


def test_signing_the_downgraded_file_again_verifies_it(tmp_path, capsys):
    path, earlier = signed_twice(tmp_path)
    put_back(path, earlier)
    assert main(["sign", str(path), "--key", str(tmp_path / "keys" / "cnsa-planning.key")]) == 0
    capsys.readouterr()
    status, out = _verify(path, capsys)
    assert status == 0 and "earlier" not in out


def test_a_second_signature_slipped_in_beside_the_first_is_refused(tmp_path, capsys):
    import sqlite3

    path, earlier = signed_twice(tmp_path)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        row = (earlier.signer, earlier.public_key, earlier.signature, earlier.content_hash, earlier.signed_at, "")
        with pytest.raises(sqlite3.IntegrityError):  # the table holds one signature
            conn.execute("INSERT INTO signature VALUES (2, ?, ?, ?, ?, ?, ?)", row)
        # So the tamperer makes a table that holds two.
        conn.execute("ALTER TABLE signature RENAME TO signature_old")
        conn.execute("CREATE TABLE signature (singleton INTEGER PRIMARY KEY, signer TEXT, public_key BLOB, "
                     "signature BLOB, content_hash TEXT, signed_at TEXT, sent_copies TEXT)")
        conn.execute("INSERT INTO signature SELECT * FROM signature_old")
        conn.execute("INSERT INTO signature VALUES (2, ?, ?, ?, ?, ?, ?)", row)
        conn.execute("DROP TABLE signature_old")
    finally:
        conn.close()
    status = main(["verify", str(path), "--trusted", str(tmp_path / "keys")])
    assert status == 2 and "store.untrusted_schema" in capsys.readouterr().err


def test_a_merge_or_a_partner_copy_of_a_downgraded_file_is_unsigned(tmp_path, capsys):
    path, earlier = signed_twice(tmp_path)
    put_back(path, earlier)
    assert main(["redact", str(path), "--level", "everyone", "-o", str(tmp_path / "copy.db")]) == 0
    assert main(["merge", str(path), str(path), str(path), "-o", str(tmp_path / "merged.db")]) == 0
    capsys.readouterr()
    for written in ("copy.db", "merged.db"):
        assert open_project(tmp_path / written).signature is None
        assert _verify(tmp_path / written, capsys)[0] == 4
