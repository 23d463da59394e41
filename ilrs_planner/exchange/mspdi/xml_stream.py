"""Expat callbacks that build an ElementTree, checking limits, and hand tasks over as they are read.

Outside the task list, Python callbacks count the elements and their depth and drop attributes (none
is read). Inside `<Project><Tasks>`, where nearly all of a plan's elements are, expat calls the C
TreeBuilder directly for each element's start and, until a `</Tasks` appears in the file, for its
end too, so no Python runs per element there; from the chunk that may close the list on, a Python
end callback sees it close (`feed`). The list's children are checked
and handed over in batches (after each chunk and when the list closes), each in C by a count of
its elements and of its children and grandchildren (`_checked_size`), then dropped. What stays in
memory at once is bounded all the same: the elements outside the task list, the children of the
list one chunk of the file holds, and the one child still open, which is measured after every
chunk. A child of the list that is not a `<Task>` is not read: its elements count with those
outside the tasks, not against one task's bound.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from itertools import islice
from typing import NamedTuple

# (root, task) -> None: called with each <Project><Tasks><Task> once it is closed, with the root built so far.
TaskHandler = Callable[[ET.Element, ET.Element], None]
Feed = Callable[..., None]  # (chunk, final=False) -> None
ListHandler = Callable[[int], None]  # told the byte offset of a task list's start tag as it opens
LIST_DEPTH = 2  # <Project><Tasks>: its children are at depth 3
_LIST_CLOSE = b"</Tasks"
# A file in an encoding where `</Tasks` is not those bytes (UTF-16) is parsed with the Python end callback
# throughout, and so is the rest of a file once `</Tasks` is seen. If the list closed unseen all the same
# (bytes that spell a tag otherwise), that is noticed after the chunk and the file is refused.
_NOT_ASCII_STARTS = (b"\xfe\xff", b"\xff\xfe", b"<\x00", b"\x00<", b"\x00\x00")


class Refused(Exception):
    def __init__(self, why: str):
        super().__init__(why)
        self.why = why


class Limits(NamedTuple):
    depth: int  # nesting
    elements: int  # in the whole file
    kept: int  # outside the tasks (in the tree, or in a child of the task list that is not a task)
    task: int  # in one task


class TaskList:
    """The open `<Tasks>` list: its closed children are checked, handed over and dropped."""

    def __init__(self, root: ET.Element, element: ET.Element, on_task: TaskHandler, limits: Limits,
                 count_kept: Callable[[int], int]):
        self.root, self.element, self.on_task, self.limits = root, element, on_task, limits
        self.count_kept = count_kept  # adds elements outside the tasks; returns how many more are allowed

    def flush(self, closed: bool) -> None:
        """Hand over every closed child; the last one is still open unless the list is `closed`."""
        children = self.element[:] if closed else self.element[:-1]
        for child in children:
            if child.tag == "Task":
                _checked_size(child, self.limits.task, self.limits)
                self.on_task(self.root, child)
            else:  # not read: its elements count with those outside the tasks
                self.count_kept(_checked_size(child, self.count_kept(0), self.limits))
        del self.element[:len(children)]
        if not closed and len(self.element):
            still_open = self.element[-1]
            most = self.limits.task if still_open.tag == "Task" else self.count_kept(0)
            _refuse_too_big(still_open, _count(still_open, most + 1), most)


def _count(element: ET.Element, most: int) -> int:
    """The elements in `element`'s subtree, itself included, counting no further than `most`."""
    return len(list(islice(element.iter(), most)))


def _refuse_too_big(child: ET.Element, size: int, most: int) -> None:
    if size > most:
        if child.tag == "Task":
            raise Refused(f"a task holds more than {most:,} elements")
        raise Refused("more than the allowed elements outside its tasks (an element of its task list that is "
                      "not a task)")


def _checked_size(child: ET.Element, most: int, limits: Limits) -> int:
    """The elements of a closed child of the task list; refused if more than `most` or nested too deep.

    When its subtree is just its children and their children (as every task's is), it is shallow
    enough: that is told apart in C, by counting. Otherwise its levels are walked one by one."""
    size = _count(child, most + 1)
    _refuse_too_big(child, size, most)
    if size == 1 + len(child) + sum(map(len, child)):
        return size
    level = [child]  # at depth LIST_DEPTH + 1
    for _ in range(limits.depth - LIST_DEPTH):  # down to the first depth beyond the limit
        level = [below for element in level for below in element]
    if level:
        raise Refused(f"elements are nested more than {limits.depth} deep")
    return size


