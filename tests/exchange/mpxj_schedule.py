"""Schedule an MS Project XML file with MPXJ's MicrosoftScheduler and print each task's dates as JSON.

MPXJ's MicrosoftScheduler reproduces MS Project's own scheduling rules; a test compares its dates
for a file we write with our schedule of the same plan. It runs in its own process (see
mpxj_read.py for why).
"""

import json
import sys

import jpype
import mpxj  # noqa: F401 (puts the MPXJ jars on the class path)


def main(path: str, start: str) -> None:
    jpype.startJVM()
    from java.time import LocalDateTime  # Java classes: importable only once the JVM runs
    from org.mpxj import Duration, TimeUnit
    from org.mpxj.cpm import MicrosoftScheduler
    from org.mpxj.mspdi import MSPDIReader

    project = MSPDIReader().read(path)
    for task in project.getTasks():  # a plan without progress: nothing done, everything remaining
        if task.getActualDuration() is None:
            task.setActualDuration(Duration.getInstance(0, TimeUnit.DAYS))
        if task.getRemainingDuration() is None and task.getDuration() is not None:
            task.setRemainingDuration(task.getDuration())
    MicrosoftScheduler().schedule(project, LocalDateTime.parse(start))
    tasks = {str(t.getName()): [str(t.getStart()), str(t.getFinish())]
             for t in project.getTasks() if t.getID() is not None and int(t.getID()) > 0}
    print(json.dumps(tasks))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
