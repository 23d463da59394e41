"""A streaming look at an XML file's size before it is parsed: refuse a too-big file in seconds.

Building the tree of a 350 MB file with millions of elements takes a minute and more than a
gigabyte before a count of its tasks can refuse it. This pass reads the file in 1 MB chunks and
counts start tags, `<Task>` and `<PredecessorLink>` elements with bytes.count (C speed, constant
memory), so a file beyond the bounds is refused before any tree exists. The counts are upper
bounds (a `<` inside a comment or CDATA counts too), which is the safe side for a refusal; a
well-formed file within the bounds goes on to the full, checked parse.
"""

from __future__ import annotations

from pathlib import Path

from ...domain import PlannerError

_CHUNK = 8 << 20
_TASK_TAGS = (b"<Task>", b"<Task ")
_LINK_TAGS = (b"<PredecessorLink>", b"<PredecessorLink ")
_OVERLAP = max(len(tag) for tag in _TASK_TAGS + _LINK_TAGS) - 1  # a tag split between two chunks is counted once


def counts(data: bytes) -> tuple[int, int, int]:
    """Start tags, tasks and links in `data`."""
    # Start tags: every `<` but end tags (a `<?` or `<!` counts too: an upper bound is safe here).
    return (data.count(b"<") - data.count(b"</"), data.count(_TASK_TAGS[0]) + data.count(_TASK_TAGS[1]),
            data.count(_LINK_TAGS[0]) + data.count(_LINK_TAGS[1]))


def _boundary_counts(tail: bytes, chunk: bytes) -> tuple[int, ...]:
    """What straddles the end of the previous chunk and the start of this one, counted once."""
    head = chunk[:_OVERLAP]
    both, before, after = counts(tail + head), counts(tail), counts(head)
    return tuple(b - x - y for b, x, y in zip(both, before, after))


def refuse_oversized(path: str | Path, max_elements: int, max_tasks: int, max_links: int | None = None) -> None:
    """`import.bad_file` if the file has more than `max_elements` elements, `max_tasks` tasks or
    `max_links` dependencies (predecessor links; no bound if None)."""
    name = Path(path).name
    elements = tasks = links = 0
    tail = b""
    with open(path, "rb") as stream:
        while chunk := stream.read(_CHUNK):
            (starts, found, linked), edge = counts(chunk), _boundary_counts(tail, chunk)
            elements, tasks, links = elements + starts + edge[0], tasks + found + edge[1], links + linked + edge[2]
            if elements > max_elements:
                raise PlannerError("import.bad_file", f"{name}: refused because it has more than "
                                   f"{max_elements:,} elements (an MS Project XML plan has far fewer)")
            if tasks > max_tasks:
                raise PlannerError("import.bad_file", f"{name}: more than {max_tasks:,} tasks")
            if max_links is not None and links > max_links:
                raise too_many_links(name, max_links)
            tail = chunk[-_OVERLAP:]


def too_many_links(name: str, max_links: int) -> PlannerError:
    """The refusal of a file with more dependencies than an import takes (as the CSV import's bound)."""
    return PlannerError("import.bad_file", f"{name}: more than {max_links:,} dependencies (predecessor links); "
                                           f"an import takes at most {max_links:,}, four a task")
