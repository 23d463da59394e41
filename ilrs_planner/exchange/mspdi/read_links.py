"""Reading MSPDI predecessor links: type, lag in tenths of a minute, and loops left out by name."""

from __future__ import annotations

import itertools
from operator import itemgetter
from typing import NamedTuple

from ...domain import Link, LinkType, fresh_ids
from ...engine.graph import find_cycle
from .helpers import LINK_TYPE_CODES
from .task_record import Below, first_of_each
from .values import ELAPSED_FORMATS, PERCENT_FORMATS, SHORT_TEXT, TRUE_TEXTS, child_texts, days_up

LINK_TYPES_BY_CODE = {code: kind for kind, code in LINK_TYPE_CODES.items()}
MAX_LOOPS_DROPPED = 10_000
_MOST_KNOWN_LAGS = 4096  # distinct lags kept with their whole days (`PartDayLags`)
# The link types and lag formats as MS Project writes them, read without the general path's calls.
PLAIN_TYPES = {str(code): kind for code, kind in LINK_TYPES_BY_CODE.items()}
PLAIN_FORMATS = {str(code): code for code in range(1, 100)}
_LINK_TAGS = ("PredecessorUID", "CrossProject", "Type", "LinkLag", "LagFormat")
WRITTEN_TAGS = ("PredecessorUID", "Type", "CrossProject", "LinkLag", "LagFormat")  # as MS Project orders them
AS_READ = itemgetter(0, 2, 1, 3, 4)  # those texts in the order of _LINK_TAGS


class LinkTexts(NamedTuple):
    """A PredecessorLink's texts, kept instead of its elements until every task is known."""

    predecessor_uid: str
    cross_project: str
    type: str
    lag: str
    lag_format: str


def link_texts(reader, below: Below, where: str, plain: tuple[str, ...] | None = None) -> LinkTexts:
    """A link's texts from its children as a task record holds them (see `task_record`); `plain`: its
    `plain_link_texts`, if already made."""
    texts = plain or plain_link_texts(below)
    if texts is not None:
        return LinkTexts._make(texts)
    return LinkTexts._make(child_texts(first_of_each(below), _LINK_TAGS, reader, where))


def plain_link_texts(below: Below) -> tuple[str, ...] | None:
    """A link's texts (in `LinkTexts` order) if it is written as MS Project writes it, else None."""
    if isinstance(below, tuple) and below[0] == WRITTEN_TAGS:
        return plain_texts(AS_READ(below[1]))
    return None


def plain_texts(texts: tuple[str, ...]) -> tuple[str, ...] | None:
    """A link's texts (`LinkTexts` order), if each is as `child_texts` would give it, else None."""
    joined = "".join(texts)
    # Short, printable and without a space (the one printable character `strip` takes).
    return texts if len(joined) <= SHORT_TEXT and joined.isprintable() and " " not in joined else None


def _link_type(reader, text: str, where: str, warnings: list[str]) -> LinkType:
    code = reader.number(text, "Type", 1, where)
    if code not in LINK_TYPES_BY_CODE:
        warnings.append(f"{where}: link type {code} is unknown; read as finish-to-start")
    return LINK_TYPES_BY_CODE.get(code, LinkType.FS)


def _lag_days(reader, lag: str, fmt: int | None, per_day: int, where: str, warnings: list[str]) -> float:
    """The lag (its LinkLag text) in days, a part day kept (see `_whole_lag`); `fmt` is its LagFormat as
    already read (and warned about)."""
    tenths = reader.number(lag, "LinkLag", 0, where) or 0
    if fmt in PERCENT_FORMATS:
        warnings.append(f"{where}: a lag given as a percentage of the predecessor cannot be carried; taken as 0")
        return 0
    minutes_per_day = 1440 if fmt in ELAPSED_FORMATS else per_day
    return tenths / 10 / minutes_per_day


class PartDayLags:
    """Lags are whole days in a plan; MS Project keeps part-day ones. A part day is rounded up, as a
    duration is (`values.days_up`: the successor never starts before MS Project would start it), and
    one warning per file says how many links were rounded, rather than one a link."""

    def __init__(self) -> None:
        self.rounded = 0
        self.known: dict[float, tuple[int, bool]] = {}  # days -> (whole days, rounded): a file repeats a few lags

    def whole(self, days: float, where: str) -> int:
        known = self.known.get(days)
        if known is None:
            whole = days_up(days, where, "lag")  # a lag longer than a plan holds is refused here, each time
            known = (whole, abs(whole - days) > 1e-6)
            if len(self.known) < _MOST_KNOWN_LAGS:
                self.known[days] = known
        self.rounded += known[1]
        return known[0]

    def warn(self, warnings: list[str]) -> None:
        if self.rounded:
            warnings.append(f"{self.rounded:,} link lag(s) were not whole days and were rounded up to the next "
                            "whole day (plans count whole days; MS Project keeps part-day lags)")


