"""Schedule an MS Project XML file with MPXJ's MicrosoftScheduler and print each task's dates as JSON.

Run as a script, in its own process (the Java VM's signals clash with pytest's fault handler).
Prints {"scheduler": name or null, "tasks": [{uid, name, summary, stored: [start, finish],
scheduled: [start, finish]}]}. When this MPXJ has no MicrosoftScheduler, "scheduled" repeats the
dates read back from the file and "scheduler" is null.
"""

import json
import sys

import jpype
import mpxj  # noqa: F401 (puts the MPXJ jars on the class path)


def _dates(project) -> dict[int, list[str]]:
    return {int(t.getUniqueID()): [str(t.getStart()), str(t.getFinish())]
            for t in project.getTasks() if t.getUniqueID() is not None and int(t.getUniqueID()) > 0}


def main(path: str) -> None:
    jpype.startJVM()
    from org.mpxj.mspdi import MSPDIReader  # Java classes: importable only once the JVM runs

    project = MSPDIReader().read(path)
    stored = _dates(project)
    try:
        from org.mpxj.cpm import MicrosoftScheduler
    except ImportError:
        scheduler = None
    else:
        MicrosoftScheduler().schedule(project, project.getProjectProperties().getStartDate())
        scheduler = "MicrosoftScheduler"
    scheduled = _dates(project)
    tasks = [{"uid": int(t.getUniqueID()), "name": str(t.getName()), "summary": bool(t.getSummary()),
              "stored": stored[int(t.getUniqueID())], "scheduled": scheduled[int(t.getUniqueID())]}
             for t in project.getTasks() if t.getUniqueID() is not None and int(t.getUniqueID()) > 0]
    print(json.dumps({"scheduler": scheduler, "tasks": tasks}))


if __name__ == "__main__":
    main(sys.argv[1])
