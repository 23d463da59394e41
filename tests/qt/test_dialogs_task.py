"""The task dialog: every field edited as one undo step, links added/edited/removed, loops refused."""

from __future__ import annotations

import copy
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QComboBox, QDialogButtonBox

from ilrs_planner.commands.tasks import SetDuration
from ilrs_planner.domain import Classification, Confidence, ConstraintType, LinkType, Precision, Task
from ilrs_planner.qt.dialogs.task_dialog import TaskDialog
from ilrs_planner.qt.document import Document

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def document(small_project):
    return Document(small_project)


def open_dialog(qtbot, document, task_id):
    dialog = TaskDialog(document, task_id)
    qtbot.addWidget(dialog)
    dialog.open()
    return dialog


def press_ok(qtbot, dialog):
    qtbot.mouseClick(dialog.ui.button_box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_every_field_in_one_undo_step(qtbot, document):
    original = copy.deepcopy(document.project)
    dialog = open_dialog(qtbot, document, "b")
    ui = dialog.ui
    ui.name_edit.setText("Luna-26 polar orbiter")
    ui.owner_combo.setCurrentIndex(ui.owner_combo.findData("p-cnsa"))
    ui.duration_edit.setText("365")
    ui.precision_combo.setCurrentIndex(ui.precision_combo.findData("year"))
    ui.classification_combo.setCurrentIndex(ui.classification_combo.findData("partners"))
    ui.constraint_combo.setCurrentIndex(ui.constraint_combo.findData("FNLT"))
    ui.constraint_date_edit.setText("2031")  # a finish constraint: the end of 2031
    ui.deadline_edit.setText("Q4 2031")
    ui.actual_start_edit.setText("2030-02-01")
    ui.optimistic_edit.setText("300")
    ui.most_likely_edit.setText("365d")
    ui.pessimistic_edit.setText("100w")
    ui.source_edit.setText("https://tass.com/science/1081926")
    ui.notes_edit.setPlainText("slipped again")
    press_ok(qtbot, dialog)
    task = document.project.tasks["b"]
    assert not dialog.isVisible() and document.undo_stack.count() == 1
    assert (task.name, task.owner_id, task.duration, task.precision) == ("Luna-26 polar orbiter", "p-cnsa", 365,
                                                                         Precision.YEAR)
    # "2031" typed as a finish means through 31 December 2031: the constraint is kept as the exclusive
    # finish (the day after), the deadline as its last day, as MS Project keeps deadlines.
    assert (task.constraint, task.constraint_date, task.deadline) == (ConstraintType.FNLT, date(2032, 1, 1),
                                                                      date(2031, 12, 31))
    assert task.classification is Classification.PARTNERS and task.actual_start == date(2030, 2, 1)
    assert (task.optimistic, task.most_likely, task.pessimistic) == (300, 365, 700)  # 100 weeks of 7 days
    assert task.notes == "slipped again" and task.source_url.endswith("1081926")
    document.undo_stack.undo()
    assert document.project == original


def test_the_constraint_date_takes_input_only_for_a_dated_constraint(qtbot, document):
    dialog = open_dialog(qtbot, document, "b")
    ui = dialog.ui
    assert not ui.constraint_date_edit.isEnabled()  # as soon as possible: no date to give
    ui.constraint_combo.setFocus()
    for _ in range(ui.constraint_combo.findData("SNET")):
        qtbot.keyClick(ui.constraint_combo, Qt.Key.Key_Down)
    assert ui.constraint_combo.currentData() == "SNET" and ui.constraint_date_edit.isEnabled()
    ui.constraint_combo.setCurrentIndex(ui.constraint_combo.findData("ALAP"))
    assert not ui.constraint_date_edit.isEnabled()


def test_opening_and_ok_without_changes_adds_no_step(qtbot, document):
    document.project.tasks["m"].deadline = date(2035, 12, 31)
    document.project.tasks["m"].precision = Precision.YEAR
    dialog = open_dialog(qtbot, document, "m")
    assert dialog.ui.deadline_edit.text() == "2035"
    press_ok(qtbot, dialog)
    assert document.undo_stack.count() == 0


def test_links_added_edited_and_removed(qtbot, document):
    dialog = open_dialog(qtbot, document, "c")
    table = dialog.ui.links_table
    assert table.rowCount() == 1 and table.cellWidget(0, 0).currentData() == "b"
    table.cellWidget(0, 1).setCurrentIndex(table.cellWidget(0, 1).findData("SS"))
    assert table.cellWidget(0, 2).text() == "0 d"
    table.cellWidget(0, 2).setText("-5d")
    row = dialog.add_link_row(None, "a", LinkType.FF, 3)
    assert table.cellWidget(row, 0).currentData() == "a"
    press_ok(qtbot, dialog)
    links = {(l.pred_id, l.succ_id): (l.type, l.lag) for l in document.project.links.values()}
    assert links[("b", "c")] == (LinkType.SS, -5) and links[("a", "c")] == (LinkType.FF, 3)
    dialog = open_dialog(qtbot, document, "c")
    dialog.ui.links_table.selectRow(0)
    dialog.remove_selected_link()
    press_ok(qtbot, dialog)
    assert ("b", "c") not in {(l.pred_id, l.succ_id) for l in document.project.links.values()}
    document.undo_stack.undo()
    assert ("b", "c") in {(l.pred_id, l.succ_id) for l in document.project.links.values()}


def test_a_lag_typed_in_hours_is_rounded_up_and_said(qtbot, document):
    """Half of MS Project's 8-hour day, 4h, is a lag of 1 day; '2ed' two calendar days."""
    notes = []
    document.noted.connect(notes.append)
    dialog = open_dialog(qtbot, document, "c")
    table = dialog.ui.links_table
    table.cellWidget(0, 2).setText("4h")
    row = dialog.add_link_row(None, "a", LinkType.FS, 0)
    table.cellWidget(row, 2).setText("+2ed")
    press_ok(qtbot, dialog)
    links = {l.pred_id: (l.lag, l.elapsed) for l in document.project.links.values() if l.succ_id == "c"}
    assert links == {"b": (1, False), "a": (2, True)}
    assert notes == ["Lag '+4h' was rounded up to +1 d: a plan counts whole working days"]
    dialog = open_dialog(qtbot, document, "c")
    assert sorted(dialog.ui.links_table.cellWidget(r, 2).text() for r in range(2)) == ["+1 d", "+2 ed"]


@pytest.mark.parametrize("setup, expected", [
    (lambda d: d.add_link_row(None, "m", LinkType.FS, 0), "loop"),
    (lambda d: d.ui.links_table.cellWidget(d.add_link_row(None, "a", LinkType.FS, 0), 2).setText("soon"),
     "'soon' is not a lag"),
    (lambda d: d.ui.deadline_edit.setText("end of 2035"), "Deadline"),
    (lambda d: (d.ui.constraint_combo.setCurrentIndex(d.ui.constraint_combo.findData("MSO")),
                d.ui.constraint_date_edit.clear()), "needs a date"),
    (lambda d: d.ui.key_edit.setText("A"), "already used"),
    (lambda d: (d.ui.constraint_combo.setCurrentIndex(d.ui.constraint_combo.findData("FNLT")),
                d.ui.constraint_date_edit.setText("2200")),  # its last day, 2200-12-31, is stored as the day after
     "Constraint date: '2200' is after 2200-12-30, the last finish a plan holds"),
    (lambda d: d.ui.actual_finish_edit.setText("2200-12-31"), "Actual finish: '2200-12-31' is after 2200-12-30"),
])
def test_refused_input_keeps_the_dialog_open_and_the_plan_unchanged(qtbot, document, setup, expected):
    original = copy.deepcopy(document.project)
    dialog = open_dialog(qtbot, document, "b")
    dialog.ui.name_edit.setText("renamed too")  # applied first inside the step, then rolled back
    setup(dialog)
    press_ok(qtbot, dialog)
    assert dialog.isVisible() and expected in dialog.ui.error_label.text()
    assert document.project == original and document.undo_stack.count() == 0


def uic_command() -> list[str]:
    """Qt's uic as PySide6 ships it (what pyside6-uic runs), generating Python."""
    import PySide6

    for folder in ("Qt/libexec", "libexec", ""):
        uic = Path(PySide6.__file__).parent / folder / "uic"
        if uic.exists():
            return [str(uic), "-g", "python"]
    return [shutil.which("pyside6-uic") or "pyside6-uic"]


def test_generated_form_matches_its_ui_file(tmp_path):
    """A .ui changed without regenerating qt/generated fails here (run pyside6-uic, see README)."""
    for ui_file in sorted((ROOT / "ui").glob("*.ui")):
        generated = ROOT / "ilrs_planner" / "qt" / "generated" / f"ui_{ui_file.stem}.py"
        fresh = tmp_path / generated.name
        subprocess.run([*uic_command(), str(ui_file), "-o", str(fresh)], check=True, capture_output=True)

        def strip(text: str) -> list[str]:
            return [line for line in text.splitlines() if not line.startswith("## Created by")]

        assert strip(generated.read_text()) == strip(fresh.read_text()), \
            f"regenerate {generated.name} from {ui_file.name}"
        assert "WARNING! All changes made in this file will be lost" in generated.read_text()


def test_ticking_key_milestone_flags_the_task_in_one_undo_step(qtbot, document):
    dialog = open_dialog(qtbot, document, "m")
    assert not dialog.ui.key_milestone_check.isChecked()
    check = dialog.ui.key_milestone_check
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=QPoint(8, check.height() // 2))  # on the box
    press_ok(qtbot, dialog)
    assert document.project.tasks["m"].key_milestone and document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert not document.project.tasks["m"].key_milestone
    reopened = open_dialog(qtbot, document, "m")
    assert not reopened.ui.key_milestone_check.isChecked()


def test_as_late_as_possible_moves_a_task_to_its_late_dates_without_a_date(qtbot, small_project):
    small_project.add_task(Task("X", "Survey", 5, id="x", position=9))  # no links: free to sit anywhere
    document = Document(small_project)
    assert document.schedule.tasks["x"].early_start == date(2030, 1, 1)
    dialog = open_dialog(qtbot, document, "x")
    combo = dialog.ui.constraint_combo
    combo.setCurrentIndex(combo.findText("As late as possible (ALAP)"))
    dialog.ui.constraint_date_edit.setText("2030-01-10")  # ignored: as late as possible has no date
    press_ok(qtbot, dialog)
    task = document.project.tasks["x"]
    assert (task.constraint, task.constraint_date) == (ConstraintType.ALAP, None)
    survey = document.schedule.tasks["x"]  # A, B, C run 60 days to 2030-03-02: X ends with them
    assert (survey.early_start, survey.early_finish) == (date(2030, 2, 25), date(2030, 3, 2))
    document.undo_stack.undo()
    assert document.schedule.tasks["x"].early_start == date(2030, 1, 1)


def _notes_tab(qtbot, dialog):
    """Click the Notes tab, where the source, its date and the confidence are."""
    bar = dialog.ui.tabs.tabBar()
    tab = bar.tabRect(dialog.ui.tabs.indexOf(dialog.ui.notes_tab))
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=tab.center())
    assert dialog.ui.tabs.currentWidget() is dialog.ui.notes_tab


def test_marking_a_task_an_assumption_with_its_source_date_is_one_undo_step(qtbot, document):
    dialog = open_dialog(qtbot, document, "b")
    _notes_tab(qtbot, dialog)
    combo, day = dialog.provenance.confidence_combo, dialog.provenance.source_date_edit
    assert combo.currentText().startswith("Not stated") and day.text() == ""
    qtbot.mouseClick(combo, Qt.MouseButton.LeftButton)  # open the list, then choose by keyboard
    for _ in range(3):
        qtbot.keyClick(combo.view(), Qt.Key.Key_Down)
    qtbot.keyClick(combo.view(), Qt.Key.Key_Return)
    assert combo.currentText().startswith("Assumption")
    qtbot.mouseClick(day, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(day, "2025-06-18")
    press_ok(qtbot, dialog)
    task = document.project.tasks["b"]
    assert (task.confidence, task.source_date) == (Confidence.ASSUMPTION, date(2025, 6, 18))
    assert document.undo_stack.count() == 1
    reopened = open_dialog(qtbot, document, "b")
    assert reopened.provenance.confidence_combo.currentText().startswith("Assumption")
    assert reopened.provenance.source_date_edit.text() == "2025-06-18"
    document.undo_stack.undo()
    assert (task.confidence, task.source_date) == (None, None)


def test_a_source_date_that_is_not_a_day_is_refused_in_the_dialog(qtbot, document):
    original = copy.deepcopy(document.project)
    dialog = open_dialog(qtbot, document, "b")
    _notes_tab(qtbot, dialog)
    qtbot.mouseClick(dialog.provenance.source_date_edit, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.provenance.source_date_edit, "June 2025")
    press_ok(qtbot, dialog)
    assert dialog.isVisible() and "Source date" in dialog.ui.error_label.text()
    assert document.project == original and document.undo_stack.count() == 0


def _choose_confidence(qtbot, dialog, downs: int) -> None:
    """Open the confidence list and go down `downs` entries from Not stated: 1 Sourced, 3 Assumption."""
    combo = dialog.provenance.confidence_combo
    qtbot.mouseClick(combo, Qt.MouseButton.LeftButton)
    for _ in range(downs):
        qtbot.keyClick(combo.view(), Qt.Key.Key_Down)
    qtbot.keyClick(combo.view(), Qt.Key.Key_Return)


def test_sourced_on_a_task_citing_no_source_is_refused_as_the_table_refuses_it(qtbot, document):
    """The Confidence cell refuses 'sourced' on a task that cites no source (it would read unsourced):
    so does the dialog, with the same sentence, kept open with what was typed; given a source, it is taken."""
    original = copy.deepcopy(document.project)
    task = document.project.tasks["b"]
    assert not task.source_url and task.confidence is None
    dialog = open_dialog(qtbot, document, "b")
    qtbot.keyClick(dialog.ui.name_edit, Qt.Key.Key_End)  # the name opens selected: typed after it
    qtbot.keyClicks(dialog.ui.name_edit, " (checked)")
    _notes_tab(qtbot, dialog)
    _choose_confidence(qtbot, dialog, 1)
    assert dialog.provenance.confidence_combo.currentText().startswith("Sourced")
    press_ok(qtbot, dialog)
    said = dialog.ui.error_label.text()
    assert dialog.isVisible() and f"'{task.name}' cites no source, and sourced needs one" in said
    assert document.project == original and document.undo_stack.count() == 0
    assert dialog.provenance.confidence_combo.currentText().startswith("Sourced")  # as chosen
    assert dialog.ui.name_edit.text() == f"{task.name} (checked)"  # and typed
    qtbot.mouseClick(dialog.ui.source_edit, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.ui.source_edit, "https://example.org/statement")
    press_ok(qtbot, dialog)
    assert not dialog.isVisible() and document.undo_stack.count() == 1
    assert (task.confidence, task.source_url) == (Confidence.SOURCED, "https://example.org/statement")


def test_clearing_the_source_of_a_sourced_task_is_refused_too(qtbot, document):
    task = document.project.tasks["b"]
    task.confidence, task.source_url = Confidence.SOURCED, "https://example.org/statement"
    dialog = open_dialog(qtbot, document, "b")
    _notes_tab(qtbot, dialog)
    qtbot.mouseClick(dialog.ui.source_edit, Qt.MouseButton.LeftButton)
    qtbot.keyClick(dialog.ui.source_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(dialog.ui.source_edit, Qt.Key.Key_Delete)
    press_ok(qtbot, dialog)
    assert dialog.isVisible() and "sourced needs one" in dialog.ui.error_label.text()
    assert task.source_url and document.undo_stack.count() == 0
    _choose_confidence(qtbot, dialog, 2)  # from Sourced down to Assumption: a word it can carry
    press_ok(qtbot, dialog)
    assert (task.confidence, task.source_url) == (Confidence.ASSUMPTION, "")


def test_a_duration_reads_in_days_as_the_table_writes_them(qtbot, document):
    assert open_dialog(qtbot, document, "a").ui.duration_edit.text() == "10 d"
    document.push(SetDuration("a", 1))
    assert open_dialog(qtbot, document, "a").ui.duration_edit.text() == "1 d"


def test_a_phase_reads_the_days_its_tasks_span_not_a_duration_left_on_it(qtbot, small_project):
    # A (10 d), B (20 d) and C (30 d) in a row from 2030-01-01 on the 7-day calendar: the phase spans
    # 60 days, as the table shows; the 99 days it held before it had sub-tasks schedule nothing.
    small_project.tasks["ph"].duration = 99
    dialog = open_dialog(qtbot, Document(small_project), "ph")
    assert dialog.ui.duration_edit.text() == "60 d" and not dialog.ui.duration_edit.isEnabled()


def test_a_duration_shown_with_its_thousands_reads_back_as_typed(qtbot, document):
    document.push(SetDuration("a", 1461))
    dialog = open_dialog(qtbot, document, "a")
    assert dialog.ui.duration_edit.text() == "1,461 d"
    press_ok(qtbot, dialog)  # nothing changed: accepted as it reads, not refused as 'not a duration'
    assert not dialog.isVisible() and document.project.tasks["a"].duration == 1461


def _type_duration(qtbot, dialog, text: str) -> None:
    edit = dialog.ui.duration_edit
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
    edit.selectAll()
    qtbot.keyClicks(edit, text)


# The small plan works every day (Continuous): a week is 7 days, a month 30, and hours count the
# 8-hour working day, rounded up to the day they touch; 'ed' is calendar days and ticks Elapsed.
@pytest.mark.parametrize("text, days, elapsed", [
    ("2w", 14, False), ("3mo", 90, False), ("7ed", 7, True), ("16h", 2, False), ("12 days", 12, False),
    ("1.5d", 2, False),
])
def test_the_duration_takes_what_the_tables_duration_cell_takes(qtbot, document, text, days, elapsed):
    dialog = open_dialog(qtbot, document, "b")
    _type_duration(qtbot, dialog, text)
    assert dialog.ui.elapsed_check.isChecked() == elapsed  # seen before OK is pressed
    press_ok(qtbot, dialog)
    task = document.project.tasks["b"]
    assert not dialog.isVisible() and (task.duration, task.elapsed) == (days, elapsed)
    document.undo_stack.undo()
    assert (document.project.tasks["b"].duration, document.project.tasks["b"].elapsed) == (20, False)


@pytest.mark.parametrize("text, code", [("2 fortnights", "duration.invalid"), ("-3d", "task.negative_duration"),
                                        ("400y", "duration.too_long")])
def test_a_duration_the_table_refuses_is_refused_with_the_same_sentence(qtbot, document, text, code):
    from ilrs_planner.domain import PlannerError
    from ilrs_planner.qt.models.typed_commands import typed_duration

    with pytest.raises(PlannerError) as refused:  # what the Duration cell says of the same text
        typed_duration(document.project, text)
    assert refused.value.code == code
    dialog = open_dialog(qtbot, document, "b")
    _type_duration(qtbot, dialog, text)
    press_ok(qtbot, dialog)
    assert dialog.isVisible() and f"Duration: {refused.value.message}" in dialog.ui.error_label.text()
    assert document.project.tasks["b"].duration == 20 and document.undo_stack.count() == 0


def _type_estimate(qtbot, dialog, edit, text: str) -> None:
    dialog.ui.tabs.setCurrentWidget(dialog.ui.estimates_tab)
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
    edit.selectAll()
    qtbot.keyClicks(edit, text)


# The small plan works every day (Continuous): a week is 7 days, a month 30, hours round up to days.
@pytest.mark.parametrize("optimistic, likely, pessimistic, days", [
    ("2w", "3mo", "1y", (14, 90, 365)), ("16h", "12 days", "12.5d", (2, 12, 13)), ("", "5", "", (None, 5, None)),
])
def test_three_point_estimates_take_what_the_duration_field_takes(qtbot, document, optimistic, likely,
                                                                   pessimistic, days):
    dialog = open_dialog(qtbot, document, "b")
    ui = dialog.ui
    for edit, text in ((ui.optimistic_edit, optimistic), (ui.most_likely_edit, likely),
                       (ui.pessimistic_edit, pessimistic)):
        _type_estimate(qtbot, dialog, edit, text)
    press_ok(qtbot, dialog)
    task = document.project.tasks["b"]
    assert not dialog.isVisible() and (task.optimistic, task.most_likely, task.pessimistic) == days
    reopened = open_dialog(qtbot, document, "b")  # held while read: the dialog, not only its fields
    shown = reopened.ui  # read back as durations are, as the table writes days
    assert [e.text() for e in (shown.optimistic_edit, shown.most_likely_edit, shown.pessimistic_edit)] == [
        "" if d is None else f"{d} d" for d in days]


@pytest.mark.parametrize("text, code", [("2 fortnights", "duration.invalid"), ("-3d", "task.negative_duration"),
                                        ("400y", "duration.too_long")])
def test_an_estimate_the_duration_field_refuses_is_refused_with_the_same_sentence(qtbot, document, text, code):
    from ilrs_planner.domain import PlannerError
    from ilrs_planner.qt.models.typed_commands import typed_duration

    with pytest.raises(PlannerError) as refused:
        typed_duration(document.project, text)
    assert refused.value.code == code
    dialog = open_dialog(qtbot, document, "b")
    _type_estimate(qtbot, dialog, dialog.ui.pessimistic_edit, text)
    press_ok(qtbot, dialog)
    assert dialog.isVisible() and f"Pessimistic: {refused.value.message}" in dialog.ui.error_label.text()
    assert document.project.tasks["b"].pessimistic is None and document.undo_stack.count() == 0


def test_an_estimate_in_calendar_days_needs_an_elapsed_duration(qtbot, document):
    dialog = open_dialog(qtbot, document, "b")
    _type_estimate(qtbot, dialog, dialog.ui.optimistic_edit, "7ed")
    press_ok(qtbot, dialog)
    assert dialog.isVisible() and "Optimistic: '7ed' counts calendar days" in dialog.ui.error_label.text()
    assert "could not be understood" not in dialog.ui.error_label.text()  # it was understood: refused
    assert document.undo_stack.count() == 0
    dialog.ui.tabs.setCurrentIndex(0)
    _type_duration(qtbot, dialog, "10ed")  # the task's duration in calendar days: its estimates may be too
    press_ok(qtbot, dialog)
    task = document.project.tasks["b"]
    assert not dialog.isVisible() and (task.duration, task.elapsed, task.optimistic) == (10, True, 7)


def test_the_dialog_opens_with_the_keys_in_the_name_field(qtbot, document):
    dialog = open_dialog(qtbot, document, "b")
    assert dialog.ui.tabs.currentWidget() is dialog.ui.general_tab
    assert dialog.focusWidget() is dialog.ui.name_edit  # where typed keys go once the dialog is active
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_End)
    qtbot.keyClicks(dialog.focusWidget(), " (relay)")
    press_ok(qtbot, dialog)
    assert document.project.tasks["b"].name == "Task B (relay)"


def _choose_task_mode(qtbot, dialog, text):
    """Open the Dates tab and pick `text` from the Task mode list with the keyboard, as a person would."""
    bar = dialog.ui.tabs.tabBar()
    tab = bar.tabRect(dialog.ui.tabs.indexOf(dialog.ui.dates_tab))
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=tab.center())
    combo = dialog.findChild(QComboBox, "task_mode_combo")
    assert combo.isVisible() and combo.isEnabled()
    combo.setFocus()
    while combo.currentText() != text:
        qtbot.keyClick(combo, Qt.Key.Key_Down if combo.currentIndex() == 0 else Qt.Key.Key_Up)
    return combo


def test_choosing_manually_scheduled_keeps_the_task_on_its_start_in_one_undo_step(qtbot, document):
    # A (10 d) -> B (20 d) -> C: B starts 2030-01-11. Made manual, B stays there when A grows.
    dialog = open_dialog(qtbot, document, "b")
    assert _choose_task_mode(qtbot, dialog, "Manually Scheduled").currentData() is True
    press_ok(qtbot, dialog)
    task = document.project.tasks["b"]
    assert (task.manual, task.manual_start, task.constraint) == (True, date(2030, 1, 11), ConstraintType.ASAP)
    assert document.undo_stack.count() == 1
    document.push(SetDuration("a", 20))
    assert document.schedule.tasks["b"].early_start == date(2030, 1, 11)
    assert document.schedule.tasks["a"].total_float == -10
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert (task.manual, task.manual_start, task.constraint) == (False, None, ConstraintType.ASAP)
    reopened = open_dialog(qtbot, document, "b")
    assert reopened.findChild(QComboBox, "task_mode_combo").currentText() == "Auto Scheduled"


def test_a_summary_offers_no_task_mode(qtbot, document):
    dialog = open_dialog(qtbot, document, "ph")
    assert not dialog.findChild(QComboBox, "task_mode_combo").isEnabled()


def _choose_constraint(qtbot, dialog, constraint):
    """Pick `constraint` from the Constraint list on the Dates tab with the arrow keys."""
    combo = dialog.ui.constraint_combo
    assert combo.isVisible()
    combo.setFocus()
    while combo.currentData() != constraint.value:
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    return combo


def test_as_late_as_possible_and_manually_scheduled_chosen_at_once_are_both_kept(qtbot, document):
    """The planner's As Late As Possible is not turned into a pin: the task stays as late as it can."""
    from ilrs_planner.commands.links import DeleteLink

    document.push(DeleteLink("bc"))  # B (20 d) now ends only the plan, which C (40 d) from the start sets
    document.push(SetDuration("c", 40))
    dialog = open_dialog(qtbot, document, "b")
    _choose_task_mode(qtbot, dialog, "Manually Scheduled")
    _choose_constraint(qtbot, dialog, ConstraintType.ALAP)
    press_ok(qtbot, dialog)
    task = document.project.tasks["b"]
    assert (task.manual, task.constraint, task.constraint_date) == (True, ConstraintType.ALAP, None)
    # The plan ends when M does, on 2030-02-10 after C: B's 20 days end there, from 2030-01-21.
    assert document.schedule.tasks["b"].early_start == date(2030, 1, 21)
    assert document.undo_stack.count() == 3


def test_choosing_auto_scheduled_lets_the_task_follow_its_links_again(qtbot, document):
    dialog = open_dialog(qtbot, document, "b")
    _choose_task_mode(qtbot, dialog, "Manually Scheduled")
    press_ok(qtbot, dialog)
    document.push(SetDuration("a", 20))  # A ends 2030-01-21; manual B stays on 2030-01-11
    assert document.schedule.tasks["b"].early_start == date(2030, 1, 11)
    dialog = open_dialog(qtbot, document, "b")
    _choose_task_mode(qtbot, dialog, "Auto Scheduled")
    press_ok(qtbot, dialog)
    task = document.project.tasks["b"]
    assert (task.manual, task.manual_start, task.constraint) == (False, None, ConstraintType.ASAP)
    assert document.schedule.tasks["b"].early_start == date(2030, 1, 21)
    document.undo_stack.undo()  # one step: manual and on its manual start again
    assert (task.manual, task.manual_start, task.constraint) == (True, date(2030, 1, 11), ConstraintType.ASAP)


def test_a_start_no_earlier_than_set_on_a_manual_tasks_start_stays_when_it_turns_auto(qtbot, document):
    """The planner's own constraint on the day the manual task starts is not its manual start."""
    dialog = open_dialog(qtbot, document, "b")
    _choose_task_mode(qtbot, dialog, "Manually Scheduled")
    press_ok(qtbot, dialog)
    dialog = open_dialog(qtbot, document, "b")
    _choose_task_mode(qtbot, dialog, "Manually Scheduled")  # as it is: the Dates tab shown
    _choose_constraint(qtbot, dialog, ConstraintType.SNET)
    dialog.ui.constraint_date_edit.selectAll()
    qtbot.keyClicks(dialog.ui.constraint_date_edit, "2030-01-11")
    press_ok(qtbot, dialog)
    document.push(SetDuration("a", 5))  # A ends 2030-01-05: only B's constraint holds it on 01-11
    dialog = open_dialog(qtbot, document, "b")
    _choose_task_mode(qtbot, dialog, "Auto Scheduled")
    press_ok(qtbot, dialog)
    task = document.project.tasks["b"]
    assert (task.manual, task.manual_start, task.constraint, task.constraint_date) == \
        (False, None, ConstraintType.SNET, date(2030, 1, 11))
    assert document.schedule.tasks["b"].early_start == date(2030, 1, 11)


def _mnemonic_texts(page):
    """The texts with a keyboard mnemonic that a page shows: its labels, check boxes and buttons."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    fields = [w for w in page.findChildren(QLabel) if not w.wordWrap()]  # a wrapped label explains, names nothing
    return [w.text() for w in fields + page.findChildren(QAbstractButton) if w.text().strip(" %")]


def test_every_field_has_its_own_mnemonic_on_its_tab(qtbot, document):
    """Alt + a letter reaches one field: a hidden tab's mnemonics do not answer, so each tab's must differ."""
    dialog = open_dialog(qtbot, document, "b")
    tabs = dialog.ui.tabs
    for index in range(tabs.count()):
        texts = _mnemonic_texts(tabs.widget(index))
        letters = [t[t.index("&") + 1].casefold() for t in texts if "&" in t]
        assert len(letters) == len(texts), (tabs.tabText(index), [t for t in texts if "&" not in t])
        assert len(set(letters)) == len(letters), (tabs.tabText(index), sorted(letters))


def test_alt_t_goes_to_the_task_mode(qtbot, document):
    dialog = open_dialog(qtbot, document, "b")
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    qtbot.mouseClick(dialog.ui.tabs.tabBar(), Qt.MouseButton.LeftButton,
                     pos=dialog.ui.tabs.tabBar().tabRect(dialog.ui.tabs.indexOf(dialog.ui.dates_tab)).center())
    qtbot.keyClick(dialog, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    assert dialog.focusWidget() is dialog.findChild(QComboBox, "task_mode_combo")


def test_a_summary_s_dialog_reads_its_rolled_up_progress_and_keeps_it_its_sub_tasks(qtbot, document):
    """PH holds A 10 d, B 20 d and C 30 d; A and B half done: (10 × 50 + 20 × 50) / 60 = 25 %, as the
    table's cell reads it; the box cannot be typed into, and OK stores nothing of it on PH."""
    from ilrs_planner.commands.tasks import SetTaskFields

    for key in ("a", "b"):
        document.push(SetTaskFields(key, percent_complete=50, actual_start=document.project.start))
    dialog = open_dialog(qtbot, document, "ph")
    assert dialog.ui.percent_spin.value() == 25 and not dialog.ui.percent_spin.isEnabled()
    press_ok(qtbot, dialog)
    assert document.project.tasks["ph"].percent_complete == 0
