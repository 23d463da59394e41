"""Output piped into `head` stops quietly: no traceback when the reader goes away."""

import subprocess
import sys


def test_a_closed_pipe_ends_quietly(tmp_path):
    plan = tmp_path / "ilrs.db"
    subprocess.run([sys.executable, "-m", "ilrs_planner", "new", "--reference", str(plan)], check=True,
                   capture_output=True)
    writer = subprocess.Popen([sys.executable, "-m", "ilrs_planner", "slip", str(plan)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    writer.stdout.readline()
    writer.stdout.close()  # like `| head -1`
    stderr = writer.stderr.read().decode()
    writer.wait(timeout=60)
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr
