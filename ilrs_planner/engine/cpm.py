"""The critical-path scheduler: `schedule(project) -> Schedule`, in calendar days.

Rules (issue 2 §2). A task occupies `[start, finish)`, `finish = start + duration`; a milestone's
finish is its start. Finish-type dates (FNET/FNLT/MFO dates, actual finishes) are compared with that
exclusive finish. A deadline is MS Project's: the task must be finished by the END of that day, so it
caps the exclusive finish at the day after (a milestone's at the day itself); "by 2028" stored as
2028-12-31 lets a bar run through 31 December. Every finish a person reads is the last day of work
(`domain.shown_finish`); only the JSON outputs carry the exclusive finish, and say so. Announcement
precision never changes the schedule.

Forward pass, in topological order: `ES = max(project start, constraint, every incoming link)` with
FS: p.EF+lag, SS: p.ES+lag, FF: p.EF+lag-dur, SF: p.ES+lag-dur; SNET raises ES to its date, FNET to
date-dur; MSO fixes ES (MFO fixes EF) even against the links. Backward pass: project finish = max EF;
`LF = min(project finish, deadline/FNLT/MFO, every outgoing link)` with FS: s.LS-lag, SS: s.LS-lag+dur,
FF: s.LF-lag, SF: s.LF-lag+dur; SNLT/MSO cap LS. Total float = LS-ES, negative when a date cannot be
met; critical = total float <= 0.

Must finish by (Primavera P6's project Must Finish By; MS Project has none: its project finish date
is for scheduling backwards from). When the plan has one, the backward pass starts from the end of
that day instead of the latest early finish: every chain's total float is that date less its early
finish, more than it would be when the plan finishes early (no task is critical then, as in P6) and
negative on the chains finishing after it. The plan's finish stays the latest early finish.

Free float, as MS Project (Free Slack) and Primavera P6 (Free Float) define it: the days a task can
slip without delaying any successor's early start, and never more than its total float, because
slipping past its total float breaks a deadline, a constraint or the project finish even when no
successor moves. So `FF = min(TF, least slack on any outgoing link)`, where a task without successors
measures its slack to the project finish (to the Must finish by, when the plan has one, as its total
float does). With negative total float the free float is that same negative number (P6's reading;
MS Project floors the displayed Free Slack at 0, which would read as room to slip where there is
none). A summary's free float is the least of its own links' slack and
its unfinished descendants' free floats, capped by its own total float. A finished task has none.

History. Actual dates fix a task (actual start fixes ES, actual finish fixes EF, only an actual finish
gives ES = EF-dur, both give the duration), and links into it no longer bind either way: the past is
not pushed by its predecessors and does not push them back. A task with an actual finish, or a
milestone with any actual date, is done: nothing is left to schedule, so its late dates equal its
early dates, its floats are 0 and it is never critical (an old mission must not paint the path
behind it red, and a zero float there means "no room left", not "drives the finish"). A started but
unfinished task keeps its start and gets a normal late finish, so a late running task shows
negative float. Actual dates on a summary are ignored: its dates come from its sub-tasks.

Status date (Primavera P6's data date; MS Project's "reschedule uncompleted work to start after the
status date"). When the plan has a status date, no remaining work is scheduled before it. A leaf task
without actual dates starts no earlier than the status date (on its calendar: the first working day on
or after it), whatever its links, the plan start or its constraints say; an MSO/MFO date that has
passed cannot be met any more, so the task sits on the status date and its late dates show the miss as
negative float. A milestone not achieved moves the same way. A started, unfinished task keeps its
actual start; its remaining duration, P6's `ceil(duration x (100 - % complete) / 100)` working days
(at least one below 100 %), runs from the status date, so its duration becomes the working days from
its start to the status date plus that remainder. A started task at 0 % has all its duration left
(nothing recorded as done), as in P6. At 100 % without an actual finish it is done by the status date
at the latest: its planned finish if that is earlier, else the status date, and it counts as finished.
A task that started on or after the status date keeps its planned duration. Finished tasks keep their
actual dates. % complete is read only against a status date; without one nothing changes. The
backward pass is unchanged, so late work shows as negative float and slip against the baseline.

Summaries span their sub-tasks: ES = min, EF = max of their descendants; their own duration is
ignored. A link on a summary binds each descendant as if drawn to or from it (through gate nodes,
see _network), except that an SS/SF link from a summary leaves from the summary's start, its
earliest sub-task's, as MS Project does (see _summary_starts).
A summary's total float is the least float of its unfinished descendants (LS = ES + float,
LF = EF + float), so a phase holding the critical path is critical; a summary whose descendants are
all done has float 0 and is not critical. Its free float is the least of its own links' slack and
its unfinished descendants' free floats. On a summary, SNET/MSO bound every descendant's start and
FNLT/MFO/deadline every descendant's finish; SNLT/MSO lower the summary's own float only; FNET and
MFO's lower bound cannot be placed on any one descendant and are not applied (constrain the last
task instead).

Manually scheduled (MS Project's Task Mode): a leaf task keeps the start its own constraint date or the
plan's start gives it, whatever its predecessors say (MSO, MFO and actual dates still fix it, and the
status date holds it as any unstarted task); the backward pass is unchanged, so its late dates and
floats come from its successors and the project finish as any task's. It is critical only when it
has no float and a link ties it to another task, as MS Project marks it.

As late as possible (MS Project's rule, see _late_tasks): an ALAP task sits on its late dates and what
follows it is scheduled from there; its total float is the room it had before it moved late.

The schedule's project start is the plan's start, or an earlier early start (an actual date, an MSO
or MFO date before the plan starts).
"""

