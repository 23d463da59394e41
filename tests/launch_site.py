"""A plan with a launch-site calendar only kept and withheld work share: K and the withheld H work on a
6-day launch-site week, M follows H. Shared by the merge tests of the library and of the command line."""

from datetime import date

from ilrs_planner.domain import Calendar, Classification, Link, Project, Task


def launch_site_plan() -> Project:
    """K (20 d) → the withheld H (10 d) on the launch site's 6-day week → the milestone M."""
    standard = Calendar("Standard", (True,) * 5 + (False,) * 2, id="c-std")
    site = Calendar("Launch site", (True,) * 6 + (False,), id="c-site")
    plan = Project(name="Cal plan", start=date(2030, 1, 7), calendars={c.id: c for c in (standard, site)},
                   default_calendar_id="c-std")
    plan.add_task(Task("K", "Kept integration", 20, calendar_id="c-site", id="t-k", position=0))
    plan.add_task(Task("H", "Hidden static fire", 10, calendar_id="c-site", id="t-h", position=1,
                       classification=Classification.RESTRICTED))
    plan.add_task(Task("M", "Flight", 0, id="t-m", position=2))
    plan.add_link(Link("t-k", "t-h", id="l-kh"))
    plan.add_link(Link("t-h", "t-m", id="l-hm"))
    return plan
