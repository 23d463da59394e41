"""The bundled ILRS reference roadmap: the current plan from the latest announcements, history as baselines.

Where it comes from
    ilrs_facts.csv (one row per public announcement, with its source), roadmap.toml (the WBS, owners,
    links and the few modelling choices below) and participants.toml, all read from the package with
    importlib.resources. Nothing outside the package is read.

How an announcement becomes a scheduled task (the scheduler computes every date; we only feed it)
    - Each task follows its LATEST statement. A flown mission or signed agreement carries its actual
      dates instead (Chang'e 6 and ICUBE-Q launched 2024-05-03; Luna-25 launched 2023-08-11 and was
      lost 2023-08-19), and they hold whatever the links say.
    - "in 2029" / "2026-07 to 2026-12": start no earlier than the first day of the period (SNET).
      A mission's bar spans the announced period, 2029-01-01 through 2029-12-31 (its last day).
    - "by 2035": only a finish was given, so it is a deadline of 2035-12-31 (finished by the end of
      that day, as in MS Project) and the task (mostly a milestone) is driven by its predecessors.
    - Events are stored by the day they happened: roadmap.toml's `actual_finish` is the last day
      (Luna-25 lost 2023-08-19, Chang'e 6 samples landed 2024-06-25), shown as that day. The chains
      are sized to land on the announced years: ILRS-1..5 over 2030-2035 -> basic station 2035-12-31;
      build-out 2036-2045 -> extended station 2045-12-31; Lanyue + a six-month reserve -> crewed landing 2030-12-31.
    - A statement with no year ("three to four years after Luna-27") is modelled by a link lag, and
      the years it implies are written next to it (roadmap.toml `implied`).
    - Links follow the roadmap logic and the facts' depends_on column where it makes sense; the
      Russian power plant (due by 2036) is linked start-to-start to the basic station (by 2035),
      because the two sides' dates disagree and the plan shows that instead of hiding it.
    - Chang'e 7 keeps its announced window (second half of 2026): no source up to the status date
      records a launch, so it is neither flown nor moved.
    - The founding agreements' "by October 2023" deadline was missed, and the signings went on through
      2024: the milestone is recorded reached in 2024, known to the year (roadmap.toml `actual_finish`
      on a milestone no fact row dates as an event), its deadline kept, so the plan shows a target met
      late, not work 1,127 days overdue on the critical path.
    - Another official's different figure for the same item (Wu Yanhua's "about 2050" for the
      extended station, between Wu Weiren's two "2045"s) is not a change of plan: roadmap.toml
      `alternatives` keeps it out of the dates and baselines and writes it into the task's notes as
      an "ALTERNATIVE:" line (domain.alternatives), which the tooltips and the slip report list.
    - Progress at the status date (2026-12-01) of work under way that no fact row dates (Lanyue's
      qualification, the Russian power plant) is roadmap.toml `actual_start`/`percent_complete`,
      exactly what `ilrs-planner status --started KEY=DATE --percent KEY=N` records.
    - Every task keeps its source URL, the statement's notes and the precision of its dates. Fact
      rows that are not task dates are listed with the reason in roadmap.toml `[unused]`.
    - Three internal tasks are PLANNING ASSUMPTIONS, not facts, and say so in their notes: a
      partner review after Chang'e 7 (partners), a crewed-landing reserve and a basic-station
      readiness gate (restricted), so need-to-know exports have something to remove.

History
    One baseline per announcement date (since the plan's start) that gave planned dates, as of
    that date (the month's or year's last day when the day is not known), oldest first; older
    statements, such as the 2016 crewed-landing plan, are in the first one. Its entries hold each
    task as known then: the actual dates if it had happened, else the latest dated statement on or
    before that date ("2028" -> from 2028-01-01, over the year for a bar that spans its announced
    period, else for the task's duration; "by 2028" -> finishing 2028-12-31). Tasks not yet
    announced are absent. So the real slips are in the plan: basic station 2028 -> 2035, Luna-26
    2023 -> 2028, Chang'e 7 2024 -> 2026, Chang'e 8 2028 -> 2029, power plant 2033-2035 -> 2036.
    Current dates that are modelling choices rather than the latest statement carry confidence
    "inferred" (ILRS-1..5 over 2030-2035 where the 2023 talk said 2030-2040, so that the basic station
    can close by 2035; the 2036-2045 build-out; Lanyue's duration; Long March 9's Wikipedia-only 2033),
    so the slip report marks their variances as modelling, not slips.

Ids are derived from keys (uuid5), so every copy of the reference roadmap has the same ids.
"""

from __future__ import annotations

from ..domain import Link, PlannerError, Project, Task
from ..engine.cpm import schedule
from .history import build_baselines
from .members import MEMBERSHIP_TARGETS, REPORTED_COUNTS, load_participants
from .modelling import task_from_spec
from .roadmap import TaskSpec, load_roadmap, stable_id

__all__ = ["MEMBERSHIP_TARGETS", "REPORTED_COUNTS", "build_reference_project"]


def _place(tasks: dict[str, Task], specs: list[TaskSpec], owner_ids: dict[str, str]) -> None:
    """Parents, sibling order and owners, checked so a typo in roadmap.toml names itself."""
    positions: dict[str | None, int] = {}
    for spec in specs:
        task = tasks[spec.key]
        for ref, known in ((spec.parent, tasks), (spec.owner, owner_ids)):
            if ref is not None and ref not in known:
                raise PlannerError("task.unknown", f"roadmap task '{spec.key}' names unknown '{ref}'",
                                   [spec.key])
        task.parent_id = tasks[spec.parent].id if spec.parent else None
        task.position = positions[spec.parent] = positions.get(spec.parent, -1) + 1
        task.owner_id = owner_ids[spec.owner]


def _links(tasks: dict[str, Task], specs: list[TaskSpec]) -> list[Link]:
    links = []
    for spec in specs:
        for after in spec.after:
            if after.key not in tasks:
                raise PlannerError("link.unknown_task",
                                   f"roadmap task '{spec.key}' follows unknown '{after.key}'", [spec.key])
            links.append(Link(tasks[after.key].id, tasks[spec.key].id, after.type, after.lag,
                              id=stable_id("link", f"{after.key}>{spec.key}")))
    return links


def build_reference_project() -> Project:
    """A fresh Project holding the ILRS roadmap: current plan, participants and baselines."""
    plan, specs, baseline_names = load_roadmap()
    summaries = {spec.parent for spec in specs if spec.parent}
    tasks = {spec.key: task_from_spec(spec, spec.key in summaries) for spec in specs}
    if len(tasks) != len(specs):
        twice = sorted({s.key for s in specs if sum(o.key == s.key for o in specs) > 1})
        raise PlannerError("task.duplicate_key", f"roadmap.toml repeats the task key '{twice[0]}'", twice)
    participants = load_participants()
    _place(tasks, specs, {p.key: p.id for p in participants})
    project = Project(name=plan["name"], start=plan["start"], status_date=plan["status_date"],
                      author=plan.get("author", ""), id=stable_id("project", plan["name"]))
    for task in tasks.values():
        project.add_task(task)
    for link in _links(tasks, specs):
        project.add_link(link)
    for participant in participants:
        project.add_participant(participant)
    # A milestone after a task stands at the end of the task's last day; its announced day is read
    # at that moment, so its baseline points are the ends of those days.
    day_ends = frozenset(tid for tid, dates in schedule(project).tasks.items() if dates.early_at_day_end)
    project.baselines.extend(build_baselines(specs, tasks, baseline_names, project.start, day_ends))
    return project
