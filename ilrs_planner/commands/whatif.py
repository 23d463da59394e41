"""A what-if scenario applied to the plan as one undoable step."""

from __future__ import annotations

from ..engine.whatif import WhatIf
from .tasks import SetPlannedDates


class ApplyWhatIf(SetPlannedDates):
    """Make the previewed scenario real: the same edit of the task's fields, one undo step.

    Its dates are the planner's, as a date typed or dragged is: a sourced or inferred task becomes an
    `assumption` in the same step. It never merges with other edits of the task: a scenario is a
    decision, undone as a whole.
    """

    def __init__(self, scenario: WhatIf):
        super().__init__(scenario.task_id, text=f"What-if: {scenario.description}", **scenario.fields)
        self.merge_key = None
        self.scenario = scenario
