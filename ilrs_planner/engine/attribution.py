"""Why did a milestone move? Its driving chain in each version and the changes that moved it.

Two kinds of comparison, because two kinds of history exist:

- Two full plans (two plan files, a plan and its what-if copy): exact. Every input change between
  them (duration, actual date, constraint, link added/removed, lag or type changed, plan start) is
  replayed one at a time on a copy of the older plan, in upstream-first order, and each is credited
  with how far it moved the milestone. The credits telescope, so they sum to the slip exactly.
  When changes interact (two parallel paths both slipping) the one replayed later gets the joint
  effect; a change that cannot be scheduled on its own (it would close a loop until another one is
  made) is replayed together with the next and reported as a joint step.
- A baseline holds only dates. Then the driving chain of today's plan is walked and the slip is
  split over it: each task on the chain is credited with the change of its own span (its
  duration) and of its gap to its driver (a link, lag or constraint that changed, or a different
  driver then). This also telescopes; where the chain leaves what the baseline knew, the remainder
  is reported as unexplained, never spread out.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from datetime import date

from ..domain import ConstraintType, LinkType, PlannerError, Project
from .cpm import schedule as cpm_schedule
from .schedule import Schedule
from .slippage import Version


@dataclass(frozen=True, slots=True)
class ChainStep:
    """One task of a driving chain and what drives its start."""

    key: str
    name: str
    start: date
    finish: date
    driver: str


@dataclass(frozen=True, slots=True)
class Contribution:
    """One change and the days it moved the milestone (later = positive)."""

    kind: str  # duration, actual_start, actual_finish, constraint, link_added, link_removed, lag, ...
    key: str
    description: str
    days: int
    joint: bool = False  # replayed together with its neighbours; `days` is their joint effect


@dataclass(slots=True)
class Attribution:
    """The explanation of one milestone's move between two versions."""

    key: str
    name: str
    before: str
    after: str
    old_date: date | None
    new_date: date | None
    exact: bool
    old_chain: list[ChainStep] = field(default_factory=list)
    new_chain: list[ChainStep] = field(default_factory=list)
    contributions: list[Contribution] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def slip_days(self) -> int:
        return (self.new_date - self.old_date).days if self.old_date and self.new_date else 0

    @property
    def unexplained_days(self) -> int:
        """The part of the slip no listed change accounts for."""
        return self.slip_days - sum(c.days for c in self.contributions)

    def to_dict(self) -> dict:
        """JSON-ready form with ISO dates."""
        def chain(steps):
            return [{"key": s.key, "name": s.name, "start": s.start.isoformat(), "finish": s.finish.isoformat(),
                     "driver": s.driver} for s in steps]

        return {
            "milestone": self.key, "name": self.name, "before": self.before, "after": self.after,
            "old_date": _iso(self.old_date), "new_date": _iso(self.new_date), "slip_days": self.slip_days,
            "exact": self.exact, "unexplained_days": self.unexplained_days, "notes": list(self.notes),
            "old_chain": chain(self.old_chain), "new_chain": chain(self.new_chain),
            "contributions": [{"kind": c.kind, "key": c.key, "description": c.description, "days": c.days,
                               "joint": c.joint} for c in self.contributions],
        }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _milestone_date(schedule: Schedule, task_id: str) -> date:
    """A milestone's date, or a task's finish: what "the milestone moved" means."""
    return schedule.tasks[task_id].early_finish


# -- driving chains -------------------------------------------------------------------------------
def _ancestors(project: Project, task_id: str) -> list[str]:
    out, up = [], project.tasks[task_id].parent_id
    while up is not None:
        out.append(up)
        up = project.tasks[up].parent_id
    return out


def _leaves_under(project: Project, task_id: str, children: dict) -> list[str]:
    kids = children.get(task_id, [])
    return [x for k in kids for x in (_leaves_under(project, k, children) if k in children else [k])] if kids \
        else [task_id]


def _link_bound(project, dates, link, succ_duration: int, children) -> int | None:
    """The start day (ordinal) the link asks of its successor (a summary predecessor: latest descendant)."""
    leaves = _leaves_under(project, link.pred_id, children)
    from_finish = link.type in (LinkType.FS, LinkType.FF)
    value = max(((dates[x][1] if from_finish else dates[x][0]).toordinal() for x in leaves if x in dates),
                default=None)
    if value is None:
        return None
    value += link.lag
    if link.type in (LinkType.FF, LinkType.SF):
        value -= succ_duration
    return value


