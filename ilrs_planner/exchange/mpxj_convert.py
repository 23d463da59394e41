"""Convert any file MPXJ reads into MS Project XML (run as a script, in its own process).

    python -m ilrs_planner.exchange.mpxj_convert IN.mpp OUT.xml

MPXJ (the reader inside ProjectLibre and GanttProject) reads .mpp, .mpx, Primavera .xer and P6
XML, GanttProject .gan, ProjectLibre .pod, Asta .pp and more, and writes MSPDI with the calendars
and the dates the source program stored. Its Java VM runs here, never in the window's process:
the VM's signal handlers clash with Qt's, and a crash in it must not take a plan down with it.
Exit status 0 on success; otherwise the reason on stderr and status 3.
"""

from __future__ import annotations

import sys

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
    writer = MSPDIWriter()
    writer.setWriteTimephasedData(True)  # the work per period shows where a task is split (see read_splits)
    writer.write(project, target)


def main(argv: list[str]) -> int:
    try:
        convert(argv[1], argv[2])
    except Exception as exc:  # noqa: BLE001 (any Java or Python failure becomes one message for the parent)
        print(f"{type(exc).__name__}: {exc}"[:2000], file=sys.stderr)
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
