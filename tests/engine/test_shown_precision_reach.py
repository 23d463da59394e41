"""The shown precision of every task, found column-wise, is the one a walk of each task's driving chain
finds: a random plan (an outline, links of every type with lags and leads, year/quarter/month/day dates,
work done, manual tasks, a Monday-to-Friday calendar) gives each task the same precision both ways.

The reference below is the plain reading of the rule: the tasks a coarse date can reach found one link
at a time, and each task's chain walked step by step."""

from __future__ import annotations

from datetime import date

from hypothesis import example, given, settings
from hypothesis import strategies as st

from ilrs_planner.domain import Calendar, CalendarException, Link, LinkType, Precision, Project, Task
from ilrs_planner.domain.errors import PlannerError
from ilrs_planner.engine.chain_drivers import UNDECIDED, all_drivers
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.engine.driver_walk import SummaryEnd
from ilrs_planner.engine.driving_chain import ChainIndex, _binds, ancestors
from ilrs_planner.engine.shown_precision import EarlyDates, ShownPrecision, coarser
from ilrs_planner.engine.shown_precision_columns import ScheduleColumns

START = date(2030, 1, 1)
PRECISIONS = [Precision.DAY, Precision.MONTH, Precision.QUARTER, Precision.YEAR]
TYPES = [LinkType.FS, LinkType.SS, LinkType.FF, LinkType.SF]


def _reference_reach(project: Project) -> set[str]:
    """Tasks a coarse task can drive: through links (into a summary: all under it), and up to summaries."""
    children = project.children_map()
    successors: dict[str, list[str]] = {}
    for link in project.links.values():
        successors.setdefault(link.pred_id, []).append(link.succ_id)
    todo = [tid for tid, task in project.tasks.items() if task.precision is not Precision.DAY]
    reached = set(todo)
    while todo:
        tid = todo.pop()
        stack, driven = list(successors.get(tid, [])), []
        while stack:
            other = stack.pop()
            driven.append(other)
            stack.extend(children.get(other, []))
        parent = project.tasks[tid].parent_id
        for other in driven + ([parent] if parent is not None else []):
            if other not in reached:
                reached.add(other)
                todo.append(other)
    return reached


def _reference_of(project: Project, sched, reach: set[str]) -> dict[str, Precision]:
    """Each task's shown precision, the plain reading of the rule: the coarser of its own and that of
    each task driving it (a summary: every sub-task finishing with it; a task: the predecessor of every
    binding link whose predecessor finishes last, however many, a summary predecessor's every sub-task
    finishing with it), walked back recursively."""
    dates, index, known = EarlyDates(sched), ChainIndex(project), {}

    def finishing_with(summary: str) -> list[str]:
        last = index.latest_end(dates, summary, True)
        under, found = list(index.children[summary]), []
        while under:
            tid = under.pop()
            if tid in index.children:
                under.extend(index.children[tid])
            elif tid in dates and dates[tid][1].toordinal() == last:
                found.append(tid)
        return found

    def drivers(tid: str) -> list[str]:
        task = project.tasks[tid]
        if tid not in dates or task.actual_start or task.actual_finish:
            return []
        if tid in index.children:
            return finishing_with(tid)
        if task.manual:
            return []
        start, finish = dates[tid]
        links = [ln for up in [tid, *ancestors(project, tid)] for ln in project.links.values() if ln.succ_id == up]
        binding = [ln for ln in links if _binds(index, dates, ln, task, start, finish)]
        latest = max((dates[ln.pred_id][1] for ln in binding), default=None)
        return [leaf for ln in binding if dates[ln.pred_id][1] == latest
                for leaf in (finishing_with(ln.pred_id) if ln.pred_id in index.children else [ln.pred_id])]

    def of(tid: str, on_way: frozenset[str] = frozenset()) -> Precision:
        if tid in known:
            return known[tid]
        if tid not in reach:
            return project.tasks[tid].precision
        shown = project.tasks[tid].precision
        for driver in drivers(tid):
            if driver not in on_way | {tid}:
                shown = coarser(shown, of(driver, on_way | {tid}))
        known[tid] = shown
        return shown

    order = sorted(project.tasks.values(), key=lambda t: t.position)
    return {task.id: of(task.id) for task in order}