def callbacks(parser, tree: ET.TreeBuilder, on_task: TaskHandler | None, limits: Limits,
              on_list: ListHandler | None = None) -> Feed:
    """Install the start and end callbacks on `parser`; returns what feeds it each chunk of the file
    (and, called with `final=True`, ends the document). `on_list`, if given, is told where each task
    list opens.

    Expat calls the Python callbacks once per element outside the task list, so they keep their
    state in local cells rather than attributes and do nothing but count, check and build."""
    tree_start, tree_end = tree.start, tree.end
    no_attributes: dict[str, str] = {}  # attributes are never read (an empty dict is not kept)
    top: list[ET.Element] = [ET.Element("none"), ET.Element("none")]  # the root and its child being read
    depth = count = 0
    task_list: list[TaskList] = []  # the open <Project><Tasks>, when there is one
    list_element = top[0]  # its element (end_in_list compares every closed element with it)
    seen: list[bytes] = [b""]  # the file's last bytes before this chunk (a `</Tasks` may straddle chunks)
    # Whether a chunk can be parsed without the Python end callback: the file's tags are ASCII bytes
    # (told from its first bytes) and no `</Tasks` has been seen yet.
    ascii_tags: list[bool] = []

    def count_kept(more: int) -> int:
        nonlocal count
        count += more
        if count > limits.kept:
            raise Refused(f"more than {limits.kept:,} elements outside its tasks")
        return limits.kept - count

    def start(tag: str, _attributes: dict) -> None:
        nonlocal depth, count, list_element
        depth += 1
        count += 1
        if depth > limits.depth:
            raise Refused(f"elements are nested more than {limits.depth} deep")
        if count > limits.elements:
            raise Refused(f"more than {limits.elements:,} elements")
        if count > limits.kept and on_task is not None:  # the task list's elements are not counted here
            raise Refused(f"more than {limits.kept:,} elements outside its tasks")
        element = tree_start(tag, no_attributes)
        if depth <= LIST_DEPTH:
            top[depth - 1] = element
            if on_task is not None and depth == LIST_DEPTH and tag == "Tasks" and top[0].tag == "Project":
                if on_list is not None:
                    on_list(parser.CurrentByteIndex)
                task_list.append(TaskList(top[0], element, on_task, limits, count_kept))
                list_element = element
                parser.StartElementHandler, parser.EndElementHandler = tree_start, end_in_list

    def end(tag: str) -> None:
        nonlocal depth
        depth -= 1
        tree_end(tag)

    def end_in_list(tag: str) -> None:
        nonlocal depth
        if tree_end(tag) is list_element:  # the list itself closed
            depth -= 1
            task_list.pop().flush(closed=True)
            parser.StartElementHandler, parser.EndElementHandler = start, end

    def feed(chunk: bytes, final: bool = False) -> None:
        if final:
            parser.Parse(b"", True)
            if task_list:  # the document closed but the list was not seen to: closed unseen, refused as below
                raise Refused("its task list could not be followed (its tags are not plain text bytes)")
            return
        if not ascii_tags:
            ascii_tags.append(not chunk.startswith(_NOT_ASCII_STARTS))
        if _LIST_CLOSE in chunk or _LIST_CLOSE in seen[0] + chunk[:len(_LIST_CLOSE) - 1]:
            ascii_tags[0] = False  # the list may close from here on (its end tag may run on over chunks)
        seen[0] = (seen[0] + chunk[-len(_LIST_CLOSE) + 1:])[-len(_LIST_CLOSE) + 1:]
        if task_list and ascii_tags[0]:
            parser.EndElementHandler = tree_end  # the list cannot close in this chunk: no Python per element
        parser.Parse(chunk, False)
        if task_list:
            if parser.EndElementHandler is tree_end:
                parser.EndElementHandler = end_in_list
                if top[0][-1] is not list_element:  # closed unseen (not a file MS Project writes): refused
                    raise Refused("its task list could not be followed (its tags are not plain text bytes)")
            task_list[0].flush(closed=False)

    parser.StartElementHandler, parser.EndElementHandler = start, end
    return feed
