"""Expat callbacks that build an ElementTree, checking limits, and hand tasks over as they are read.

Outside the task list, Python callbacks count the elements and their depth and drop attributes (none
is read). Inside `<Project><Tasks>`, where nearly all of a plan's elements are, expat calls the C
TreeBuilder directly and no Python runs per element: the list's children are checked and handed
over in batches (after each chunk the parser is fed, and when the list closes), each in C by a
count of its elements and of its children and grandchildren (`_checked_size`), then dropped. What
stays in memory at once is bounded all the same: the elements outside the task list, the children
of the list one chunk of the file holds, and the one child still open, which is measured after
every chunk.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from itertools import islice
from typing import NamedTuple

# (root, task) -> None: called with each <Project><Tasks><Task> once it is closed, with the root built so far.
TaskHandler = Callable[[ET.Element, ET.Element], None]
LIST_DEPTH = 2  # <Project><Tasks>: its children are at depth 3


class Refused(Exception):
    def __init__(self, why: str):
        super().__init__(why)
        self.why = why


class Limits(NamedTuple):
    depth: int  # nesting
    elements: int  # in the whole file
    kept: int  # outside the task list, kept in the tree
    task: int  # in one child of the task list


class TaskList:
    """The open `<Tasks>` list: its closed children are checked, handed over and dropped."""

    def __init__(self, root: ET.Element, element: ET.Element, on_task: TaskHandler, limits: Limits):
        self.root, self.element, self.on_task, self.limits = root, element, on_task, limits

    def flush(self, closed: bool) -> None:
        """Hand over every closed child; the last one is still open unless the list is `closed`."""
        children = self.element[:] if closed else self.element[:-1]
        for child in children:
            _checked_size(child, self.limits)
            if child.tag == "Task":
                self.on_task(self.root, child)
        del self.element[:len(children)]
        if not closed and len(self.element):
            _refuse_too_big(self.element[-1], _count(self.element[-1], self.limits.task + 1), self.limits)


def _count(element: ET.Element, most: int) -> int:
    """The elements in `element`'s subtree, itself included, counting no further than `most`."""
    return len(list(islice(element.iter(), most)))


def _refuse_too_big(child: ET.Element, size: int, limits: Limits) -> None:
    if size > limits.task:
        what = "a task" if child.tag == "Task" else "an element of its task list"
        raise Refused(f"{what} holds more than {limits.task:,} elements")


def _checked_size(child: ET.Element, limits: Limits) -> None:
    """Refuse a closed child of the task list that is too big or nested too deep.

    When its subtree is just its children and their children (as every task's is), it is shallow
    enough: that is told apart in C, by counting. Otherwise its levels are walked one by one."""
    size = _count(child, limits.task + 1)
    _refuse_too_big(child, size, limits)
    if size == 1 + len(child) + sum(map(len, child)):
        return
    level = [child]  # at depth LIST_DEPTH + 1
    for _ in range(limits.depth - LIST_DEPTH):  # down to the first depth beyond the limit
        level = [below for element in level for below in element]
    if level:
        raise Refused(f"elements are nested more than {limits.depth} deep")


def callbacks(parser, tree: ET.TreeBuilder, on_task: TaskHandler | None, limits: Limits) -> Callable[[], None]:
    """Install the start and end callbacks on `parser`; returns what to call after each chunk.

    Expat calls the Python callbacks once per element outside the task list, so they keep their
    state in local cells rather than attributes and do nothing but count, check and build."""
    tree_start, tree_end = tree.start, tree.end
    no_attributes: dict[str, str] = {}  # attributes are never read (an empty dict is not kept)
    top: list[ET.Element] = [ET.Element("none"), ET.Element("none")]  # the root and its child being read
    depth = count = 0
    task_list: list[TaskList] = []  # the open <Project><Tasks>, when there is one
    list_element = top[0]  # its element (end_in_list compares every closed element with it)

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
                task_list.append(TaskList(top[0], element, on_task, limits))
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

    def after_chunk() -> None:
        if task_list:
            task_list[0].flush(closed=False)

    parser.StartElementHandler, parser.EndElementHandler = start, end
    return after_chunk
