"""Shared files: in use by someone else, changed on disk before saving, autosave and crash recovery."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QFileDialog

from ilrs_planner.commands.tasks import SetTaskFields
from ilrs_planner.exchange.formats import write_plan
from ilrs_planner.qt.document import Document
from ilrs_planner.qt.main_window import MainWindow
from ilrs_planner.qt.plan_file import session as plan_files
from ilrs_planner.store import open_project, save_project
from ilrs_planner.store.lock import lock_path_for
from ilrs_planner.store.recovery import find_recoveries


@pytest.fixture
def answers(monkeypatch):
    """Answer the window's questions from a list; records what was asked."""
    asked, replies = [], []

    def fake_ask(parent, title, text, choices, default=None):
        asked.append((title, text))
        assert replies, f"unexpected question: {title}"
        reply = replies.pop(0)
        assert reply in choices
        return reply

    monkeypatch.setattr(plan_files, "ask", fake_ask)
    return asked, replies


def make_window(qtbot, project):
    window = MainWindow(Document(project))
    qtbot.addWidget(window, before_close_func=lambda w: w.document.mark_saved())
    return window


@pytest.fixture
def plan_file(tmp_path, small_project):
    path = tmp_path / "shared.db"
    save_project(small_project, path)
    return path


def someone_else_has(path):
    lock_path_for(path).write_text(json.dumps({"user": "alice", "host": "far-away-host", "pid": 4242,
                                               "since": "2030-01-02T09:15:00+00:00", "token": "t"}))


@pytest.mark.parametrize("reply, opened, path_kept", [("Cancel", False, False), ("Open a copy", True, False),
                                                       ("Take over", True, True)])
def test_second_opener_is_told_who_has_the_file(qtbot, small_project, plan_file, answers, reply, opened, path_kept):
    asked, replies = answers
    window = make_window(qtbot, small_project)
    before = window.document.project
    someone_else_has(plan_file)
    replies.append(reply)
    assert window.plan_file.open_path(str(plan_file)) is opened
    title, text = asked[0]
    assert title == "Plan in use" and "alice on far-away-host" in text and "2030-01-02 09:15" in text
    assert (window.document.project is before) is not opened
    assert (window.document.path == str(plan_file)) is path_kept
    holder = json.loads(lock_path_for(plan_file).read_text())
    assert (holder["user"] == "alice") is not path_kept  # taking over makes the marker ours


@pytest.fixture
def edited_elsewhere(qtbot, small_project, plan_file):
    """A window with the file open and an unsaved edit, while someone else saves over the file."""
    window = make_window(qtbot, small_project)
    assert window.plan_file.open_path(str(plan_file))
    window.document.push(SetTaskFields("a", name="mine"))
    theirs = open_project(plan_file)
    theirs.tasks["b"].name = "theirs"
    save_project(theirs, plan_file)
    return window, theirs


def test_changed_on_disk_cancel_keeps_both_versions(edited_elsewhere, answers, plan_file):
    window, theirs = edited_elsewhere
    answers[1].append("Cancel")
    assert not window.plan_file.save()
    assert answers[0][0][0] == "Plan changed on disk"
    assert open_project(plan_file) == theirs and window.document.modified


def test_changed_on_disk_overwrite(edited_elsewhere, answers, plan_file):
    window, _ = edited_elsewhere
    answers[1].append("Overwrite")
    assert window.plan_file.save()
    assert open_project(plan_file).tasks["a"].name == "mine" and not window.document.modified


def test_changed_on_disk_reload(edited_elsewhere, answers, plan_file):
    window, theirs = edited_elsewhere
    answers[1].append("Reload")
    assert not window.plan_file.save()
    assert window.document.project == theirs and not window.document.modified


def test_changed_on_disk_save_as_copy(qtbot, edited_elsewhere, answers, plan_file, tmp_path, monkeypatch):
    window, theirs = edited_elsewhere
    answers[1].append("Save as copy")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "mine.db"), ""))
    window.plan_file.save()
    qtbot.waitUntil(lambda: (tmp_path / "mine.db").exists())
    assert open_project(tmp_path / "mine.db").tasks["a"].name == "mine"
    assert open_project(plan_file) == theirs


