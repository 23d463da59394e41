"""Read an MS Project XML file with MPXJ and print what it sees as JSON (run as a script).

It runs in its own process: the Java VM it starts uses signals of its own that clash with Qt and
pytest's fault handler in a shared process.
"""

import json
import sys

import jpype
import mpxj  # noqa: F401 (puts the MPXJ jars on the class path)


def _text(value) -> str | None:
    return None if value is None else str(value)


def _task(task) -> dict:
    duration = task.getDuration()
    return {
        "name": _text(task.getName()), "outline_level": int(task.getOutlineLevel() or 0),
        "summary": bool(task.getSummary()), "milestone": bool(task.getMilestone()),
        "duration": None if duration is None else [float(duration.getDuration()), str(duration.getUnits())],
        "constraint": _text(task.getConstraintType()), "constraint_date": _text(task.getConstraintDate()),
        "deadline": _text(task.getDeadline()), "finish": _text(task.getFinish()),
        "actual_start": _text(task.getActualStart()),
        "percent_complete": float(task.getPercentageComplete() or 0),
        "baseline_finish": _text(task.getBaselineFinish()),
        "predecessors": [[_text(r.getPredecessorTask().getName()), str(r.getType()),
                          float(r.getLag().getDuration())] for r in task.getPredecessors()],
    }


def main(path: str) -> None:
    jpype.startJVM()
    from org.mpxj.mspdi import MSPDIReader  # a Java class: importable only once the JVM runs

    project = MSPDIReader().read(path)
    tasks = [_task(t) for t in project.getTasks() if t.getID() is not None and int(t.getID()) > 0]
    print(json.dumps(tasks))


if __name__ == "__main__":
    main(sys.argv[1])