def driving_chain(project: Project, dates, task_id: str, limit: int = 200) -> list[ChainStep]:
    """From the task back to what ultimately fixes it, following the binding link at each step.

    `dates` maps task id -> (start, finish): a schedule's early dates or a baseline's entries.
    """
    children = {p: kids for p, kids in project.children_map().items() if p is not None}
    into: dict[str, list] = {}
    for link in project.links.values():
        into.setdefault(link.succ_id, []).append(link)
    steps, current, seen = [], task_id, set()
    while current is not None and current not in seen and len(steps) < limit and current in dates:
        seen.add(current)
        task = project.tasks[current]
        start, finish = dates[current]
        links = [ln for tid in [current, *_ancestors(project, current)] for ln in into.get(tid, [])]
        driver, nxt = _driver_of(project, dates, task, start, finish, links, children)
        steps.append(ChainStep(task.key, task.name, start, finish, driver))
        current = nxt
    return steps


def _driver_of(project, dates, task, start, finish, links, children) -> tuple[str, str | None]:
    if task.actual_start or task.actual_finish:
        return "actual dates (history)", None
    duration = (finish - start).days
    binding = [ln for ln in links if ln.pred_id in dates and _link_bound(project, dates, ln, duration, children)
               == start.toordinal()]
    if binding:
        link = max(binding, key=lambda ln: dates[ln.pred_id][1])
        pred = project.tasks[link.pred_id]
        lag = f" {link.lag:+d}d" if link.lag else ""
        nxt = link.pred_id
        if nxt in children:  # a summary drives through its latest-finishing sub-task
            nxt = max(_leaves_under(project, nxt, children), key=lambda x: dates.get(x, (start, start))[1])
        return f"{link.type} from {pred.key}{lag}", nxt
    if task.constraint_date and task.constraint_date in (start, finish):  # the constraint holds it there
        return f"constraint {task.constraint} {task.constraint_date}", None
    if start == project.start:
        return "plan start", None
    return "not driven by a link (date as planned)", None


# -- exact: two full plans ------------------------------------------------------------------------
TASK_FIELDS = (("duration", "duration"), ("actual_start", "actual start"), ("actual_finish", "actual finish"))


def attribute_projects(old: Project, new: Project, key: str, before: str = "older plan",
                       after: str = "newer plan") -> Attribution:
    """Exact attribution of the move of task `key` between two full plans (tasks matched by id)."""
    new_task = new.task_by_key(key)
    old = _aligned(old, new)
    old_sched, new_sched = cpm_schedule(old), cpm_schedule(new)
    if new_task.id not in old.tasks:
        raise PlannerError("task.unknown", f"'{key}' is not in the older plan; nothing to compare", [key])
    result = Attribution(key, new_task.name, before, after, _milestone_date(old_sched, new_task.id),
                         _milestone_date(new_sched, new_task.id), exact=True)
    result.old_chain = driving_chain(old, _early(old_sched), new_task.id)
    result.new_chain = driving_chain(new, _early(new_sched), new_task.id)
    changes = _ordered_changes(old, new, new_sched)
    result.contributions = _replay(old, changes, new_task.id, result.old_date)
    if result.unexplained_days:  # replay reached a different date: say so rather than hide it
        result.notes.append("replaying the changes did not reproduce the newer plan exactly")
    return result


def _aligned(old: Project, new: Project) -> Project:
    """The older plan with its task ids replaced by the newer plan's where only the keys agree.

    Plans copied from each other share ids; two files imported separately from the same table do
    not, and then the keys are what says which task is which.
    """
    new_ids = {t.key: tid for tid, t in new.tasks.items()}
    remap = {tid: new_ids[t.key] for tid, t in old.tasks.items() if tid not in new.tasks and t.key in new_ids}
    if not remap:
        return old
    moved = copy.deepcopy(old)
    moved.tasks = {remap.get(tid, tid): t for tid, t in moved.tasks.items()}
    for tid, task in moved.tasks.items():
        task.id = tid
        task.parent_id = remap.get(task.parent_id, task.parent_id)
    for link in moved.links.values():
        link.pred_id, link.succ_id = remap.get(link.pred_id, link.pred_id), remap.get(link.succ_id, link.succ_id)
    return moved


def _early(schedule: Schedule) -> dict:
    return {tid: (d.early_start, d.early_finish) for tid, d in schedule.tasks.items()}


