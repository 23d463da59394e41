"""Sharing in the desktop app: import, export, compare, merge, partner export, signature state."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from ilrs_planner.cli import main
from ilrs_planner.domain import Classification, Precision, Task
from ilrs_planner.exchange import mpxj_run
from ilrs_planner.exchange.formats import write_plan
from ilrs_planner.qt.document import Document
from ilrs_planner.qt.main_window import MainWindow
from ilrs_planner.qt.plan_file import controller
from ilrs_planner.qt.sharing import prompts
from ilrs_planner.qt.sharing.compare_dialog import ADDED, CHANGED, REMOVED
from ilrs_planner.qt.sharing.merge_dialog import ConflictDialog
from ilrs_planner.qt.sharing.partner_dialog import PartnerCopy, PartnerCopyDialog
from ilrs_planner.qt.sharing.signature_label import SignatureStatus
from ilrs_planner.sharing.clone import clone_project
from ilrs_planner.sharing.keys import load_private_key, write_key_pair
from ilrs_planner.sharing.merge import merge_projects
from ilrs_planner.sharing.signing import sign_project
from ilrs_planner.store import open_project, save_project

REAL = Path(__file__).parents[1] / "exchange" / "msp_real"


@pytest.fixture
def told(monkeypatch):
    """Messages and failures the tools would show, collected instead of shown."""
    seen = {"inform": [], "fail": []}
    monkeypatch.setattr(prompts, "inform", lambda _p, title, text, details=None: seen["inform"].append((title, text,
                                                                                                        details)))
    monkeypatch.setattr(prompts, "fail", lambda _p, title, error: seen["fail"].append(error))
    return seen


@pytest.fixture
def window(qtbot, small_project, tmp_path, monkeypatch):
    monkeypatch.setenv("ILRS_PLANNER_TRUSTED_KEYS", str(tmp_path / "trusted"))
    win = MainWindow(Document(small_project))
    qtbot.addWidget(win)
    return win


def _answer_files(monkeypatch, *paths):
    answers = list(map(str, paths))
    monkeypatch.setattr(prompts, "open_file", lambda *_a: answers.pop(0))
    monkeypatch.setattr(prompts, "save_file", lambda *_a: (answers.pop(0), ""))


def _compare_with(qtbot, window, other, tmp_path, monkeypatch):
    """The compare dialog, opened from the window on `other` saved as the file the user picks."""
    save_project(other, tmp_path / "other.db")
    _answer_files(monkeypatch, tmp_path / "other.db")
    dialog = window.sharing.compare_with()
    qtbot.addWidget(dialog)
    return dialog


def test_file_menu_has_the_sharing_actions_and_the_status_bar_the_signature(window):
    texts = [a.text().replace("&", "") for a in window.menus["file"].actions()]
    for expected in ("Import…", "Export…", "Compare with another plan…", "Merge…", "Export for partner…"):
        assert expected in texts
    assert texts.index("Export for partner…") < texts.index("Close plan")
    assert window.status_bar_widgets["signature"].text() == "Unsigned"


def test_import_opens_the_file_as_a_new_unsaved_plan(window, small_project, tmp_path, monkeypatch, told):
    source = clone_project(small_project)
    source.tasks["a"].name = "Imported task A"
    write_plan(source, tmp_path / "plan.xml")
    _answer_files(monkeypatch, tmp_path / "plan.xml")
    assert window.sharing.import_plan()
    names = {t.name for t in window.document.project.tasks.values()}
    assert "Imported task A" in names and window.document.path is None
    assert told["fail"] == []
    # The import is no plan file yet: closing offers to save it rather than losing it silently.
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a,
                        **k: asked.append(a[1]) or QMessageBox.StandardButton.Discard)
    assert window.document.modified and window.close() and asked == ["Unsaved changes"]


def test_a_broken_import_leaves_the_plan_and_says_why(window, tmp_path, monkeypatch, told):
    (tmp_path / "bad.xml").write_text("<Project><Tasks>")
    before = window.document.project
    _answer_files(monkeypatch, tmp_path / "bad.xml")
    assert not window.sharing.import_plan()
    assert window.document.project is before
    assert [e.code for e in told["fail"]] == ["import.bad_file"]


def test_export_writes_the_format_of_the_extension(window, tmp_path, monkeypatch, told):
    _answer_files(monkeypatch, tmp_path / "out.xlsx")
    assert window.sharing.export_plan()
    assert (tmp_path / "out.xlsx").read_bytes()[:2] == b"PK"  # a zip: an .xlsx workbook


def test_compare_colours_rows_and_bars(qtbot, window, small_project, tmp_path, monkeypatch, told):
    other = clone_project(small_project)
    other.tasks["b"].duration = 25
    del other.tasks["c"]
    other.links = {k: v for k, v in other.links.items() if "c" not in (v.pred_id, v.succ_id)}
    other.add_task(Task("N", "New task", 4, id="n"))
    dialog = _compare_with(qtbot, window, other, tmp_path, monkeypatch)
    rows = {}
    for i in range(dialog.tree.topLevelItemCount()):
        branch = dialog.tree.topLevelItem(i)
        for j in range(branch.childCount()):
            item = branch.child(j)
            rows[item.text(0)] = item.background(0).color().name()
    assert rows["New task (N)"] == ADDED and rows["Task C (C)"] == REMOVED and rows["Task B (B)"] == CHANGED
    assert window.gantt._highlight == {"c": "#d32f2f", "b": "#f57c00"}
    dialog.reject()
    assert window.gantt._highlight == {}


def test_compare_shows_a_milestone_move_at_the_precision_it_is_known_to(qtbot, window, small_project, tmp_path,
                                                                        monkeypatch, told):
    # M, known to the month, follows C: C's last day is 2030-03-01 (A 10, B 20, C 30 days from
    # 2030-01-01). B 31 days longer puts C's last day, and M, on 2030-04-01: a month later, "+1 mo".
    # (60 days longer, to 2030-04-30, reads "2030-03" to "2030-04" but is two months: "+60 d".)
    window.document.project.tasks["m"].precision = Precision.MONTH
    other = clone_project(window.document.project)
    other.tasks["b"].duration = 51
    dialog = _compare_with(qtbot, window, other, tmp_path, monkeypatch)
    branch = next(dialog.tree.topLevelItem(i) for i in range(dialog.tree.topLevelItemCount())
                  if dialog.tree.topLevelItem(i).text(0) == "Milestone moves")
    assert [[branch.child(j).text(c) for c in range(4)] for j in range(branch.childCount())] == [
        ["Milestone (M)", "2030-03", "2030-04", "+1 mo"]]
    dialog.reject()


def test_compare_cuts_a_long_name_but_never_a_date_a_move_or_a_header(qtbot, window, small_project, tmp_path,
                                                                       monkeypatch, told):
    long_name = "Milestone of the joint landing-site certification review after the second sample return " * 2
    window.document.project.tasks["m"].name = long_name.strip()
    other = clone_project(window.document.project)
    other.tasks["b"].duration = 80
    dialog = _compare_with(qtbot, window, other, tmp_path, monkeypatch)
    qtbot.waitExposed(dialog)
    tree = dialog.tree
    branch = next(tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
                  if tree.topLevelItem(i).text(0) == "Milestone moves")
    move = branch.child(0)
    assert move.text(3) == "+60 d" and f"{long_name.strip()} (M)" in move.toolTip(0)
    metrics, viewport = tree.fontMetrics(), tree.viewport().rect()
    assert tree.horizontalScrollBar().maximum() == 0  # nothing to scroll sideways to
    for column in (1, 2, 3):  # each date and the move in full, inside the view
        left = tree.header().sectionViewportPosition(column)
        width = tree.header().sectionSize(column)
        assert viewport.contains(left, 0) and viewport.contains(left + width - 1, 0)
        assert metrics.horizontalAdvance(move.text(column)) < width
        header_text = tree.headerItem().text(column)
        assert tree.header().fontMetrics().horizontalAdvance(header_text) < width
    assert metrics.horizontalAdvance(move.text(0)) > tree.header().sectionSize(0)  # the name alone is cut
    dialog.reject()


def test_merge_resolves_conflicts_as_chosen_and_is_one_undo_step(window, small_project, tmp_path, monkeypatch, told):
    save_project(small_project, tmp_path / "base.db")
    theirs = clone_project(small_project)
    theirs.tasks["a"].duration = 12
    theirs.tasks["b"].notes = "their note"
    save_project(theirs, tmp_path / "theirs.db")
    window.document.project.tasks["a"].duration = 11  # our edit, conflicting with theirs
    _answer_files(monkeypatch, tmp_path / "theirs.db", tmp_path / "base.db")
    asked = []

    def pick_theirs(_parent, result):
        asked.append([c.field for c in result.conflicts])
        return {c.key: "theirs" for c in result.conflicts}
    monkeypatch.setattr(prompts, "resolve_conflicts", pick_theirs)
    assert window.sharing.merge_with()
    assert asked == [["duration"]]
    project = window.document.project
    assert (project.tasks["a"].duration, project.tasks["b"].notes) == (12, "their note")
    window.document.undo_stack.undo()
    assert (window.document.project.tasks["a"].duration, window.document.project.tasks["b"].notes) == (11, "")


def test_cancelling_the_conflict_dialog_changes_nothing(window, small_project, tmp_path, monkeypatch, told):
    save_project(small_project, tmp_path / "base.db")
    theirs = clone_project(small_project)
    theirs.tasks["a"].duration = 12
    save_project(theirs, tmp_path / "theirs.db")
    window.document.project.tasks["a"].duration = 11
    _answer_files(monkeypatch, tmp_path / "theirs.db", tmp_path / "base.db")
    monkeypatch.setattr(prompts, "resolve_conflicts", lambda *_a: None)
    assert not window.sharing.merge_with()
    assert window.document.project.tasks["a"].duration == 11 and window.document.undo_stack.count() == 0


def test_conflict_dialog_offers_ours_or_theirs_per_conflict(qtbot, small_project):
    ours, theirs = clone_project(small_project), clone_project(small_project)
    ours.tasks["a"].duration, theirs.tasks["a"].duration = 11, 12
    ours.tasks["m"].name = "Milestone (ours)"
    del theirs.tasks["m"]
    theirs.links.pop("cm")
    result = merge_projects(small_project, ours, theirs)
    dialog = ConflictDialog(result.conflicts)
    qtbot.addWidget(dialog)
    assert set(dialog.choices().values()) == {"ours"}
    dialog.choose(1, "theirs")
    assert list(dialog.choices().values()) == ["ours", "theirs"]
    dialog.choose_all("theirs")
    assert set(dialog.choices().values()) == {"theirs"}
    assert dialog.table.item(1, 4).text() == "(deleted)"


def test_export_for_partner_writes_a_redacted_copy(window, tmp_path, monkeypatch, told):
    secret = Task("SECRET-7", "Orbital relay Nightjar", 5, id="secretnightjar",
                  classification=Classification.RESTRICTED,
                  parent_id=None, position=5)
    window.document.project.add_task(secret)
    monkeypatch.setattr(prompts, "choose_partner_copy", lambda _p: PartnerCopy(Classification.PUBLIC))
    _answer_files(monkeypatch, tmp_path / "public.db")
    assert window.sharing.export_for_partner()
    raw = (tmp_path / "public.db").read_bytes()
    assert b"Nightjar" not in raw and b"SECRET-7" not in raw and b"secretnightjar" not in raw
    assert "1 task withheld" in told["inform"][0][1]
    assert "secretnightjar" in window.document.project.tasks  # the open plan keeps everything


def test_the_partner_dialog_offers_to_leave_notes_out(qtbot):
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtWidgets import QDialogButtonBox

    dialog = PartnerCopyDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.choice() == PartnerCopy(Classification.PUBLIC, False)  # notes go along unless left out
    dialog.level.setFocus()
    qtbot.keyClick(dialog.level, Qt.Key.Key_Down)
    box = dialog.without_notes  # clicked on its tick box, at its left
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(box.height() // 2, box.height() // 2))
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)
    assert dialog.choice() == PartnerCopy(Classification.PARTNERS, True)


def test_export_for_partner_without_notes_sends_none_and_says_so(window, tmp_path, monkeypatch, told):
    window.document.project.tasks["a"].notes = "ahead of the reserve we keep before the landing"
    monkeypatch.setattr(prompts, "choose_partner_copy", lambda _p: PartnerCopy(Classification.PUBLIC, True))
    _answer_files(monkeypatch, tmp_path / "public.db")
    assert window.sharing.export_for_partner()
    assert all(t.notes == "" for t in open_project(tmp_path / "public.db").tasks.values())
    assert b"reserve" not in (tmp_path / "public.db").read_bytes()
    assert told["inform"][0][1].endswith("Notes were left out.")
    assert window.document.project.tasks["a"].notes  # the open plan keeps its notes


def test_export_for_partner_names_a_task_whose_free_float_the_copy_cannot_keep(qtbot, small_project, tmp_path,
                                                                                monkeypatch, told):
    from ilrs_planner.domain import Link

    # The survey is followed at once by a withheld check that nothing waits on: 0 d free float in the
    # plan, which no link in the copy can say. The owner is told before sending.
    plan = small_project
    plan.add_task(Task("SURVEY", "Pad survey", 10, id="t-survey"))
    plan.add_task(Task("CHECK", "Internal check", 5, id="t-check", classification=Classification.RESTRICTED))
    plan.add_link(Link("t-survey", "t-check", id="l-check"))
    window = MainWindow(Document(plan))
    qtbot.addWidget(window)
    monkeypatch.setattr(prompts, "choose_partner_copy", lambda _p: PartnerCopy(Classification.PUBLIC))
    _answer_files(monkeypatch, tmp_path / "public.db")
    assert window.sharing.export_for_partner()
    [notice] = told["inform"][0][2]
    assert notice.startswith("Floats differ in the copy for 1 task with withheld work after them: Pad survey (")
    assert notice.endswith(", free 0 d)")


def _open_signed(window, plan, tmp_path):
    """`plan` signed by a key the window trusts, saved as signed.db and opened; the signature label."""
    private, _ = write_key_pair("CNSA planning", tmp_path / "trusted")
    signed = clone_project(plan)
    sign_project(signed, load_private_key(private)[0], "CNSA planning")
    save_project(signed, tmp_path / "signed.db")
    window.document.replace_project(open_project(tmp_path / "signed.db"), str(tmp_path / "signed.db"))
    return window.status_bar_widgets["signature"]


def test_signature_label_follows_open_and_save(qtbot, window, small_project, tmp_path):
    label = _open_signed(window, small_project, tmp_path)
    assert label.text() == "Signed by a trusted key: CNSA planning"
    window.document.project.tasks["a"].name = "Changed after signing"
    window.document.mark_saved()  # as File → Save does
    label.refresh()
    assert label.text().startswith("Altered after signing")
    write_key_pair("Somebody else", tmp_path / "elsewhere")
    label.trusted_dir = tmp_path / "elsewhere"
    window.document.replace_project(open_project(tmp_path / "signed.db"), str(tmp_path / "signed.db"))
    assert label.text().startswith("Signed by an unknown key")


def test_a_plan_saved_or_replaced_after_its_signature_label_is_gone_raises_nothing(qtbot, small_project, tmp_path):
    # The document can outlive a window's status bar: the label must stop listening when it is destroyed,
    # or saving (the undo stack turning clean) calls a deleted Qt object and prints a traceback.
    document = Document(small_project)
    label = SignatureStatus(document, trusted_dir=tmp_path / "no-keys")
    shiboken6.delete(label)
    document.project.tasks["a"].name = "Edited"
    document.undo_stack.cleanChanged.emit(True)  # as File → Save does
    document.replace_project(clone_project(small_project), str(tmp_path / "other.db"))


def test_a_signed_file_with_bytes_appended_shows_as_altered_when_opened(qtbot, window, small_project, tmp_path):
    """The status bar tells what `verify` tells: data hidden after the last page breaks the promise."""
    private, _ = write_key_pair("CNSA planning", tmp_path / "trusted")
    signed = clone_project(small_project)
    sign_project(signed, load_private_key(private)[0], "CNSA planning")
    path = tmp_path / "signed.db"
    save_project(signed, path)
    window.plan_file.open_path(str(path))
    label = window.status_bar_widgets["signature"]
    assert label.text() == "Signed by a trusted key: CNSA planning"
    with open(path, "ab") as out:
        out.write(b"covert payload" * 100)
    window.plan_file.open_path(str(path))
    assert label.text().startswith("Altered after signing")


def test_import_dialog_offers_every_format_we_read(window, monkeypatch):
    """File → Import shows a partner's .mpp or .xer file, not only our XML and CSV."""
    asked = []
    monkeypatch.setattr(prompts, "open_file", lambda _w, _title, _folder, file_filter: asked.append(file_filter) or "")
    window.sharing.import_.trigger()  # File → Import…, cancelled
    first, *each = asked[0].split(";;")
    for pattern in ("*.mpp", "*.xer", "*.pmxml", "*.gan", "*.pod", "*.xml", "*.csv"):
        assert pattern in first
    assert "MS Project (*.mpp)" in each and "Primavera P6 (*.xer)" in each


