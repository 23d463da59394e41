"""The installed entry point: `python -m ilrs_planner` in a separate process."""

import json
import subprocess
import sys
from pathlib import Path

TINY = Path(__file__).parent / "data" / "tiny.csv"


def run(*args):
    return subprocess.run([sys.executable, "-m", "ilrs_planner", *args], capture_output=True, text=True,
                          timeout=120)


def test_module_entry_point_prints_the_schedule_as_json():
    result = run("schedule", str(TINY), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["project_finish"] == "2030-01-16"


def test_module_entry_point_reports_errors_on_stderr_with_status_2(tmp_path):
    table = tmp_path / "bad.csv"
    table.write_text("ID,Name,Duration\n1,Design,five days\n")
    result = run("import", str(table), "-o", str(tmp_path / "out.db"))
    assert result.returncode == 2
    assert result.stderr.startswith("error[import.bad_row]: row 2, column Duration:")
    assert "Traceback" not in result.stderr and not (tmp_path / "out.db").exists()
