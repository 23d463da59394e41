"""Reading MSPDI tasks: outline, ids and keys, custom fields and links; each task's own fields in `task_fields`."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date

from ...domain import PlannerError, Project, Task, TaskKind, fresh_ids
from .links_early import EarlyLinks
from .read_links import LinkTexts, link_texts, read_links
from .task_fields import TaskFields
from .task_record import TaskRecord, first_of_each, first_texts, record_element, records_of
from .values import ELAPSED_FORMATS, Fields, Reader

_ID_TEXT = re.compile(r"[0-9a-zA-Z_-]{1,64}")
_FIELD_AND_VALUE = ("FieldID", "Value")  # a custom field's value's children, as MS Project writes them


class TaskReader(TaskFields):
    """Turns Task elements into tasks and links of `project`, warning about what it cannot carry."""

    def __init__(self, project: Project, reader: Reader, fields: dict[str, str], minutes_per_day: int,
                 owners: dict[str, str], calendars: dict[str, str] | None = None):
        self.project, self.reader, self.fields = project, reader, fields
        self.calendars = calendars or {}  # calendar UID -> calendar id in the plan
        self.stored: dict[str, tuple] = {}  # task id -> (start, exclusive finish) MS Project stored
        self.minutes_per_day, self.owners = minutes_per_day, owners
        self.by_uid: dict[str, str] = {}
        # (successor id, its link's texts in `LinkTexts` order, where): a plain link's as sent (`plain_task`)
        self.pending_links: list[tuple[str, LinkTexts | tuple[str, ...], str]] = []
        self.early_links = EarlyLinks(minutes_per_day)  # those taken as tasks arrive
        self.baseline_entries: dict[int, dict[str, tuple[date, date]]] = {}
        self.summary_durations: dict[str, int] = {}
        self.keys: set[str] = set()
        self.child_count: dict[str | None, int] = {}  # next sibling position per parent
        self.suffix: dict[str, int] = {}  # last numeric suffix given to a repeated key
        self.explicit_kind: set[str] = set()  # tasks whose kind the file states (ILRS kind field)
        self.earliest_start: date | None = None  # of the stored starts
        self.parents: list[str] = []  # ids of the open summaries, outermost first
        self.summary: ET.Element | None = None  # the project summary task (UID 0)
        # Resources follow the tasks in an MSPDI file, so an owner named by key is found at the end.
        self.owner_keys: dict[str, tuple[str, str]] = {}  # task id -> (owner key, where)
        self.ids = fresh_ids()  # for tasks whose id the file does not give (any file but our export)
        # Stamp text -> day, per reading of a stamp (see Fields.day).
        self.start_days: dict[str, date] = {}
        self.finish_days: dict[str, date] = {}
        self.deadline_days: dict[str, date] = {}
        self.durations: dict[tuple[str | None, int], int] = {}  # (text, minutes a day) -> whole days (`plain_task`)

    def read_one(self, record: TaskRecord) -> None:
        """Read one Task element (as its `task_record`), in file order (its outline level places it under
        the open summaries)."""
        fields = Fields.of_texts(first_texts(record), self.reader)
        uid = fields.text("UID")
        fields.where = f"task UID {uid}"
        level = fields.integer("OutlineLevel", None)
        if uid == "0" or (level == 0 and self.summary is None and not self.by_uid):
            self.summary = record_element(record)  # the project summary task: UID 0, or the first task at level 0
            self._plan_id(record)
            return
        if fields.flag("IsNull") or uid in self.by_uid or not uid:
            if uid in self.by_uid:
                self.warnings.append(f"task UID {uid} appears twice; the second was left out")
            return
        level = self._checked_level(fields, level)
        self.parents = self.parents[:level - 1]
        task = self._task(record, fields, uid, self.parents[-1] if self.parents else None)
        self.parents.append(task.id)

    def _checked_level(self, fields: Fields, level: int | None) -> int:
        """The task's outline level: refused below 1 (0 is the project summary task's alone); a level
        more than one deeper than the task above is placed just under it, with a warning."""
        if level is not None and level < 1:
            where = f"{fields.where} ('{fields.text('Name')[:60]}')"
            raise PlannerError("import.bad_file", f"{where}: OutlineLevel {level} is not a task's outline level "
                               "(1 or more; 0 is the project summary task's, which comes first)")
        level = level or self._level_from_outline(fields)
        if level > len(self.parents) + 1:
            where = f"{fields.where} ('{fields.text('Name')[:60]}')"
            self.warnings.append(f"{where}: OutlineLevel {level} follows level {len(self.parents)}, skipping "
                                 f"levels; placed at level {len(self.parents) + 1}, under the task above it")
            level = len(self.parents) + 1
        return level

    def finish(self, loops_dropped: bool = True) -> None:
        """What needs every task: summaries' durations, owners named by key, then the links (see read_links)."""
        self._finish_outline()
        self._resolve_owners()
        read_links(self, loops_dropped)

    def _level_from_outline(self, fields: Fields) -> int:
        number = fields.text("OutlineNumber", "")
        return number.count(".") + 1 if number else 1

    def _plan_id(self, record: TaskRecord) -> None:
        values = self._custom(record)
        if _ID_TEXT.fullmatch(values.get("id", "")):
            self.project.id = values["id"]

    def _custom(self, record: TaskRecord) -> dict[str, str]:
        values = {}
        for attribute in records_of(record, "ExtendedAttribute"):
            if isinstance(attribute, tuple) and attribute[0] == _FIELD_AND_VALUE:  # as MS Project writes one
                field_id, value = attribute[1]
            else:
                texts = first_of_each(attribute)  # the first FieldID and Value win, as with `findtext`
                field_id, value = texts.get("FieldID") or "", texts.get("Value") or ""
            field = self.fields.get(field_id.strip())
            if field:
                values[field] = value.strip()
        return values

    # A change to how a task's fields are read here (texts stripped or cut, dates, kinds, custom
    # fields) must be made in plain_task.py / plain_fields.py too, which read the plain task in one pass: the tests
    # comparing the two paths (test_mspdi_plain_task.py) catch a difference only on the files they read.
    def _task(self, record: TaskRecord, fields: Fields, uid: str, parent_id: str | None) -> Task:
        where = fields.where
        custom = self._custom(record)
        task_id = custom.get("id", "")
        if not _ID_TEXT.fullmatch(task_id) or task_id in self.project.tasks:
            task_id = next(self.ids)
        name = fields.text("Name") or "(unnamed)"
        key = self._unique_key(custom.get("key") or fields.text("WBS", "") or f"T{uid}", where)
        duration_format = fields.integer("DurationFormat", 7)
        task = Task(key=key, name=name[:512], id=task_id, parent_id=parent_id,
                    position=self._next_position(parent_id), duration=self._duration(fields, duration_format, name),
                    elapsed=duration_format in ELAPSED_FORMATS,
                    calendar_id=self.calendars.get(fields.text("CalendarUID")))
        self._dates(task, fields)
        self._stored_dates(task, fields)
        self._classify(task, custom, fields)
        task.source_url = fields.text("HyperlinkAddress")
        task.notes = fields.text("Notes")
        self.project.add_task(task)
        self.by_uid[uid] = task.id
        self.pending_links += [(task.id, link_texts(self.reader, link, where), where)
                               for link in records_of(record, "PredecessorLink")]
        self.early_links.take(self, task.id)
        self._task_baselines(task.id, record, where)
        if custom.get("summary_duration", "").isdigit():
            self.summary_durations[task.id] = int(custom["summary_duration"])
        return task

    def _next_position(self, parent_id: str | None) -> int:
        position = self.child_count.get(parent_id, 0)
        self.child_count[parent_id] = position + 1
        return position

    def _unique_key(self, key: str, where: str) -> str:
        key = key[:100]
        if key in self.keys:
            # Counting on from the last suffix used for this key keeps a file of identical keys linear.
            n = self.suffix.get(key, 1)
            while f"{key}-{n + 1}" in self.keys:
                n += 1
            self.suffix[key] = n + 1
            fresh = f"{key}-{n + 1}"
            self.warnings.append(f"{where}: key '{key}' is used twice; this one became '{fresh}'")
            key = fresh
        self.keys.add(key)
        return key

    def _finish_outline(self) -> None:
        """Summaries keep their own duration (Text8) or none; their span comes from their sub-tasks, and so
        does their % complete (MS Project writes the roll-up, which the table works out again: kept, it
        made a plan read back differ from the plan written)."""
        for summary_id in self.project.summary_ids():
            task = self.project.tasks[summary_id]
            task.duration = self.summary_durations.get(summary_id, 0)
            task.percent_complete = 0
            if task.kind == TaskKind.MILESTONE and summary_id not in self.explicit_kind:
                task.kind = TaskKind.PHASE  # a summary is not a milestone unless the file says so

    def _resolve_owners(self) -> None:
        by_key = {p.key: p.id for p in self.project.participants.values()}
        for task_id, (owner_key, where) in self.owner_keys.items():
            self.project.tasks[task_id].owner_id = by_key.get(owner_key)
            if owner_key not in by_key:
                self.warnings.append(f"{where}: owner '{owner_key}' is not among the resources; left empty")

    def read_assignments(self, root: ET.Element) -> None:
        """Assignments cannot be carried (no effort model); the first one names a task's owner if unset."""
        count = 0
        for assignment in root.iterfind("Assignments/Assignment"):
            task_id = self.by_uid.get(self.reader.text(assignment, "TaskUID", "an assignment"))
            owner = self.owners.get(self.reader.text(assignment, "ResourceUID", "an assignment"))
            if task_id and owner:
                count += 1
                if self.project.tasks[task_id].owner_id is None:
                    self.project.tasks[task_id].owner_id = owner
        if count:
            self.warnings.append(f"{count} resource assignment(s) not carried over (work, units, costs); "
                                 "each task's first assigned resource became its owner")