def test_autosave_then_crash_then_restore_saying_when(qtbot, small_project, plan_file, answers):
    asked, replies = answers
    window = make_window(qtbot, small_project)
    window.plan_file.open_path(str(plan_file))
    assert not window.plan_file.file_session.autosave_timer.isActive()
    window.document.push(SetTaskFields("a", name="unsaved work"))
    timer = window.plan_file.file_session.autosave_timer
    assert timer.isActive() and timer.interval() == 60_000
    with qtbot.waitSignal(window.plan_file.file_session.autosaving.written):
        timer.timeout.emit()  # a minute passes
    assert [r.plan_path for r in find_recoveries()] == [str(plan_file)]
    # The program dies here: no clean exit. The next start finds the copy.
    window.plan_file.file_session.session.lock = None  # (a crash leaves the marker; ours is stale after it)
    lock_path_for(plan_file).unlink()
    replies.append("Restore")
    kept_at = find_recoveries()[0].saved_at  # the restored window autosaves anew, so read it now
    restarted = make_window(qtbot, open_project(plan_file))
    restarted.plan_file.recover()
    assert asked[0][0] == "Restore unsaved work" and str(plan_file) in asked[0][1]
    assert kept_at.astimezone().strftime("%Y-%m-%d %H:%M") in asked[0][1]
    assert restarted.document.project.tasks["a"].name == "unsaved work"
    assert restarted.document.path == str(plan_file) and restarted.document.modified
    restarted.plan_file.shutdown()  # clean exit
    assert find_recoveries() == [] and not lock_path_for(plan_file).exists()


def test_saving_removes_the_recovery_copy_and_stops_autosave(qtbot, small_project, plan_file):
    window = make_window(qtbot, small_project)
    window.plan_file.open_path(str(plan_file))
    window.document.push(SetTaskFields("a", name="x"))
    with qtbot.waitSignal(window.plan_file.file_session.autosaving.written):
        window.plan_file.file_session.autosave()
    assert find_recoveries()
    assert window.plan_file.save()
    assert find_recoveries() == [] and not window.plan_file.file_session.autosave_timer.isActive()


def test_a_plan_put_in_the_window_without_a_file_lets_go_of_the_old_file(qtbot, small_project, plan_file, tmp_path):
    window = make_window(qtbot, small_project)
    window.plan_file.open_path(str(plan_file))
    assert lock_path_for(plan_file).exists()
    imported = open_project(plan_file)
    imported.name = "Imported"
    write_plan(imported, tmp_path / "imported.xml")
    assert window.plan_file.import_file(str(tmp_path / "imported.xml"))
    assert not lock_path_for(plan_file).exists() and window.plan_file.file_session.session.path is None
    assert window.document.path is None and window.document.modified  # closing offers to save it


def _autosaved_unsaved_window(qtbot, project, name):
    """A window on `project`, never saved, renamed to `name`, whose minute's copy was written."""
    window = make_window(qtbot, project)
    window.document.push(SetTaskFields("a", name=name))
    with qtbot.waitSignal(window.plan_file.file_session.autosaving.written):
        window.plan_file.file_session.autosave_timer.timeout.emit()
    return window


