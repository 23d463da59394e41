"""Parsing untrusted XML safely: no DTD, no entities, bounded size, depth and element count.

A DOCTYPE (and with it any entity declaration: billion laughs, external entities) is refused
outright; MSPDI never needs one. The tree is built with expat directly so those handlers can
stop the parse before anything is expanded.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
import xml.parsers.expat
from pathlib import Path
from typing import NoReturn

from ...domain import PlannerError

MAX_FILE_BYTES = 384 * 1024 * 1024  # a 100,000-task plan written by us is about 160 MB
MAX_DEPTH = 24  # MSPDI nests 6 levels deep
MAX_ELEMENTS = 8_000_000  # ~50 per task: far beyond a 100,000-task plan
_CHUNK = 1 << 20


class _Refused(Exception):
    def __init__(self, why: str):
        super().__init__(why)
        self.why = why


class _Builder:
    """Expat callbacks feeding an ElementTree TreeBuilder, counting depth and elements."""

    def __init__(self) -> None:
        self.tree = ET.TreeBuilder()
        self.depth = 0
        self.count = 0

    def start(self, tag: str, attributes: dict) -> None:
        self.depth += 1
        self.count += 1
        if self.depth > MAX_DEPTH:
            raise _Refused(f"elements are nested more than {MAX_DEPTH} deep")
        if self.count > MAX_ELEMENTS:
            raise _Refused(f"more than {MAX_ELEMENTS:,} elements")
        self.tree.start(tag, {})

    def end(self, tag: str) -> None:
        self.depth -= 1
        self.tree.end(tag)


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


def parse_untrusted(path: str | Path) -> ET.Element:
    """The root element of an XML file, or `import.bad_file` saying why it was refused."""
    name = Path(path).name
    try:
        size = Path(path).stat().st_size
        if size > MAX_FILE_BYTES:
            raise PlannerError("import.bad_file", f"{name}: {size:,} bytes is larger than an MS Project XML "
                               f"plan can be ({MAX_FILE_BYTES:,})")
        builder = _Builder()
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
