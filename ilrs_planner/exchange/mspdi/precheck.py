"""A streaming look at an XML file's size before it is parsed: refuse a too-big file in seconds.

Building the tree of a 350 MB file with millions of elements takes a minute and more than a
gigabyte before a count of its tasks can refuse it. This pass reads the file in 1 MB chunks and
counts start tags and `<Task>` elements with bytes.count (C speed, constant memory), so a file
beyond the bounds is refused before any tree exists. The counts are upper bounds (a `<` inside a
comment or CDATA counts too), which is the safe side for a refusal; a well-formed file within
the bounds goes on to the full, checked parse.
"""

from __future__ import annotations

from pathlib import Path

from ...domain import PlannerError

_CHUNK = 8 << 20
_TASK_TAGS = (b"<Task>", b"<Task ")
_OVERLAP = max(len(tag) for tag in _TASK_TAGS) - 1  # a tag split between two chunks is still counted once


def _counts(data: bytes) -> tuple[int, int]:
    # Start tags: every `<` but end tags (a `<?` or `<!` counts too: an upper bound is safe here).
    return data.count(b"<") - data.count(b"</"), data.count(_TASK_TAGS[0]) + data.count(_TASK_TAGS[1])


def _boundary_counts(tail: bytes, chunk: bytes) -> tuple[int, int]:
    """What straddles the end of the previous chunk and the start of this one, counted once."""
    head = chunk[:_OVERLAP]
    both, before, after = _counts(tail + head), _counts(tail), _counts(head)
    return both[0] - before[0] - after[0], both[1] - before[1] - after[1]


def refuse_oversized(path: str | Path, max_elements: int, max_tasks: int) -> None:
    """`import.bad_file` if the file has more than `max_elements` elements or `max_tasks` tasks."""
    name = Path(path).name
    elements = tasks = 0
    tail = b""
    with open(path, "rb") as stream:
        while chunk := stream.read(_CHUNK):
            (starts, found), (edge_starts, edge_found) = _counts(chunk), _boundary_counts(tail, chunk)
            elements, tasks = elements + starts + edge_starts, tasks + found + edge_found
            if elements > max_elements:
                raise PlannerError("import.bad_file", f"{name}: refused because it has more than "
                                   f"{max_elements:,} elements (an MS Project XML plan has far fewer)")
            if tasks > max_tasks:
                raise PlannerError("import.bad_file", f"{name}: more than {max_tasks:,} tasks")
            tail = chunk[-_OVERLAP:]
