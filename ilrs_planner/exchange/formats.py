"""Reading and writing plans in other tools' formats, chosen by the file's extension.

Each format is one module in this package with `read(path) -> ImportResult` and/or
`write(project, path) -> list[str]` (warnings: what the format could not carry). Modules are
imported only when their format is used, so a format's dependencies cost nothing otherwise.
"""

from __future__ import annotations

import importlib
import os
import stat
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import ModuleType

from ..domain import PlannerError, Project
from ..domain.partner_records import records_left_behind
from ..domain.text import TEXT_LIMITS, clean

# extension -> module in this package; a format that is not installed is reported, not guessed.
FORMAT_MODULES = {
    ".csv": "msp_csv",
    ".xml": "mspdi",
    ".xlsx": "xlsx",
    ".ics": "ics",
    **{extension: "mpxj_bridge" for extension in (".mpp", ".mpx", ".xer", ".pmxml", ".gan", ".pod", ".pp")},
}
FORMAT_NAMES = {
    ".csv": "CSV task table (MS Project columns)",
    ".xml": "MS Project XML (MSPDI)",
    ".xlsx": "Excel workbook",
    ".ics": "iCalendar (milestones)",
    ".mpp": "MS Project (.mpp, through MPXJ)",
    ".mpx": "MPX (through MPXJ)",
    ".xer": "Primavera P6 XER (through MPXJ)",
    ".pmxml": "Primavera P6 XML (through MPXJ)",
    ".gan": "GanttProject (through MPXJ)",
    ".pod": "ProjectLibre (through MPXJ)",
    ".pp": "Asta Powerproject (through MPXJ)",
}


@dataclass(slots=True)
class ImportResult:
    """A plan read from another format, and what could not be carried over."""

    project: Project
    warnings: list[str] = field(default_factory=list)


# How the file was read (a file MPXJ converted: see mspdi.reader.read_through_mpxj), the first of its
# import's notes: where the plan came from, not something it lost.
READ_THROUGH = "read through MPXJ from "


def losses(result: ImportResult) -> list[str]:
    """The import's notes of what could not be carried over exactly (not how the file was read)."""
    return [note for note in result.warnings if not note.startswith(READ_THROUGH)]


def supported_extensions(operation: str) -> list[str]:
    """The extensions whose module is present and can `read` or `write`."""
    found = []
    for extension in FORMAT_MODULES:
        module = _load(extension, missing_ok=True)
        if module is not None and hasattr(module, operation):
            found.append(extension)
    return found


def read_plan(path: str | Path, *, start: date | None = None, **opts) -> ImportResult:
    """Read a plan from `path` by its extension; `start` overrides the project start date."""
    module = _module_for(path, "read", "import.bad_file")
    _check_regular(path)
    result = module.read(path, **opts)
    result.project.name = _plain_name(plan_name(result.project.name), result.warnings)
    if start is not None:
        result.project.start = start
    return result


def _plain_name(name: str, warnings: list[str]) -> str:
    """The plan's name as a plan may hold it: a title, or the file's name (a partner's attachment name
    is theirs as much as its content), with control and bidirectional characters removed and said."""
    cleaned = clean(name)
    if cleaned != name:
        warnings.append(f"the plan's name had characters a plan may not hold removed: now '{cleaned.strip()}'")
    return cleaned.strip()[:TEXT_LIMITS["name"]] or "Imported plan"


def plan_name(name: str) -> str:
    """An imported plan's name without the extension of a file name: MS Project keeps the file's name
    ('plan.xml', 'plan.mpp') where a plan has no title, and a plan is named alike whichever file it came
    from (its title, else the file's name without its extension)."""
    stem, dot, extension = name.rpartition(".")
    return stem if dot and stem.strip() and f".{extension.lower()}" in FORMAT_MODULES | {".mpt": ""} else name


def _check_regular(path: str | Path) -> None:
    """Refuse what is not a regular file before any importer opens it: a named pipe waited forever,
    and a link called plan.csv to /dev/zero was read until memory ran out. (A missing file is left
    to the importer, which names it.)"""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return
    if not stat.S_ISREG(mode):
        what = "a folder" if stat.S_ISDIR(mode) else "not a regular file (a pipe or device is never read)"
        raise PlannerError("import.bad_file", f"{Path(path).name}: {what}", [str(path)])


def write_plan(project: Project, path: str | Path, **opts) -> list[str]:
    """Write `project` to `path` by its extension; returns warnings about what was left out."""
    module = _module_for(path, "write", "export.failed")
    warnings = list(module.write(project, path, **opts) or [])
    # A file that can be read back as a plan carries none of the records of what partners wrote in it.
    left = records_left_behind(project, f"{Path(path).name} ({FORMAT_NAMES[Path(path).suffix.lower()]})") \
        if hasattr(module, "read") else None
    return warnings + ([left] if left is not None else [])


def _module_for(path: str | Path, operation: str, code: str) -> ModuleType:
    extension = Path(path).suffix.lower()
    verb = "read" if operation == "read" else "written"
    if extension not in FORMAT_MODULES:
        known = ", ".join(supported_extensions(operation)) or "none"
        shown = f"'{extension}'" if extension else "no extension"
        raise PlannerError(code, f"{Path(path).name}: {shown} files cannot be {verb}; supported: {known}")
    module = _load(extension, missing_ok=True)
    if module is None or not hasattr(module, operation):
        raise PlannerError(code, f"{FORMAT_NAMES[extension]} ({extension}) files cannot be {verb}: not supported "
                           "in this version")
    return module


def _load(extension: str, missing_ok: bool) -> ModuleType | None:
    name = f"{__package__}.{FORMAT_MODULES[extension]}"
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        # Only the format module itself may be absent; a missing dependency inside it is a bug.
        if missing_ok and exc.name == name:
            return None
        raise
