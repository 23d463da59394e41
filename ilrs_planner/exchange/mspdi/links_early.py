"""Predecessor links read as the tasks arrive, so that little of `read_links` is left for the end.

`read_links` takes the links in file order once every task is read; its warnings, the duplicates
it leaves out and the ids it gives depend on that order. Here, as each task is read, the links
waiting in file order are read by the same code (`read_links.link_of`) as far as each can be read
already: its predecessor is in the plan (or it links to another file), neither of its two tasks is
the last read (so whether each is a summary is settled: a task's sub-tasks follow it at once), and
its lag cannot be refused (a lag longer than a plan holds is refused only once every task is read,
as before). The first link that cannot waits, and those after it, until the next task; what is left
at the end goes through `read_links`, after the links read here. Their warnings are kept aside and
said where `read_links` says them, and their ids are given there, in file order: the links, their
ids, their order and every warning are the same as when all of them are read at the end.
"""

from __future__ import annotations

from ...domain import Link
from ...domain.durations import MAX_DURATION_DAYS
from .read_links import PLAIN_FORMATS, PLAIN_TYPES, PartDayLags, link_of
from .values import ELAPSED_FORMATS, PERCENT_FORMATS, TRUE_TEXTS, Reader

_DIGITS = 15  # a lag of up to this many digits is read as an integer, exactly (`Reader.number`)


class EarlyLinks:
    """The links read so far (`taken`, without ids yet, and the `warnings` about others) and where
    the waiting ones start (`next`), with what reading them in order carries (see `link_of`)."""

    def __init__(self, minutes_per_day: int):
        self.shortest_day = min(minutes_per_day, 1440)  # of a lag's days, elapsed or working
        self.taken: list[Link] = []
        self.warnings: list[str] = []
        self.said = (Reader(self.warnings), self.warnings)
        self.next = 0  # index in the reader's pending links of the first not read
        self.seen: set[tuple[str, str]] = set()  # (predecessor, successor) of the links taken
        self.part_days = PartDayLags()
        self.summaries: set[str] = set()  # the tasks that have a sub-task

    def take(self, tasks, last_id: str) -> None:
        """Read the waiting links as far as each can be read already; `last_id` is the task read last."""
        pending, by_uid, summaries, seen = tasks.pending_links, tasks.by_uid, self.summaries, self.seen
        parent = tasks.project.tasks[last_id].parent_id
        if parent is not None:
            summaries.add(parent)
        index, end = self.next, len(pending)
        while index < end:
            succ_id, link, _ = pending[index]
            if link.cross_project.lower() not in TRUE_TEXTS:
                pred_id = by_uid.get(link.predecessor_uid)
                lag = link.lag
                if pred_id is None or last_id in (pred_id, succ_id) or lag != "0" and not self._bounded(lag):
                    break
                # A link as MS Project writes most (a plain type, no lag, in a plain format) between two tasks
                # neither a summary nor linked before: what `link_of` makes of it, with nothing to say.
                link_type, fmt = PLAIN_TYPES.get(link.type), PLAIN_FORMATS.get(link.lag_format)
                if (lag == "0" and link_type is not None and fmt is not None and fmt not in PERCENT_FORMATS
                        and pred_id != succ_id and pred_id not in summaries and succ_id not in summaries
                        and (pred_id, succ_id) not in seen):
                    seen.add((pred_id, succ_id))
                    self.taken.append(Link(pred_id, succ_id, link_type, 0, "", fmt in ELAPSED_FORMATS))
                    index += 1
                    continue
            made = link_of(tasks, self.said, summaries, self, pending[index])
            if made is not None:
                self.taken.append(made)
            index += 1
        self.next = index

    def _bounded(self, lag: str) -> bool:
        """Whether a lag of this text cannot be refused as longer than a plan holds, whatever its format."""
        if lag in ("0", ""):
            return True
        digits = lag[1:] if lag.startswith("-") else lag
        if not (digits.isdecimal() and len(lag) <= _DIGITS):
            return False  # read by the general path, which may say something about it
        return abs(int(lag)) / 10 / self.shortest_day <= MAX_DURATION_DAYS
