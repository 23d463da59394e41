"""A task as plain tuples: what the task reader needs of a `<Task>` element, made in C-backed comprehensions.

A record is the task's children, in order, each as (tag, text, its own children as (tag, text)
pairs, or "" when it has none); an element without text has "" (which every reader of a text takes
as it takes an absent one). Nothing deeper is read from a task. `task_scan` makes the same records
from the file's text. Tuples of strings cross a pipe as they are (`marshal`),
so a task parsed in a worker process (`parse_worker`) is read by the same code as one parsed here.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

Pair = tuple[str, str]
Child = tuple[str, str, "tuple[Pair, ...] | str"]
TaskRecord = tuple[Child, ...]


def task_record(task: ET.Element) -> TaskRecord:
    return tuple([(child.tag, child.text or "", tuple([(below.tag, below.text or "") for below in child])
                   if len(child) else "") for child in task])


def first_texts(record: TaskRecord) -> dict[str, str | None]:
    """A task's child texts by tag, the first child of each tag winning (as `find` does)."""
    return {tag: text for tag, text, _ in reversed(record)}


def records_of(record: TaskRecord, tag: str) -> list[tuple[Pair, ...] | str]:
    """The children of each child named `tag` (as `findall(tag)` finds the children)."""
    return [below for child_tag, _, below in record if child_tag == tag]


def first_of_each(below: tuple[Pair, ...] | str) -> dict[str, str | None]:
    """A child's children's texts by tag (the first of each tag winning, as `findtext` finds them)."""
    return dict(reversed(below)) if isinstance(below, tuple) else {}


def record_element(record: TaskRecord) -> ET.Element:
    """The `<Task>` element a record was made of (children and grandchildren, their texts)."""
    task = ET.Element("Task")
    for tag, text, below in record:
        child = ET.SubElement(task, tag)
        child.text = text
        for below_tag, below_text in below if isinstance(below, tuple) else ():
            ET.SubElement(child, below_tag).text = below_text
    return task
