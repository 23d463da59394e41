"""Small hand-made plans for the sharing tests (independent of the bundled roadmap)."""

from datetime import date

import pytest

from ilrs_planner.domain import (
    Baseline,
    Classification,
    ConstraintType,
    Link,
    LinkType,
    Participant,
    Project,
    Task,
    TaskKind,
)


def build_small_plan() -> Project:
    """A phase with two missions and a milestone, one participant, two baselines."""
    plan = Project(name="Small plan", start=date(2030, 1, 1), author="Test")
    cnsa = plan.add_participant(Participant(key="CNSA", name="China National Space Administration", id="p-cnsa"))
    plan.add_task(Task(key="PH", name="Phase", kind=TaskKind.PHASE, id="t-ph", position=0))
    plan.add_task(Task(key="A", name="Mission A", duration=10, kind=TaskKind.MISSION, id="t-a", parent_id="t-ph",
                       position=0, owner_id=cnsa.id, notes="first mission", source_url="https://example.org/a"))
    plan.add_task(Task(key="B", name="Mission B", duration=5, id="t-b", parent_id="t-ph", position=1,
                       classification=Classification.PARTNERS, constraint=ConstraintType.SNET,
                       constraint_date=date(2030, 3, 1)))
    plan.add_task(Task(key="M", name="Station ready", duration=0, kind=TaskKind.MILESTONE, id="t-m", position=1,
                       deadline=date(2031, 1, 1)))
    plan.add_link(Link("t-a", "t-b", LinkType.FS, 2, id="l-ab"))
    plan.add_link(Link("t-b", "t-m", LinkType.FS, 0, id="l-bm"))
    plan.baselines.append(Baseline("Original", date(2029, 1, 1), {"t-a": (date(2030, 1, 1), date(2030, 1, 11))},
                                   id="b-1"))
    plan.baselines.append(Baseline("Revised", date(2029, 6, 1), {"t-a": (date(2030, 2, 1), date(2030, 2, 11))},
                                   id="b-2"))
    return plan


@pytest.fixture
def small_plan() -> Project:
    return build_small_plan()