def test_export_for_partner_suggests_a_file_name_without_hidden_names(window, tmp_path, monkeypatch, told):
    # The file name travels with the copy: it must not say what the copy withholds.
    window.document.project.name = "Nightjar relay programme"
    window.document.project.add_task(Task("NJ", "Nightjar relay", 5, id="t-nj",
                                          classification=Classification.RESTRICTED))
    monkeypatch.setattr(prompts, "choose_partner_copy", lambda _p: PartnerCopy(Classification.PUBLIC))
    suggested = []
    monkeypatch.setattr(prompts, "save_file", lambda _w, _t, suggestion, _f: (suggested.append(suggestion),
                                                                              (str(tmp_path / "copy.db"), ""))[1])
    assert window.sharing.export_for_partner()
    name = os.path.basename(suggested[0])
    assert "nightjar" not in name.casefold() and name.endswith("(everyone).db"), name


def test_compare_shows_a_baselines_entries_by_task_name_with_the_last_day_of_work(qtbot, window, small_project,
                                                                                  tmp_path, monkeypatch, told):
    import dataclasses
    from datetime import date

    other = clone_project(small_project)
    other.baselines[0] = dataclasses.replace(other.baselines[0], entries={
        "m": (date(2030, 3, 1), date(2030, 3, 1)), "a": (date(2030, 1, 1), date(2030, 1, 11))})
    dialog = _compare_with(qtbot, window, other, tmp_path, monkeypatch)
    [baselines] = [dialog.tree.topLevelItem(n) for n in range(dialog.tree.topLevelItemCount())
                   if dialog.tree.topLevelItem(n).text(0) == "Baselines"]
    row = baselines.child(0)
    assert row.text(0) == "2021 roadmap"
    shown = [[row.child(n).text(c) for c in range(3)] for n in range(row.childCount())]
    assert shown == [["Milestone (M)", "2030-02-01", "2030-03-01"],
                     ["Task A (A)", "(none)", "2030-01-01 to 2030-01-10"]]
    dialog.reject()


