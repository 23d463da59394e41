"""A task list's records made from its text by compiled patterns, without an element per tag.

MS Project writes each task as flat `<Tag>text</Tag>` children, a few of which (predecessor links,
custom field values, baselines) hold one more level of such children. `scan` turns a stretch of the
task list written that way into the tasks' `task_record`s with `re` (C) doing the work per tag (per
task, once the task's layout recurs: `task_layouts`), and answers None for anything else: a comment,
CDATA, a processing instruction, an attribute, a self-closing or spaced tag, a namespace prefix, a
deeper nesting, a child of the list that is not a `<Task>`, a reference other than XML's own. Every
`<` of the stretch must belong to a tag the patterns read (counted, so nothing is skipped unseen); in
a well-formed file (which the caller checks with expat, `plain_file`) each start tag followed by text
and an end tag is then a leaf, and the records are those the element tree gives, texts unescaped and
line ends normalised as expat does them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import accumulate, pairwise
from sys import intern
from typing import cast

from .task_layouts import Layout, Layouts
from .task_record import TaskRecord

_NAME = r"[A-Za-z_][A-Za-z0-9_.\-]*"
# A child of a task: its tag, its text, and (when it holds children of its own) the stretch of them.
_CHILD = re.compile(rf"<({_NAME})>([^<]*+)(?:</{_NAME}>|((?:<{_NAME}>[^<]*+</{_NAME}>[^<]*+)++)</{_NAME}>)")
_GRANDCHILD = re.compile(rf"<({_NAME})>([^<]*+)</")
_REFERENCE = re.compile(r"&(?:(lt|gt|amp|quot|apos)|#([0-9]+)|#x([0-9a-fA-F]+));")
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}


class _NotPlainText(Exception):
    """The text is not the plain grammar `scan` reads (the caller parses the file as before)."""


def task_list_text(data: bytes) -> str:
    """A stretch of a task list's bytes as `scan` reads it: its text, every line end read as "\n" as
    expat reads it (a "&#13;" stays, so this comes first). UnicodeDecodeError if it is not UTF-8."""
    text = data.decode("utf-8")
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def scan(text: str, most_elements: int, layouts: Layouts | None = None,
         spans: list[tuple[int, int]] | None = None) -> list[TaskRecord] | None:
    """The records of the tasks in `text`, a stretch of a task list that starts and ends between two
    tasks, or None if it is not written plainly or holds a task of more than `most_elements` elements.
    A task of a layout seen before is read by one match (`task_layouts`; `layouts`: those of the file so
    far), any other child by child. `spans`: where each task's text starts and ends is added to it (in
    `text` as `task_list_text` gives it), so that a task's record can be read again from those alone."""
    return cast("list[TaskRecord] | None", scan_taking(text, most_elements, layouts or Layouts(), spans))


# (a task's layout, its match's groups) -> whether the task was taken so and needs no record
Taker = Callable[[Layout, tuple[str, ...]], bool]


def scan_taking(text: str, most_elements: int, layouts: Layouts, spans: list[tuple[int, int]] | None = None,
                take: Taker | None = None, marks: int | None = None) -> list[TaskRecord | None] | None:
    """`scan`, with each task of a layout seen before offered to `take` first: None in its record's place
    where `take` took it (its record is never made). `marks`: the count of `<` in `text`, if the caller
    has counted them (in the stretch's bytes, where each `<` is one byte)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if marks is None:
        marks = text.count("<")
    if marks > 2 * most_elements:  # a task this big (or near it) is left to the element tree's bounds
        return None
    plain = "&" not in text
    records: list[TaskRecord | None] = []
    position = 0
    try:
        while (stop := text.find("</Task>", position)) >= 0:
            found = layouts.match(text, position, stop, None if plain else unescape)
            record: TaskRecord | None
            if found is not None:
                record = None if take is not None and take(*found) else found[0].record(found[1])
            else:
                record = _piece(text[position:stop], plain)
                if record is None:
                    return None
                layouts.learn(record)
            records.append(record)
            if spans is not None:
                spans.append((position, stop + len("</Task>")))
            position = stop + len("</Task>")
    except _NotPlainText:
        return None
    return None if text.find("<", position) >= 0 else records


def _piece(piece: str, plain: bool) -> TaskRecord | None:
    """The record of one task's text (up to its `</Task>`) read child by child, or None."""
    before, start, body = piece.partition("<Task>")
    if not start or "<" in before:
        return None
    children = _CHILD.findall(body)
    tags, texts, inners = tuple(zip(*children)) if children else ((), (), ())
    nested = "".join(inners)  # the stretches of the children that hold children
    if 2 * len(children) + nested.count("<") != body.count("<"):
        return None  # a "<" no pattern read: a comment, CDATA, an attribute, ...
    return _record(tags, texts, inners, nested, plain)


def _record(tags: tuple[str, ...], texts: tuple[str, ...], inners: tuple[str, ...], nested: str,
            plain: bool) -> TaskRecord:
    """A task's record from its children's tags, texts and stretches of children (`nested` joins those).
    The grandchildren are read from `nested` in one call and cut into each child's by their counts."""
    if not plain:
        texts = tuple(map(unescape, texts))
    if not nested:
        return tuple(map(intern, tags)), texts, inners
    below_tags, below_texts = zip(*_GRANDCHILD.findall(nested))
    if not plain:
        below_texts = tuple(map(unescape, below_texts))
    below_tags = tuple(map(intern, below_tags))
    # A child's stretch holds one "</" per grandchild (a text holds no "<"): the bounds of its share.
    bounds = pairwise(accumulate([inner.count("</") if inner else 0 for inner in inners], initial=0))
    # The tags as one object each (as expat gives them), so `marshal` sends each once per batch.
    return tuple(map(intern, tags)), texts, tuple([(below_tags[start:end], below_texts[start:end]) if start != end
                                                   else "" for start, end in bounds])


def unescape(text: str) -> str:
    """`text` with XML's own references replaced as expat replaces them; _NotPlainText for any other `&`."""
    if "&" not in text:
        return text
    if text.count("&") != len(_REFERENCE.findall(text)):  # each reference holds one "&"
        raise _NotPlainText(text[:40])
    try:
        return _REFERENCE.sub(_character, text)
    except (ValueError, OverflowError):  # a number beyond Unicode (which expat refuses too)
        raise _NotPlainText(text[:40]) from None


def _character(match: re.Match) -> str:
    named, decimal, hexadecimal = match.groups()
    if named:
        return _NAMED[named]
    return chr(int(decimal) if decimal else int(hexadecimal, 16))
