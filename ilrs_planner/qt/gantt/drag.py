"""Mouse drags on the chart: move a bar, stretch its end, draw a link, or pan the background.

While dragging nothing in the project changes; the canvas draws a preview. On release exactly
one command is pushed, so a drag is one undo step.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from ...chart import Hit, TimeScale
from ...commands.base import Command
from ...commands.drop_preview import dates_after
from ...commands.links import AddLink, check_link_allowed
from ...commands.tasks import TASK_NAMED, MoveTaskStart, SetPlannedFinish
from ...domain import LinkType, PlannerError, Precision
from ...domain.durations import format_days
from ...domain.working_count import WorkedDays
from ...engine.kept_columns import VariantColumns
from ...engine.schedule import TaskDates
from ...engine.whatif import duration_finishing_on
from ..document import Document

LINK_AWAY_ROWS = 0.75  # leaving the bar's row by this much turns a move into "draw a link"
CLICK_SLOP_PX = 3.0


@dataclass
class Drag:
    """One drag in progress, in chart pixels (x) and content pixels (y)."""

    mode: str  # 'pan', 'move', 'resize', 'link'
    hit: Hit | None
    x0: float
    y0: float
    scale: TimeScale
    v_offset: int
    x: float = 0.0
    y: float = 0.0
    moved: bool = False
    landings: dict[int, TaskDates | PlannerError] = field(default_factory=dict)  # per day moved (see landing)
    variants: VariantColumns | None = None  # the plan's columns with the bar's task moved (see landing)

    def update(self, x: float, y: float, row_height: float) -> None:
        """Follow the pointer; a bar dragged well off its row starts a link instead."""
        self.x, self.y = x, y
        self.moved = self.moved or abs(x - self.x0) > CLICK_SLOP_PX or abs(y - self.y0) > CLICK_SLOP_PX
        if self.mode == "move" and abs(y - self.y0) > row_height * LINK_AWAY_ROWS:
            self.mode = "link"

    @property
    def days(self) -> int:
        """Whole days the pointer has travelled (drags snap to days)."""
        return int(round((self.x - self.x0) / self.scale.px_per_day))


def start_mode(hit: Hit | None) -> str:
    """What pressing on `hit` will do if the pointer then moves."""
    if hit is None or hit.kind in ("link", "summary"):
        return "pan"
    return "resize" if hit.kind == "bar_end" else "move"


def days_read(document: Document, task_id: str, start: date, finish: date) -> tuple[date, date]:
    """The chart's (start, exclusive finish) of a task as a person reads them: a milestone at the end
    of a day (a point the day after, see engine.schedule.TaskDates) is that day's."""
    schedule = document.schedule
    dates = schedule.tasks.get(task_id) if schedule is not None else None
    if dates is not None and dates.early_at_day_end and start == finish:
        return start - timedelta(days=1), finish - timedelta(days=1)
    return start, finish


def worked_days(document: Document, task_id: str, start: date, finish: date) -> int:
    """Days of work in [start, finish) as the tree's Duration counts them: working days of the task's
    calendar (calendar days for an elapsed duration)."""
    return WorkedDays(document.project).between(document.project.tasks[task_id], start, finish)


def landing(drag: Drag, document: Document, shown_start: date) -> TaskDates | PlannerError:
    """Where a moved bar lands if dropped now: the dates the command the drop pushes (MoveTaskStart)
    gives the task, scheduled on a copy of the plan (a start on a day off moves to the next working
    day; the finish is the duration counted on the task's calendar). Worked out once per day the
    pointer reaches, from the inputs and passes the window keeps for the plan (see
    commands.drop_preview); a PlannerError when the drop would be refused."""
    if drag.days not in drag.landings:
        assert drag.hit is not None and drag.hit.task_id is not None  # a bar is being moved
        task_id = drag.hit.task_id
        try:
            if drag.variants is None:
                drag.variants = document.variant_columns({task_id})
            drag.landings[drag.days] = dates_after(document.project, move_command(drag, shown_start), task_id,
                                                   drag.variants)
        except PlannerError as error:
            drag.landings[drag.days] = error
    return drag.landings[drag.days]


def move_command(drag: Drag, shown_start: date) -> MoveTaskStart:
    """The command a bar moved by the pointer's days stands for."""
    assert drag.hit is not None and drag.hit.task_id is not None
    return MoveTaskStart(drag.hit.task_id, shown_start + timedelta(days=drag.days))


