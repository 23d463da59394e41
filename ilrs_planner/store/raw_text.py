"""Reading a value that may not be UTF-8 (a hostile file's, on the error path) without failing on it."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def bytes_texts(conn: sqlite3.Connection) -> Iterator[None]:
    """Text read as bytes while inside, then as the caller had it read."""
    before, conn.text_factory = conn.text_factory, bytes
    try:
        yield
    finally:
        conn.text_factory = before