@st.composite
def plans(draw) -> Project:
    """Up to 14 tasks, some the summaries of others, random links between tasks neither inside the other."""
    n = draw(st.integers(1, 14))
    plan = Project(name="P", start=START)
    holidays = [CalendarException("Break", date(2030, 1, 20), date(2030, 1, 31))] if draw(st.booleans()) else []
    plan.add_calendar(Calendar("Weekdays", (True,) * 5 + (False,) * 2, holidays, id="wk"))
    for i in range(n):
        parent = draw(st.one_of(st.none(), st.integers(0, i - 1))) if i else None
        done = draw(st.integers(0, 9)) == 0
        duration = draw(st.one_of(st.integers(0, 30), st.sampled_from([5, 10])))  # often equal: ties
        plan.add_task(Task(f"T{i}", f"Task {i}", duration, id=f"t{i}", position=i,
                           parent_id=f"t{parent}" if parent is not None else None,
                           precision=draw(st.sampled_from(PRECISIONS + [Precision.DAY] * 4)),
                           manual=draw(st.integers(0, 9)) == 0,
                           calendar_id="wk" if draw(st.booleans()) else None,
                           actual_start=START if done else None, elapsed=draw(st.integers(0, 7)) == 0))
    for k in range(draw(st.integers(0, 2 * n)) if n > 1 else 0):
        a, b = sorted(draw(st.lists(st.integers(0, n - 1), min_size=2, max_size=2, unique=True)))
        if _related(plan, f"t{a}", f"t{b}"):
            continue
        lag = draw(st.sampled_from([0, 0, 0, 2, 5, -3]))
        plan.add_link(Link(f"t{a}", f"t{b}", draw(st.sampled_from(TYPES)), lag, id=f"l{k}-{a}-{b}",
                           elapsed=lag != 0 and draw(st.integers(0, 4)) == 0))
    return plan


def _related(plan: Project, a: str, b: str) -> bool:
    """Is one of the two inside the other (or are they linked already)?"""
    def chain(tid):
        out = []
        while tid is not None:
            out.append(tid)
            tid = plan.tasks[tid].parent_id
        return out
    return a in chain(b) or b in chain(a) or any(ln.pred_id == a and ln.succ_id == b for ln in plan.links.values())


def _same_both_ways(plan: Project) -> None:
    try:
        sched = schedule(plan)
    except PlannerError:
        return  # a plan the scheduler refuses has no dates to show
    reach = _reference_reach(plan)
    shown = ShownPrecision(plan, sched)
    assert shown.reach == reach
    expected = _reference_of(plan, sched, reach)
    order = sorted(plan.tasks.values(), key=lambda t: t.position)
    assert {task.id: shown.of(task.id) for task in order} == expected
    every = ShownPrecision(plan, sched).every()  # asked for every task at once, as the chart asks
    assert {task.id: every.get(task.id, task.precision) for task in order} == expected
    at_once = ShownPrecision(plan, sched, at_once=True)  # the one the table, chart and status bar share
    assert {task.id: at_once.of(task.id) for task in order} == expected
    starts = ShownPrecision(plan, sched, at_once=True)  # a summary's start asked first, as a table may
    assert {t.id: starts.start_of(t.id) for t in order} == {t.id: shown.start_of(t.id) for t in order}
    _columns_as_the_plan(plan, sched)


def _columns_as_the_plan(plan: Project, sched) -> None:
    """The schedule's columns give each summary the ends, and each task the driver, the plan gives."""
    assert ScheduleColumns.usable(sched)  # the scheduler's own: the walk reads its columns
    dates = dict(EarlyDates(sched))
    columns, index = ScheduleColumns(plan, sched), ChainIndex(plan)
    assert {sid: columns.chain_index(dates)._ends[sid] for sid in index.children} == \
        {sid: index._summary_ends(dates, sid) for sid in index.children}
    # Every task's driver, found for the whole plan at once, is the one its chain steps back to (a
    # summary's end, the walk's one step for every sub-task finishing with a summary, is read in the
    # arrays through the summary's latest-finishing sub-task, and the summary).
    drivers, walk = all_drivers(columns), ShownPrecision(plan, sched)
    found = {tid: ([columns.ids[d]] if d >= 0 else []) for tid, d in zip(columns.ids, drivers.first.tolist())
             if d != UNDECIDED}
    for row, other in zip(drivers.tied_rows.tolist(), drivers.tied_drivers.tolist()):
        found[columns.ids[row]].append(columns.ids[other])
    for row, summary in zip(drivers.via_rows.tolist(), drivers.via_summaries.tolist()):
        found[columns.ids[row]].append(f"end {columns.ids[summary]}")
    for tid in found:
        if tid in index.children and found[tid]:
            found[tid].append(f"end {tid}")

    def walked(tid: str) -> list[str]:
        return [name for d in walk._drivers(tid) for name in (
            [index.latest_leaf(dates, d.summary), f"end {d.summary}"] if isinstance(d, SummaryEnd) else [d])]

    assert {tid: sorted(set(ds)) for tid, ds in found.items()} == {tid: sorted(set(walked(tid))) for tid in found}
    assert {tid: ds[:1] for tid, ds in found.items()} == {tid: walked(tid)[:1] for tid in found}


