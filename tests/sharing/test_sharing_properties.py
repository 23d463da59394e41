"""Properties over random plans: redaction keeps dates, merge keeps every one-sided change."""

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ilrs_planner.domain import Calendar, Classification, ConstraintType, Link, LinkType, PlannerError, Project, Task
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.sharing.clone import clone_project
from ilrs_planner.sharing.merge import merge_projects
from ilrs_planner.sharing.redact import redact_project

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                           HealthCheck.function_scoped_fixture])
LEVELS = list(Classification)


CONSTRAINTS = [ConstraintType.SNET, ConstraintType.FNET, ConstraintType.MSO, ConstraintType.FNLT]


@st.composite
def random_plans(draw, summaries: bool = False) -> Project:
    """A DAG of up to 12 tasks (links only go forward), random types, lags, constraints, actuals and levels;
    with `summaries`, some tasks are grouped under summaries that links may also touch."""
    n = draw(st.integers(2, 12))
    plan = Project(name="Random", start=date(2030, 1, 1))
    for i in range(n):
        task = Task(f"K{i}", f"Task {i}", draw(st.integers(0, 40)), id=f"t{i}", position=i,
                    classification=draw(st.sampled_from(LEVELS)))
        if draw(st.integers(0, 3)) == 0:
            task.constraint = draw(st.sampled_from(CONSTRAINTS))
            task.constraint_date = date(2030, 1, 1 + draw(st.integers(0, 27)))
        if draw(st.integers(0, 5)) == 0:
            task.actual_start = date(2030, 1, 1 + draw(st.integers(0, 10)))
        plan.add_task(task)
    if summaries:
        for i in range(1, n):
            parent = draw(st.integers(-1, i - 1))
            if parent >= 0 and draw(st.booleans()):
                plan.tasks[f"t{i}"].parent_id = f"t{parent}"
    pairs = draw(st.sets(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)).filter(lambda p: p[0] < p[1]),
                         max_size=2 * n))
    for pred, succ in sorted(pairs):
        plan.add_link(Link(f"t{pred}", f"t{succ}", draw(st.sampled_from(list(LinkType))),
                           draw(st.integers(-5, 10)), id=f"l{pred}-{succ}"))
    return plan


@SETTINGS
@given(random_plans(summaries=True), st.sampled_from([Classification.PUBLIC, Classification.PARTNERS]))
def test_redaction_keeps_every_remaining_task_on_its_dates(plan, level):
    try:
        before = schedule(plan).tasks
    except PlannerError:
        return  # a plan the scheduler refuses (a loop through a summary) is not one a partner copy is made of
    redacted = redact_project(plan, level)
    after = schedule(redacted).tasks
    assert all(t.classification.rank <= level.rank for t in redacted.tasks.values())
    summaries = redacted.summary_ids()  # a summary spans only what it still contains (documented)
    for tid in set(redacted.tasks) - summaries:
        assert (after[tid].early_start, after[tid].early_finish) == (before[tid].early_start, before[tid].early_finish)


EDITS = st.lists(st.tuples(st.integers(0, 11), st.sampled_from(["duration", "name", "notes"]), st.integers(1, 3)),
                 max_size=8)


def _apply(plan: Project, edits) -> dict[tuple[str, str], object]:
    done = {}
    for index, field, value in edits:
        task = plan.tasks.get(f"t{index}")
        if task is None:
            continue
        new = task.duration + value if field == "duration" else f"{getattr(task, field)}+{value}"
        setattr(task, field, new)
        done[(task.id, field)] = new
    return done


@SETTINGS
@given(random_plans(), EDITS, EDITS)
def test_merge_keeps_every_one_sided_change_and_reports_every_clash(plan, our_edits, their_edits):
    ours, theirs = clone_project(plan), clone_project(plan)
    mine, yours = _apply(ours, our_edits), _apply(theirs, their_edits)
    result = merge_projects(plan, ours, theirs)
    clashes = {k for k in mine.keys() & yours.keys() if mine[k] != yours[k]}
    assert {(c.id, c.field) for c in result.conflicts} == clashes
    for (task_id, field), value in {**yours, **mine}.items():  # ours wins a clash
        assert getattr(result.project.tasks[task_id], field) == value
    chosen = merge_projects(plan, ours, theirs, choices={c.key: "theirs" for c in result.conflicts})
    for (task_id, field), value in {**mine, **yours}.items():
        assert getattr(chosen.project.tasks[task_id], field) == value


TWO_CALENDARS = [None, "week", "every-day"]  # None: the plan's default, itself one of the three


@st.composite
def two_calendar_plans(draw) -> Project:
    """Up to 10 leaf tasks and milestones on a 5-day week and a 7-day calendar (some elapsed), random
    links of every type and lag, constraints and levels; in half of them a kept task ends the plan."""
    plan = Project(name="Calendars", start=date(2030, 1, 1))
    plan.add_calendar(Calendar("Standard", (True,) * 5 + (False,) * 2, id="week"))
    plan.add_calendar(Calendar("Every day", (True,) * 7, id="every-day"))
    plan.default_calendar_id = draw(st.sampled_from(TWO_CALENDARS))
    n = draw(st.integers(2, 10))
    for i in range(n):
        task = Task(f"K{i}", f"Task {i}", draw(st.integers(0, 15)), id=f"t{i}", position=i,
                    classification=draw(st.sampled_from(LEVELS)), calendar_id=draw(st.sampled_from(TWO_CALENDARS)),
                    elapsed=draw(st.integers(0, 7)) == 0)
        if draw(st.integers(0, 4)) == 0:
            task.constraint = draw(st.sampled_from(CONSTRAINTS))
            task.constraint_date = date(2030, 1, 1 + draw(st.integers(0, 27)))
        plan.add_task(task)
    pairs = draw(st.sets(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)).filter(lambda p: p[0] < p[1]),
                         max_size=2 * n))
    for pred, succ in sorted(pairs):
        plan.add_link(Link(f"t{pred}", f"t{succ}", draw(st.sampled_from(list(LinkType))),
                           draw(st.integers(-3, 6)), id=f"l{pred}-{succ}"))
    if draw(st.booleans()):  # a kept task ends the plan
        plan.add_task(Task("END", "Last", 120, id="end", position=n))
    if draw(st.integers(0, 3)) == 0:  # a Must finish by of its own, before or after the plan's finish
        plan.must_finish_by = date(2030, 1, 1) + timedelta(days=draw(st.integers(0, 200)))
    return plan


@SETTINGS
@given(two_calendar_plans(), st.sampled_from([Classification.PUBLIC, Classification.PARTNERS]))
def test_redaction_keeps_dates_and_floats_across_calendars(plan, level):
    full = schedule(plan)
    redacted = redact_project(plan, level)
    copy = schedule(redacted)
    # Withheld work that ends the plan after every kept task gives the copy a Must finish by, so the
    # floats that run to the plan's end run to the same day in the copy (README, partner copies).
    for tid, after in copy.tasks.items():
        before = full.tasks[tid]
        assert (after.early_start, after.early_finish, after.early_at_day_end) == \
            (before.early_start, before.early_finish, before.early_at_day_end)
        assert after.total_float == before.total_float
        assert after.free_float >= before.free_float  # more only where no link can say what follows at once
    if plan.must_finish_by is not None:
        assert redacted.must_finish_by == plan.must_finish_by  # the plan's own goes with the copy
