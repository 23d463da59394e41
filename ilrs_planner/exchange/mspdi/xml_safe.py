"""Parsing untrusted XML safely: no DTD, no entities, bounded size, depth and element count.

A DOCTYPE (and with it any entity declaration: billion laughs, external entities) is refused
outright; MSPDI never needs one. The tree is built with expat directly so those handlers can
stop the parse before anything is expanded.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
import xml.parsers.expat
from collections.abc import Iterable
from pathlib import Path
from typing import NoReturn

from ...domain import PlannerError
from .precheck import refuse_oversized
from .xml_stream import Feed, Limits, ListHandler, Refused, TaskHandler, callbacks

MAX_FILE_BYTES = 384 * 1024 * 1024  # a 100,000-task plan written by us is about 160 MB
MAX_DEPTH = 24  # MSPDI nests 6 levels deep
MAX_ELEMENTS = 8_000_000  # ~50 per task: far beyond a 100,000-task plan
# When tasks are streamed, what stays in memory at once is bounded too (≤ 1 GB however the file is
# built): the elements outside the task list (header, calendars, resources, assignments: a
# 100,000-task plan has about 1.5 million), those of the tasks one chunk of the file holds, and
# those of one task (years of daily timephased work are some tens of thousands).
MAX_KEPT_ELEMENTS = 3_000_000
MAX_TASK_ELEMENTS = 200_000
# The tasks a chunk holds are handed over after it is parsed: a small chunk (some 40 tasks) hands them
# over while their elements are still in the processor's cache (1 MB chunks, some 600 tasks, cost
# both processes of a 100,000-task import about a twelfth more CPU time; bench/README.md).
_CHUNK = 64 << 10


class _Builder:
    """An ElementTree TreeBuilder fed by expat callbacks that check the limits as they build.

    With an `on_task` handler, each task is handed over once it is read and then dropped from the
    tree (see `xml_stream`), so a 100,000-task file never holds more than a few tasks at a time.
    """

    def __init__(self, on_task: TaskHandler | None = None) -> None:
        self.tree = ET.TreeBuilder()
        self.on_task = on_task
        self.limits = Limits(MAX_DEPTH, MAX_ELEMENTS, MAX_KEPT_ELEMENTS, MAX_TASK_ELEMENTS)


def _refuse_doctype(*_args: object) -> NoReturn:
    raise Refused("it declares a DOCTYPE (DTDs and entities are not accepted in imported files)")


def _parser(builder: _Builder, on_list: ListHandler | None = None) -> tuple[xml.parsers.expat.XMLParserType, Feed]:
    """The parser, with the builder's callbacks, and what feeds it each chunk of the file."""
    # No namespace processing: MSPDI puts everything in one default namespace (an xmlns attribute,
    # ignored like all attributes), so tags arrive as plain names such as "Task".
    parser = guarded_parser()
    parser.buffer_text = True
    feed = callbacks(parser, builder.tree, builder.on_task, builder.limits, on_list)
    parser.CharacterDataHandler = builder.tree.data
    return parser, feed


def guarded_parser() -> xml.parsers.expat.XMLParserType:
    """An expat parser that refuses a DOCTYPE and any entity declaration before anything is expanded."""
    parser = xml.parsers.expat.ParserCreate()
    parser.StartDoctypeDeclHandler = _refuse_doctype
    parser.EntityDeclHandler = _refuse_doctype
    parser.UnparsedEntityDeclHandler = _refuse_doctype
    parser.ExternalEntityRefHandler = _refuse_doctype
    parser.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)
    return parser


def parse_untrusted(path: str | Path, max_tasks: int = MAX_ELEMENTS, on_task: TaskHandler | None = None,
                    max_links: int | None = None, prechecked: bool = False) -> ET.Element:
    """The root element of an XML file, or `import.bad_file` saying why it was refused.

    Size, then a streaming count of elements, tasks and links (`precheck`), are checked before any
    tree is built, so an oversized file is refused in seconds and without the memory its tree would
    take (unless `prechecked`: `refuse_oversized_file` has run, or runs beside the parse, elsewhere).
    With `on_task`, the tasks are handed over one by one and are not in the returned tree.
    """
    name = Path(path).name
    try:
        if not prechecked:
            _refuse_oversized(path, max_tasks, max_links)
        with open(path, "rb") as stream:
            return parse_chunks(iter(lambda: stream.read(_CHUNK), b""), on_task)
    except Refused as refusal:
        raise PlannerError("import.bad_file", f"{name}: refused because {refusal.why}") from None
    except xml.parsers.expat.ExpatError as exc:
        raise PlannerError("import.bad_file",
                           f"{name}: not well-formed XML ({xml.parsers.expat.errors.messages.get(exc.code, exc)} "
                           f"at line {exc.lineno}, column {exc.offset})") from None
    except (LookupError, UnicodeError, ValueError) as exc:  # e.g. encoding="U-F-8" in the declaration
        raise PlannerError("import.bad_file", f"{name}: its text encoding cannot be read ({exc})") from None
    except (OSError, RecursionError, MemoryError) as exc:
        raise _unreadable(name, exc) from None


def parse_chunks(chunks: Iterable[bytes], on_task: TaskHandler | None = None,
                 on_list: ListHandler | None = None) -> ET.Element:
    """The root element of the XML document made of `chunks` (see `parse_untrusted`, which names
    its refusals); `on_list` is told where each task list opens (`xml_stream.callbacks`)."""
    builder = _Builder(on_task)
    _, feed = _parser(builder, on_list)
    for chunk in chunks:
        feed(chunk)
    feed(b"", final=True)
    return builder.tree.close()


def refuse_oversized_file(path: str | Path, max_tasks: int, max_links: int | None = None, counted: bool = True) -> None:
    """The checks `parse_untrusted` makes before parsing: `import.bad_file` if the file is too big.
    Without `counted`, its size alone (its elements, tasks and links are counted elsewhere)."""
    try:
        _refuse_oversized(path, max_tasks, max_links, counted)
    except (OSError, MemoryError) as exc:
        raise _unreadable(Path(path).name, exc) from None


def _refuse_oversized(path: str | Path, max_tasks: int, max_links: int | None, counted: bool = True) -> None:
    name = Path(path).name
    size = Path(path).stat().st_size
    if size > MAX_FILE_BYTES:
        raise PlannerError("import.bad_file", f"{name}: {size:,} bytes is larger than an MS Project XML "
                           f"plan can be ({MAX_FILE_BYTES:,})")
    if counted:
        refuse_oversized(path, MAX_ELEMENTS, max_tasks, max_links)


def _unreadable(name: str, exc: BaseException) -> PlannerError:
    return PlannerError("import.bad_file", f"{name}: could not be read ({exc})")
