"""TaskDialog: every field of one task, its predecessors with type and lag; OK pushes one undo step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QLineEdit, QWidget

from ...commands.base import Command
from ...commands.composite import AllOrNothing
from ...commands.links import AddLink, DeleteLink, EditLink
from ...commands.task_mode import dropped_manual_start, kept_where_it_is
from ...commands.tasks import SetPlannedDates, SetTaskFields
from ...domain import Classification, ConstraintType, LinkType, Precision, TaskKind
from ...domain.durations import format_days, is_elapsed
from ...domain.task_mode import AUTO_TEXT, MANUAL_TEXT
from ...domain.terminal_text import one_line
from ...engine.schedule import TaskDates
from ...engine.summary_progress import summary_percents
from ...exchange.predecessors import rounded_lags
from ..document import Document
from ..generated.ui_task_dialog import Ui_TaskDialog
from ..models.pinned_conflict_note import pinned_conflict_note
from ..models.row_context import RowNumbers
from . import link_rows
from .messages import push_or_explain
from .provenance_fields import ProvenanceFields
from .start_finish_fields import StartFinishFields
from .task_fields import (
    FINISH_CONSTRAINTS,
    date_text,
    duration_field_days,
    estimate_text,
    fill_calendars,
    fill_enum,
    finish_text,
    read_date,
    read_duration,
    read_estimate,
    read_finish,
)

# The fields that place the task's dates where the planner says (its constraint and its date).
_DATE_FIELDS = frozenset({"constraint", "constraint_date"})


class TaskDialog(QDialog):
    """Edits a task; refused input is explained in the dialog and nothing changes until it is right."""

    def __init__(self, document: Document, task_id: str, parent=None):
        super().__init__(parent)
        self.document, self.task_id = document, task_id
        self.ui = Ui_TaskDialog()
        self.ui.setupUi(self)
        self.task = document.project.tasks[task_id]
        # The task as the table names it, its ID then its name (its key, hidden by default, in the dialog).
        number = RowNumbers(document.project).of(task_id)
        self.setWindowTitle(f"Task details — {number}  {one_line(self.task.name)}")
        self.provenance = ProvenanceFields(self.ui.notes_form, 1, self)  # under the source address
        self.mode_combo = self._task_mode_row()
        self._load()
        self.span = StartFinishFields(document, self.task, self.ui.start_edit, self.ui.finish_edit)
        self.ui.add_link_button.clicked.connect(lambda: self._new_link_row())
        self.ui.remove_link_button.clicked.connect(self.remove_selected_link)
        self.ui.button_box.accepted.connect(self.try_accept)
        self.ui.constraint_combo.currentIndexChanged.connect(self._enable_constraint_date)
        self._enable_constraint_date()
        self.ui.button_box.rejected.connect(self.reject)
        self.ui.tabs.setCurrentIndex(0)
        self.ui.name_edit.setFocus()  # opened by Ctrl+I, the keys go to the first field, not the tab bar

    # -- showing the task ------------------------------------------------------------------------
    def _task_mode_row(self) -> QComboBox:
        """MS Project's Task Mode, first on the Dates tab: a manual task keeps its start whatever its
        predecessors say. A summary spans its sub-tasks, so it has no mode to choose."""
        combo = QComboBox(self.ui.dates_tab)
        combo.setObjectName("task_mode_combo")
        combo.addItem(AUTO_TEXT, False)
        combo.addItem(MANUAL_TEXT, True)
        combo.setToolTip("Manually scheduled: the task keeps its start whatever its predecessors say; "
                         "its float still counts its successors and the plan's finish")
        combo.setCurrentIndex(combo.findData(self.task.manual))
        combo.setEnabled(not self.document.project.is_summary(self.task_id))
        self.ui.dates_form.insertRow(0, "&Task mode", combo)  # Alt+T: no other field on this tab has T
        # First on the tab, first for Tab too (made last, it came after OK and Cancel): put after the
        # field before Constraint that takes focus (Qt orders only those).
        before = self.ui.constraint_combo.previousInFocusChain()
        while before.focusPolicy() == Qt.FocusPolicy.NoFocus:
            before = before.previousInFocusChain()
        QWidget.setTabOrder(before, combo)
        return combo

    def _enable_constraint_date(self) -> None:
        """As soon or as late as possible carries no date, so its date field takes none."""
        dated = ConstraintType(self.ui.constraint_combo.currentData()).dated
        self.ui.constraint_date_edit.setEnabled(dated)

    def _load(self) -> None:
        ui, task, project = self.ui, self.task, self.document.project
        ui.name_edit.setText(task.name)
        ui.key_edit.setText(task.key)
        fill_enum(ui.kind_combo, TaskKind, task.kind)
        fill_enum(ui.precision_combo, Precision, task.precision)
        fill_enum(ui.classification_combo, Classification, task.classification)
        fill_enum(ui.constraint_combo, ConstraintType, task.constraint)
        ui.owner_combo.addItem("(no owner)", None)
        for part in sorted(project.participants.values(), key=lambda p: p.name.casefold()):
            ui.owner_combo.addItem(part.name, part.id)
        ui.owner_combo.setCurrentIndex(ui.owner_combo.findData(task.owner_id) if task.owner_id else 0)
        # Elapsed or not, the check box below says ('7 d' with Elapsed ticked: unticking it must count).
        self._duration_shown = format_days(duration_field_days(project, self.document.schedule, task))
        ui.duration_edit.setText(self._duration_shown)
        ui.duration_edit.setEnabled(not project.is_summary(task.id))  # a summary spans its children
        # '7ed' typed means seven calendar days, as in the table: the Elapsed box ticks itself.
        ui.duration_edit.textEdited.connect(lambda text: is_elapsed(text.strip()) and ui.elapsed_check.setChecked(True))
        milestone = task.duration == 0
        if task.constraint in FINISH_CONSTRAINTS:
            ui.constraint_date_edit.setText(finish_text(task.constraint_date, task.precision, milestone))
        else:
            ui.constraint_date_edit.setText(date_text(task.constraint_date, task.precision, end=False))
        ui.deadline_edit.setText(date_text(task.deadline, task.precision, end=True))
        ui.actual_start_edit.setText(date_text(task.actual_start, task.precision, end=False))
        ui.actual_finish_edit.setText(finish_text(task.actual_finish, task.precision, milestone))
        summary = project.is_summary(task.id)  # its progress is its sub-tasks', as the table reads it
        ui.percent_spin.setValue(summary_percents(project, self.document.schedule).get(task.id, 0) if summary
                                 else task.percent_complete)
        ui.percent_spin.setEnabled(not summary)
        ui.key_milestone_check.setChecked(task.key_milestone)
        fill_calendars(ui.calendar_combo, project, task.calendar_id)
        ui.elapsed_check.setChecked(task.elapsed)
        for edit, days in self._estimates(task):
            edit.setText(estimate_text(days))
        ui.source_edit.setText(task.source_url)
        self.provenance.load(task)
        ui.notes_edit.setPlainText(task.notes)
        ui.notes_edit.setTabChangesFocus(True)  # Tab goes on to the next field, as in every other field
        link_rows.set_up(ui.links_table)
        self._links_before = {k.id: k for k in project.links.values() if k.succ_id == task.id}
        for link in self._links_before.values():
            self.add_link_row(link.id, link.pred_id, link.type, link.lag, link.elapsed)

    def add_link_row(self, link_id: str | None, pred_id: str | None, link_type: LinkType, lag: int,
                     elapsed: bool = False) -> int:
        """A predecessor row: task, type, lag (link_id None for a new link). Returns the row."""
        return link_rows.add_row(self.ui.links_table, self.document.project, self.task_id, link_id, pred_id,
                                 link_type, lag, elapsed)

    def _new_link_row(self) -> None:
        """Add predecessor: a row, the cursor in its task chooser to pick the predecessor."""
        row = self.add_link_row(None, None, LinkType.FS, 0)
        self.ui.links_table.cellWidget(row, 0).setFocus()

    def remove_selected_link(self) -> None:
        """Remove the selected predecessor rows (applied on OK)."""
        for row in sorted({index.row() for index in self.ui.links_table.selectedIndexes()}, reverse=True):
            self.ui.links_table.removeRow(row)

    # -- OK --------------------------------------------------------------------------------------
    def try_accept(self) -> None:
        """Push the edits as one undo step, or explain what is wrong and stay open."""
        self._lag_note: str | None = None
        if push_or_explain(self.document.push, self.build_command, self.ui.error_label):
            # A Must Start/Finish On its links cannot meet, a part-day lag rounded up, or a Start typed
            # that a link holds later: said as the table says it.
            document = self.document
            note = pinned_conflict_note(document.project, document.schedule, self.task_id,
                                        RowNumbers(document.project).of,
                                        document.shown_precision().start_of(self.task_id)) \
                or self._lag_note or self.span.held_note()
            if note:
                self.document.noted.emit(note)
            self.accept()

    def build_command(self) -> Command | None:
        """The edits as one command (None when nothing changed); PlannerError for nonsense input."""
        parts: list[Command] = []
        fields = self._changed_fields()
        if fields:
            # A constraint or its date set here is a date the planner sets, as typed in the table's Start
            # or Finish: a sourced or inferred task becomes an assumption in the same step (unless its
            # confidence was chosen here too).
            edit = SetPlannedDates if _DATE_FIELDS & set(fields) else SetTaskFields
            parts.append(edit(self.task_id, text=f"Edit '{self.task.name}'", **fields))
        parts.extend(self.span.commands(fields))  # after the constraint and duration they would set again
        parts.extend(self._link_commands())
        if not parts:
            return None
        for part in parts:
            part.merge_key = None
        return AllOrNothing(f"Edit task details of '{self.task.name}'", parts)

    def _changed_fields(self) -> dict[str, object]:
        ui = self.ui
        constraint = ConstraintType(ui.constraint_combo.currentData())
        duration, elapsed = read_duration(ui.duration_edit, self.document.project) if ui.duration_edit.isEnabled() \
            else (self.task.duration, False)
        self._days = duration
        values = {
            "name": ui.name_edit.text().strip(), "key": ui.key_edit.text().strip(),
            "kind": TaskKind(ui.kind_combo.currentData()), "owner_id": ui.owner_combo.currentData(),
            "precision": Precision(ui.precision_combo.currentData()),
            "classification": Classification(ui.classification_combo.currentData()),
            "constraint": constraint,
            "constraint_date": (read_finish(ui.constraint_date_edit, "Constraint date", self._milestone())
                                if constraint in FINISH_CONSTRAINTS
                                else read_date(ui.constraint_date_edit, "Constraint date", end=False)),
            "deadline": read_date(ui.deadline_edit, "Deadline", end=True),
            "actual_start": read_date(ui.actual_start_edit, "Actual start", end=False),
            "actual_finish": read_finish(ui.actual_finish_edit, "Actual finish", self._milestone()),
            "percent_complete": ui.percent_spin.value(),
            **self._read_estimates(elapsed=ui.elapsed_check.isChecked() or elapsed),
            "source_url": ui.source_edit.text().strip(), "notes": ui.notes_edit.toPlainText(),
            "key_milestone": ui.key_milestone_check.isChecked(),
            "calendar_id": ui.calendar_combo.currentData(), "elapsed": ui.elapsed_check.isChecked() or elapsed,
            **self.provenance.values(self.task, ui.source_edit.text().strip()),
        }
        if not ui.percent_spin.isEnabled():
            del values["percent_complete"]  # a summary's shown roll-up is not stored as its own
        # A finished task shows the days it took: left as shown, its own duration is not rewritten.
        if ui.duration_edit.isEnabled() and ui.duration_edit.text().strip() != self._duration_shown:
            values["duration"] = duration
        if not constraint.dated:
            values["constraint_date"] = None  # as soon or as late as possible carries no date
        values["manual"] = bool(self.mode_combo.currentData())
        values |= self._mode_change_constraint(values)
        return {name: value for name, value in values.items() if getattr(self.task, name) != value}

    def _mode_change_constraint(self, values: dict[str, object]) -> dict[str, object]:
        """The manual start a change of task mode brings (see commands.task_mode): turning manual, the
        task keeps its start unless a constraint chosen here places it (a date, as late as possible);
        turning auto, the manual start goes and the constraint stays as it is chosen."""
        task, manual = self.task, values["manual"]
        if manual and not task.manual:
            chosen = ConstraintType(values["constraint"])  # type: ignore[arg-type]
            left_as_it_was = (chosen, values["constraint_date"]) == (task.constraint, task.constraint_date)
            if not left_as_it_was and chosen is not ConstraintType.ASAP:
                return {}
            return kept_where_it_is(self.document.project, task, chosen, self._scheduled_dates())
        if task.manual and not manual:
            return dropped_manual_start(task)
        return {}

    def _scheduled_dates(self) -> TaskDates | None:
        schedule = self.document.schedule
        return schedule.tasks.get(self.task_id) if schedule is not None else None

    def _estimates(self, task) -> tuple[tuple[QLineEdit, int | None], ...]:
        ui = self.ui
        return ((ui.optimistic_edit, task.optimistic), (ui.most_likely_edit, task.most_likely),
                (ui.pessimistic_edit, task.pessimistic))

    def _read_estimates(self, elapsed: bool) -> dict[str, int | None]:
        """Optimistic, most likely and pessimistic as typed, read as the Duration field reads."""
        project, ui = self.document.project, self.ui
        return {name: read_estimate(edit, label, project, elapsed) for name, edit, label in (
            ("optimistic", ui.optimistic_edit, "Optimistic"), ("most_likely", ui.most_likely_edit, "Most likely"),
            ("pessimistic", ui.pessimistic_edit, "Pessimistic"))}

    def _milestone(self) -> bool:
        """A zero-length task: its finish-type dates are its own day, not the day after a last day."""
        return self.ui.duration_edit.isEnabled() and self._days == 0

    def _link_rows(self) -> list[link_rows.LinkRow]:
        rows = link_rows.read_rows(self.ui.links_table, self.document.project)
        self._lag_note = rounded_lags([typed for *_, typed in rows])
        return rows

    def _link_commands(self) -> list[Command]:
        rows = self._link_rows()
        # A link whose lag changes between working and elapsed days is replaced, as the Predecessors cell does.
        kept = {link_id for link_id, pred, _, typed in rows if link_id and self._links_before[link_id].pred_id == pred
                and self._links_before[link_id].elapsed == typed.elapsed}
        removals: list[Command] = [DeleteLink(link_id) for link_id in self._links_before if link_id not in kept]
        edits: list[Command] = []
        additions: list[Command] = []
        for link_id, pred, link_type, typed in rows:
            old = self._links_before.get(link_id) if link_id in kept else None
            if old is None:
                added = AddLink(pred, self.task_id, link_type, typed.lag)
                added.link.elapsed = typed.elapsed
                additions.append(added)
            elif (old.type, old.lag) != (link_type, typed.lag):
                edits.append(EditLink(link_id, link_type, typed.lag))
        return removals + edits + additions