def test_compare_fits_a_small_screen_with_its_move_column_and_close_button(qtbot, window, small_project, tmp_path,
                                                                           monkeypatch, told):
    from PySide6.QtWidgets import QDialogButtonBox

    other = clone_project(small_project)
    other.tasks["b"].duration = 80
    dialog = _compare_with(qtbot, window, other, tmp_path, monkeypatch)
    qtbot.waitExposed(dialog)
    screen = dialog.screen().availableGeometry()  # 800 wide on the offscreen platform
    assert screen.contains(dialog.geometry())
    close = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)
    assert screen.contains(close.mapToGlobal(close.rect().bottomRight()))
    header = dialog.tree.header()
    assert header.sectionViewportPosition(3) + header.sectionSize(3) <= dialog.tree.viewport().width()
    dialog.reject()


def _keyed_plan(window):
    """The window's plan with tasks T-1 … T-5 added from the Edit menu; T-3 only Restricted may see."""
    for _ in range(5):
        window.document.set_selection(["a"])
        window.edit.add_task.trigger()
        window.tree.commit_open_editor()
    tasks = {t.key: t for t in window.document.project.tasks.values()}
    tasks["T-3"].classification = Classification.RESTRICTED
    return tasks


def test_a_task_a_partner_adds_to_their_copy_merges_back_beside_the_task_withheld_from_them(
        qtbot, window, tmp_path, monkeypatch, told):
    tasks = _keyed_plan(window)
    monkeypatch.setattr(prompts, "choose_partner_copy", lambda _p: PartnerCopy(Classification.PARTNERS))
    _answer_files(monkeypatch, tmp_path / "copy.db")
    assert window.sharing.export_for_partner()
    partner = MainWindow(Document(open_project(tmp_path / "copy.db")))
    qtbot.addWidget(partner, before_close_func=lambda w: w.document.mark_saved())
    seen = sorted(t.key for t in partner.document.project.tasks.values() if t.key.startswith("T-"))
    assert seen == ["T-1", "T-2", "T-3", "T-4"]  # no gap where T-3 was withheld
    partner.document.set_selection(["a"])
    partner.edit.add_task.trigger()
    partner.tree.commit_open_editor()
    added = partner.document.project.tasks[partner.document.selected_ids[0]]
    assert added.key == "T-5"  # a key our plan gives another task
    save_project(partner.document.project, tmp_path / "theirs.db")
    before = {t.id: (t.key, t.name) for t in window.document.project.tasks.values()}
    _answer_files(monkeypatch, tmp_path / "theirs.db", tmp_path / "copy.db")
    assert window.sharing.merge_with()
    merged = window.document.project.tasks
    assert {tid: (merged[tid].key, merged[tid].name) for tid in before} == before  # T-3 and T-5 untouched
    assert (merged[added.id].key, merged[added.id].name) == ("T-6", "New task")
    assert len({t.key for t in merged.values()}) == len(merged)
    title, _text, notes = told["inform"][-1]
    assert title == "Merged with notes" and "keyed T-6 here: T-5" in notes[0]
    window.document.undo_stack.undo()
    assert added.id not in window.document.project.tasks and tasks["T-5"].key == "T-5"
    window.document.mark_saved()  # closing the window at the end asks nothing


