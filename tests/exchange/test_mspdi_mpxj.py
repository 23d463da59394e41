"""Our MS Project XML as partners' tools read it.

ProjectLibre and GanttProject both read MS Project files through MPXJ, so reading our export with
MPXJ's own MSPDI reader (Java, through its PyPI wrapper) shows what a partner will see there:
the outline, durations in days, link types and lags, constraints, actuals and baselines.
"""

from datetime import date

import pytest

from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.domain import ConstraintType, Link, LinkType, Project, Task
from ilrs_planner.exchange.formats import write_plan


@pytest.fixture(scope="module")
def mpxj_reader():
    import jpype
    import mpxj  # noqa: F401 (puts the MPXJ jars on the class path)

    if not jpype.isJVMStarted():
        jpype.startJVM()
    from org.mpxj.mspdi import MSPDIReader  # noqa: E402 (Java classes exist only once the JVM runs)

    return lambda path: MSPDIReader().read(str(path))


def _tasks_by_name(project) -> dict:
    return {str(t.getName()): t for t in project.getTasks() if t.getID() and int(t.getID()) > 0}


def _small_plan() -> Project:
    project = Project("Interop", date(2030, 1, 1))
    phase = project.add_task(Task("phase", "Phase"))
    a = project.add_task(Task("a", "Design", 10, parent_id=phase.id))
    b = project.add_task(Task("b", "Build", 20, parent_id=phase.id, position=1, constraint=ConstraintType.SNET,
                              constraint_date=date(2030, 2, 1)))
    m = project.add_task(Task("m", "Ready", 0, position=1))
    project.add_link(Link(a.id, b.id, LinkType.SS, 3))
    project.add_link(Link(b.id, m.id, LinkType.FS, -2))
    return project


def test_outline_durations_links_and_constraints_read_as_written(mpxj_reader, tmp_path):
    path = tmp_path / "interop.xml"
    write_plan(_small_plan(), path)
    tasks = _tasks_by_name(mpxj_reader(path))
    assert set(tasks) == {"Phase", "Design", "Build", "Ready"}
    assert int(tasks["Design"].getOutlineLevel()) == 2 and tasks["Phase"].getSummary()
    assert float(tasks["Build"].getDuration().getDuration()) == 20 and str(tasks["Build"].getDuration().getUnits()) == "d"
    assert tasks["Ready"].getMilestone()
    assert str(tasks["Build"].getConstraintType()) == "START_NO_EARLIER_THAN"
    assert str(tasks["Build"].getConstraintDate())[:10] == "2030-02-01"
    (ss,) = list(tasks["Build"].getPredecessors())
    assert str(ss.getType()) == "SS" and float(ss.getLag().getDuration()) == 3
    (fs,) = list(tasks["Ready"].getPredecessors())
    assert str(fs.getType()) == "FS" and float(fs.getLag().getDuration()) == -2


def test_the_ilrs_roadmap_opens_with_its_history(mpxj_reader, tmp_path):
    path = tmp_path / "ilrs.xml"
    write_plan(build_reference_project(), path)
    tasks = _tasks_by_name(mpxj_reader(path))
    assert len(tasks) == len(build_reference_project().tasks)
    flown = tasks["Chang'e 6 far-side sample return"]
    assert str(flown.getActualStart())[:10] == "2024-05-03" and int(flown.getPercentageComplete()) == 100
    basic = tasks["ILRS basic station complete"]
    assert basic.getMilestone() and str(basic.getDeadline())[:10] == "2035-12-31"
    # Baseline0 is the newest announcement kept; the MTA history lives in Baseline0..10.
    assert str(basic.getBaselineFinish())[:4] == "2035"
