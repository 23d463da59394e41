"""Running MPXJ in its own process: is it installed, and turn a file into MS Project XML.

MPXJ comes from the optional `mpp` extra (the PyPI package `mpxj`, which bundles MPXJ's jars, and
JPype1) and needs a Java runtime, 11 or newer; `missing_parts` names what a machine still needs.
The conversion itself is `mpxj_convert`, run with this Python in a child process.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

from ..domain import PlannerError

TIMEOUT_SECONDS = 600
INSTALL_JAVA = "apt-get install default-jre-headless"
INSTALL_EXTRA = 'pip install -e ".[mpp]"'


def missing_parts() -> list[str]:
    """What reading through MPXJ still needs on this machine, as the commands that install it."""
    missing = []
    if shutil.which("java") is None:
        missing.append(f"a Java runtime, 11 or newer ({INSTALL_JAVA})")
    if importlib.util.find_spec("mpxj") is None or importlib.util.find_spec("jpype") is None:
        missing.append(f"the mpxj and JPype1 packages ({INSTALL_EXTRA})")
    return missing


def convert_to_mspdi(source: Path, target: Path, what: str) -> date | None:
    """Have MPXJ write `source` as MS Project XML to `target`; refused when Java or MPXJ is missing.
    Returns the source's Must finish by (the last day P6's Must Finish By allows), which MSPDI cannot hold."""
    if not source.is_file():
        raise PlannerError("import.bad_file", f"{source.name}: no such file", [str(source)])
    missing = missing_parts()
    if missing:
        raise PlannerError("import.needs_java", f"{source.name}: reading {what} files needs " + " and ".join(missing))
    command = [sys.executable, "-m", "ilrs_planner.exchange.mpxj_convert", str(source), str(target)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False)
    except subprocess.TimeoutExpired:
        raise PlannerError("import.bad_file", f"{source.name}: MPXJ took more than {TIMEOUT_SECONDS} s; "
                           "given up") from None
    if done.returncode != 0 or not target.exists():
        reason = (done.stderr.strip().splitlines() or ["no reason given"])[-1][:300]
        raise PlannerError("import.bad_file", f"{source.name}: MPXJ could not read it ({reason})")
    found = _MUST_FINISH_BY.findall(done.stdout)
    return date.fromisoformat(found[-1]) if found else None


# The line mpxj_convert prints (a day as a date, nothing else: whatever else Java prints is not read).
_MUST_FINISH_BY = re.compile(r"^ilrs-must-finish-by: (\d{4}-\d{2}-\d{2})$", re.MULTILINE)