def _chain_plan(year_first: bool, into_summary: bool) -> Project:
    # t0 (2030, maybe known to the year) -> t1 under summary t2 (the link goes into t2 or t1) -> t3 after t2.
    plan = Project(name="P", start=START)
    plan.add_task(Task("T0", "First", 10, id="t0", position=0,
                       precision=Precision.YEAR if year_first else Precision.DAY))
    plan.add_task(Task("T2", "Phase", 0, id="t2", position=1))
    plan.add_task(Task("T1", "Inside", 5, id="t1", position=2, parent_id="t2"))
    plan.add_task(Task("T3", "After", 5, id="t3", position=3, precision=Precision.MONTH))
    plan.add_link(Link("t0", "t2" if into_summary else "t1", LinkType.FS, id="a"))
    plan.add_link(Link("t2", "t3", LinkType.FS, id="b"))
    return plan


@given(plans())
@settings(max_examples=60, deadline=None)
@example(_chain_plan(True, True))
@example(_chain_plan(True, False))
@example(_chain_plan(False, True))
def test_each_task_is_shown_as_its_driving_chain_reads(plan):
    _same_both_ways(plan)


def test_a_link_into_a_phase_carries_the_year_to_every_task_under_it():
    plan = _chain_plan(True, True)
    shown = ShownPrecision(plan, schedule(plan))
    # t0 is known to the year; t1 starts when t0 ends, so t1, its phase t2 and t3 after it are too.
    assert [shown.of(t) for t in ("t1", "t2", "t3")] == [Precision.YEAR] * 3


def test_a_lead_of_decades_is_left_to_the_chain_and_read_the_same():
    # B may start 3,000 working days (about 11.5 years of weekdays) before A finishes: that day lies
    # past the working days laid out around the plan's dates, so B's driver is left to B's chain. The
    # lead does not hold B (B cannot start before the plan); B waits on the review, known to the year.
    plan = Project(name="P", start=START)
    plan.add_calendar(Calendar("Weekdays", (True,) * 5 + (False,) * 2, id="wk"))
    plan.default_calendar_id = "wk"
    plan.add_task(Task("A", "Early work", 10, id="a", position=0))
    plan.add_task(Task("R", "Review", 20, id="r", position=1, precision=Precision.YEAR))
    plan.add_task(Task("B", "Led", 5, id="b", position=2))
    plan.add_link(Link("a", "b", LinkType.FS, -3000, id="ab"))
    plan.add_link(Link("r", "b", LinkType.FS, id="rb"))
    sched = schedule(plan)
    columns = ScheduleColumns(plan, sched)
    assert all_drivers(columns).first[columns.rows["b"]] == UNDECIDED
    assert ShownPrecision(plan, sched).every() == {"b": Precision.YEAR}


@given(plans())
@settings(max_examples=30, deadline=None)
def test_a_plan_laid_out_in_runs_or_past_its_rounds_of_ties_is_read_the_same(plan):
    # The pairs laid out a few links at a time (CHUNK_PAIRS: a deep outline linked at its top), and a
    # plan whose ties chain past MOST_ROUNDS (a grid of equal tasks), walked task by task: the same answer.
    import ilrs_planner.engine.chain_drivers as chain_drivers
    import ilrs_planner.engine.chain_ranks as chain_ranks

    try:
        sched = schedule(plan)
    except PlannerError:
        return
    expected = ShownPrecision(plan, sched).every()
    for module, name, value in ((chain_drivers, "CHUNK_PAIRS", 2), (chain_ranks, "MOST_ROUNDS", 0)):
        kept = getattr(module, name)
        setattr(module, name, value)
        try:
            assert ShownPrecision(plan, sched).every() == expected
        finally:
            setattr(module, name, kept)
