"""Property tests of the scheduler on random acyclic plans, with and without summary tasks.

Plans are drawn so that they cannot loop: leaves are numbered, a summary covers a run of
consecutive leaves, and a link only runs from an item that ends (in numbering) before the other
begins. The reference below reads the rules literally, link by link and sub-task by sub-task,
with no topological order and no gate nodes: a plain fixed-point relaxation.
"""

from __future__ import annotations

import random
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ilrs_planner.engine.cpm import schedule, schedule_with

START = date(2030, 1, 1)
FROM_FINISH = {"FS": True, "FF": True, "SS": False, "SF": False}
FIXTURE_OK = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]  # make_project is a pure function
TO_FINISH = {"FF": True, "SF": True, "FS": False, "SS": False}


@st.composite
def plans(draw, summaries: bool = True):
    """A spec: leaves L0..Ln-1, maybe summaries S<a>_<b> over runs of leaves, random links."""
    n = draw(st.integers(1, 9))
    tasks = [{"key": f"L{i}", "duration": draw(st.integers(0, 9))} for i in range(n)]
    spans = {f"L{i}": (i, i) for i in range(n)}
    if summaries and n >= 2:
        for _ in range(draw(st.integers(0, 3))):
            a = draw(st.integers(0, n - 1))
            b = draw(st.integers(a, n - 1))
            _add_summary(tasks, spans, a, b)
    items = list(spans)
    links = []
    for _ in range(draw(st.integers(0, 2 * n))):
        u, v = draw(st.sampled_from(items)), draw(st.sampled_from(items))
        if spans[u][1] < spans[v][0]:
            links.append({"from": u, "to": v, "type": draw(st.sampled_from(["FS", "SS", "FF", "SF"])),
                          "lag": draw(st.integers(-4, 6))})
    return {"start": START, "tasks": tasks, "links": links, "spans": spans}


def _add_summary(tasks: list[dict], spans: dict, a: int, b: int) -> None:
    """A summary over leaves a..b, nested inside an existing one when it fits, else skipped."""
    key = f"S{a}_{b}"
    if key in spans:
        return
    parents = {t["key"]: t.get("parent") for t in tasks}
    outer = [k for k, (x, y) in spans.items() if k.startswith("S") and x <= a and b <= y]
    crossing = [k for k, (x, y) in spans.items() if k.startswith("S") and not (y < a or b < x or (x <= a and b <= y)
                                                                                 or (a <= x and y <= b))]
    if crossing:
        return
    parent = min(outer, key=lambda k: spans[k][1] - spans[k][0], default=None)
    for t in tasks:
        k = t["key"]
        if parents[k] == parent and a <= spans[k][0] and spans[k][1] <= b:
            t["parent"] = key
    tasks.append({"key": key, "parent": parent})
    spans[key] = (a, b)


def _leaves_of(spec: dict) -> dict[str, list[str]]:
    """Every item (leaf or summary) -> the leaves it covers."""
    return {k: [f"L{i}" for i in range(a, b + 1)] for k, (a, b) in spec["spans"].items()}


def _groups(spec: dict):
    """Each link expanded to the (pred leaves, succ leaf) it binds, as in the rules.

    A link into a summary binds every leaf under it, and so does an FS/FF link out of one (each
    pred leaf alone). An SS/SF link out of a summary leaves from the summary's start: the least
    start among its leaves, so those leaves come as one group whose earliest start counts.
    """
    cover = _leaves_of(spec)
    for link in spec["links"]:
        pf = FROM_FINISH[link["type"]]
        groups = [[p] for p in cover[link["from"]]] if pf else [cover[link["from"]]]
        for group in groups:
            for s in cover[link["to"]]:
                yield group, pf, s, TO_FINISH[link["type"]], link["lag"]


def _rules(spec: dict, es: dict[str, int]):
    """(pred leaf, succ leaf) pairs that bind, given the leaves' early starts: in a group, the
    leaves that give its earliest start."""
    for group, pf, s, sf, lag in _groups(spec):
        first = min(es[p] for p in group)
        for p in group:
            if es[p] == first:
                yield p, pf, s, sf, lag


def _reference(spec: dict) -> tuple[dict, dict, int]:
    """Early and late starts (day numbers from the plan start) by plain relaxation, and the finish."""
    dur = {t["key"]: t["duration"] for t in spec["tasks"] if t["key"].startswith("L")}
    groups = list(_groups(spec))
    es = dict.fromkeys(dur, 0)
    for _ in range(len(dur) + 1):
        for group, pf, s, sf, lag in groups:
            source = min(es[p] + (dur[p] if pf else 0) for p in group)
            es[s] = max(es[s], source + lag - (dur[s] if sf else 0))
    finish = max(es[k] + dur[k] for k in dur)
    ls = {k: finish - dur[k] for k in dur}
    rules = list(_rules(spec, es))
    for _ in range(len(dur) + 1):
        for p, pf, s, sf, lag in rules:
            ls[p] = min(ls[p], ls[s] + (dur[s] if sf else 0) - lag - (dur[p] if pf else 0))
    return es, ls, finish


def _leaf_starts(result) -> dict[str, int]:
    return {k: _days(d.early_start) for k, d in result.tasks.items() if k.startswith("L")}


def _days(d: date) -> int:
    return (d - START).days


@settings(max_examples=150, deadline=None, suppress_health_check=FIXTURE_OK)
@given(spec=plans(), vectorised=st.booleans())
def test_matches_a_literal_reading_of_the_rules(spec, vectorised, make_project):
    result = schedule_with(make_project(spec), vectorised)
    es, ls, finish = _reference(spec)
    assert _days(result.project_finish) == finish
    for key, cover in _leaves_of(spec).items():
        got = result.tasks[key]
        assert _days(got.early_start) == min(es[k] for k in cover)
        assert _days(got.early_finish) == max(es[k] + _dur(spec, k) for k in cover)
        assert got.total_float == min(ls[k] - es[k] for k in cover)


def _dur(spec: dict, key: str) -> int:
    return next(t["duration"] for t in spec["tasks"] if t["key"] == key)


@settings(max_examples=150, deadline=None, suppress_health_check=FIXTURE_OK)
@given(spec=plans())
def test_every_link_is_satisfied_by_the_early_dates(spec, make_project):
    result = schedule(make_project(spec))
    for p, pf, s, sf, lag in _rules(spec, _leaf_starts(result)):
        pd, sd = result.tasks[p], result.tasks[s]
        source = pd.early_finish if pf else pd.early_start
        bound = sd.early_finish if sf else sd.early_start
        assert (bound - source).days >= lag


@settings(max_examples=150, deadline=None, suppress_health_check=FIXTURE_OK)
@given(spec=plans())
def test_no_negative_float_without_dates_to_meet(spec, make_project):
    result = schedule(make_project(spec))
    assert all(d.total_float >= 0 and d.free_float >= 0 for d in result.tasks.values())
    assert all(d.late_start >= d.early_start and d.late_finish <= result.project_finish
               for d in result.tasks.values())


@settings(max_examples=150, deadline=None, suppress_health_check=FIXTURE_OK)
@given(spec=plans())
def test_a_critical_chain_runs_from_start_to_finish(spec, make_project):
    result = schedule(make_project(spec))
    leaves = [k for k in result.tasks if k.startswith("L")]
    tight: dict[str, list[str]] = {}
    for p, pf, s, sf, lag in _rules(spec, _leaf_starts(result)):
        pd, sd = result.tasks[p], result.tasks[s]
        source = pd.early_finish if pf else pd.early_start
        bound = sd.early_finish if sf else sd.early_start
        if (bound - source).days == lag and pd.critical and sd.critical:
            tight.setdefault(s, []).append(p)
    frontier = [k for k in leaves if result.tasks[k].early_finish == result.project_finish]
    assert frontier and all(result.tasks[k].critical for k in frontier)
    seen = set()
    while frontier:
        key = frontier.pop()
        if result.tasks[key].early_start == result.project_start:
            return
        seen.add(key)
        frontier.extend(p for p in tight.get(key, []) if p not in seen)
    raise AssertionError("no chain of driving links from a task at the project start")


@settings(max_examples=60, deadline=None, suppress_health_check=FIXTURE_OK)
@given(spec=plans(), rnd=st.randoms(use_true_random=False))
def test_the_schedule_does_not_depend_on_input_order_or_passes(spec, rnd: random.Random, make_project):
    first = schedule_with(make_project(spec), True)
    shuffled = dict(spec, tasks=rnd.sample(spec["tasks"], len(spec["tasks"])),
                    links=rnd.sample(spec["links"], len(spec["links"])))
    again = schedule_with(make_project(shuffled), False)  # and the other passes
    assert dict(first.tasks) == dict(again.tasks)
    assert (first.project_start, first.project_finish) == (again.project_start, again.project_finish)


@settings(max_examples=150, deadline=None, suppress_health_check=FIXTURE_OK)
@given(spec=plans(), deadlines=st.lists(st.tuples(st.integers(0, 8), st.integers(-3, 30)), max_size=3),
       vectorised=st.booleans(), must_finish_by=st.none() | st.integers(-3, 60))
def test_free_float_never_exceeds_total_float(spec, deadlines, vectorised, must_finish_by, make_project):
    """MS Project and P6 never show more free than total float, deadlines or a Must finish by missed or not."""
    for index, offset in deadlines:
        task = spec["tasks"][index % len(spec["tasks"])]
        task["deadline"] = date.fromordinal(START.toordinal() + offset)
    plan = make_project(spec)
    if must_finish_by is not None:
        plan.must_finish_by = date.fromordinal(START.toordinal() + must_finish_by)
    result = schedule_with(plan, vectorised)
    assert all(d.free_float <= d.total_float for d in result.tasks.values())


@settings(max_examples=100, deadline=None, suppress_health_check=FIXTURE_OK)
@given(spec=plans(), offset=st.integers(-20, 40), vectorised=st.booleans())
def test_a_must_finish_by_moves_every_open_float_by_its_distance_from_the_finish(spec, offset, vectorised,
                                                                                 make_project):
    """On calendar days, with nothing else bounding late dates, every unfinished task's total float
    is its float without the Must finish by plus the days from the plan's last day to it (P6)."""
    plan = make_project(spec)
    before = schedule_with(plan, vectorised)
    last_day = before.project_finish.toordinal() - 1
    plan.must_finish_by = date.fromordinal(last_day + offset)
    after = schedule_with(plan, vectorised)
    assert after.project_finish == before.project_finish
    for task_id, was in before.tasks.items():
        now = after.tasks[task_id]
        assert (now.early_start, now.early_finish) == (was.early_start, was.early_finish)
        assert now.total_float == was.total_float + offset
