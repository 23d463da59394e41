"""Plan-level edits: name, start, status date, author, Must finish by."""

from __future__ import annotations

from datetime import date

from ..domain import PlannerError, Project
from ..domain.text import check_typed_text
from .base import ChangeSet, Command

_FIELDS: dict[str, type | tuple[type, ...]] = {"name": str, "start": date, "status_date": (date, type(None)),
                                               "author": str, "must_finish_by": (date, type(None))}
_DATES = {"start", "status_date", "must_finish_by"}  # the fields the schedule reads


class SetPlanFields(Command):
    """Set the plan's name, start, status date, author or Must finish by as one step."""

    def __init__(self, text: str | None = None, **fields: object):
        self.fields = dict(fields)
        self.text = text or "Edit plan " + ", ".join(name.replace("_", " ") for name in sorted(fields))
        self._old: dict[str, object] = {}

    def apply(self, project: Project) -> ChangeSet:
        for name, value in self.fields.items():
            if name not in _FIELDS or not isinstance(value, _FIELDS[name]):
                raise PlannerError("task.bad_value", f"the plan's {name.replace('_', ' ')} cannot be {value!r}")
        if "name" in self.fields and not str(self.fields["name"]).strip():
            raise PlannerError("task.bad_value", "the plan's name cannot be empty")
        for name in ("name", "author"):
            if name in self.fields:
                check_typed_text("name", str(self.fields[name]), f"the plan's {name}")
        self._old = {name: getattr(project, name) for name in self.fields}
        for name, value in self.fields.items():
            setattr(project, name, value)
        return self._changes()

    def revert(self, project: Project) -> ChangeSet:
        for name, value in self._old.items():
            setattr(project, name, value)
        return self._changes()

    def _changes(self) -> ChangeSet:
        return ChangeSet(plan=True, dates=bool(_DATES & set(self.fields)))
