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
        self.minutes_per_day = minutes_per_day
        self.shortest_day = min(minutes_per_day, 1440)  # of a lag's days, elapsed or working
        self.taken: list[Link] = []
        self.warnings: list[str] = []
        self.said = (Reader(self.warnings), self.warnings)
        self.next = 0  # index in the reader's pending links of the first not read
        # The predecessors of the links taken into `succ_id`, the successor read last: a pair can repeat only
        # among one task's links, which the pending links hold together (a pair's tuple a link, kept in one
        # set until the end, cost some 0.1 s at 200,000 links, half of it to free them).
        self.succ_id: str | None = None
        self.preds: set[str] = set()
        self.part_days = PartDayLags()
        self.summaries: set[str] = set()  # the tasks that have a sub-task

    def linked_before(self, pred_id: str, succ_id: str) -> bool:
        """Whether a link from `pred_id` into `succ_id` was taken (links are asked of in their file order)."""
        if succ_id != self.succ_id:
            self.succ_id = succ_id
            self.preds.clear()
        return pred_id in self.preds

    def take(self, tasks, last_id: str) -> None:
        """Read the waiting links as far as each can be read already; `last_id` is the task read last."""
        pending, by_uid, summaries = tasks.pending_links, tasks.by_uid, self.summaries
        parent = tasks.project.tasks[last_id].parent_id
        if parent is not None:
            summaries.add(parent)
        index, end = self.next, len(pending)
        while index < end:
            succ_id, (predecessor_uid, cross_project, type_text, lag, lag_format), where = pending[index]
            if cross_project.lower() not in TRUE_TEXTS:
                pred_id = by_uid.get(predecessor_uid)
                if pred_id is None or last_id in (pred_id, succ_id) or lag != "0" and not self._bounded(lag):
                    break
                # A link as MS Project writes most (a plain type, a lag of digits in a plain format) between two
                # tasks neither a summary nor linked before: what `link_of` makes of it, with nothing to say.
                link_type, fmt = PLAIN_TYPES.get(type_text), PLAIN_FORMATS.get(lag_format)
                if (link_type is not None and fmt is not None and fmt not in PERCENT_FORMATS and lag
                        and pred_id != succ_id and pred_id not in summaries and succ_id not in summaries
                        and not self.linked_before(pred_id, succ_id)):
                    self.preds.add(pred_id)
                    self.taken.append(Link(pred_id, succ_id, link_type, self._lag(lag, fmt, where), "",
                                           fmt in ELAPSED_FORMATS))
                    index += 1
                    continue
            made = link_of(tasks, self.said, summaries, self, pending[index])
            if made is not None:
                self.taken.append(made)
            index += 1
        self.next = index

    def _lag(self, lag: str, fmt: int, where: str) -> int:
        """A bounded lag's whole days (`_bounded`: "0" or digits, perhaps after a "-"), as `link_of` reads it:
        `Reader.number` gives such a text's integer, `_lag_days` its days, `part_days` rounds them."""
        if lag == "0":
            return 0
        per_day = 1440 if fmt in ELAPSED_FORMATS else self.minutes_per_day
        return self.part_days.whole(int(lag) / 10 / per_day, where)

    def _bounded(self, lag: str) -> bool:
        """Whether a lag of this text cannot be refused as longer than a plan holds, whatever its format."""
        if lag in ("0", ""):
            return True
        digits = lag[1:] if lag.startswith("-") else lag
        if not (digits.isdecimal() and len(lag) <= _DIGITS):
            return False  # read by the general path, which may say something about it
        return abs(int(lag)) / 10 / self.shortest_day <= MAX_DURATION_DAYS
