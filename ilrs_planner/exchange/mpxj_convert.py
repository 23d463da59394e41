"""Convert any file MPXJ reads into MS Project XML (run as a script, in its own process).

    python -m ilrs_planner.exchange.mpxj_convert IN.mpp OUT.xml

MPXJ (the reader inside ProjectLibre and GanttProject) reads .mpp, .mpx, Primavera .xer and P6
XML, GanttProject .gan, ProjectLibre .pod, Asta .pp and more, and writes MSPDI with the calendars
and the dates the source program stored. Its Java VM runs here, never in the window's process:
the VM's signal handlers clash with Qt's, and a crash in it must not take a plan down with it.
Exit status 0 on success; otherwise the reason on stderr and status 3. MSPDI has no element for
Primavera P6's project Must Finish By, so the last day it allows is printed on stdout after
MUST_FINISH_BY (mpxj_run reads it there).
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta

import jpype
import mpxj  # noqa: F401 (puts the MPXJ jars on the class path)


def convert(source: str, target: str) -> None:
    """Read `source` with MPXJ's universal reader and write it as MSPDI to `target`."""
    jpype.startJVM()
    from org.mpxj.mspdi import MSPDIWriter  # noqa: PLC0415 (Java classes exist only once the VM runs)
    from org.mpxj.reader import UniversalProjectReader  # noqa: PLC0415

    project = UniversalProjectReader().read(source)
    if project is None:
        raise ValueError("MPXJ does not recognise this file's format")
    _activity_ids_as_keys(project)
    writer = MSPDIWriter()
    writer.setWriteTimephasedData(True)  # the work per period shows where a task is split (see read_splits)
    writer.write(project, target)
    finish_by = project.getProjectProperties().getMustFinishBy()
    if finish_by is not None:
        print(MUST_FINISH_BY + last_day_by(str(finish_by.toString())), flush=True)


def _activity_ids_as_keys(project) -> None:
    """A Primavera activity's ID (A1000, A1010 ...) written where the MSPDI reader takes a task's key.

    MSPDI has no Activity ID; MPXJ writes the P6 WBS code there, which for activities straight under
    the project is the project's code, so every key became 'EC00640-2', 'EC00640-3' ... and the one
    identifier a P6 planner and the partner both know was lost. Files without activity IDs (MS
    Project's) keep their WBS codes."""
    for task in project.getTasks():
        activity = task.getActivityID()
        if activity is not None and str(activity).strip():
            task.setWBS(str(activity))


MUST_FINISH_BY = "ilrs-must-finish-by: "


def last_day_by(moment: str) -> str:
    """The last day a moment ('2031-06-30T17:00') lets work finish: its own day, or the day before
    when it is a midnight (P6 keeps a Must Finish By picked without a time at 00:00 of the next day)."""
    when = datetime.fromisoformat(moment)
    day = when.date() - timedelta(days=1) if when.time() == datetime.min.time() else when.date()
    return day.isoformat()


def main(argv: list[str]) -> int:
    try:
        convert(argv[1], argv[2])
    except Exception as exc:  # noqa: BLE001 (any Java or Python failure becomes one message for the parent)
        print(f"{type(exc).__name__}: {exc}"[:2000], file=sys.stderr)
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
