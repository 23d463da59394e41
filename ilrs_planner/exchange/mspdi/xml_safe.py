"""Parsing untrusted XML safely: no DTD, no entities, bounded size, depth and element count.

A DOCTYPE (and with it any entity declaration: billion laughs, external entities) is refused
outright; MSPDI never needs one. The tree is built with expat directly so those handlers can
stop the parse before anything is expanded.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
import xml.parsers.expat
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

from ...domain import PlannerError
from .precheck import refuse_oversized

MAX_FILE_BYTES = 384 * 1024 * 1024  # a 100,000-task plan written by us is about 160 MB
MAX_DEPTH = 24  # MSPDI nests 6 levels deep
MAX_ELEMENTS = 8_000_000  # ~50 per task: far beyond a 100,000-task plan
# When tasks are streamed, what stays in memory at once is bounded too (≤ 1 GB however the file is
# built): the elements outside the tasks (header, calendars, resources, assignments: a 100,000-task
# plan has about 1.5 million) and the elements of the one task being read (years of daily
# timephased work are some tens of thousands).
MAX_KEPT_ELEMENTS = 3_000_000
MAX_TASK_ELEMENTS = 200_000
_CHUNK = 1 << 20


class _Refused(Exception):
    def __init__(self, why: str):
        super().__init__(why)
        self.why = why


# (root, task) -> None: called as each <Project><Tasks><Task> closes, with the root built so far.
TaskHandler = Callable[[ET.Element, ET.Element], None]


class _Builder:
    """Expat callbacks feeding an ElementTree TreeBuilder, counting depth and elements.

    With an `on_task` handler, each task is handed over as it closes and then dropped from the
    tree, so a 100,000-task file never holds more than one task's elements at a time.
    """

    def __init__(self, on_task: TaskHandler | None = None) -> None:
        self.tree = ET.TreeBuilder()
        self.depth = 0
        self.count = 0
        self.on_task = on_task
        self.open: list[ET.Element] = []  # the elements started and not yet ended, root first
        self.kept = 0  # elements outside the streamed tasks, which stay in the tree
        self.in_task = 0  # elements of the task being read (0: not inside a task)

    def start(self, tag: str, attributes: dict) -> None:
        self.depth += 1
        self.count += 1
        if self.depth > MAX_DEPTH:
            raise _Refused(f"elements are nested more than {MAX_DEPTH} deep")
        if self.count > MAX_ELEMENTS:
            raise _Refused(f"more than {MAX_ELEMENTS:,} elements")
        self.open.append(self.tree.start(tag, {}))
        if self.on_task is not None:
            self._count_held(tag)

    def _count_held(self, tag: str) -> None:
        """Refuse what streaming cannot keep small: a huge task, or a huge rest of the file."""
        if self.in_task or (self.depth == 3 and tag == "Task" and self._under("Project", "Tasks")):
            self.in_task += 1
            if self.in_task > MAX_TASK_ELEMENTS:
                raise _Refused(f"a task holds more than {MAX_TASK_ELEMENTS:,} elements")
        else:
            self.kept += 1
            if self.kept > MAX_KEPT_ELEMENTS:
                raise _Refused(f"more than {MAX_KEPT_ELEMENTS:,} elements outside its tasks")

    def end(self, tag: str) -> None:
        self.depth -= 1
        element = self.tree.end(tag)
        self.open.pop()
        if self.on_task is not None and self.depth == 2 and tag == "Task" and self._under("Project", "Tasks"):
            self.on_task(self.open[0], element)
            self.open[1].remove(element)
            self.in_task = 0

    def _under(self, root_tag: str, parent_tag: str) -> bool:
        return self.open[0].tag == root_tag and self.open[1].tag == parent_tag


def _refuse_doctype(*_args: object) -> NoReturn:
    raise _Refused("it declares a DOCTYPE (DTDs and entities are not accepted in imported files)")


def _parser(builder: _Builder):
    # No namespace processing: MSPDI puts everything in one default namespace (an xmlns attribute,
    # ignored like all attributes), so tags arrive as plain names such as "Task".
    parser = xml.parsers.expat.ParserCreate()
    parser.buffer_text = True
    parser.StartElementHandler = builder.start
    parser.EndElementHandler = builder.end
    parser.CharacterDataHandler = builder.tree.data
    parser.StartDoctypeDeclHandler = _refuse_doctype
    parser.EntityDeclHandler = _refuse_doctype
    parser.UnparsedEntityDeclHandler = _refuse_doctype
    parser.ExternalEntityRefHandler = _refuse_doctype
    parser.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)
    return parser


def parse_untrusted(path: str | Path, max_tasks: int = MAX_ELEMENTS, on_task: TaskHandler | None = None) -> ET.Element:
    """The root element of an XML file, or `import.bad_file` saying why it was refused.

    Size, then a streaming count of elements and tasks (`precheck`), are checked before any tree
    is built, so an oversized file is refused in seconds and without the memory its tree would take.
    With `on_task`, the tasks are handed over one by one and are not in the returned tree.
    """
    name = Path(path).name
    try:
        size = Path(path).stat().st_size
        if size > MAX_FILE_BYTES:
            raise PlannerError("import.bad_file", f"{name}: {size:,} bytes is larger than an MS Project XML "
                               f"plan can be ({MAX_FILE_BYTES:,})")
        refuse_oversized(path, MAX_ELEMENTS, max_tasks)
        builder = _Builder(on_task)
        parser = _parser(builder)
        with open(path, "rb") as stream:
            while chunk := stream.read(_CHUNK):
                parser.Parse(chunk, False)
        parser.Parse(b"", True)
        return builder.tree.close()
    except _Refused as refusal:
        raise PlannerError("import.bad_file", f"{name}: refused because {refusal.why}") from None
    except xml.parsers.expat.ExpatError as exc:
        raise PlannerError("import.bad_file",
                           f"{name}: not well-formed XML ({xml.parsers.expat.errors.messages.get(exc.code, exc)} "
                           f"at line {exc.lineno}, column {exc.offset})") from None
    except (LookupError, UnicodeError, ValueError) as exc:  # e.g. encoding="U-F-8" in the declaration
        raise PlannerError("import.bad_file", f"{name}: its text encoding cannot be read ({exc})") from None
    except (OSError, RecursionError, MemoryError) as exc:
        raise PlannerError("import.bad_file", f"{name}: could not be read ({exc})") from None