def _ordered_changes(old: Project, new: Project, new_sched: Schedule) -> list[tuple]:
    """(order, kind, key, description, apply(state)) for every input change, upstream first."""
    rank = {tid: (d.early_start, d.early_finish) for tid, d in new_sched.tasks.items()}
    changes = []
    if old.start != new.start:
        changes.append(((date.min, date.min, 0), "plan_start", "", f"plan start {old.start} → {new.start}",
                        lambda s: setattr(s, "start", new.start)))
    for tid, task in new.tasks.items():
        if tid not in old.tasks:
            changes.append(((date.min, date.min, 1), "task_added", task.key, f"task '{task.key}' added",
                            _adder(task)))
            continue
        changes.extend(_task_changes(old.tasks[tid], task, rank.get(tid, (date.max, date.max))))
    changes.extend(_link_changes(old, new, rank))
    for tid, task in old.tasks.items():
        if tid not in new.tasks:
            changes.append(((date.max, date.max, 9), "task_removed", task.key, f"task '{task.key}' removed",
                            _remover(tid)))
    return sorted(changes, key=lambda c: c[0])


def _adder(task):
    def apply(state: Project) -> None:
        state.tasks[task.id] = copy.deepcopy(task)
    return apply


def _remover(task_id):
    def apply(state: Project) -> None:
        state.tasks.pop(task_id, None)
        for lid in [lid for lid, ln in state.links.items() if task_id in (ln.pred_id, ln.succ_id)]:
            del state.links[lid]
    return apply


def _setter(task_id, **values):
    def apply(state: Project) -> None:
        for name, value in values.items():
            setattr(state.tasks[task_id], name, value)
    return apply


def _task_changes(old_task, new_task, rank) -> list[tuple]:
    out = []
    for name, label in TASK_FIELDS:
        before, after = getattr(old_task, name), getattr(new_task, name)
        if before != after:
            kind = name
            text = f"{label} of '{new_task.key}': {before if before is not None else 'none'} → " \
                   f"{after if after is not None else 'none'}"
            out.append(((*rank, 2), kind, new_task.key, text, _setter(new_task.id, **{name: after})))
    if (old_task.constraint, old_task.constraint_date) != (new_task.constraint, new_task.constraint_date):
        text = f"constraint of '{new_task.key}': {_constraint_text(old_task)} → {_constraint_text(new_task)}"
        out.append(((*rank, 3), "constraint", new_task.key, text,
                    _setter(new_task.id, constraint=new_task.constraint, constraint_date=new_task.constraint_date)))
    if old_task.parent_id != new_task.parent_id:
        out.append(((*rank, 4), "moved_in_wbs", new_task.key, f"'{new_task.key}' moved in the WBS",
                    _setter(new_task.id, parent_id=new_task.parent_id)))
    return out


def _constraint_text(task) -> str:
    return "ASAP" if task.constraint == ConstraintType.ASAP else f"{task.constraint} {task.constraint_date}"


def _link_changes(old: Project, new: Project, rank) -> list[tuple]:
    def pairs(project):
        return {(ln.pred_id, ln.succ_id): ln for ln in project.links.values()}

    old_links, new_links = pairs(old), pairs(new)
    out = []
    for pair, link in new_links.items():
        names = f"{_key(new, link.pred_id)} → {_key(new, link.succ_id)}"
        order = (*rank.get(link.succ_id, (date.max, date.max)), 5)
        if pair not in old_links:
            text = f"link {names} added ({link.type}{_lag(link.lag)})"
            out.append((order, "link_added", _key(new, link.succ_id), text, _link_setter(link)))
            continue
        was = old_links[pair]
        if (was.type, was.lag) != (link.type, link.lag):
            kind = "lag" if was.type == link.type else "link_type"
            text = f"link {names}: {was.type}{_lag(was.lag)} → {link.type}{_lag(link.lag)}"
            out.append((order, kind, _key(new, link.succ_id), text, _link_setter(link, was.id)))
    for pair, link in old_links.items():
        if pair not in new_links:
            text = f"link {_key(old, link.pred_id)} → {_key(old, link.succ_id)} removed"
            order = (*rank.get(link.succ_id, (date.max, date.max)), 1)  # before additions: no false loops
            out.append((order, "link_removed", _key(old, link.succ_id), text, _link_dropper(link.id)))
    return out


