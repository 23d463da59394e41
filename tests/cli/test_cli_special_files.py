"""Files a command reads that are not regular files: a named pipe or a device is refused by name, never
waited on or read without end (each command runs in its own process, so a hang fails the test, not the run)."""

import os
import subprocess
import sys

import pytest

from ilrs_planner.cli import main

WAIT = 300  # far beyond any run: the commands either answer at once or never


def _run(*argv):
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    try:
        done = subprocess.run([sys.executable, "-m", "ilrs_planner", *argv], capture_output=True, text=True,
                              timeout=WAIT, env=env)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{argv[0]} waited on a file that never ends")
    return done.returncode, done.stderr


@pytest.mark.parametrize("extension", ["csv", "xml"])
def test_import_refuses_a_named_pipe(tmp_path, extension):
    source = tmp_path / f"plan.{extension}"
    os.mkfifo(source)
    status, err = _run("import", str(source), "-o", str(tmp_path / "plan.db"))
    assert status == 2 and "error[import.bad_file]" in err and "not a regular file" in err
    assert not (tmp_path / "plan.db").exists()


def test_import_refuses_a_link_to_an_endless_device(tmp_path):
    source = tmp_path / "plan.csv"
    source.symlink_to("/dev/zero")  # was read until memory ran out
    status, err = _run("import", str(source), "-o", str(tmp_path / "plan.db"))
    assert status == 2 and "not a regular file" in err


def test_a_named_pipe_among_trusted_keys_is_named_and_not_trusted(tmp_path):
    keys = tmp_path / "keys"
    assert main(["keygen", "--name", "CNSA planning", "-o", str(keys)]) == 0
    assert main(["new", str(tmp_path / "plan.db")]) == 0
    assert main(["sign", str(tmp_path / "plan.db"), "--key", str(keys / "cnsa-planning.key")]) == 0
    os.mkfifo(keys / "evil.pub")
    status, err = _run("verify", str(tmp_path / "plan.db"), "--trusted", str(keys))
    assert status == 0  # the real key is still trusted
    assert "evil.pub: not a regular file, so not a key file; it is not trusted" in err


def test_sign_refuses_a_named_pipe_as_its_key(tmp_path):
    assert main(["new", str(tmp_path / "plan.db")]) == 0
    os.mkfifo(tmp_path / "pipe.key")
    status, err = _run("sign", str(tmp_path / "plan.db"), "--key", str(tmp_path / "pipe.key"))
    assert status == 2 and "error[key.invalid]" in err and "not a regular file" in err
