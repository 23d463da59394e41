"""A task as plain tuples: what the task reader needs of a `<Task>` element, made in C-backed comprehensions.

A record holds the task's children column by column: their tags, their texts, and for each its own
children as (tags, texts) columns, or "" when it has none; an element without text has "" (which
every reader of a text takes as it takes an absent one). Nothing deeper is read from a task.
`task_scan` makes the same records from the file's text. Tuples of strings cross a pipe as they are
(`marshal`), so a task parsed in a worker process (`parse_worker`) is read by the same code as one
parsed here. Columns rather than a tuple per child: a tenth of the objects to make, send and
unmake, and a task's texts by tag or its children of one tag are found by C calls (`dict`, `zip`,
`compress`), not a Python step per child.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from itertools import compress

Below = tuple[tuple[str, ...], tuple[str, ...]] | str  # a child's children as (tags, texts), or ""
TaskRecord = tuple[tuple[str, ...], tuple[str, ...], tuple[Below, ...]]


def task_record(task: ET.Element) -> TaskRecord:
    children = list(task)
    return (tuple([child.tag for child in children]), tuple([child.text or "" for child in children]),
            tuple([_below(child) if len(child) else "" for child in children]))


def _below(child: ET.Element) -> Below:
    return tuple([below.tag for below in child]), tuple([below.text or "" for below in child])


def first_texts(record: TaskRecord) -> dict[str, str | None]:
    """A task's child texts by tag, the first child of each tag winning (as `find` does)."""
    tags, texts, _ = record
    return dict(zip(reversed(tags), reversed(texts)))


def records_of(record: TaskRecord, tag: str) -> list[Below]:
    """The children of each child named `tag` (as `findall(tag)` finds the children)."""
    tags, _, belows = record
    return list(compress(belows, map(tag.__eq__, tags)))


def first_of_each(below: Below) -> dict[str, str | None]:
    """A child's children's texts by tag (the first of each tag winning, as `findtext` finds them)."""
    return dict(zip(reversed(below[0]), reversed(below[1]))) if below else {}


def record_element(record: TaskRecord) -> ET.Element:
    """The `<Task>` element a record was made of (children and grandchildren, their texts)."""
    task = ET.Element("Task")
    for tag, text, below in zip(*record):
        child = ET.SubElement(task, tag)
        child.text = text
        for below_tag, below_text in zip(*below) if below else ():
            ET.SubElement(child, below_tag).text = below_text
    return task
