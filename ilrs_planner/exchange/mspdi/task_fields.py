"""Reading one MSPDI task's own fields: duration, constraint, deadline, actual and stored dates,
classification, estimate and baselines (`TaskFields`, which `read_tasks.TaskReader` is built on)."""

from __future__ import annotations

from datetime import date, datetime

from ...domain import (
    Classification,
    Confidence,
    ConstraintType,
    PlannerError,
    Precision,
    Project,
    Task,
    TaskKind,
    parse_iso_date,
)
from ...domain.durations import MAX_DURATION_DAYS
from .helpers import (
    CONSTRAINT_CODES,
    DAY_END,
    FINISH_CONSTRAINTS,
    MAX_BASELINES,
    deadline_from_stamp,
    finish_from_stamp,
    start_from_stamp,
)
from .task_record import TaskRecord, first_of_each, records_of
from .values import ELAPSED_FORMATS, Fields, Reader, whole_days

CONSTRAINTS_BY_CODE = {code: kind for kind, code in CONSTRAINT_CODES.items()}
# Text -> member of each enumeration a custom field holds, looked up without a call to the enumeration.
_KINDS = {member.value: member for member in TaskKind}
_CLASSIFICATIONS = {member.value: member for member in Classification}
_PRECISIONS = {member.value: member for member in Precision}
_CONFIDENCES = {member.value: member for member in Confidence}


def _hold_manual_start(task: Task, moment: datetime) -> None:
    """A manually scheduled task not yet started keeps the start MS Project stored as its manual
    start, beside its constraint (MS Project does not move a manual task for its constraint); a
    milestone stored at the end of a day (17:00) stays at the end of that day. Day and time both come
    from the one parsed `moment`, whatever way the stamp was written."""
    if task.actual_start is None and task.actual_finish is None:
        at_day_end = task.duration == 0 and moment.time() >= DAY_END
        task.manual_start = moment.date() if at_day_end else start_from_stamp(moment)
        task.manual_start_at_day_end = at_day_end


