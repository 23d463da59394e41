"""Synthetic plans for the benchmarks: a WBS of phases and work packages, ~2 links per task.

`make_plan(n_tasks, seed=1) -> Project` is deterministic for a given seed. Every leaf gets an
intended start day ("slot") inside a 40-year window, and a link is drawn only when the slots
already satisfy it (and its predecessor's slot is strictly earlier). So the network never has a
loop, and no early date lands after its slot: the plan stays in 2026-2066 at any size, as a
real programme would, while still having long chains, all four link types, lags and leads.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from ilrs_planner.domain import ConstraintType, Link, LinkType, Precision, Project, Task, TaskKind

START = date(2026, 1, 1)
WINDOW_DAYS = 40 * 365
PACKAGE_SIZE = 10  # leaves per work package
PACKAGES_PER_PHASE = 20
PACKAGE_STEP = 150  # days between the starts of consecutive packages of a phase
LINKS_PER_TASK = 2
_TYPES = [LinkType.FS] * 70 + [LinkType.SS] * 12 + [LinkType.FF] * 12 + [LinkType.SF] * 6
_FROM_FINISH = {LinkType.FS: True, LinkType.FF: True, LinkType.SS: False, LinkType.SF: False}
_TO_FINISH = {LinkType.FF: True, LinkType.SF: True, LinkType.FS: False, LinkType.SS: False}


class _Span:
    """Slots of a leaf or of a package: the earliest/latest start and earliest/latest finish."""

    __slots__ = ("task", "first_start", "last_start", "first_finish", "last_finish", "leaves")

    def __init__(self, task: Task, start: int, finish: int):
        self.task, self.leaves = task, []
        self.first_start = self.last_start = start
        self.first_finish = self.last_finish = finish

    def take(self, leaf: _Span) -> None:
        self.leaves.append(leaf)
        self.first_start = min(self.first_start, leaf.first_start)
        self.last_start = max(self.last_start, leaf.last_start)
        self.first_finish = min(self.first_finish, leaf.first_finish)
        self.last_finish = max(self.last_finish, leaf.last_finish)


def make_plan(n_tasks: int, seed: int = 1) -> Project:
    """A plan of exactly `n_tasks` tasks (summaries included) and about 2 links per task."""
    rng = random.Random(seed)
    project = Project(f"Synthetic plan, {n_tasks} tasks", START, author="bench")
    project.id = _id(rng)
    leaves, packages = _build_wbs(project, n_tasks, rng)
    wanted = LINKS_PER_TASK * n_tasks
    _add_summary_links(project, packages, rng, wanted * 3 // 100)
    _add_leaf_links(project, leaves, packages, rng, wanted)
    _add_constraints(leaves, rng)
    return project


def _id(rng: random.Random) -> str:
    return f"{rng.getrandbits(128):032x}"


def _build_wbs(project: Project, n_tasks: int, rng: random.Random) -> tuple[list[_Span], list[_Span]]:
    """Phases holding packages holding leaves, each phase placed somewhere in the window."""
    leaves: list[_Span] = []
    packages: list[_Span] = []
    while len(project.tasks) < n_tasks:
        phase = _add(project, rng, "P", "Phase", 1, None, TaskKind.PHASE)
        phase_start = rng.randint(0, WINDOW_DAYS - PACKAGES_PER_PHASE * PACKAGE_STEP - 200)
        for j in range(PACKAGES_PER_PHASE):
            if len(project.tasks) >= n_tasks:
                break
            package = _Span(_add(project, rng, "W", "Work package", 1, phase.id, TaskKind.TASK), 10**9, -1)
            while len(project.tasks) < n_tasks and len(package.leaves) < PACKAGE_SIZE:
                duration = 0 if rng.random() < 0.08 else rng.randint(1, 60)
                kind = TaskKind.MILESTONE if duration == 0 else TaskKind.TASK
                slot = phase_start + j * PACKAGE_STEP + rng.randint(0, 120)
                leaf = _Span(_add(project, rng, "T", "Task", duration, package.task.id, kind), slot, slot + duration)
                package.take(leaf)
                leaves.append(leaf)
            if package.leaves:
                packages.append(package)  # else: created last with no room left, a plain task
        if len(project.tasks) == int(phase.key[1:]) + 1:
            phase.kind = TaskKind.TASK  # created last with no room left for a package
    return leaves, packages


def _add(project: Project, rng: random.Random, prefix: str, name: str, duration: int, parent_id, kind) -> Task:
    """A task keyed by its outline number; a summary's own duration is ignored by the scheduler."""
    key = f"{prefix}{len(project.tasks)}"
    task = Task(key, f"{name} {key}", duration, kind, id=_id(rng), parent_id=parent_id, position=len(project.tasks))
    return project.add_task(task)


