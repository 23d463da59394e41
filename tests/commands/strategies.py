"""Random edits that fit a plan as it is now, for the undo property tests (commands and Qt stack)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import strategies as st

from ilrs_planner.commands.links import AddLink, DeleteLink, EditLink
from ilrs_planner.commands.plan import SetPlanFields
from ilrs_planner.commands.tasks import (
    AddTask,
    DeleteTasks,
    IndentTask,
    MoveTaskDown,
    MoveTaskStart,
    MoveTaskUp,
    OutdentTask,
    SetDuration,
    SetTaskFields,
)
from ilrs_planner.domain import LinkType, Task


def draw_command(data, project, serial):
    """One command that fits the plan as it is now (it may still be refused, e.g. a cycle)."""
    task_ids = sorted(project.tasks)
    link_ids = sorted(project.links)
    some_task = st.sampled_from(task_ids) if task_ids else st.none()
    kind = data.draw(st.sampled_from(
        ["add", "delete", "fields", "duration", "start", "indent", "outdent", "up", "down",
         "link", "edit_link", "delete_link", "plan"]))
    if kind == "add" or not task_ids:
        parent = data.draw(st.sampled_from([None] + task_ids))
        return AddTask(Task(key=f"T{serial}", name=f"Task {serial}", duration=data.draw(st.integers(0, 90)),
                            id=f"t{serial}", parent_id=parent))
    tid = data.draw(some_task)
    if kind == "delete":
        return DeleteTasks([tid])
    if kind == "fields":
        return SetTaskFields(tid, name=data.draw(st.text(min_size=1, max_size=8).filter(str.strip)),
                             precision=data.draw(st.sampled_from(["day", "month", "quarter", "year"])))
    if kind == "duration":
        return SetDuration(tid, data.draw(st.integers(0, 400)))
    if kind == "start":
        return MoveTaskStart(tid, date(2030, 1, 1) + timedelta(days=data.draw(st.integers(0, 3000))))
    simple = {"indent": IndentTask, "outdent": OutdentTask, "up": MoveTaskUp, "down": MoveTaskDown}
    if kind in simple:
        return simple[kind](tid)
    if kind == "link":
        return AddLink(tid, data.draw(some_task), data.draw(st.sampled_from(list(LinkType))),
                       data.draw(st.integers(-30, 30)), link_id=f"l{serial}")
    if kind in ("edit_link", "delete_link") and link_ids:
        lid = data.draw(st.sampled_from(link_ids))
        return EditLink(lid, data.draw(st.sampled_from(list(LinkType))), 5) if kind == "edit_link" else DeleteLink(lid)
    return SetPlanFields(name=f"Plan {serial}")