def test_a_partners_plan_that_opens_but_cannot_be_merged_is_explained_and_ours_kept(
        window, small_project, tmp_path, monkeypatch, told):
    import sqlite3
    save_project(small_project, tmp_path / "base.db")
    save_project(small_project, tmp_path / "theirs.db")
    with sqlite3.connect(tmp_path / "theirs.db") as db:  # their tool linked a task to itself
        db.execute("INSERT INTO links (id, pred, succ, type, lag) SELECT 'self', num, num, 'FS', 0 FROM tasks "
                   "WHERE id = 'a'")
    db.close()
    before = clone_project(window.document.project)
    _answer_files(monkeypatch, tmp_path / "theirs.db", tmp_path / "base.db")
    assert not window.sharing.merge_with()  # it raised out of the menu action, and nothing was said
    assert [error.code for error in told["fail"]] == ["link.self"]
    assert told["fail"][0].message.startswith(f"THEIRS ({tmp_path / 'theirs.db'}) cannot be merged: ")
    assert window.document.project == before and window.document.undo_stack.count() == 0


def _plan_with_withheld_checks():
    """Two kept surveys, each followed at once by a withheld check nothing waits on: floats the copy
    cannot keep, so both the window and the command line name them."""
    from ilrs_planner.domain import Link, Project

    plan = Project("Pads", __import__("datetime").date(2030, 1, 7))
    for n, days in ((1, 10), (2, 4)):
        plan.add_task(Task(f"SURVEY-{n}", f"Pad survey {n}", days, id=f"s{n}", position=2 * n))
        plan.add_task(Task(f"CHECK-{n}", f"Internal check {n}", 5, id=f"c{n}", position=2 * n + 1,
                           classification=Classification.RESTRICTED))
        plan.add_link(Link(f"s{n}", f"c{n}", id=f"l{n}"))
    plan.add_task(Task("END", "Pads ready", 0, id="end", position=9))
    plan.add_link(Link("s1", "end", id="l-end"))
    return plan