class TaskFields:
    """The per-task readings of `TaskReader`, which holds the state they use."""

    reader: Reader
    project: Project
    minutes_per_day: int
    stored: dict[str, tuple]
    earliest_start: date | None
    explicit_kind: set[str]
    owner_keys: dict[str, tuple[str, str]]
    baseline_entries: dict[int, dict[str, tuple[date, date]]]
    start_days: dict[str, date]
    finish_days: dict[str, date]
    deadline_days: dict[str, date]

    @property
    def warnings(self) -> list[str]:
        return self.reader.warnings

    def _duration(self, fields: Fields, fmt: int | None, name: str) -> int:
        raw = fields.text("Duration")
        if not raw:
            return 0
        per_day = 1440 if fmt in ELAPSED_FORMATS else self.minutes_per_day
        if raw.startswith("PT") and raw.endswith("H0M0S") and raw[2:-5].isdecimal() and len(raw) < 40:
            days, rest = divmod(60 * int(raw[2:-5]), per_day)  # whole hours, as MS Project writes them
            if not rest and days <= MAX_DURATION_DAYS:  # whole days within bounds: nothing to say
                return days
        where = f"{fields.where} ('{name[:60]}')"
        minutes = self.reader.minutes(raw, where, "duration") or 0.0
        if minutes < 0:  # refused as the CSV import refuses it: no plan, nor MS Project, holds one
            raise PlannerError("task.negative_duration", f"{where}: duration '{raw[:40]}' is negative; "
                               "a duration cannot be")
        return whole_days(minutes / per_day, where, "duration", self.warnings, up=True)

    def _dates(self, task: Task, fields: Fields) -> None:
        day_of, where = fields.day, fields.where
        code = fields.integer("ConstraintType", 0)
        kind = CONSTRAINTS_BY_CODE.get(code, ConstraintType.ASAP) if code is not None else ConstraintType.ASAP
        if code is not None and code not in CONSTRAINTS_BY_CODE:
            self.warnings.append(f"{where}: constraint {code} has no equivalent; the task is scheduled as soon "
                                 "as possible")
        if kind in FINISH_CONSTRAINTS:
            day = day_of("ConstraintDate", finish_from_stamp, self.finish_days)
        else:
            day = day_of("ConstraintDate", start_from_stamp, self.start_days)
        dated = kind.dated
        if dated and day is None:
            self.warnings.append(f"{where}: constraint {kind.value} has no date; dropped")
            kind, dated = ConstraintType.ASAP, False
        task.constraint, task.constraint_date = kind, (day if dated else None)
        task.deadline = day_of("Deadline", deadline_from_stamp, self.deadline_days)
        task.actual_start = day_of("ActualStart", start_from_stamp, self.start_days)
        task.actual_finish = day_of("ActualFinish", finish_from_stamp, self.finish_days)
        if task.actual_start and task.actual_finish and task.actual_finish < task.actual_start:
            # No plan can hold it (the scheduler refuses it): the rest of the file is still read.
            self.warnings.append(f"{where} ('{task.name}'): its actual finish is before its actual start "
                                 f"({task.actual_start}); the actual finish was left out")
            task.actual_finish = None
        percent = fields.integer("PercentComplete", 0) or 0
        task.percent_complete = min(max(percent, 0), 100)

    def _stored_dates(self, task: Task, fields: Fields) -> None:
        """MS Project's own start and finish; a manually scheduled task keeps its start."""
        task.manual = fields.flag("Manual")
        start = fields.day("Start", start_from_stamp, self.start_days)
        finish = fields.day("Finish", finish_from_stamp, self.finish_days)
        if start is not None and (self.earliest_start is None or start < self.earliest_start):
            self.earliest_start = start  # the plan's start if the file gives none
        if start is None or finish is None:
            return
        self.stored[task.id] = (start, max(finish, start))
        if task.manual and not fields.flag("Summary"):
            moment = self.reader.moment_of(fields.text("Start"), "Start", fields.where)
            if moment is not None:  # read as a day already, so it reads as a moment
                _hold_manual_start(task, moment)

    def _source_date(self, text: str, where: str) -> date | None:
        """The ISO date our own export writes; anything else is left out with a warning."""
        if not text:
            return None
        try:
            return parse_iso_date(text)
        except PlannerError:
            self.warnings.append(f"{where}: source date '{text[:40]}' is not a date (YYYY-MM-DD); left empty")
            return None

    def _classify(self, task: Task, custom: dict[str, str], fields: Fields) -> None:
        where = fields.where
        default_kind = TaskKind.MILESTONE if task.duration == 0 else TaskKind.TASK
        kind = custom.get("kind", "")
        task.kind = _KINDS.get(kind, default_kind)
        if kind in _KINDS:  # the file states the kind, whether or not it is the one the duration implies
            self.explicit_kind.add(task.id)
        task.classification = _CLASSIFICATIONS.get(custom.get("classification", ""), Classification.PUBLIC)
        task.precision = _PRECISIONS.get(custom.get("precision", ""), Precision.DAY)
        task.key_milestone = custom.get("key_milestone", "") == "yes"
        task.confidence = _CONFIDENCES.get(custom.get("confidence", ""))
        task.source_date = self._source_date(custom.get("source_date", ""), where)
        if custom.get("owner"):
            self.owner_keys[task.id] = (custom["owner"], where)
        estimate = custom.get("estimate", "").split("/")
        if len(estimate) == 3 and all(v.isdigit() for v in estimate):
            task.optimistic, task.most_likely, task.pessimistic = map(int, estimate)
        if fields.flag("Milestone") and task.duration > 0:
            self.warnings.append(f"{where}: marked as a milestone but lasts {task.duration} days; kept the duration")

    def _task_baselines(self, task_id: str, task: TaskRecord, where: str) -> None:
        for record in records_of(task, "Baseline"):
            fields = Fields.of_texts(first_of_each(record), self.reader, where)  # the first of each tag wins
            number = fields.integer("Number", 0)
            start = fields.day("Start", start_from_stamp, self.start_days)
            finish = fields.day("Finish", finish_from_stamp, self.finish_days)
            if number is None or not 0 <= number < MAX_BASELINES:
                self.warnings.append(f"{where}: baseline number {number} is not 0-10; ignored")
            elif start and finish:
                if finish < start:  # kept as read, it would be a bar ending before it begins
                    named = f"{where} ('{self.project.tasks[task_id].name[:80]}')"
                    self.warnings.append(f"{named}: baseline {number} finishes ({fields.text('Finish')[:40]}) "
                                         f"before it starts ({fields.text('Start')[:40]}); that baseline entry "
                                         "was left out")
                    continue
                self.baseline_entries.setdefault(number, {})[task_id] = (start, finish)
