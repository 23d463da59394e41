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
        self.start, self.end = _callbacks(self.tree, on_task)


def _callbacks(tree: ET.TreeBuilder, on_task: TaskHandler | None) -> tuple[Callable, Callable]:
    """The start and end callbacks, as closures over their counters.

    Expat calls them once per element (millions of times for a big plan), so they keep their
    state in local cells rather than attributes and do nothing but count, check and build.
    """
    max_depth, max_elements, max_kept, max_task = MAX_DEPTH, MAX_ELEMENTS, MAX_KEPT_ELEMENTS, MAX_TASK_ELEMENTS
    tree_start, tree_end = tree.start, tree.end
    no_attributes: dict[str, str] = {}  # attributes are never read (an empty dict is not kept)
    top: list[ET.Element] = [ET.Element("none"), ET.Element("none")]  # the root and its child being read
    depth = count = kept = in_task = 0  # in_task: elements of the task being read (0: not inside one)

    def start(tag: str, _attributes: dict) -> None:
        nonlocal depth, count, kept, in_task
        depth += 1
        count += 1
        if depth > max_depth:
            raise _Refused(f"elements are nested more than {max_depth} deep")
        if count > max_elements:
            raise _Refused(f"more than {max_elements:,} elements")
        element = tree_start(tag, no_attributes)
        if depth <= 2:
            top[depth - 1] = element
        if on_task is None:
            return
        # What streaming cannot keep small is refused: a huge task, or a huge rest of the file.
        if in_task or (depth == 3 and tag == "Task" and top[0].tag == "Project" and top[1].tag == "Tasks"):
            in_task += 1
            if in_task > max_task:
                raise _Refused(f"a task holds more than {max_task:,} elements")
        else:
            kept += 1
            if kept > max_kept:
                raise _Refused(f"more than {max_kept:,} elements outside its tasks")

    def end(tag: str) -> None:
        nonlocal depth, in_task
        depth -= 1
        element = tree_end(tag)
        if in_task and depth == 2:  # the task itself closed
            on_task(top[0], element)  # type: ignore[misc]
            top[1].remove(element)
            in_task = 0

    return start, end


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