def test_export_for_partner_tells_what_the_command_line_tells_and_schedules_only_the_copy(
        qtbot, tmp_path, monkeypatch, told, capsys):
    from ilrs_planner.cli import main
    from ilrs_planner.sharing import held_floats, redact

    save_project(_plan_with_withheld_checks(), tmp_path / "plan.db")
    assert main(["redact", str(tmp_path / "plan.db"), "--level", "everyone", "-o", str(tmp_path / "cli.db")]) == 0
    said = capsys.readouterr().out.splitlines()[1:]
    win = MainWindow(Document(open_project(tmp_path / "plan.db")))
    qtbot.addWidget(win)
    assert win.plan_file.open_path(str(tmp_path / "plan.db"))  # its file holds the secret the copy is keyed on
    scheduled = []
    for module in (held_floats, redact):
        real = module.schedule
        monkeypatch.setattr(module, "schedule", lambda plan, *a, real=real, **k: scheduled.append(plan) or real(plan,
                                                                                                          *a, **k))
    monkeypatch.setattr(prompts, "choose_partner_copy", lambda _p: PartnerCopy(Classification.PUBLIC))
    _answer_files(monkeypatch, tmp_path / "window.db")
    assert win.sharing.export_for_partner()
    # The withheld check after Pad survey 1 ends the plan five days after the copy's last task: the
    # copy must finish by its end, so Pads ready keeps its float; Pad survey 1's free float no link carries.
    assert told["inform"][0][2] == said and len(said) == 2
    assert said[0].startswith("Withheld work ends this plan after the copy's last task, so the copy must finish by")
    assert said[1].startswith("Floats differ in the copy for 1 task")
    assert scheduled and not any(plan is win.document.project for plan in scheduled)  # the copy only


