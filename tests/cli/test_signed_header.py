"""Every field of a signed file's 100-byte SQLite header: changed, the file is refused or reported altered,
except the three SQLite stamps on every write, which change nothing a reader sees."""

import sqlite3
from datetime import date

import pytest

from ilrs_planner.cli import main
from ilrs_planner.domain import Project, Task
from ilrs_planner.domain.canonical import content_hash
from ilrs_planner.store import open_project, save_project

# (offset, bytes written there, what the field is): https://www.sqlite.org/fileformat.html#the_database_header
COVERED = [
    (16, b"\x10\x00", "page size 4096 instead of 16384"),
    (18, b"\x02\x02", "file format versions: WAL (would read a -wal file)"),
    (20, b"\x08", "reserved bytes at the end of each page"),
    (21, b"\x40\x20\x10", "payload fractions"),
    (28, None, "page count one more"),
    (32, b"\x00\x00\x00\x02", "first freelist trunk page"),
    (36, b"\x00\x00\x00\x01", "freelist page count"),
    (40, b"\x00\x00\x00\x63", "schema cookie"),
    (44, b"\x00\x00\x00\x01", "schema format 1"),
    (48, b"\x00\x00\x07\xd0", "default page cache size"),
    (52, b"\x00\x00\x00\x05", "largest root page (auto-vacuum)"),
    (56, b"\x00\x00\x00\x02", "text encoding UTF-16le"),
    (60, b"\x00\x00\x00\x01", "schema version 1 (an older plan)"),
    (60, b"\x00\x00\x7f\xff", "a newer schema version"),
    (64, b"\x00\x00\x00\x01", "incremental vacuum"),
    (68, b"SQLi", "application id"),
    (24, b"\x12\x34\x56\x78", "change counter alone (page count no longer valid: SQLite would size by the file)"),
    (72, b"\x01", "reserved for expansion"),
]
# Stamped by SQLite on every write, so left out of the comparison: the change counter with the version-valid-for
# number (equal, as every write leaves them; apart, the file is refused above) and the library's version.
STAMPED = [((24, 92), b"\x12\x34\x56\x78"), ((96,), b"\x00\x2d\xc6\xc0")]


@pytest.fixture
def signed(tmp_path):
    keys = tmp_path / "keys"
    assert main(["keygen", "--name", "CNSA planning", "-o", str(keys)]) == 0
    plan = Project(name="Header plan", start=date(2030, 1, 1))
    plan.add_task(Task(key="LANDER", name="Lander build", duration=10, id="t-lander", notes="Ünïcode " * 500))
    plan.add_task(Task(key="READY", name="Station ready", duration=0, id="t-ready", position=1))
    path = tmp_path / "plan.db"
    save_project(plan, path)
    assert main(["sign", str(path), "--key", str(keys / "cnsa-planning.key")]) == 0
    return path, keys


def _patch(path, offset, data):
    with open(path, "r+b") as handle:
        handle.seek(offset)
        if data is None:  # the page count, one more
            data = (int.from_bytes(handle.read(4), "big") + 1).to_bytes(4, "big")
            handle.seek(offset)
        handle.write(data)


def _dump(path):
    conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@pytest.mark.parametrize(("offset", "data", "field"), COVERED, ids=[f for _, _, f in COVERED])
def test_a_changed_header_field_is_never_trusted(signed, capsys, offset, data, field):
    path, keys = signed
    _patch(path, offset, data)
    capsys.readouterr()
    status = main(["verify", str(path), "--trusted", str(keys)])
    out, err = capsys.readouterr()
    assert status in (2, 3), (field, out, err)  # refused as unreadable, or altered after signing
    assert ("Altered after signing" in out) if status == 3 else err.startswith("error[store."), (field, out, err)


@pytest.mark.parametrize(("offsets", "data"), STAMPED, ids=["change counter and valid-for", "sqlite version"])
def test_the_stamps_sqlite_rewrites_change_nothing_a_reader_sees(signed, capsys, offsets, data):
    path, keys = signed
    before_content, before_dump = content_hash(open_project(path)), _dump(path)
    for offset in offsets:
        _patch(path, offset, data)
    assert content_hash(open_project(path)) == before_content
    assert _dump(path) == before_dump  # every row as plain SQLite reads it, too
    capsys.readouterr()
    assert main(["verify", str(path), "--trusted", str(keys)]) == 0
