"""An independent copy of a plan (copy.deepcopy cannot copy a baseline's read-only entries)."""

from __future__ import annotations

import copy
import dataclasses

from ..domain import Project


def clone_project(project: Project) -> Project:
    """A copy whose tasks, links, participants and calendars can be edited without touching `project`."""
    return dataclasses.replace(
        project,
        tasks={tid: dataclasses.replace(t) for tid, t in project.tasks.items()},
        links={lid: dataclasses.replace(k) for lid, k in project.links.items()},
        participants={pid: dataclasses.replace(p) for pid, p in project.participants.items()},
        calendars=copy.deepcopy(project.calendars),  # a redaction renames them in its copy
        baselines=list(project.baselines),  # baselines are immutable: sharing them is safe
    )
