"""The installed entry point: `python -m ilrs_planner` in a separate process."""

import json
import pkgutil
import subprocess
import sys
from pathlib import Path

from ilrs_planner import cli

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


def test_each_command_module_registers_the_command_it_is_named_after():
    # Running `COMMAND` imports only `cmd_COMMAND` (a faster start), so that module must define it.
    for info in pkgutil.iter_modules(cli.__path__):
        if info.name.startswith("cmd_"):
            parser = cli.build_parser(info.name.removeprefix("cmd_"))
            assert list(parser.commands) == [info.name.removeprefix("cmd_")], info.name


def test_a_command_imports_only_its_own_module_and_help_still_lists_every_command():
    probe = ("import sys; from ilrs_planner.cli import main; main(['schedule', sys.argv[1], '--json']); "
             "print(sorted(m for m in sys.modules if m.startswith('ilrs_planner.cli.cmd_')), file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", probe, str(TINY)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == "['ilrs_planner.cli.cmd_schedule']"
    listing = run("--help").stdout.splitlines()
    listed = {line.split()[0] for line in listing if line.startswith("    ") and not line.startswith("     ")}
    assert listed == {info.name.removeprefix("cmd_") for info in pkgutil.iter_modules(cli.__path__)
                      if info.name.startswith("cmd_")}  # every command, not words of the description
