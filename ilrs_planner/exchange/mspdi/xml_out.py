"""Writing an XML file as it is made, so an export holds one element in memory at a time, not the file.

A partner's plan may hold a million calendar exceptions or tasks; built whole, its tree took gigabytes
before the first byte was written. Here the containers (`<Project>`, `<Tasks>`, a `<Calendar>`) are
opened and closed as text, and each small element inside them (one task, one calendar exception) is
built with ElementTree, serialised by it and dropped. The bytes are exactly those of ElementTree's
`write(encoding="UTF-8", xml_declaration=True)` after `ET.indent(tree, space="  ")`: the same
declaration, escaping, two-space indentation, `<Empty />` for a container with no children, and
characters UTF-8 cannot carry (lone surrogates) as character references.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from typing import BinaryIO

INDENT = "  "
FLUSH_AT = 1 << 16  # characters gathered before they go to the file: few writes, little memory
BATCH = 256  # elements serialised by one ElementTree call (one call each costs more than building them)
_BATCH_TAG = "b"


class XmlOut:
    """An XML document written to a binary stream as it goes (see the module docstring)."""

    def __init__(self, stream: BinaryIO):
        self._stream = stream
        self._pending: list[str] = ["<?xml version='1.0' encoding='UTF-8'?>\n"]
        self._size = 0
        self._open: list[list] = []  # [tag, has children] of each container still open, outermost first
        self._batch = ET.Element(_BATCH_TAG)  # elements written but not serialised yet, in order

    @contextmanager
    def within(self, tag: str, attrib: dict[str, str] | None = None) -> Iterator[None]:
        """`with out.within("Tasks"):` the elements written in the block are children of <Tasks>."""
        self._before_child()
        self._serialise_batch()
        start = ET.tostring(ET.Element(tag, attrib or {}), encoding="unicode")  # escapes as the tree would
        self._put(start.removesuffix(" />"))
        self._open.append([tag, False])
        yield
        self._serialise_batch()
        tag, has_children = self._open.pop()
        self._put(f"{self._newline(len(self._open))}</{tag}>" if has_children else " />")

    def element(self, element: ET.Element) -> None:
        """Write `element` and everything in it at the current place, indented as ET.indent would."""
        self._before_child()
        ET.indent(element, space=INDENT, level=len(self._open))
        element.tail = None
        self._batch.append(element)
        if len(self._batch) >= BATCH:
            self._serialise_batch()

    def children(self, holder: ET.Element) -> None:
        """Write each child of `holder` (a scratch element, itself not written)."""
        for child in holder:
            self.element(child)

    def finish(self) -> None:
        """Send what is gathered to the stream (call once the outermost element is closed)."""
        self._serialise_batch()
        self._stream.write("".join(self._pending).encode("utf-8", "xmlcharrefreplace"))
        self._pending, self._size = [], 0

    def _before_child(self) -> None:
        if self._open:
            parent = self._open[-1]
            if not parent[1]:
                self._put(">")
                parent[1] = True
            newline = self._newline(len(self._open))
            if len(self._batch):  # the previous element's tail, so the batch serialises in order
                self._batch[-1].tail = newline
            else:
                self._put(newline)

    def _serialise_batch(self) -> None:
        if len(self._batch):
            text = ET.tostring(self._batch, encoding="unicode")  # "<b>" + the elements + "</b>"
            self._batch = ET.Element(_BATCH_TAG)
            self._put(text[len(_BATCH_TAG) + 2:-len(_BATCH_TAG) - 3])

    @staticmethod
    def _newline(level: int) -> str:
        return "\n" + INDENT * level

    def _put(self, text: str) -> None:
        self._pending.append(text)
        self._size += len(text)
        if self._size >= FLUSH_AT:
            self.finish()
