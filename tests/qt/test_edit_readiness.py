"""What the first edits on a plan need is made while the window is idle after showing it: edits made
then, before, or on another plan opened meanwhile are checked and made as without it."""

from __future__ import annotations

import copy

from windows import shown_main_window

from ilrs_planner.qt.document import Document
from ilrs_planner.qt.main_window import MainWindow


def link(window: MainWindow, *task_ids: str) -> None:
    window.document.set_selection(list(task_ids))
    window.edit.link.trigger()


def refusals(window: MainWindow, monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr("ilrs_planner.qt.main_window.show_refusal", lambda parent, error: shown.append(error.code))
    return shown


def test_after_the_window_idles_a_loop_is_refused_and_other_links_and_tasks_are_made(qtbot, monkeypatch,
                                                                                    small_project):
    window = shown_main_window(qtbot, Document(small_project))
    qtbot.waitUntil(lambda: not window.edit.readiness.pending())
    shown = refusals(window, monkeypatch)
    link(window, "m", "a")  # M follows A through B and C
    assert shown == ["link.cycle"] and window.document.undo_stack.count() == 0
    link(window, "a", "m")
    assert any(lk.pred_id == "a" and lk.succ_id == "m" for lk in window.document.project.links.values())
    window.document.set_selection(["b"])
    window.edit.add_task.trigger()
    window.tree.commit_open_editor()
    added = window.document.selected_ids[0]
    assert window.document.project.tasks[added].key not in {"A", "B", "C", "M", "PH"}
    link(window, "m", added)
    link(window, added, "a")  # now A follows M through the task just added: a loop
    assert shown == ["link.cycle", "link.cycle"]


def test_a_plan_opened_before_the_first_one_was_made_ready_is_checked_as_its_own(qtbot, monkeypatch, small_project):
    second = copy.deepcopy(small_project)
    window = shown_main_window(qtbot, Document(small_project))  # made ready a moment after it is shown
    del second.links[next(lk.id for lk in second.links.values() if lk.pred_id == "b")]  # B no longer leads to C
    window.document.replace_project(second, None)
    qtbot.waitUntil(lambda: not window.edit.readiness.pending())
    shown = refusals(window, monkeypatch)
    link(window, "c", "a")  # a loop in the first plan (A → B → C), none in the second
    assert shown == [] and window.document.undo_stack.count() == 1
    link(window, "b", "c")  # and now C → A → B → C is one
    assert shown == ["link.cycle"]


def test_after_the_window_idles_the_table_shows_each_outline_edit_as_the_plan_reads(qtbot, small_project):
    from ilrs_planner.qt.models.task_tree_model import TaskTreeModel

    window = shown_main_window(qtbot, Document(small_project))
    qtbot.waitUntil(lambda: not window.edit.readiness.pending())
    order = [task.id for task in window.document.project.tasks.values() if task.parent_id is None]
    for task_id, action in ((order[-1], window.edit.add_task), (order[-1], window.edit.indent),
                            (order[-1], window.edit.outdent), (order[0], window.edit.add_task)):
        window.document.set_selection([task_id])
        action.trigger()
        window.tree.commit_open_editor()
        fresh = TaskTreeModel(window.document)  # the rows a table opened on the plan now shows
        assert window.tree.source_model.visible_ids() == fresh.visible_ids()