from __future__ import annotations

from datetime import date

import numpy as np

from ..domain import Project
from ._bounds import BIG
from ._day_ends import day_end_flags
from ._late_tasks import held_late, late_tasks
from ._network import Network, compile_network
from ._passes import backward_from, passes
from ._summaries import settle_summaries, summary_late_days
from .file_columns import InputColumns
from .kept_columns import KeptColumns
from .out_of_range import out_of_range
from .schedule import EARLY_AT_DAY_END, LATE_AT_DAY_END, LinkTable, Schedule, TaskTable


def schedule(project: Project, columns: InputColumns | None = None, keep: bool = True) -> Schedule:
    """Schedule the project by the critical-path method; raises PlannerError on bad input or a loop.

    `columns`: the plan's columns as its file's reader read them, for a plan nothing has changed
    since (see file_columns), or as kept across edits (see kept_columns); the schedule is the same,
    made without reading them back from objects. `keep` False: an analysis scheduling a variant of
    the plan after every edit (the schedule check) leaves the passes kept for the window's next
    edit alone (see _passes).
    """
    return schedule_with(project, vectorised=None, columns=columns, keep=keep)


def schedule_with(project: Project, vectorised: bool | None, columns: InputColumns | None = None,
                  keep: bool = True) -> Schedule:
    """`schedule`, choosing the passes: numpy per level (True), plain loops (False), or by shape (None).

    Both give the same result; by shape, the level passes are tried and abandoned for the loops
    when the plan turns out too deep (long chains) for them to pay off. On working calendars, a
    plan that runs past the working-time tables is scheduled again with wider ones.
    """
    extra = 0
    while True:
        net = compile_network(project, extra, columns=columns)
        early, late, free, finish = passes(project, net, vectorised, keep)
        alap = late_tasks(net)
        float_from = early[: len(net.task_ids)]
        at_end = day_end_flags(net, early)
        if alap.any():  # as-late-as-possible tasks sit on their late dates: pass again (see _late_tasks)
            held = held_late(net, early, late, alap)
            early, late, free, finish = passes(project, held, vectorised, keep)
            float_from = np.where(alap, float_from, early[: len(net.task_ids)])
            at_end = day_end_flags(held, early, alap)
        if net.time is None or _inside_tables(net, early, late):
            break
        if net.time.origin + net.time.length >= _LAST_DAY:  # the tables reach the year 9999 already
            raise out_of_range(project, True, None, net.start)  # only known to run past the tables' end
        extra = _wider(net, early, extra)
    n = len(net.task_ids)
    es = early[:n]
    late_from = backward_from(project, finish)  # the end the floats run to: Must finish by, or the finish
    ff = np.where(free[:n] >= BIG // 2, net.positions_of(np.full(n, late_from)) - (es + net.duration), free[:n])
    result = _finish_columns(net, (es, float_from), late[:n], ff, free, late_from, at_end)
    leaf = ~net.is_summary
    start = min(net.start, int(result[0][leaf].min())) if leaf.any() else net.start
    es_days, ef_days, ls_days, lf_days, total_float, free_float, critical, day_ends = result
    _refuse_out_of_range(project, (es_days, ef_days, ls_days, lf_days), start, finish)
    table = TaskTable(net.task_ids, es_days, ef_days, ls_days, lf_days, total_float, free_float, critical,
                      day_ends)
    kept = isinstance(columns, KeptColumns) and columns.fit(project)
    link_ids = columns.link_ids if kept else list(project.links)  # type: ignore[union-attr]
    links = LinkTable(link_ids, *net.links[:3])
    positions = columns.position if kept else None  # type: ignore[union-attr]
    return Schedule(date.fromordinal(start), date.fromordinal(finish), table, links, net.parent, positions)


_FIRST_DAY, _LAST_DAY = date.min.toordinal(), date.max.toordinal()


def _refuse_out_of_range(project: Project, days: tuple[np.ndarray, ...], start: int, finish: int) -> None:
    """`schedule.out_of_range` when a date falls outside the years 1-9999: a file may chain tasks of
    300 years each (the longest a duration may be) past any date Python or a person can show."""
    reached = [start, finish] + [int(column.min()) for column in days if column.size] + \
        [int(column.max()) for column in days if column.size]
    if min(reached) >= _FIRST_DAY and max(reached) <= _LAST_DAY:
        return
    over = max(reached) > _LAST_DAY
    raise out_of_range(project, over, max(reached) if over else min(reached), start)


def scheduled_positions(project: Project, net: Network) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every node's scheduled early and late start positions, as-late-as-possible tasks on their
    late dates, and per task a milestone at the end of a working day (see _day_ends), for analyses
    that linearise the network around the schedule."""
    early, late = passes(project, net, None, keep=False)[:2]
    alap = late_tasks(net)
    if not alap.any():
        return early, late, day_end_flags(net, early)
    held = held_late(net, early, late, alap)
    early, late = passes(project, held, None, keep=False)[:2]
    return early, late, day_end_flags(held, early, alap)


def _wider(net: Network, early: np.ndarray, extra: int) -> int:
    """Days the tables must reach past the plan's dates to hold the positions just computed."""
    assert net.time is not None, "only a plan on working calendars has tables to widen"
    n = len(net.task_ids)
    reached = int((early[:n] + net.duration).max()) - net.time.origin
    days_per_working_day = net.time.length / max(int(net.time.counts.min()), 1)
    return max(2 * extra, int(reached * days_per_working_day * 1.25))


def _inside_tables(net: Network, early: np.ndarray, late: np.ndarray) -> bool:
    """Did every leaf's dates stay inside the working-time tables (so no day was guessed)?"""
    assert net.time is not None, "only a plan on working calendars has tables"
    n = len(net.task_ids)
    leaf = ~net.is_summary
    rows = net.node_row[:n][leaf]
    ends = (early[:n] + net.duration)[leaf]
    return net.time.covers(rows, early[:n][leaf]) and net.time.covers(rows, ends) and \
        net.time.covers(rows, late[:n][leaf])


def unlinked_manual(net: Network) -> np.ndarray:
    """The manually scheduled tasks no link reaches or leaves (a mask): MS Project never marks such
    a task critical, whatever its slack (the Monte Carlo's criticality follows, see risk)."""
    if not net.manual.any():
        return net.manual
    unlinked = net.manual.copy()
    unlinked[net.links[0]] = False
    unlinked[net.links[1]] = False
    return unlinked


def _finish_columns(net: Network, starts: tuple[np.ndarray, np.ndarray], ls: np.ndarray, ff: np.ndarray,
                    free_nodes: np.ndarray, finish: int, at_end: np.ndarray) -> tuple[np.ndarray, ...]:
    """Per-task columns (ES, EF, LS, LF as days; TF, FF in working days; critical; day ends), summaries settled.

    `starts` are the scheduled starts and the starts total float counts from: the same but for an
    as-late-as-possible task, whose float is the room it had before it was moved late. Floats are
    counted in working days of each task's calendar (positions), as MS Project does. `at_end`: the
    milestones whose early moment is the end of a working day (see _day_ends); a milestone's late
    moment is an end of day too (MS Project's late finishes are), unless it has no room to move.
    """
    es, float_from = starts
    tf = ls - float_from
    done = net.finished
    ls, tf, ff = np.where(done, es, ls), np.where(done, 0, tf), np.where(done, 0, ff)
    point = (net.duration == 0) & ~net.is_summary
    late_end = point & np.where(ls == es, at_end, True)  # a milestone with no float sits where it is
    es_day, ef_day = net.start_days(es), net.finish_days(es, net.duration, at_end)
    ls_day, lf_day = net.start_days(ls), net.finish_days(ls, net.duration, late_end)
    es_day = np.where(point, ef_day, es_day)
    ls_day = np.where(point, lf_day, ls_day)
    es_day, ef_day, tf, ff, open_work, moments = settle_summaries(net, es_day, ef_day, tf, ff, free_nodes,
                                                                  finish, at_end)
    day_ends = np.where(at_end, EARLY_AT_DAY_END, 0) | np.where(late_end, LATE_AT_DAY_END, 0) | moments
    ff = np.minimum(ff, tf)  # free float is the part of total float that delays no successor
    summary = net.is_summary
    summary_ls, summary_lf = summary_late_days(net, es_day, ef_day, tf, moments)
    ls_day = np.where(summary, summary_ls, ls_day)
    lf_day = np.where(summary, summary_lf, lf_day)
    critical = (tf <= 0) & open_work & ~unlinked_manual(net)
    return es_day, ef_day, ls_day, lf_day, tf, ff, critical, day_ends
