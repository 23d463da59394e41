"""A full disk while writing any file: an error naming it, the old file untouched, nothing left behind.

A file-size limit (RLIMIT_FSIZE) stands in for a full disk: every write past it fails with EFBIG,
whichever library does the writing (SQLite, Qt's PDF and SVG writers, openpyxl). The limit is set
in a child process, so no real disk is filled.
"""

import os
import subprocess
import sys
import textwrap

import pytest

from ilrs_planner.cli import main
from ilrs_planner.files.atomic import TEMP_SUFFIX

LIMIT = 4096  # bytes; every output below is larger

COMMANDS = {
    "png": ["export", "{plan}", "-o", "{out}"],
    "svg": ["export", "{plan}", "-o", "{out}"],
    "pdf": ["export", "{plan}", "-o", "{out}"],
    "xml": ["export", "{plan}", "-o", "{out}"],
    "csv": ["export", "{plan}", "-o", "{out}"],
    "xlsx": ["export", "{plan}", "-o", "{out}"],
    "ics": ["export", "{plan}", "-o", "{out}"],
    "mta.png": ["mta", "{plan}", "-o", "{out}"],
    "new.db": ["new", "--reference", "{out}"],
    "redact.db": ["redact", "{plan}", "--level", "public", "-o", "{out}"],
    "merge.db": ["merge", "{plan}", "{plan}", "{plan}", "-o", "{out}"],
    "import.db": ["import", "{xml}", "-o", "{out}"],
}


def _run_with_a_full_disk(argv):
    script = textwrap.dedent(f"""
        import resource, signal, sys
        from ilrs_planner.cli import main
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, ({LIMIT}, resource.RLIM_INFINITY))
        sys.exit(main({argv!r}))
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=300)


@pytest.fixture(scope="module")
def sources(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sources")
    assert main(["new", "--reference", str(folder / "plan.db")]) == 0
    assert main(["export", str(folder / "plan.db"), "-o", str(folder / "plan.xml")]) == 0
    return folder


@pytest.mark.parametrize("kind", list(COMMANDS))
def test_a_full_disk_leaves_the_previous_file_and_no_partial_one(tmp_path, sources, kind):
    out = tmp_path / f"out.{kind}"
    out.write_bytes(b"the previous export, which must survive")
    argv = [arg.format(plan=sources / "plan.db", xml=sources / "plan.xml", out=out) for arg in COMMANDS[kind]]
    result = _run_with_a_full_disk(argv)
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "error[" in result.stderr and "out." in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr, result.stderr
    assert "Wrote" not in result.stdout
    assert out.read_bytes() == b"the previous export, which must survive"
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]


def test_a_full_disk_while_signing_keeps_the_unsigned_plan(tmp_path, sources):
    assert main(["keygen", "--name", "CNSA planning", "-o", str(tmp_path / "keys")]) == 0
    plan = tmp_path / "plans" / "plan.db"
    plan.parent.mkdir()
    plan.write_bytes((sources / "plan.db").read_bytes())
    result = _run_with_a_full_disk(["sign", str(plan), "--key", str(tmp_path / "keys" / "cnsa-planning.key")])
    assert result.returncode == 2 and "error[store.io]" in result.stderr, result.stderr
    assert plan.read_bytes() == (sources / "plan.db").read_bytes()
    assert [p.name for p in plan.parent.iterdir() if p.name.endswith(TEMP_SUFFIX)] == []
