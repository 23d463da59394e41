"""Tasks copied in one plan paste into another, as in MS Project: an owner the other plan knows (by
key) is kept, one it does not is left out and named; nothing is refused for it."""

from __future__ import annotations

from datetime import date

from gestures import click_cell, press

from ilrs_planner.domain import Calendar, Classification, Participant, Project, Task
from ilrs_planner.qt.models.task_columns import Column
from ilrs_planner.sharing.partner_texts import digest, written_by_partner


def copy_task_a(window) -> None:
    click_cell(window.tree, "a", Column.NAME)  # Task A, owned by CNSA, 10 days, linked to B
    press(window.tree, "Ctrl+C")


def test_tasks_copied_into_a_new_plan_are_pasted_without_an_owner_it_lacks(qtbot, window):
    copy_task_a(window)
    window.files.new.trigger()
    window.tree.setFocus()
    press(window.tree, "Ctrl+V")
    (pasted,) = window.document.project.tasks.values()
    assert (pasted.name, pasted.duration, pasted.owner_id) == ("Task A", 10, None)
    assert "without its owner CNSA" in window.statusBar().currentMessage()


def test_an_owner_the_other_plan_has_by_key_is_kept(qtbot, window):
    copy_task_a(window)
    other = Project(name="Other", start=date(2031, 1, 1))
    cnsa = other.add_participant(Participant(key="CNSA", name="China National Space Administration", id="cnsa-2"))
    other.add_task(Task(key="X", name="Existing", duration=3, id="x"))
    window.document.replace_project(other, None)
    click_cell(window.tree, "x", Column.NAME)
    press(window.tree, "Ctrl+V")
    pasted = next(t for t in window.document.project.tasks.values() if t.name == "Task A")
    assert pasted.owner_id == cnsa.id
    assert window.tree.proxy_index(pasted.id, int(Column.OWNER)).data() == "CNSA"


def test_tasks_on_their_plans_default_calendar_pasted_where_another_is_default_say_so(qtbot, window):
    # The small plan counts days on the Continuous calendar (every day worked); a new plan's default
    # is Standard (Monday to Friday): Task A's 10 days now count weekdays, and the status bar says so.
    copy_task_a(window)
    window.files.new.trigger()
    assert window.document.project.default_calendar().name == "Standard"
    window.tree.setFocus()
    press(window.tree, "Ctrl+V")
    assert "A counted on this plan's default calendar 'Standard' (its plan's default, 'Continuous', is not one of " \
        "this plan's calendars)" in window.statusBar().currentMessage()


def test_tasks_pasted_where_their_default_calendar_is_found_by_name_keep_it(qtbot, window):
    copy_task_a(window)
    other = Project(name="Other", start=date(2031, 1, 1))
    other.add_calendar(Calendar("Standard", (True,) * 5 + (False,) * 2, id="std"))
    other.add_calendar(Calendar("Continuous", (True,) * 7, id="every-day"))
    other.default_calendar_id = "std"
    other.add_task(Task(key="X", name="Existing", duration=3, id="x"))
    window.document.replace_project(other, None)
    click_cell(window.tree, "x", Column.NAME)
    press(window.tree, "Ctrl+V")
    pasted = next(t for t in window.document.project.tasks.values() if t.name == "Task A")
    assert pasted.calendar_id == "every-day"  # still every day worked: 10 days from 2031-01-01 end 01-10
    assert window.document.schedule.tasks[pasted.id].shown_finish == date(2031, 1, 10)


def test_rows_copied_as_text_paste_into_another_plan_without_links_to_rows_left_behind(qtbot, window):
    # The table's rows as a spreadsheet holds them: B follows A (copied with it) and 1 (not copied).
    from PySide6.QtWidgets import QApplication

    QApplication.clipboard().setText("ID\tName\tDuration\tPredecessors\n2\tTask A\t10d\t\n3\tTask B\t5d\t1, 2\n")
    window.files.new.trigger()
    window.tree.setFocus()
    press(window.tree, "Ctrl+V")
    tasks = {t.name: t for t in window.document.project.tasks.values()}
    assert sorted(tasks) == ["Task A", "Task B"]
    assert [(ln.pred_id, ln.succ_id) for ln in window.document.project.links.values()] == \
        [(tasks["Task A"].id, tasks["Task B"].id)]
    assert "predecessors '1' (line 3) left out" in window.statusBar().currentMessage()


def test_a_duplicate_of_a_task_a_partner_named_is_theirs_too_and_undo_forgets_it(qtbot, window):
    # Its words are the partner's guesses: counted as ours, they would unmask withheld work in the next
    # partner copy (sharing/redact_scrub.py reads Project.supplied).
    document = window.document
    document.project.supplied = frozenset({"a"})
    document.set_selection(["a"])
    window.clip.duplicate.trigger()
    (copy,) = document.selected_ids
    assert document.project.supplied == {"a", copy}
    window.edit.undo.trigger()
    assert document.project.supplied == {"a"}


def test_a_duplicate_of_a_note_a_partner_wrote_is_theirs_too_and_undo_forgets_it(qtbot, window):
    # Withheld on the duplicate but shown on the task it copies, the partner's guess would be answered.
    document = window.document
    asking = "Is Nightjar on time?"
    document.project.tasks["a"].notes = asking
    written = digest(("task", "a", "notes"), asking, Classification.PARTNERS)  # by a partner sent a Partners copy
    document.project.partner_texts = frozenset({written})
    document.set_selection(["a"])
    window.clip.duplicate.trigger()
    (copy,) = document.selected_ids
    assert written_by_partner(document.project, ("task", copy, "notes"), asking, Classification.PARTNERS)
    assert not written_by_partner(document.project, ("task", copy, "notes"), asking, Classification.PUBLIC)
    window.edit.undo.trigger()
    assert document.project.partner_texts == {written}


def test_copying_a_task_a_partner_named_says_a_paste_into_another_plan_counts_its_words_as_yours(qtbot, window):
    # Another plan starts without the record that the name is theirs: its words would unmask withheld work.
    window.document.project.supplied = frozenset({"a"})
    copy_task_a(window)
    assert "Copied 1 task: 1 holds words a partner wrote, which a paste into another plan counts as yours" \
        in window.statusBar().currentMessage()
    window.document.project.supplied = frozenset()
    copy_task_a(window)
    assert window.statusBar().currentMessage() == "Copied 1 task"
