"""Output piped into `head` stops quietly: no traceback when the reader goes away."""

import subprocess
import sys


def test_a_closed_pipe_ends_quietly(tmp_path):
    # 3,000 rows print far more than a pipe buffer holds, so the writer does meet the closed pipe.
    table = tmp_path / "tasks.csv"
    rows = [f"{i},Task {i},5d,{i - 1 if i > 1 else ''}" for i in range(1, 3001)]
    table.write_text("ID,Name,Duration,Predecessors\n" + "\n".join(rows) + "\n", encoding="utf-8")
    plan = tmp_path / "plan.db"
    subprocess.run([sys.executable, "-m", "ilrs_planner", "import", str(table), "-o", str(plan),
                    "--start", "2030-01-01"], check=True, capture_output=True)
    writer = subprocess.Popen([sys.executable, "-m", "ilrs_planner", "schedule", str(plan)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    writer.stdout.readline()
    writer.stdout.close()  # like `| head -1`
    stderr = writer.stderr.read().decode()
    writer.wait(timeout=60)
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr
