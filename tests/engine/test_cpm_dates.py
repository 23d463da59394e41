"""Property test of constraints, deadlines and actual dates against a literal reading of the rules.

Random acyclic plans (leaves in a row, summaries over runs of them, links only forward) get random
SNET/FNET/SNLT/FNLT/MSO/MFO constraints, deadlines and actual dates. The reference applies the rules
link by link and sub-task by sub-task with a plain fixed-point relaxation: no order, no gates.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ilrs_planner.engine.cpm import schedule_with

START = date(2030, 1, 1)
FROM_FINISH = {"FS": True, "FF": True, "SS": False, "SF": False}
TO_FINISH = {"FF": True, "SF": True, "FS": False, "SS": False}
KINDS = ["ASAP", "SNET", "FNET", "SNLT", "FNLT", "MSO", "MFO"]


def _day(n: int) -> date:
    return START + timedelta(days=n)


@st.composite
def dated_plans(draw):
    """Leaves L0.., summaries S<a>_<b> over disjoint runs of leaves, forward links, dates on anything."""
    n = draw(st.integers(1, 8))
    tasks = [{"key": f"L{i}", "duration": draw(st.integers(0, 8))} for i in range(n)]
    spans = {f"L{i}": (i, i) for i in range(n)}
    a = 0
    while a < n - 1 and draw(st.booleans()):
        b = draw(st.integers(a + 1, n - 1))
        for t in tasks[a:b + 1]:
            t["parent"] = f"S{a}_{b}"
        tasks.append({"key": f"S{a}_{b}"})
        spans[f"S{a}_{b}"] = (a, b)
        a = b + 1
    for task in tasks:
        _draw_dates(draw, task)
    links = []
    for _ in range(draw(st.integers(0, 2 * n))):
        u, v = draw(st.sampled_from(list(spans))), draw(st.sampled_from(list(spans)))
        if spans[u][1] < spans[v][0]:
            links.append({"from": u, "to": v, "type": draw(st.sampled_from(list(FROM_FINISH))),
                          "lag": draw(st.integers(-3, 5))})
    return {"start": START, "tasks": tasks, "links": links, "spans": spans}


def _draw_dates(draw, task: dict) -> None:
    kind = draw(st.sampled_from(KINDS))
    if kind != "ASAP":
        task["constraint"], task["constraint_date"] = kind, _day(draw(st.integers(-4, 30)))
    if draw(st.integers(0, 3)) == 0:
        task["deadline"] = _day(draw(st.integers(0, 30)))
    if task["key"].startswith("L") and draw(st.integers(0, 4)) == 0:
        start = draw(st.integers(-6, 20))
        shape = draw(st.sampled_from(["start", "finish", "both"]))
        if shape != "finish":
            task["actual_start"] = _day(start)
        if shape != "start":
            task["actual_finish"] = _day(start + draw(st.integers(0, 6)))


def _ordinal(value) -> int | None:
    return None if value is None else (value - START).days


def _cap(value) -> int:
    return 10**6 if value is None else _ordinal(value)


def _deadline_cap(deadline, spans_days: bool) -> int:
    """A deadline is the last day allowed: finished by its end. A milestone at the start of a day is
    its own day, one at the end of a day (`spans_days` too) may stand at the deadline's day end."""
    return _cap(deadline) + (1 if deadline is not None and spans_days else 0)


def _leaf_rules(spec: dict, day_ends: set[str]):
    """Per leaf: duration, earliest start, fixed start, latest start/finish, history, finished.

    `day_ends`: the milestones standing at the end of a day (which moment a milestone takes is
    tested in test_milestone_day_ends; here it only decides which deadline cap applies)."""
    tasks = {t["key"]: t for t in spec["tasks"]}
    rules = {}
    for key, t in tasks.items():
        if not key.startswith("L"):
            continue
        kind, day = t.get("constraint", "ASAP"), _ordinal(t.get("constraint_date"))
        dur = t["duration"]
        a_s, a_f = _ordinal(t.get("actual_start")), _ordinal(t.get("actual_finish"))
        if a_s is not None and a_f is not None:
            dur = a_f - a_s
        r = {"dur": dur, "base": 0, "fixed": None, "scap": 10**6, "fcap": 10**6}
        r["base"] = max(0, day if kind == "SNET" else day - dur if kind == "FNET" else 0)
        r["fixed"] = day if kind == "MSO" else day - dur if kind == "MFO" else None
        r["scap"] = day if kind in ("SNLT", "MSO") else r["scap"]
        deadline_cap = _deadline_cap(t.get("deadline"), dur > 0 or key in day_ends)
        r["fcap"] = min(day if kind in ("FNLT", "MFO") else 10**6, deadline_cap)
        if a_s is not None or a_f is not None:
            r["fixed"] = a_s if a_s is not None else a_f - dur
        r["history"] = a_s is not None or a_f is not None
        r["finished"] = a_f is not None or (r["history"] and dur == 0)
        parent = tasks.get(t.get("parent"))
        if parent:  # a summary's SNET/MSO holds back its sub-tasks; FNLT/MFO/deadline caps them
            pkind, pday = parent.get("constraint", "ASAP"), _ordinal(parent.get("constraint_date"))
            r["base"] = max(r["base"], pday) if pkind in ("SNET", "MSO") else r["base"]
            r["fcap"] = min(r["fcap"], pday) if pkind in ("FNLT", "MFO") else r["fcap"]
            r["fcap"] = min(r["fcap"], _deadline_cap(parent.get("deadline"), True))
        rules[key] = r
    return rules


