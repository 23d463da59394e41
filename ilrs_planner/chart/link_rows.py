"""The links between shown rows, as arrays of their rows and types."""

from __future__ import annotations

from itertools import repeat
from operator import attrgetter

import numpy as np

from ..domain import Project
from ..engine.schedule import Schedule
from .data import LINK_CODES, ChartData, PickedIds


def add_links(data: ChartData, project: Project, schedule: Schedule | None, places: np.ndarray | None,
              same_links: bool = False) -> bool:
    """Links whose both ends are shown rows (a link into a collapsed branch is not drawn). True when
    they were read from the schedule's link columns; `same_links`: the caller knows these list the
    plan's links, as when it derived the schedule from the plan as it is now (listing the plan's
    200,000 link ids and comparing them cost 5-15 ms after each edit)."""
    derived = schedule.links if schedule is not None else None
    from_schedule = places is not None and derived is not None and (same_links or derived.ids == list(project.links))
    if from_schedule and places is not None and derived is not None:
        # The scheduler already found each link's ends: its task places map to rows in one step.
        row_at = np.full(len(schedule.tasks), -1, np.int64)  # type: ignore[union-attr]
        row_at[places] = np.arange(len(places))
        ids, pred, succ = derived.ids, row_at[derived.pred], row_at[derived.succ]
        types = derived.code.astype(np.int8)
    else:
        ids, pred, succ, types = _link_rows(project, data.row_of)
    keep = np.flatnonzero((pred >= 0) & (succ >= 0))
    data.link_ids = PickedIds(ids, keep)
    data.link_pred, data.link_succ, data.link_type = pred[keep], succ[keep], types[keep]
    data.link_critical = data.critical[data.link_pred] & data.critical[data.link_succ]
    return from_schedule


def _link_rows(project: Project, row_of: dict[str, int]) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
    """(ids, pred row, succ row, type code) of every link, -1 for an end not shown, looked up by id."""
    # Column-wise through C-level map/attrgetter: a Python loop over 200,000 links was most of
    # the chart's build at 100,000 tasks.
    links, count = list(project.links.values()), len(project.links)
    rows = row_of.get
    pred = np.fromiter(map(rows, map(attrgetter("pred_id"), links), repeat(-1)), np.int64, count)
    succ = np.fromiter(map(rows, map(attrgetter("succ_id"), links), repeat(-1)), np.int64, count)
    types = np.fromiter(map(LINK_CODES.__getitem__, map(attrgetter("type"), links)), np.int8, count)
    return list(map(attrgetter("id"), links)), pred, succ, types  # LinkType is a StrEnum: "FS" finds LinkType.FS above