def test_opening_a_signed_plan_changed_in_transit_warns_in_a_box_but_saving_ones_own_edit_does_not(
        qtbot, window, small_project, tmp_path):
    """A partner's signed file with one name changed on the way: the planner is stopped by a box that
    says the plan is not what was signed, not only by red words in the status bar."""
    private, _ = write_key_pair("CNSA planning", tmp_path / "trusted")
    signed = clone_project(small_project)
    sign_project(signed, load_private_key(private)[0], "CNSA planning")
    path = tmp_path / "signed.db"
    save_project(signed, path)
    window.show()
    label = window.status_bar_widgets["signature"]
    window.plan_file.open_path(str(path))
    assert label.warning is None  # signed and whole: no box
    tampered = open_project(path)
    tampered.tasks["a"].name = "Flectrical tests"
    save_project(tampered, path)  # the signature travels unchanged, as an attacker's copy would keep it
    window.plan_file.open_path(str(path))
    qtbot.waitUntil(lambda: label.warning is not None and label.warning.isVisible(), timeout=10_000)
    text = label.warning.text()
    assert "changed after CNSA planning signed it" in text and "not what was signed" in text
    label.warning.accept()
    label.warning = None
    window.document.project.tasks["b"].name = "Our own edit"
    window.document.mark_saved()  # as File → Save does: the planner knows the plan changed
    assert label.text().startswith("Altered after signing") and label.warning is None


