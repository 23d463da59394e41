"""The task tree's columns: their headers, which are optional, which hold numbers.

What each cell shows is in cell_text, what typing into it means in typed_commands, and what a
cell reads besides its task in row_context."""

from __future__ import annotations

from enum import IntEnum


class Column(IntEnum):
    NAME, KEY, OWNER, START, FINISH, DURATION, FLOAT, BASELINE_FINISH, VARIANCE = range(9)
    PERCENT, FREE_FLOAT, DEADLINE = range(9, 12)  # optional: shown from the header's right-click menu
    CONFIDENCE = 12  # optional too
    PREDECESSORS = 13  # shown from the start, as in MS Project's task table
    ID = 14  # the row number the Predecessors column takes; shown first, as MS Project's ID column
    TASK_MODE = 15  # optional: MS Project's Task Mode, Manually Scheduled or Auto Scheduled
    CONSTRAINT_TYPE, CONSTRAINT_DATE = 16, 17  # optional: MS Project's, to list the tasks pinned


HEADERS = {
    Column.NAME: "Name", Column.KEY: "Key", Column.OWNER: "Owner", Column.START: "Start",
    Column.FINISH: "Finish", Column.DURATION: "Duration", Column.FLOAT: "Total float",
    Column.BASELINE_FINISH: "Baseline finish", Column.VARIANCE: "Finish variance",
    Column.PERCENT: "% complete", Column.FREE_FLOAT: "Free float", Column.DEADLINE: "Deadline",
    Column.CONFIDENCE: "Confidence", Column.PREDECESSORS: "Predecessors", Column.ID: "ID",
    Column.TASK_MODE: "Task mode", Column.CONSTRAINT_TYPE: "Constraint type", Column.CONSTRAINT_DATE: "Constraint date",
}
OPTIONAL_COLUMNS = (Column.PERCENT, Column.FREE_FLOAT, Column.DEADLINE, Column.CONFIDENCE, Column.TASK_MODE,
                    Column.CONSTRAINT_TYPE, Column.CONSTRAINT_DATE)
# Headers the table writes on two lines (its header is tall enough), so the column can be as narrow
# as its values: "Baseline finish" over a date, "Finish variance" over "+2,556 d".
HEADER_LINES = {Column.BASELINE_FINISH: "Baseline\nfinish", Column.VARIANCE: "Finish\nvariance",
                Column.CONSTRAINT_TYPE: "Constraint\ntype", Column.CONSTRAINT_DATE: "Constraint\ndate"}
BASELINE_COLUMNS = (Column.BASELINE_FINISH, Column.VARIANCE)
CONSTRAINT_COLUMNS = (Column.CONSTRAINT_TYPE, Column.CONSTRAINT_DATE)
NUMERIC_COLUMNS = (Column.DURATION, Column.FLOAT, Column.VARIANCE, Column.PERCENT, Column.FREE_FLOAT, Column.ID)
