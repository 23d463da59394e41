"""The task tree's child lists, summaries and rows after an edit that moved tasks in the outline:
only the stretch the edit reached, when it can be found; otherwise the whole outline walked again."""

from __future__ import annotations

from .outline_update import SMALL_EDIT, block, outline_edit, parents_of, update_children
from .task_filters import with_summaries
from .task_outline import block_ends


class OutlineChanges:
    """Rows inserted, removed or moved by an edit: a mixin of TaskTreeModel (see outline_update)."""

    def _restructure(self, touched: frozenset[str]) -> None:
        """Tasks came, went or moved in the outline: the rows they touch are inserted, removed or
        moved. A summary that is new (a task added or indented under it) opens, so the task stays in sight."""
        carried = self._carried(touched)
        if len(touched) > SMALL_EDIT or not self._restructure_near(touched, carried):
            self._children = self._sorted(self._project.children_map())
            self._parent_of = self._listed = None
            self._reopen()
            self._keep(carried)
            self._apply(self._visible())
        self._emit_all()  # depths, arrows and bold summaries may have changed on any row

    def _carried(self, touched: frozenset[str]) -> set[str]:
        """The touched tasks a filter goes on showing after an edit: those it showed, and new ones
        (added, pasted, or brought back by an undo), as MS Project shows a task added under a
        filter until the filter is chosen again. Read before the edit's outline replaces the old."""
        if self.kept is None:
            return set()
        if self._parent_of is None:
            self._parent_of = parents_of(self._children)
        tasks, known = self._project.tasks, self._parent_of
        return {tid for tid in touched if tid in tasks and (tid in self.kept or tid not in known)}

    def _keep(self, carried: set[str]) -> None:
        """The filter keeps `carried` and the summaries now above them (a task indented under a
        summary the filter had left out brings that summary in)."""
        if self.kept is not None and carried:
            with_summaries(self._project.tasks, carried, self.kept)

    def _restructure_near(self, touched: frozenset[str], carried: set[str]) -> bool:
        """Update only the child lists and the rows the edit reached (see outline_update); False
        when the result does not hold every task, and the whole outline must be built again."""
        tasks = self._project.tasks
        if not touched:  # a change to the outline that names no task: nothing to go by
            return False
        if self._parent_of is None:
            self._parent_of = parents_of(self._children)
        edit = outline_edit(tasks, self._parent_of, touched)
        row = None if edit.top is None else self.row_of(edit.top)
        if row is None and edit.top is not None and carried:
            return False  # a task to keep showing under rows the filter hid: the whole outline is walked
        before = block(self._children, self.open, edit.top, self.kept) if edit.top is None or row is not None else []
        listed = self._listed_children() - self._children_of(edit.parents)
        update_children(tasks, self._children, self._parent_of, touched, edit.parents)
        self._listed = listed + self._children_of(edit.parents)
        if self._listed != len(tasks):
            return False
        self._children.update(self._sorted({p: self._children[p] for p in edit.parents if p in self._children}))
        self._reopen(edit.parents)
        self._keep(carried)
        if edit.top is None:
            self._apply(block(self._children, self.open, None, self.kept))
        elif row is not None:
            after = block(self._children, self.open, edit.top, self.kept)
            ends = block_ends(len(self._rows), row, before, after)
            self._apply(_spliced(self._rows, row + 1, len(before), after), ends)
        return True

    def prepare_outline(self) -> None:
        """Make what the first edit of the outline would: the parent of each row's task, and how many
        tasks the child lists hold (the first task added to a 100,000-task plan paid 40-50 ms for them)."""
        if self._parent_of is None:
            self._parent_of = parents_of(self._children)
        self._listed_children()

    def _listed_children(self) -> int:
        """How many tasks the child lists hold (counted once, then followed through each edit:
        adding up thousands of lists after every edit cost a millisecond)."""
        if self._listed is None:
            self._listed = sum(map(len, self._children.values()))
        return self._listed

    def _children_of(self, parents: set[str | None]) -> int:
        return sum(len(self._children.get(parent, ())) for parent in parents)

    def _reopen(self, parents: set[str | None] | None = None) -> None:
        """Summaries from the child lists (`parents`: only these child lists changed since the
        summaries were last found); one that just became a summary opens."""
        if parents is None or not self._summaries_follow:
            summaries = set(self._children)  # every parent with a child (made at C speed: thousands of them)
            summaries.discard(None)
            self._summaries_follow = True
            self.open = (self.open | (summaries - self._summaries)) & summaries
            self._summaries = summaries
            return
        # Only the parents whose child lists changed may have become or stopped being summaries: the
        # two sets change in place (made anew from thousands of summaries, they cost 1-2 ms an edit).
        became = {parent for parent in parents if parent is not None and parent in self._children} - self._summaries
        stopped = {parent for parent in parents if parent is not None and parent not in self._children} \
            & self._summaries
        self._summaries -= stopped
        self._summaries |= became
        self.open -= stopped  # the open summaries are among the summaries (so kept by every change)
        self.open |= became


def _spliced(rows: list[str], first: int, gone: int, came: list[str]) -> list[str]:
    """A new list of `rows` with the `gone` rows from `first` on replaced by `came`: copied whole and
    changed in place, as slices of 100,000 rows joined together cost ten times as much (2-3 ms an edit)."""
    spliced = rows.copy()
    spliced[first:first + gone] = came
    return spliced
