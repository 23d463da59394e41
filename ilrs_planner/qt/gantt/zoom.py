"""Zoom presets of the toolbar as date ranges, and the range a whole plan is shown over."""

from __future__ import annotations

from datetime import date, timedelta

from ...chart import PROGRAMME_END, PROGRAMME_START

PRESETS = {"programme": "Whole programme", "10y": "10 years", "2y": "2 years", "quarter": "Quarter",
           "selection": "Fit selection"}
# A plan inside the ILRS years that spans at least a decade is a programme roadmap (the bundled one
# runs 2018–2045): it is shown against the whole programme, 2018–2052, so that its roadmaps and
# baselines are compared over the same years. Any other plan is shown over its own dates.
ROADMAP_MIN_DAYS = 3652
MIN_SHOWN_DAYS = 7  # an empty or one-day plan still shows a week, as a blank plan in MS Project does


def whole_plan_range(first: date, finish: date) -> tuple[date, date]:
    """[start, end) of "Whole programme" (MS Project's "Entire project") for a plan whose work
    runs over [first, finish): its own dates with a day and a twentieth of its span on each side, so
    the first and last bars and milestones are drawn whole; a roadmap gets the programme."""
    finish = max(finish, first + timedelta(days=1))  # a plan of milestones still occupies its day
    span = (finish - first).days
    if first >= PROGRAMME_START and finish <= PROGRAMME_END and span >= ROADMAP_MIN_DAYS:
        return PROGRAMME_START, PROGRAMME_END
    pad = timedelta(days=span // 20 + 1)
    start, end = first - pad, finish + pad
    return start, max(end, start + timedelta(days=MIN_SHOWN_DAYS))


def plan_dates(project, schedule) -> tuple[date, date]:
    """[first, finish) of a plan's work: its schedule's span, or its start while it cannot be scheduled."""
    if schedule is None:
        return project.start, project.start + timedelta(days=1)
    return schedule.project_start, schedule.project_finish


def preset_range(name: str, first: date, end: date, plan: tuple[date, date] | None = None) -> tuple[date, date]:
    """[start, end) of a preset, centred on the range now shown (whole years / a calendar quarter);
    "programme" is the whole of `plan` ([first, finish) of its work; None: the ILRS programme)."""
    if name == "programme":
        return whole_plan_range(*plan) if plan else (PROGRAMME_START, PROGRAMME_END)
    centre = first + (end - first) / 2
    if name == "quarter":
        start = date(centre.year, 3 * ((centre.month - 1) // 3) + 1, 1)
        return start, date(start.year + (start.month + 2) // 12, (start.month + 2) % 12 + 1, 1)
    years = {"10y": 10, "2y": 2}.get(name)
    if years is None:
        raise ValueError(f"unknown zoom preset {name!r}; use one of {', '.join(PRESETS)}")
    start = date(max(centre.year - years // 2, 1900), 1, 1)
    return start, date(start.year + years, 1, 1)
