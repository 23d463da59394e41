"""The chart's link arrays after an edit (chart/refresh.py): shifted with the rows when no link changed,
else found again."""

from __future__ import annotations

import numpy as np

from ..domain import Project
from ..engine.schedule import Schedule
from .data import ChartData
from .link_rows import add_links


def refresh_links(data: ChartData, old: ChartData, project: Project, schedule: Schedule | None,
                   places: np.ndarray, relinked: bool, ends: tuple[int, int], current: bool = False) -> int | None:
    """The link arrays: shifted with the rows when no link changed and none leaves or enters the
    rows (their critical flags follow the rows), else found again; RowSource.link_count of the
    result. `current`: the schedule was derived from the plan as it is now, so its links are the plan's."""
    count = old.source.link_count if old.source is not None else None
    if not relinked and _shifted_links(data, old, schedule, places, ends):
        return count
    same = current or (not relinked and count is not None and count == len(project.links))
    return len(project.links) if add_links(data, project, schedule, places, same_links=same) else None


def _shifted_links(data: ChartData, old: ChartData, schedule: Schedule | None, places: np.ndarray,
                   ends: tuple[int, int]) -> bool:
    """Give `data` the old link rows moved past the new run of rows, when the links are the ones
    shown before: no link has an end in a row that left or in one that came (a task added, a row
    of a deletion undone). False leaves `data` as it was. Mapping 200,000 links to their rows
    again cost 3-4 ms after each task added or deleted."""
    first, last = ends
    n_old, n_new = len(old), len(data)
    gone_end, came_end = n_old - last, n_new - last
    pred, succ = old.link_pred, old.link_succ
    if gone_end > first and bool((((pred >= first) & (pred < gone_end)) | ((succ >= first) & (succ < gone_end))).any()):
        return False  # a link of a row that left
    if came_end > first and _any_link_of(schedule, places[first:came_end]):
        return False  # a link of a row that came
    if n_new != n_old:
        shift = n_new - n_old
        pred, succ = pred + (pred >= gone_end) * shift, succ + (succ >= gone_end) * shift  # np.where: 10x slower
    data.link_ids, data.link_pred, data.link_succ, data.link_type = old.link_ids, pred, succ, old.link_type
    data.link_critical = data.critical[pred] & data.critical[succ]
    return True


def _any_link_of(schedule: Schedule | None, places: np.ndarray) -> bool:
    """True when a link of the schedule has an end at one of `places` (or the links are unknown)."""
    if schedule is None or schedule.links is None:
        return True
    derived = schedule.links
    at = np.zeros(len(schedule.tasks), np.bool_)
    at[places] = True
    return bool(at[derived.pred].any() or at[derived.succ].any())