def test_a_changed_signed_plan_named_on_the_command_line_warns_once_the_window_shows(
        qtbot, small_project, tmp_path, monkeypatch):
    """`ilrs-planner partner.db` opens the file before the window is shown: the box still comes."""
    from ilrs_planner.qt.app import create_main_window

    monkeypatch.setenv("ILRS_PLANNER_TRUSTED_KEYS", str(tmp_path / "trusted"))
    private, _ = write_key_pair("CNSA planning", tmp_path / "trusted")
    signed = clone_project(small_project)
    sign_project(signed, load_private_key(private)[0], "CNSA planning")
    signed.tasks["a"].name = "Changed on the way"
    save_project(signed, tmp_path / "partner.db")
    window = create_main_window(str(tmp_path / "partner.db"))
    qtbot.addWidget(window)
    label = window.status_bar_widgets["signature"]
    assert label.warning is None
    window.show()
    qtbot.waitUntil(lambda: label.warning is not None and label.warning.isVisible(), timeout=10_000)
    assert "changed after CNSA planning signed it" in label.warning.text()
    label.warning.accept()


def _import_by_menu(window, monkeypatch, path):
    """File ▸ Import… with the file dialog answering `path` (the imported plan, not saved, is let go
    when the window closes)."""
    _answer_files(monkeypatch, path)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Discard)
    window.sharing.import_.trigger()


