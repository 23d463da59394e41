"""One error type with stable codes, so tests assert codes and the GUI turns codes into sentences."""

from __future__ import annotations


class PlannerError(Exception):
    """An error a user can act on: a stable `code`, a message naming the problem, the subjects."""

    def __init__(self, code: str, message: str, subject_ids: tuple[str, ...] | list[str] = ()):
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.subject_ids = tuple(subject_ids)

    def __reduce__(self) -> tuple[type[PlannerError], tuple[str, str, tuple[str, ...]]]:
        # Errors cross process boundaries (risk workers, the kill-during-save test).
        return (type(self), (self.code, self.message, self.subject_ids))


QUOTED_MOST = 60  # characters of a person's typing a message quotes; past them it is cut with "…"


def quoted(text: str) -> str:
    """What a person typed, in quotes for a message naming it: "'2FS+2x'"; a long text cut with "…"
    (a refused cell of a pasted megabyte was quoted whole, filling the screen and the undo menu)."""
    text = text.strip()
    return f"'{text}'" if len(text) <= QUOTED_MOST else f"'{text[:QUOTED_MOST - 1]}…'"


# The catalogue of codes in use; a new code is added here first so the GUI can phrase it.
CODES = {
    "link.cycle": "The dependencies form a loop.",
    "link.self": "A task cannot depend on itself.",
    "link.unknown_task": "A dependency names a task that does not exist.",
    "link.duplicate": "The same dependency already exists.",
    "link.summary_child": "A summary task cannot be linked to its own sub-task.",
    "link.bad_value": "A dependency has a type or lag it cannot take.",
    "link.no_predecessor": "A dependency names no predecessor task yet.",
    "task.negative_duration": "A duration cannot be negative.",
    "task.unknown": "No such task.",
    "task.duplicate_key": "Two tasks have the same key.",
    "task.bad_value": "A task field has a value it cannot take.",
    "plan.bad_value": "A plan field has a value it cannot take.",
    "task.parent_cycle": "A task cannot be placed under itself.",
    "task.cannot_move": "The task cannot move that way in the outline.",
    "task.bad_confidence": "The task's dates cannot read as that confidence.",
    "calendar.unknown": "A task or plan names a calendar that does not exist.",
    "calendar.bad_exception": "A calendar exception ends before it starts.",
    "calendar.bad_weekdays": "A calendar needs a working flag for each of the 7 weekdays.",
    "calendar.no_working_day": "A calendar has no working day, so no work can be scheduled on it.",
    "calendar.bad_name": "A calendar needs a name.",
    "calendar.duplicate": "A calendar with that name already exists.",
    "calendar.in_use": "The calendar is the plan's default or a task's calendar.",
    "calendar.too_many": "The plan has more working calendars over its span than can be scheduled.",
    "schedule.out_of_range": "The plan's dates run past what a calendar can show (the year 9999).",
    "import.needs_java": "Reading this file needs a Java runtime and the mpxj package.",
    "date.invalid": "A date could not be understood.",
    "task.finish_before_start": "A task cannot finish before it starts.",
    "task.unscheduled": "The plan cannot be scheduled now, so a typed finish cannot become a duration.",
    "status.unknown_task": "A progress update names a task the plan does not have.",
    "status.bad_date": "A date in the progress update could not be understood.",
    "status.bad_option": "A progress update is missing a task or a date.",
    "status.bad_percent": "A percent complete must be a whole number from 0 to 100.",
    "status.not_started": "Progress can be recorded only on a task that has started.",
    "status.future_date": "Progress cannot be recorded after the status date.",
    "status.finish_before_start": "A task cannot finish before it started.",
    "status.summary": "A summary's progress comes from its sub-tasks.",
    "duration.invalid": "A duration could not be understood.",
    "duration.too_long": "A duration is longer than a plan can hold.",
    "text.control_character": "Text holds a control character a plan may not hold.",
    "text.too_long": "Text is longer than a plan can hold.",
    "store.not_a_plan": "The file is not an ILRS Planner plan.",
    "store.newer_schema": "The file was written by a newer version of ILRS Planner.",
    "store.untrusted_schema": "The file contains database objects a plan never has.",
    "store.corrupt": "The file is damaged.",
    "store.too_large": "The file is larger than a plan can be.",
    "store.bad_value": "The file holds a value a plan cannot have.",
    "store.io": "The file could not be read or written.",
    "store.in_use": "Someone else has the file open.",
    "store.changed_on_disk": "The file changed on disk since it was opened.",
    "store.side_files": "Another program left database side files beside the plan.",
    "store.secret_not_kept": "The plan's secret could not be kept in its file.",
    "task.actual_dates": "The task's dates are history: its actual dates say when it happened.",
    "task.ambiguous_key": "More than one task has that key.",
    "filter.unscheduled": "The plan cannot be scheduled now, so that filter has nothing to show.",
    "filter.no_baseline": "That filter compares with a baseline.",
    "filter.unknown": "No such filter.",
    "export.no_folder": "The folder to write into does not exist.",
    "cli.output": "The output could not be written.",
    "import.bad_row": "A row of the imported file could not be read.",
    "import.bad_file": "The imported file could not be read.",
    "import.no_columns": "The imported table has none of the columns the import reads.",
    "export.failed": "The export could not be written.",
    "baseline.unknown": "No such baseline.",
    "participant.unknown": "No such participant.",
    "participant.bad_color": "A participant's colour must be # and six hexadecimal digits (#rrggbb).",
    "baseline.duplicate": "A baseline with that name already exists.",
    "baseline.bad_name": "A baseline needs a non-empty name.",
    "redact.out_of_range": "The partner copy would hold a date past what a plan file can hold (1900-2200).",
    "baseline.out_of_range": "The schedule runs past the dates a plan file can hold (1900-2200).",
    "risk.bad_estimate": "A three-point estimate must be ordered optimistic <= most likely <= pessimistic.",
    "signature.invalid": "The signature does not match the plan.",
    "signature.history_rewritten": "The plan's baseline history was rewritten; signing it needs --rewrite-history.",
    "key.invalid": "The key could not be read.",
    "cli.usage": "The command line was not understood.",
    "clipboard.too_large": "The tasks on the clipboard are more than a paste takes.",
    "clipboard.bad_format": "The clipboard does not hold copied tasks this version can read.",
    "clipboard.newer_version": "The tasks on the clipboard were copied by a newer version of ILRS Planner.",
    "clipboard.bad_value": "A task on the clipboard has a value a plan cannot hold.",
    "paste.bad_cell": "A cell of the pasted rows could not be read.",
    "check.bad_threshold": "A schedule check threshold has a name or value it cannot take.",
    "check.failed": "The schedule check stopped on a fault of its own, not of the plan; please report it.",
}