def test_two_unsaved_plans_keep_a_copy_each_and_both_are_offered_after_a_crash(
        qtbot, small_project, answers, tmp_path, monkeypatch):
    from ilrs_planner.domain.blank_plan import blank_plan
    asked, replies = answers
    _autosaved_unsaved_window(qtbot, small_project, "first window's work")
    _autosaved_unsaved_window(qtbot, open_project_copy(small_project, tmp_path), "second window's work")
    assert len(find_recoveries()) == 2  # the second copy did not replace the first
    # The program dies here: no clean exit. The next start offers both.
    replies += ["Restore", "Save as…"]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(tmp_path / "kept"), ""))
    restarted = make_window(qtbot, blank_plan(small_project.start))
    restarted.plan_file.recover()
    assert [title for title, _text in asked] == ["Restore unsaved work", "Restore more unsaved work"]
    # The second box says only what is new: whose changes (once), when, and what to do with them; not
    # again that the program stopped, how copies are kept, or a second "never saved".
    first, second = asked[0][1], asked[1][1]
    assert "a plan that was never saved" in second and second.count("saved") == 1
    assert second.startswith("Changes to a plan that was never saved were kept too, at ")
    assert "stopped" in first and "automatically" in first
    assert not any(word in second for word in ("stopped", "automatically", "also", "unsaved"))
    assert restarted.document.project.tasks["a"].name == "second window's work"  # the newest, in the window
    assert open_project(tmp_path / "kept.db").tasks["a"].name == "first window's work"  # the other, in a file
    assert [r.copy_path for r in find_recoveries()] == [restarted.plan_file.file_session.session.recovery_path]
    restarted.plan_file.shutdown()
    assert find_recoveries() == []


def open_project_copy(project, tmp_path):
    """Another plan object with the same content (as a second window would have)."""
    save_project(project, tmp_path / "second.db")
    return open_project(tmp_path / "second.db")


def _crash_with_two_copies(qtbot, first, second_project, tmp_path):
    """Two unsaved windows, `first` the older copy; the program dies before either is saved."""
    window = make_window(qtbot, first)
    task_id = next(iter(first.tasks))
    window.document.push(SetTaskFields(task_id, name="first window's work"))
    with qtbot.waitSignal(window.plan_file.file_session.autosaving.written):
        window.plan_file.file_session.autosave_timer.timeout.emit()
    _autosaved_unsaved_window(qtbot, second_project, "second window's work")
    return task_id


def test_a_second_copy_whose_calendar_has_no_working_day_is_saved_as_it_was(
        qtbot, small_project, answers, tmp_path, monkeypatch):
    # Saving it as a plan refused the calendar (calendar.no_working_day): the copy could never be saved.
    from test_unscheduled_banner import _save

    from ilrs_planner.domain.blank_plan import blank_plan
    asked, replies = answers
    dormant = open_project(_save(tmp_path / "dormant.db", (False,) * 7))
    task_id = _crash_with_two_copies(qtbot, dormant, open_project_copy(small_project, tmp_path), tmp_path)
    replies += ["Restore", "Save as…"]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(tmp_path / "kept"), ""))
    restarted = make_window(qtbot, blank_plan(small_project.start))
    restarted.plan_file.recover()
    assert open_project(tmp_path / "kept.db").tasks[task_id].name == "first window's work"
    assert [r.copy_path for r in find_recoveries()] == [restarted.plan_file.file_session.session.recovery_path]
    restarted.plan_file.shutdown()


def test_a_second_copy_is_not_saved_over_a_plan_open_in_another_window(
        qtbot, small_project, answers, tmp_path, monkeypatch):
    from ilrs_planner.domain.blank_plan import blank_plan
    from ilrs_planner.qt.plan_file import recovery_offer
    asked, replies = answers
    open_elsewhere = tmp_path / "open elsewhere.db"
    save_project(small_project, open_elsewhere)
    someone_else_has(open_elsewhere)
    theirs = small_project.tasks["a"].name
    _crash_with_two_copies(qtbot, small_project, open_project_copy(small_project, tmp_path), tmp_path)
    replies += ["Restore", "Save as…"]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(open_elsewhere), ""))
    errors = []
    monkeypatch.setattr(recovery_offer, "show_error", lambda _parent, title, error: errors.append(error))
    restarted = make_window(qtbot, blank_plan(small_project.start))
    restarted.plan_file.recover()
    assert [error.code for error in errors] == ["store.in_use"] and "alice" in errors[0].message
    assert open_project(open_elsewhere).tasks["a"].name == theirs != "first window's work"  # not written over
    assert len(find_recoveries()) == 2  # the work is kept for the next start
    restarted.plan_file.shutdown()
