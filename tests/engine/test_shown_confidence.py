"""A task pushed past its announced date by what drives it is not shown as announced."""

from __future__ import annotations

from datetime import date

from ilrs_planner.domain import Confidence, ConstraintType, Link, LinkType, Precision, Project, Task, TaskKind
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.engine.shown_confidence import ShownConfidence

D = date
URL = "https://example.org/statement"


def _plan() -> Project:
    """Lander 'in 2029' (365 d from 2029-01-01); a rover on it announced 'in 2028', linked start to start;
    a station 'by 2031' after the lander (365 d), in a phase; a survey 'in 2030' waiting for nothing."""
    project = Project("Pushes", D(2027, 1, 1))
    year = dict(precision=Precision.YEAR, source_url=URL, constraint=ConstraintType.SNET)
    project.add_task(Task("phase", "Phase", 0, TaskKind.PHASE, id="phase", position=0, source_url=URL))
    project.add_task(Task("lander", "Lander", 365, id="lander", parent_id="phase", position=0,
                          constraint_date=D(2029, 1, 1), **year))
    project.add_task(Task("rover", "Rover", 365, id="rover", parent_id="phase", position=1,
                          constraint_date=D(2028, 1, 1), **year))
    project.add_task(Task("station", "Station", 365, id="station", parent_id="phase", position=2,
                          precision=Precision.YEAR, source_url=URL, deadline=D(2031, 12, 31)))
    project.add_task(Task("survey", "Survey", 30, id="survey", position=1, constraint_date=D(2030, 1, 1), **year))
    project.add_link(Link("lander", "rover", LinkType.SS))
    project.add_link(Link("lander", "station"))
    return project


def test_a_task_a_link_pushed_into_a_later_year_than_announced_reads_inferred():
    project = _plan()
    shown = ShownConfidence(project, schedule(project))
    assert shown.of("rover") == "inferred"  # announced 2028, starts with the lander in 2029
    assert shown.of("lander") == shown.of("station") == shown.of("survey") == "sourced"  # as announced
    assert shown.of("phase") == "sourced"  # its latest sub-task, the station, is where it was announced
    assert ShownConfidence(project, schedule(project)).changed() == {"rover": "inferred"}


def test_a_task_pushed_by_the_planners_date_reads_as_an_assumption_and_so_does_its_phase():
    project = _plan()
    lander = project.tasks["lander"]
    lander.constraint_date, lander.confidence = D(2031, 1, 1), Confidence.ASSUMPTION  # typed 2031
    shown = ShownConfidence(project, schedule(project))
    # The station now ends 2032-12-31, past its deadline 2031-12-31; the rover starts 2031.
    assert shown.of("station") == shown.of("rover") == "assumption"
    assert shown.of("phase") == "assumption"
    assert shown.of("survey") == "sourced"
    assert shown.changed() == {"station": "assumption", "rover": "assumption", "phase": "assumption"}


def test_a_move_inside_the_announced_year_is_not_a_push():
    project = _plan()
    project.tasks["rover"].constraint_date = D(2029, 1, 1)  # announced for 2029 too
    project.tasks["lander"].constraint_date = D(2029, 3, 1)  # the lander later in 2029: the rover still in 2029
    assert ShownConfidence(project, schedule(project)).of("rover") == "sourced"


def test_work_the_status_date_moves_is_forecast_not_pushed():
    project = _plan()
    project.tasks["survey"].precision = Precision.MONTH  # 'January 2030'
    project.status_date = D(2030, 3, 2)  # not started by then: it starts in March
    result = schedule(project)
    assert result.tasks["survey"].early_start >= D(2030, 3, 2)
    shown = ShownConfidence(project, result)
    assert shown.of("survey") == shown.of("lander") == "sourced"
    assert shown.of("rover") == "inferred"  # the lander, moved by the status date, pushed it out of 2028


def _pushed_row(count: int) -> Project:
    """`count` inferred tasks of 2 days, each announced from a day after the one before and linked
    after it, so each is pushed past its announcement by the one before; the first is an assumption."""
    project = Project("Row", D(2027, 1, 1))
    for i in range(count):
        project.add_task(Task(f"t{i}", f"Step {i}", 2, id=f"t{i}", position=i, constraint=ConstraintType.SNET,
                              constraint_date=D.fromordinal(D(2027, 1, 1).toordinal() + i),
                              confidence=Confidence.ASSUMPTION if i == 0 else Confidence.INFERRED))
        if i:
            project.add_link(Link(f"t{i - 1}", f"t{i}"))
    return project


def test_a_row_of_thousands_of_pushed_tasks_reads_as_its_first_assumption():
    project = _pushed_row(3000)
    shown = ShownConfidence(project, schedule(project))
    assert shown.of("t2999") == "assumption"  # pushed, through 2,998 others, by the planner's date
    assert shown.of("t1500") == shown.of("t1") == "assumption"
    assert shown.of("t0") == "assumption"  # its own: nothing pushed it
    assert len(shown.changed()) == 2999


