"""A chart's arrays built whole for a plan's rows: the rows, their roll-ups, links and phase bands."""

from __future__ import annotations

from itertools import compress, repeat
from operator import is_, is_not

from ..domain import Project, Task
from ..engine.schedule import Schedule, TaskTable
from ..engine.shown_precision import ShownPrecision
from .data import ChartData
from .link_rows import add_links
from .list_ends import table_ids
from .phases import on_chains, phase_bands, phase_tasks
from .rollup_rows import rollups_of
from .row_arrays import row_arrays
from .row_dates import schedule_places
from .row_inputs import RowInputs, RowSource
from .tally import Tally


def build_chart_data(project: Project, schedule: Schedule | None, rows: list[str], *,
                     baseline: str | None = None, whiskers: dict | None = None,
                     highlight: dict[str, str] | None = None, current: bool = False,
                     shown: ShownPrecision | None = None) -> ChartData:
    """Arrays for `rows` (task ids in display order); unknown ids are dropped. `current`: the
    caller derived `schedule` from `project` as it is now (see add_links); `shown`: the shown
    precisions of `project` as `schedule` dates it, when the caller keeps them (else found here)."""
    rows, tasks = _known(project, rows)
    parents = Tally(project, "parent_id")
    inputs = RowInputs.of(project, schedule, baseline=baseline, whiskers=whiskers, highlight=highlight,
                          summaries=parents.values() - {None}, shown=True if shown is None else shown)
    places = schedule_places(schedule, rows)
    data = row_arrays(inputs, rows, tasks, places)
    data.rollups = rollups_of(project, schedule, data, inputs.summaries, inputs.owner_color, inputs.color_index, tasks,
                              places)
    from_schedule = add_links(data, project, schedule, places, same_links=current)
    phases = phase_tasks(project)
    data.phases = phase_bands(project, schedule, phases)
    data.source = RowSource(tasks, places, table_ids(schedule.tasks) if places is not None else [],  # type: ignore[union-attr]
                            inputs.summaries, inputs.shown is not None, phases,
                            on_chains(project, phases), parents, Tally(project, "owner_id"), inputs.owner_color,
                            schedule_places(schedule, [task.id for task in phases]) if places is not None else None,
                            schedule.tasks if places is not None and isinstance(schedule.tasks, TaskTable) else None,  # type: ignore[union-attr]
                            len(project.links) if from_schedule else None, inputs.shown_other())
    return data


def _known(project: Project, rows: list[str]) -> tuple[list[str], list[Task]]:
    """The rows whose tasks are in the plan, and those tasks: one lookup per row, not two."""
    tasks = list(map(project.tasks.get, rows))
    if any(map(is_, tasks, repeat(None))):
        known = list(map(is_not, tasks, repeat(None)))
        rows, tasks = list(compress(rows, known)), list(compress(tasks, known))
    return rows, tasks  # type: ignore[return-value]  # no None left
