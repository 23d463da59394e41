"""The owners' colours of the table's icons, as the chart paints their bars.

The chart makes owners whose colours would print as one grey lighter or darker (chart/print_greys),
so a bar's colour depends on which owners the plan's tasks name. Working that out from every task
after each edit costs some 30 ms at 100,000 tasks; the owners are counted once and then kept up to
date from the tasks each edit touched, as the chart keeps its own count (chart/tally).
"""

from __future__ import annotations

from collections.abc import Iterable

from ...chart.palette import owner_colors
from ...chart.tally import Tally
from ...domain import Project


class OwnerIconColors:
    """Owner id -> '#rrggbb' for the plan shown, worked out when first asked after a change."""

    def __init__(self) -> None:
        self._owners: Tally | None = None  # counted when first asked
        self._colors: dict[str | None, str] | None = None

    def of(self, project: Project) -> dict[str | None, str]:
        """The colours the chart gives the plan's owners now."""
        if self._owners is None:
            self._owners = Tally(project, "owner_id")
        if self._colors is None:
            self._colors = owner_colors(project, self._owners.values())
        return self._colors

    def changed(self, project: Project, task_ids: Iterable[str], replaced: bool) -> None:
        """After an edit of `task_ids` (or a plan opened: `replaced`); a participant's colour may have changed too."""
        if replaced:
            self._owners = None
        elif self._owners is not None:
            self._owners.update(project, task_ids)
        self._colors = None