def test_a_loop_of_pushes_ends_at_the_task_it_started_from():
    project = _pushed_row(3)
    shown = ShownConfidence(project, schedule(project))
    pushers = {"t0": "t2", "t1": "t0", "t2": "t1"}  # each pushed by the one before, the first by the last
    shown._pushers = lambda tid: [pushers[tid]]  # type: ignore[method-assign]
    assert shown.of("t1") == "assumption"  # t0 (an assumption) pushed it
    assert shown.of("t0") == "assumption" and set(shown.known) == {"t0", "t1", "t2"}  # each answered once
    project.tasks["t0"].confidence = Confidence.SOURCED
    again = ShownConfidence(project, schedule(project))
    again._pushers = lambda tid: [pushers[tid]]  # type: ignore[method-assign]
    assert again.of("t0") == again.of("t1") == again.of("t2") == "inferred"


def test_a_task_pushed_by_two_equally_late_tasks_reads_as_the_weaker_whichever_link_was_made_first():
    """X, announced from 2030-01-05, waits for Y (the planner's date, an assumption) and Z (sourced), both
    10 days from 2030-01-01: each holds it to 01-11. It read 'assumption' when the link from Y was made
    first and 'inferred' when the one from Z was; the planner's date pushes it either way."""
    for order in ("YZ", "ZY"):
        project = Project("Ties", D(2030, 1, 1))
        project.add_task(Task("Y", "Y", 10, id="Y", position=0, confidence=Confidence.ASSUMPTION))
        project.add_task(Task("Z", "Z", 10, id="Z", position=1, source_url=URL))
        project.add_task(Task("X", "X", 5, id="X", position=2, source_url=URL, constraint=ConstraintType.SNET,
                              constraint_date=D(2030, 1, 5)))
        for key in order:
            project.add_link(Link(key, "X", id=f"{key}-X"))
        result = schedule(project)
        assert result.tasks["X"].early_start == D(2030, 1, 11)
        shown = ShownConfidence(project, result)
        assert (shown.of("X"), shown._pusher("X")) == ("assumption", "Y"), order


def test_a_phase_follows_every_pushed_sub_task_finishing_with_it_whichever_comes_first():
    """P (sourced, from 2030-01-02) waits for Y, the planner's date (an assumption, 10 days from
    2030-01-01): pushed to start 2030-01-11. Q (sourced, from 2030-01-11, 5 days) is not pushed, and
    its last day is P's, 2030-01-15. The phase ends with P as much as with Q: it reads as P, an
    assumption, whichever comes first in the outline (it read 'sourced' when Q came first)."""
    for pushed_first in (True, False):
        project = Project("Phase ties", D(2030, 1, 1))
        project.add_task(Task("Y", "Y", 10, id="Y", position=0, confidence=Confidence.ASSUMPTION))
        project.add_task(Task("Phase", "Phase", 0, TaskKind.PHASE, id="ph", position=1, source_url=URL))
        kids = [("P", D(2030, 1, 2)), ("Q", D(2030, 1, 11))]
        for place, (key, held) in enumerate(kids if pushed_first else kids[::-1]):
            project.add_task(Task(key, key, 5, id=key, parent_id="ph", position=place, source_url=URL,
                                  constraint=ConstraintType.SNET, constraint_date=held))
        project.add_link(Link("Y", "P", id="Y-P"))
        result = schedule(project)
        assert result.tasks["P"].early_finish == result.tasks["Q"].early_finish == D(2030, 1, 16)
        shown = ShownConfidence(project, result)
        assert (shown.of("P"), shown.of("Q"), shown.of("ph")) == ("assumption", "sourced", "assumption")
        assert shown._pusher("ph") == "P"
        assert ShownConfidence(project, result).changed() == {"P": "assumption", "ph": "assumption"}


def test_a_task_pushed_by_a_phase_reads_as_the_weakest_sub_task_finishing_with_the_phase():
    """X (sourced, from 2030-01-05) follows a phase whose A (sourced) and B (the planner's date, an
    assumption) both run 10 days from 2030-01-01: the phase finishes 01-10 with both, and pushes X
    to 01-11. X waits on B's date as much as on A's: an assumption, whichever comes first."""
    for b_first in (False, True):
        project = Project("Phase pushes", D(2030, 1, 1))
        project.add_task(Task("Phase", "Phase", 0, TaskKind.PHASE, id="ph", position=0, source_url=URL))
        kids = [("A", dict(source_url=URL)), ("B", dict(confidence=Confidence.ASSUMPTION))]
        for place, (key, fields) in enumerate(kids[::-1] if b_first else kids):
            project.add_task(Task(key, key, 10, id=key, parent_id="ph", position=place, **fields))
        project.add_task(Task("X", "X", 5, id="X", position=1, source_url=URL, constraint=ConstraintType.SNET,
                              constraint_date=D(2030, 1, 5)))
        project.add_link(Link("ph", "X", id="ph-X"))
        result = schedule(project)
        assert result.tasks["X"].early_start == D(2030, 1, 11)
        shown = ShownConfidence(project, result)
        assert (shown.of("X"), shown._pusher("X")) == ("assumption", "B"), b_first