@pytest.mark.skipif(bool(mpxj_run.missing_parts()), reason="reading an .mpp file needs Java and MPXJ")
def test_an_mpp_import_that_lost_nothing_says_how_it_was_read_without_a_box(window, monkeypatch, told):
    _import_by_menu(window, monkeypatch, REAL / "task-links-project2003-mpp9.mpp")
    assert told["inform"] == [] and told["fail"] == []  # how the file was read is no loss
    assert window.statusBar().currentMessage().endswith("(read through MPXJ from MS Project (.mpp) format)")


@pytest.mark.parametrize("header, things", [("Name,Duration,Colour", "1 thing"),
                                            ("Name,Colour", "2 things")])  # and no Duration column
def test_the_import_notes_count_what_was_not_carried_over_in_words(window, tmp_path, monkeypatch, told, header,
                                                                   things):
    (tmp_path / "plan.csv").write_text(f"{header}\nSurvey,5d,blue\n" if "Duration" in header
                                       else f"{header}\nSurvey,blue\n", encoding="utf-8")
    _import_by_menu(window, monkeypatch, tmp_path / "plan.csv")
    [(title, text, details)] = told["inform"]
    assert title == "Imported with notes"
    assert text == f"{things} in plan.csv could not be carried over exactly; see the details."


def test_the_import_reads_under_a_busy_cursor_and_a_refusal_replaces_the_export_message(window, tmp_path,
                                                                                         monkeypatch, told):
    _answer_files(monkeypatch, tmp_path / "out.xml")
    window.sharing.export.trigger()
    assert window.statusBar().currentMessage() == f"Exported {tmp_path / 'out.xml'}"
    seen = []
    real_read = controller.read_plan

    def watched(path):  # what the window shows while the file is read
        cursor = QApplication.overrideCursor()
        seen.append((cursor.shape() if cursor else None, window.statusBar().currentMessage()))
        return real_read(path)

    monkeypatch.setattr(controller, "read_plan", watched)
    (tmp_path / "bad.xml").write_text("<Project><Tasks>")
    _import_by_menu(window, monkeypatch, tmp_path / "bad.xml")
    assert seen == [(Qt.CursorShape.WaitCursor, "Importing bad.xml…")]
    assert QApplication.overrideCursor() is None  # the cursor is back
    assert window.statusBar().currentMessage() == "Not imported: bad.xml could not be read"
    assert [e.code for e in told["fail"]] == ["import.bad_file"]


def test_a_workbook_exported_imports_back_by_the_menu(window, small_project, tmp_path, monkeypatch, told):
    _answer_files(monkeypatch, tmp_path / "plan.xlsx")
    window.sharing.export.trigger()
    _import_by_menu(window, monkeypatch, tmp_path / "plan.xlsx")
    assert told["fail"] == [] and told["inform"] == []
    back = window.document.project
    assert sorted(t.key for t in back.tasks.values()) == sorted(t.key for t in small_project.tasks.values())
    assert len(back.links) == len(small_project.links)
    assert window.statusBar().currentMessage() == f"Imported plan.xlsx: {len(back.tasks)} tasks"


def test_closing_an_imported_plan_names_it_without_the_files_extension(window, monkeypatch, told):
    _import_by_menu(window, monkeypatch, REAL / "task-dates-project2003-mspdi.xml")
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **_k: asked.append(a[2]) or QMessageBox.StandardButton.Discard)
    assert window.close()
    assert asked == ["<p>Save the changes to “task-dates-project2003-mspdi” before closing it?</p>"]


def test_the_signature_label_names_partner_copies_sent_since_signing(qtbot, window, small_project, tmp_path):
    # A copy written for a partner after signing is recorded in the signed file without the signer's
    # key: the signature still holds, and the status bar says, as `verify` does, what it leaves out.
    label = _open_signed(window, small_project, tmp_path)
    assert label.text() == "Signed by a trusted key: CNSA planning"
    for week in (1, 2):
        assert main(["redact", str(tmp_path / "signed.db"), "--level", "everyone",
                     "-o", str(tmp_path / f"week{week}.db")]) == 0
    window.document.replace_project(open_project(tmp_path / "signed.db"), str(tmp_path / "signed.db"))
    assert label.text() == "Signed by a trusted key: CNSA planning — 2 partner copies sent since, not covered"