def _key(project: Project, task_id: str) -> str:
    return project.tasks[task_id].key if task_id in project.tasks else task_id


def _lag(lag: int) -> str:
    return f" {lag:+d}d" if lag else ""


def _link_setter(link, replace_id: str | None = None):
    def apply(state: Project) -> None:
        if replace_id is not None:
            state.links.pop(replace_id, None)
        state.links[link.id] = copy.deepcopy(link)
    return apply


def _link_dropper(link_id):
    def apply(state: Project) -> None:
        state.links.pop(link_id, None)
    return apply


def _replay(old: Project, changes: list[tuple], task_id: str, old_date: date) -> list[Contribution]:
    state = copy.deepcopy(old)
    previous, pending, out = old_date, [], []
    for _order, kind, key, text, apply in changes:
        apply(state)
        pending.append((kind, key, text))
        try:
            now = _milestone_date(cpm_schedule(state), task_id)
        except PlannerError:
            continue  # e.g. a loop until the next change: credit them together
        days = (now - previous).days
        joint = len(pending) > 1
        for k, (p_kind, p_key, p_text) in enumerate(pending):
            credited = days if k == len(pending) - 1 else 0
            if credited or joint or days:
                out.append(Contribution(p_kind, p_key, p_text, credited, joint))
        previous, pending = now, []
    return [c for c in out if c.days or c.joint]


# -- honest: dates only ---------------------------------------------------------------------------
def attribute_versions(project: Project, schedule: Schedule | None, before: Version, after: Version,
                       key: str) -> Attribution:
    """Attribution when a version is only dates (a baseline): split the slip over the driving chain."""
    task = project.task_by_key(key)
    old, new = before.dates.get(task.id), after.dates.get(task.id)
    result = Attribution(key, task.name, before.label, after.label, old[1] if old else None,
                         new[1] if new else None, exact=False)
    result.notes.append("a baseline holds only dates: the changes are read off the driving chain of "
                        f"'{after.label}' (today's links), as movements of each task against its driver")
    if old is None or new is None:
        missing = before.label if old is None else after.label
        result.notes.append(f"'{key}' is not in '{missing}': nothing to compare")
        return result
    result.old_chain = driving_chain(project, before.dates, task.id)
    result.new_chain = driving_chain(project, after.dates, task.id)
    result.contributions = _split_over_chain(project, result.new_chain, before, after)
    if result.unexplained_days:
        result.notes.append(f"{result.unexplained_days:+d} days unexplained: the chain leaves what "
                            f"'{before.label}' knew")
    return result


def _split_over_chain(project: Project, chain: list[ChainStep], before: Version, after: Version) -> list:
    """Each chain task the baseline knew: its own span change, and its start's move against the next
    known task up the chain (tasks the baseline did not know are passed through and named)."""
    ids = {project.tasks[tid].key: tid for tid in project.tasks}
    known = [k for k, step in enumerate(chain) if ids[step.key] in before.dates]
    out = []
    for n, k in enumerate(known):
        step, tid = chain[k], ids[chain[k].key]
        (o_start, o_finish), (n_start, n_finish) = before.dates[tid], after.dates[tid]
        span = ((n_finish - n_start) - (o_finish - o_start)).days
        if span:
            out.append(Contribution("duration", step.key, f"'{step.key}' lasts {span:+d} days "
                                    f"({(o_finish - o_start).days} → {(n_finish - n_start).days})", span))
        out.extend(_start_move(chain, ids, k, known[n + 1] if n + 1 < len(known) else None, before, after))
    return out


def _start_move(chain, ids, k, driver_k, before: Version, after: Version) -> list[Contribution]:
    step, tid = chain[k], ids[chain[k].key]
    via = [chain[j].key for j in range(k + 1, driver_k if driver_k is not None else len(chain))]
    through = f", through {', '.join(via)} (not in '{before.label}')" if via else ""
    if driver_k is None:
        gap = (after.dates[tid][0] - before.dates[tid][0]).days
        text = f"'{step.key}' starts {gap:+d} days ({step.driver}{through})"
    else:
        did = ids[chain[driver_k].key]
        gap = (after.dates[tid][0] - after.dates[did][1]).days - (before.dates[tid][0] - before.dates[did][1]).days
        text = f"'{step.key}' starts {gap:+d} days against '{chain[driver_k].key}'{through}"
    return [Contribution("start_moved", step.key, text, gap)] if gap else []