def _reference(spec: dict, day_ends: set[str]) -> dict[str, tuple[int, int, int]]:
    """(ES, EF, total float) per task, by relaxation over every (pred leaf, succ leaf) pair."""
    leaf = _leaf_rules(spec, day_ends)
    cover = {k: [f"L{i}" for i in range(a, b + 1)] for k, (a, b) in spec["spans"].items()}
    # An SS/SF link out of a summary leaves from its earliest leaf's start: its leaves form one group.
    groups = [(group, FROM_FINISH[ln["type"]], s, TO_FINISH[ln["type"]], ln["lag"]) for ln in spec["links"]
              for group in ([[p] for p in cover[ln["from"]]] if FROM_FINISH[ln["type"]] else [cover[ln["from"]]])
              for s in cover[ln["to"]]]
    es = {k: r["fixed"] if r["fixed"] is not None else r["base"] for k, r in leaf.items()}
    for _ in range(len(leaf) + 1):
        for group, pf, s, sf, lag in groups:
            if leaf[s]["fixed"] is None:
                source = min(es[p] + (leaf[p]["dur"] if pf else 0) for p in group)
                es[s] = max(es[s], source + lag - (leaf[s]["dur"] if sf else 0))
    finish = max(es[k] + r["dur"] for k, r in leaf.items())
    ls = {k: min(min(finish, r["fcap"]) - r["dur"], r["scap"]) for k, r in leaf.items()}
    pairs = [(p, pf, s, sf, lag) for group, pf, s, sf, lag in groups for p in group
             if es[p] == min(es[q] for q in group)]  # only the leaves giving the summary's start bind
    for _ in range(len(leaf) + 1):
        for p, pf, s, sf, lag in pairs:
            if not leaf[s]["history"]:
                ls[p] = min(ls[p], ls[s] + (leaf[s]["dur"] if sf else 0) - lag - (leaf[p]["dur"] if pf else 0))
    result = {k: (es[k], es[k] + r["dur"], 0 if r["finished"] else ls[k] - es[k]) for k, r in leaf.items()}
    tasks = {t["key"]: t for t in spec["tasks"]}
    for key, under in cover.items():
        if key.startswith("S"):
            start, end = min(es[k] for k in under), max(es[k] + leaf[k]["dur"] for k in under)
            floats = [result[k][2] for k in under if not leaf[k]["finished"]]
            tf = min(floats) if floats else 0
            if floats and tasks[key].get("constraint") in ("SNLT", "MSO"):  # all done: float 0
                tf = min(tf, _ordinal(tasks[key]["constraint_date"]) - start)
            result[key] = (start, end, tf)
    return result


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(spec=dated_plans(), vectorised=st.booleans())
def test_constraints_deadlines_and_actuals_follow_the_rules(spec, vectorised, make_project):
    result = schedule_with(make_project(spec), vectorised)
    expected = _reference(spec, {k for k, d in result.tasks.items() if d.early_at_day_end})
    got = {k: (_ordinal(d.early_start), _ordinal(d.early_finish), d.total_float) for k, d in result.tasks.items()}
    assert got == expected
    for d in result.tasks.values():
        assert (d.late_start - d.early_start).days == d.total_float


@pytest.mark.parametrize("calendar", [None, "weekdays"])
def test_a_milestone_reached_at_the_end_of_its_deadline_day_meets_it(make_project, calendar):
    """A (Mon 7 – Fri 11 Jan 2030) → M, deadline Friday: M stands at Friday 17:00, slack 0 as in MS
    Project (was −1, 'missed'). N after B (Mon–Thu) has a day. S, held to the start of Saturday
    (Monday on weekdays) by its own date, is shown after the deadline: it misses it by a day."""
    spec = {"start": date(2030, 1, 7), "calendar": calendar,
            "calendars": [{"id": "weekdays", "weekdays": ["Mon", "Tue", "Wed", "Thu", "Fri"]}],
            "tasks": [{"key": "A", "duration": 5}, {"key": "M", "deadline": date(2030, 1, 11)},
                      {"key": "B", "duration": 4}, {"key": "N", "deadline": date(2030, 1, 11)},
                      {"key": "S", "constraint": "SNET", "constraint_date": date(2030, 1, 12),
                       "deadline": date(2030, 1, 11)}],
            "links": [{"from": "A", "to": "M"}, {"from": "B", "to": "N"}]}
    for vectorised in (True, False):
        tasks = schedule_with(make_project(spec), vectorised).tasks
        floats = {key: (tasks[key].total_float, tasks[key].free_float) for key in "AMBNS"}
        assert floats == {"A": (0, 0), "M": (0, 0), "B": (1, 0), "N": (1, 1), "S": (-1, -1)}
        assert tasks["M"].early_at_day_end and tasks["M"].early_finish == date(2030, 1, 12)  # Friday's end