def _fits(pred: _Span, succ: _Span, link_type: LinkType, lag: int) -> bool:
    """True when the slots already satisfy the link, for every leaf it binds, and pred comes first."""
    if pred.last_start >= succ.first_start:
        return False
    source = pred.last_finish if _FROM_FINISH[link_type] else pred.last_start
    bound = succ.first_finish if _TO_FINISH[link_type] else succ.first_start
    return source + lag <= bound


def _try_link(project: Project, pred: _Span, succ: _Span, rng: random.Random, seen: set) -> None:
    link_type = rng.choice(_TYPES)
    roll = rng.random()
    lag = 0 if roll < 0.7 else rng.randint(1, 30) if roll < 0.9 else -rng.randint(1, 5)
    pair = (pred.task.id, succ.task.id)
    if pair not in seen and _fits(pred, succ, link_type, lag):
        seen.add(pair)
        project.add_link(Link(pred.task.id, succ.task.id, link_type, lag, id=_id(rng)))


def _add_leaf_links(project: Project, leaves: list[_Span], packages: list[_Span], rng: random.Random,
                    wanted: int) -> None:
    """Mostly links inside a package or from the phase's previous package, some from anywhere."""
    seen: set[tuple[str, str]] = set()
    home = {id(leaf): k for k, package in enumerate(packages) for leaf in package.leaves}
    for _ in range(wanted * 6):
        if len(project.links) >= wanted or not leaves:
            return
        succ = rng.choice(leaves)
        k = home[id(succ)]
        if rng.random() < 0.85:
            pool = packages[k].leaves + (packages[k - 1].leaves if k else [])
            pred = rng.choice(pool)
        else:
            pred = rng.choice(leaves)
        _try_link(project, pred, succ, rng, seen)


def _add_summary_links(project: Project, packages: list[_Span], rng: random.Random, wanted: int) -> None:
    """Links from or to work packages, to a package or task wholly later in time."""
    seen: set[tuple[str, str]] = set()
    for _ in range(wanted * 4):
        if len(project.links) >= wanted or len(packages) < 2:
            return
        a, b = rng.sample(range(len(packages)), 2)
        pred, succ = packages[a], packages[b]
        shape = rng.random()
        if shape < 0.3:
            succ = rng.choice(succ.leaves)
        elif shape < 0.6:
            pred = rng.choice(pred.leaves)
        _try_link(project, pred, succ, rng, seen)


def _add_constraints(leaves: list[_Span], rng: random.Random) -> None:
    """About 2 % of leaves carry a constraint or a deadline near their slot."""
    for leaf in leaves:
        roll, task = rng.random(), leaf.task
        if roll >= 0.02:
            continue
        start, finish = START + timedelta(days=leaf.first_start), START + timedelta(days=leaf.first_finish)
        if roll < 0.008:
            task.constraint, task.constraint_date = ConstraintType.SNET, start
        elif roll < 0.011:
            task.constraint, task.constraint_date = ConstraintType.FNET, finish
        elif roll < 0.014:
            task.constraint, task.constraint_date = ConstraintType.SNLT, start - timedelta(days=rng.randint(0, 90))
        elif roll < 0.017:
            task.constraint, task.constraint_date = ConstraintType.FNLT, finish + timedelta(days=rng.randint(0, 90))
        else:
            task.deadline = finish + timedelta(days=rng.randint(-30, 365))


def with_coarse_dates(project: Project, fraction: float, seed: int = 7) -> Project:
    """The plan with about `fraction` of its tasks dated only to the year, as announced dates are ('2030')."""
    rng = random.Random(seed)
    for task in project.tasks.values():
        if rng.random() < fraction:
            task.precision = Precision.YEAR
    return project
