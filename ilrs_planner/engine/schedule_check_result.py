"""What the schedule check returns: one result per check, naming each task that fails it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import overload

from ..domain import Task

PASS, FAIL, NOT_APPLICABLE, INFO = "pass", "fail", "n/a", "info"


@dataclass(frozen=True, slots=True)
class Flagged:
    """A task a check names, with the value that failed ('1,490 d', 'no successor')."""

    task_id: str
    key: str
    name: str
    value: str


@dataclass(frozen=True, slots=True)
class CheckResult:
    """One check: its threshold, what failed and whether the plan passes."""

    key: str  # stable name: 'logic', 'high_float', ... (the JSON's and --threshold's)
    number: int | None  # DCMA's number, 1-14; None for the lists DCMA does not score
    name: str
    threshold: str  # as a person reads it: '<= 5 %', '0', '>= 0.95'
    status: str  # PASS, FAIL, NOT_APPLICABLE or INFO (listed, not scored)
    failing: int | None = None  # tasks or links failing (None for an index: CPLI, BEI)
    eligible: int | None = None  # tasks or links the check looks at
    value: float | None = None  # the share failing (0-1), or the index itself (CPLI, BEI)
    note: str = ""  # why not applicable, or what was measured
    tasks: Sequence[Flagged] = field(default=(), repr=False)

    @property
    def failed(self) -> bool:
        return self.status == FAIL

    def share_text(self) -> str:
        """The share failing ('12.5 %') or the index ('0.87'); empty when there is none."""
        if self.value is None:
            return ""
        return f"{self.value:.2f}" if self.failing is None else f"{100 * self.value:.1f} %"


class FlaggedTasks(Sequence[Flagged]):
    """The tasks a check names, each made when read: on a 100,000-task plan high float may name
    90,000 tasks and the links checks as many links, and a view shows a screenful of them."""

    __slots__ = ("_tasks", "_rows", "_items", "_value")

    def __init__(self, tasks: Sequence[Task], rows: list[int], value: Callable[[int], str],
                 items: list[int] | None = None):
        self._tasks, self._rows, self._value = tasks, rows, value
        self._items = rows if items is None else items  # what `value` is asked about: a task's row, a link's

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, index: int) -> Flagged: ...

    @overload
    def __getitem__(self, index: slice) -> list[Flagged]: ...

    def __getitem__(self, index: int | slice) -> Flagged | list[Flagged]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        task = self._tasks[self._rows[index]]
        return Flagged(task.id, task.key, task.name, self._value(self._items[index]))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    def __hash__(self) -> int:
        return hash(tuple(self))


def flagged(tasks: Sequence[Task], rows: list[int], value: Callable[[int], str],
            items: list[int] | None = None) -> FlaggedTasks:
    """The tasks at `rows` (places in the check's columns), each with `value(item)`: item is the
    row itself unless `items` gives another (a link's place, for the links checks)."""
    return FlaggedTasks(tasks, rows, value, items)


def share_result(key: str, number: int, name: str, limit: float, failing: int, eligible: int,
                 tasks: Sequence[Flagged], of: str = "incomplete tasks") -> CheckResult:
    """A check passed while at most `limit` % of the `eligible` fail; not applicable with none to check."""
    threshold = f"<= {limit:g} %"
    if eligible == 0:
        return CheckResult(key, number, name, threshold, NOT_APPLICABLE, 0, 0, note=f"no {of} to check")
    share = failing / eligible
    status = PASS if 100 * share <= limit + 1e-9 else FAIL
    return CheckResult(key, number, name, threshold, status, failing, eligible, share, f"{failing} of {eligible} {of}",
                       tasks)


def count_result(key: str, number: int, name: str, limit: int, failing: int, eligible: int,
                 tasks: Sequence[Flagged], of: str = "incomplete tasks") -> CheckResult:
    """A check passed while at most `limit` of the `eligible` fail (DCMA's zero-tolerance checks)."""
    threshold = str(limit) if limit == 0 else f"<= {limit}"
    if eligible == 0:
        return CheckResult(key, number, name, threshold, NOT_APPLICABLE, 0, 0, note=f"no {of} to check")
    status = PASS if failing <= limit else FAIL
    return CheckResult(key, number, name, threshold, status, failing, eligible, failing / eligible,
                       f"{failing} of {eligible} {of}", tasks)
