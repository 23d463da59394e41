"""A what-if scenario applied to the plan as one undoable step."""

from __future__ import annotations

from ..engine.whatif import WhatIf
from .tasks import SetTaskFields


class ApplyWhatIf(SetTaskFields):
    """Make the previewed scenario real: the same edit of the task's fields, one undo step.

    It never merges with other edits of the task: a scenario is a decision, undone as a whole.
    """

    def __init__(self, scenario: WhatIf):
        super().__init__(scenario.task_id, text=f"What-if: {scenario.description}", **scenario.fields)
        self.merge_key = None
        self.scenario = scenario
