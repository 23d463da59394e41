"""Qt's image writers (PNG, SVG, PDF) paint into memory; the bytes then reach disk whole or not at all.

QPdfWriter and QSvgGenerator writing straight to a file report nothing when the disk fills: the
export said "Wrote" over a truncated 16 KB file. Painting into a QBuffer and handing its bytes to
`files/atomic.py` (temporary file, fsync, rename) makes a failure an error and leaves no partial
file behind, as for every other writer.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice

from ..domain.text import xml_text
from ..files.atomic import write_atomically


@contextlib.contextmanager
def buffered_file(path: Path) -> Iterator[QBuffer]:
    """A QBuffer to paint into; when the block ends without an error its bytes become `path` atomically."""
    buffer = QBuffer()
    buffer.open(QIODevice.WriteOnly)
    yield buffer
    buffer.close()
    write_atomically(path, bytes(buffer.data()))


@contextlib.contextmanager
def buffered_svg(path: Path) -> Iterator[QBuffer]:
    """`buffered_file` for an SVG: Qt copies a label's characters as they are, and one XML 1.0 can not
    hold (a U+FFFF a plan's text may have) made a file no browser shows; those are left out."""
    buffer = QBuffer()
    buffer.open(QIODevice.WriteOnly)
    yield buffer
    buffer.close()
    write_atomically(path, xml_text(bytes(buffer.data()).decode("utf-8")).encode("utf-8"))
