"""Another plan's custom fields (MS Project's Text1..30, Number, Flag, Date, Duration, Cost, Start and
Finish fields, outline codes): no ILRS plan holds them, so an import names each one that carried a
value, as MS Project shows it (its alias, else its own name: 'Text1'), with how many tasks carried one.

A file written by MS Project defines every custom field it uses before its tasks (ExtendedAttributes,
and OutlineCodes in older files); a file defining none but ours (`custom_field_map`) is not looked
through task by task, so our own export reads as fast as before.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from itertools import compress

from .task_record import Below, TaskRecord, first_of_each

_DEFINITIONS = ("ExtendedAttributes/ExtendedAttribute", "OutlineCodes/OutlineCode")
MOST_NAMED = 20  # custom fields named one by one in the notes; the rest are counted in one
_IS_VALUE = frozenset(("ExtendedAttribute", "OutlineCode")).__contains__  # a task's value of a custom field


def _definitions(root: ET.Element, ours: set[str]) -> dict[str, str]:
    """FieldID -> the name MS Project shows, for every custom field the file defines that is not ours."""
    names: dict[str, str] = {}
    for path in _DEFINITIONS:
        for definition in root.iterfind(path):
            field_id = (definition.findtext("FieldID") or "").strip()
            if field_id and field_id not in ours:
                shown = (definition.findtext("Alias") or "").strip() or (definition.findtext("FieldName") or "").strip()
                names.setdefault(field_id, shown[:60] or f"FieldID {field_id[:20]}")
    return names


class ForeignFields:
    """Counts, field by field, the tasks carrying a value of a custom field the plan cannot keep."""

    def __init__(self, root: ET.Element, ours: dict[str, str]):
        self.ours = set(ours)
        self.names = _definitions(root, self.ours)
        self.tasks_with: Counter[str] = Counter()
        self.on_project: set[str] = set()  # fields the project summary task (UID 0) holds a value of

    def take(self, record: TaskRecord) -> None:
        if not self.names:  # a file defining no field but ours: not looked through (our export's 100,000
            return  # tasks' values took 0.2-0.36 s more to look through, for nothing)
        tags, texts, belows = record
        # As MS Project writes a value, FieldID first: read without a call (a partner's 100,000 tasks).
        found = {below[1][0] if below and below[0][0] == "FieldID" else _field_id(below)
                 for below in compress(belows, map(_IS_VALUE, tags))}
        found = {field_id.strip() for field_id in found} - self.ours
        found.discard("")
        if not found:
            return
        if (texts[tags.index("UID")] if "UID" in tags else "").strip() == "0":
            self.on_project |= found  # the project summary task is no task of the plan: said apart
        else:
            self.tasks_with.update(found)

    def report(self, warnings: list[str]) -> None:
        """One warning a field, in the file's order of definitions (fields it does not define last)."""
        order = list(self.names) + sorted((set(self.tasks_with) | self.on_project) - set(self.names))
        carried = [fid for fid in order if self.tasks_with.get(fid) or fid in self.on_project]
        for field_id in carried[:MOST_NAMED]:
            count = self.tasks_with.get(field_id, 0)
            carriers = [f"{count:,} task{'s' if count != 1 else ''}"] if count else []
            carriers += ["the project summary task"] if field_id in self.on_project else []
            name = self.names.get(field_id) or f"FieldID {field_id[:20]}"
            warnings.append(f"custom field '{name}' not imported (a plan has no place for it): "
                            f"{' and '.join(carriers)} carried a value")
        rest = carried[MOST_NAMED:]
        if rest:  # a file naming thousands of fields would bury every other note
            values = sum(self.tasks_with.get(fid, 0) + (fid in self.on_project) for fid in rest)
            warnings.append(f"and {len(rest):,} more custom fields not imported ({values:,} values in all)")


def _field_id(below: Below) -> str:
    """A value's FieldID: its first child as MS Project writes it, else the first FieldID among them."""
    if below and below[0][:1] == ("FieldID",):
        return below[1][0]
    return first_of_each(below).get("FieldID") or ""
