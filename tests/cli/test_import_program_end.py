"""`ilrs-planner import` run as a program ends without freeing the plan it made (a large plan's objects
took a third of a second to free one by one): what it printed, its warnings and the plan file it wrote
are those of the same import run inside another program, which goes on as before."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ilrs_planner.cli import main

LINKS = Path(__file__).parents[1] / "exchange" / "msp_real" / "task-links-project2016-mspdi.xml"
# The program as installed (`main()` on the command line's arguments), saving beside the schedule or not.
PROGRAM = ("import sys; from ilrs_planner.store import save_beside; save_beside.MIN_TASKS = int(sys.argv.pop(1)); "
           "from ilrs_planner.cli import main; sys.exit(main())")


def _dates(plan: Path, capsys) -> dict:
    capsys.readouterr()
    assert main(["schedule", str(plan), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("beside", [False, True] if hasattr(os, "fork") else [False])
def test_the_import_program_prints_and_saves_what_an_import_inside_a_program_does(tmp_path, capsys, beside):
    inside = tmp_path / "inside.db"
    assert main(["import", str(LINKS), "-o", str(inside)]) == 0
    said = capsys.readouterr()
    program = tmp_path / "program.db"
    ran = subprocess.run([sys.executable, "-c", PROGRAM, "0" if beside else str(1 << 60), "import", str(LINKS),
                          "-o", str(program)], capture_output=True, text=True, timeout=120)
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.replace(str(program), "OUT") == said.out.replace(str(inside), "OUT")
    assert "Imported" in ran.stdout and ran.stderr == said.err
    assert _dates(program, capsys) == _dates(inside, capsys)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["inside.db", "program.db"]  # nothing left beside