def _ancestors(project, task_id: str) -> set[str]:
    found: set[str] = set()
    parent = project.tasks[task_id].parent_id
    while parent is not None and parent not in found and parent in project.tasks:
        found.add(parent)
        parent = project.tasks[parent].parent_id
    return found


def read_links(tasks, loops_dropped: bool = True) -> None:
    """Turn the collected PredecessorLink elements into links; drop what cannot be a link, with warnings.

    Without `loops_dropped`, a dependency loop is left for the caller, who schedules the plan at once:
    the scheduler finds a loop as it builds its network, so the network is not built twice just to
    find none (`drop_loops` then, and schedule again)."""
    reader, project, warnings = tasks.reader, tasks.project, tasks.warnings
    early = tasks.early_links  # the links read as the tasks arrived (`links_early`): first in file order
    warnings += early.warnings
    ids = fresh_ids()
    for link, link_id in zip(early.taken, ids):  # zip stops at the last link, drawing no id beyond it
        link.id = link_id
        project.links[link_id] = link
    summaries = project.summary_ids()  # only a summary can be another task's ancestor
    for succ_id, texts, where in itertools.islice(tasks.pending_links, early.next, None):
        made = link_of(tasks, (reader, warnings), summaries, early, (succ_id, texts, where))
        if made is not None:
            made.id = next(ids)
            project.add_link(made)
    early.part_days.warn(warnings)
    if loops_dropped:
        drop_loops(project, warnings)


def link_of(tasks, said: tuple, summaries: set[str], state, pending: tuple) -> Link | None:
    """One pending link (successor id, its texts in `LinkTexts` order, where) as a link, its id still to
    give, or None: left out, with a warning. `said`: the reader and the warnings it says them in;
    `state`: the pairs linked so far (`linked_before`, `preds`) and the part-day lags rounded (`part_days`)."""
    reader, warnings = said
    succ_id, (predecessor_uid, cross_project, type_text, lag_text, lag_format), where = pending
    if cross_project.lower() in TRUE_TEXTS:
        warnings.append(f"{where}: a link to another project file cannot be carried; left out")
        return None
    pred_id = tasks.by_uid.get(predecessor_uid)
    if pred_id is None or pred_id == succ_id:
        warnings.append(f"{where}: a link to task UID {predecessor_uid[:20]!s} "
                        f"{'(itself)' if pred_id == succ_id else 'that is not in the file'}; left out")
        return None
    link_type = PLAIN_TYPES.get(type_text) or _link_type(reader, type_text, where, warnings)
    project = tasks.project
    if (pred_id in summaries or succ_id in summaries) and (
            pred_id in _ancestors(project, succ_id) or succ_id in _ancestors(project, pred_id)):
        warnings.append(f"{where}: a link between a summary task and its own sub-task cannot be scheduled; left out")
        return None
    if state.linked_before(pred_id, succ_id):
        warnings.append(f"{where}: the same predecessor is linked twice; the second link was left out")
        return None
    state.preds.add(pred_id)
    fmt = PLAIN_FORMATS.get(lag_format) or reader.number(lag_format, "LagFormat", 7, where)
    # No lag in a plain format (what most links hold) is no lag, with nothing to warn about.
    no_lag = lag_text == "0" and lag_format.isdecimal() and fmt not in PERCENT_FORMATS
    lag = 0 if no_lag else state.part_days.whole(
        _lag_days(reader, lag_text, fmt, tasks.minutes_per_day, where, warnings), where)
    return Link(pred_id, succ_id, link_type, lag, "", fmt in ELAPSED_FORMATS)


def drop_loops(project, warnings: list[str]) -> None:
    """A file may hold a dependency loop; the plan may not. Each loop loses its last link, named."""
    for _ in range(MAX_LOOPS_DROPPED):
        loop = find_cycle(project)
        if not loop:
            return
        names = " → ".join(project.tasks[t].key for t in loop + loop[:1] if t in project.tasks)
        closing = next((k for k in project.links.values() if k.pred_id == loop[-1] and k.succ_id == loop[0]), None)
        closing = closing or next((k for k in project.links.values()
                                   if k.pred_id in loop and k.succ_id in loop), None)
        if closing is None:
            warnings.append(f"the dependencies form a loop ({names}) that could not be broken")
            return
        del project.links[closing.id]
        warnings.append(f"the dependencies form a loop ({names}); the link "
                        f"{project.tasks[closing.pred_id].key} → {project.tasks[closing.succ_id].key} was left out")