def drag_dates_text(drag: Drag, shown_start: date, shown_finish: date, document: Document | None = None) -> str:
    """What the dragged bar would become, as a person reads dates: first and last day of work, and
    its duration as the tree writes it (working days of the task's calendar, given the document)."""
    if drag.mode == "move" and document is not None and drag.hit is not None and drag.hit.task_id is not None:
        return _moved_text(drag, document, shown_start)
    if drag.mode == "move":
        start = shown_start + timedelta(days=drag.days)
        finish = shown_finish + timedelta(days=drag.days)
    elif drag.mode == "resize":
        start = shown_start
        finish = shown_start + timedelta(days=resized_days(drag, shown_start))
    else:
        return ""
    last = finish - timedelta(days=1) if finish > start else finish
    elapsed = False
    if document is None or drag.hit is None or drag.hit.task_id is None:
        days = (finish - start).days
    elif drag.mode == "resize":
        elapsed = document.project.tasks[drag.hit.task_id].elapsed
        try:
            days = dropped_duration(document, drag.hit.task_id, start, finish)
        except PlannerError as error:  # before the status date, for work under way: said, not dropped
            return f"{start.isoformat()} – {last.isoformat()}: {error.message}"
    return f"{start.isoformat()} – {last.isoformat()} ({format_days(days, elapsed)})"


def _moved_text(drag: Drag, document: Document, shown_start: date) -> str:
    """The first and last day of work a moved bar lands on, and its days of work as the tree counts them."""
    assert drag.hit is not None and drag.hit.task_id is not None
    landed = landing(drag, document, shown_start)
    if isinstance(landed, PlannerError):
        return f"{(shown_start + timedelta(days=drag.days)).isoformat()}: {landed.message}"
    days = worked_days(document, drag.hit.task_id, landed.early_start, landed.early_finish)
    return f"{landed.shown_start.isoformat()} – {landed.shown_finish.isoformat()} " \
           f"({format_days(days, document.project.tasks[drag.hit.task_id].elapsed)})"


def dropped_duration(document: Document, task_id: str, start: date, end: date) -> int:
    """The duration that puts the task's last day of work on the day before `end`, where its bar's end
    was dropped: the days of work from its start, as typed in Duration. A task under way is what the
    what-if's "finish on" makes it (engine.whatif.under_way_duration): its remaining work runs from
    the status date at its % complete, so days counted from its start would land its finish elsewhere.
    PlannerError when that day is before the status date (or its actual start)."""
    return duration_finishing_on(document.project, document.project.tasks[task_id], start, end - timedelta(days=1))


def resized_days(drag: Drag, shown_start: date) -> int:
    """The duration the pointer stretches the bar to (at least one day)."""
    return max(int(round(drag.x / drag.scale.px_per_day + drag.scale.origin)) - shown_start.toordinal(), 1)


def finish_command(drag: Drag, document: Document, target: Hit | None, shown_start: date,
                   shown_finish: date) -> Command | None:
    """The one command a finished drag stands for, or None (a click, a zero move).

    Raises PlannerError (e.g. link.cycle naming the loop) before anything is pushed.
    """
    if not drag.moved or drag.hit is None:
        return None
    task_id = drag.hit.task_id
    if drag.mode == "move" and drag.days:
        return move_command(drag, shown_start)
    if drag.mode == "resize":  # the end dropped on a day: the task's last day of work from then on
        end = shown_start + timedelta(days=resized_days(drag, shown_start))
        days = dropped_duration(document, task_id, shown_start, end)
        task = document.project.tasks[task_id]
        if days == (task.duration if task.actual_start else worked_days(document, task_id, shown_start, shown_finish)):
            return None  # dropped where it ends (or on a day off after its last day of work)
        # A date the planner sets, as a Finish typed: a sourced task becomes an assumption, known to the day.
        return SetPlannedFinish(task_id, text=f"Set finish of {TASK_NAMED} to {(end - timedelta(days=1)).isoformat()}",
                               duration=days, precision=Precision.DAY)
    if drag.mode == "link" and target is not None and target.task_id not in (None, task_id):
        check_link_allowed(document.project, task_id, target.task_id)
        return AddLink(task_id, target.task_id, LinkType.FS, 0)
    if drag.mode == "link" and target is not None and target.task_id == task_id:
        raise PlannerError("link.self", f"{document.project.tasks[task_id].key} cannot depend on itself", [task_id])
    return None
