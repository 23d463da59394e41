"""A partner's side of a merge cannot rewrite our history or widen who sees our work, unnoticed."""

import dataclasses
from datetime import date

from ilrs_planner.domain import Classification, Task
from ilrs_planner.domain.chain import broken_links, chain_baselines
from ilrs_planner.sharing.clone import clone_project
from ilrs_planner.sharing.merge import merge_projects
from ilrs_planner.sharing.redact import redact_project


def _sides(plan):
    plan.baselines[:] = chain_baselines(plan.baselines)
    return clone_project(plan), clone_project(plan)


def test_a_baseline_they_rewrote_and_rechained_is_a_conflict_and_ours_is_kept(small_plan):
    ours, theirs = _sides(small_plan)
    slipped = {"t-a": (date(2030, 6, 1), date(2030, 6, 11))}  # hides a slip: "it was always June"
    theirs.baselines[0] = dataclasses.replace(theirs.baselines[0], entries=slipped)
    theirs.baselines[:] = chain_baselines([dataclasses.replace(b, prev_hash="") for b in theirs.baselines])
    assert not broken_links(theirs.baselines)  # their history is consistent in itself
    result = merge_projects(small_plan, ours, theirs)
    assert [(c.kind, c.id, c.resolution) for c in result.conflicts] == [("baseline", "b-1", "ours"),
                                                                       ("baseline", "b-2", "ours")]
    assert [b for b in result.project.baselines] == ours.baselines
    chosen = merge_projects(small_plan, ours, theirs, choices={c.key: "theirs" for c in result.conflicts})
    assert chosen.project.baselines[0].entries == slipped  # taken only when asked


def test_a_baseline_they_removed_is_a_conflict_and_kept(small_plan):
    ours, theirs = _sides(small_plan)
    del theirs.baselines[0]
    result = merge_projects(small_plan, ours, theirs)
    assert [(c.kind, c.id) for c in result.conflicts] == [("baseline", "b-1")]
    assert [b.id for b in result.project.baselines] == ["b-1", "b-2"]


def test_a_task_they_declassified_keeps_our_level_and_stays_out_of_partner_copies(small_plan):
    small_plan.tasks["t-b"].classification = Classification.RESTRICTED
    ours, theirs = _sides(small_plan)
    theirs.tasks["t-b"].classification = Classification.PUBLIC
    theirs.tasks["t-a"].notes = "their note"  # an ordinary change of theirs is still taken
    result = merge_projects(small_plan, ours, theirs)
    assert [(c.kind, c.id, c.field) for c in result.conflicts] == [("task", "t-b", "classification")]
    assert result.project.tasks["t-b"].classification is Classification.RESTRICTED
    assert result.project.tasks["t-a"].notes == "their note"
    assert "t-b" not in redact_project(result.project, Classification.PUBLIC).tasks


def test_a_task_they_moved_out_of_a_restricted_summary_keeps_the_summarys_level(small_plan):
    small_plan.tasks["t-ph"].classification = Classification.RESTRICTED  # its sub-tasks go with it
    ours, theirs = _sides(small_plan)
    theirs.tasks["t-a"].parent_id = None
    result = merge_projects(small_plan, ours, theirs)
    assert [(c.kind, c.id) for c in result.conflicts] == [("task", "t-a")]
    assert result.project.tasks["t-a"].parent_id is None  # the move is kept, the level too
    assert "t-a" not in redact_project(result.project, Classification.PUBLIC).tasks


def test_a_participant_they_declassified_keeps_our_level(small_plan):
    small_plan.participants["p-cnsa"].classification = Classification.PARTNERS
    ours, theirs = _sides(small_plan)
    theirs.participants["p-cnsa"].classification = Classification.PUBLIC
    result = merge_projects(small_plan, ours, theirs)
    assert [(c.kind, c.id) for c in result.conflicts] == [("participant", "p-cnsa")]
    assert result.project.participants["p-cnsa"].classification is Classification.PARTNERS


def test_their_new_task_and_a_level_they_raise_are_taken(small_plan):
    ours, theirs = _sides(small_plan)
    theirs.tasks["t-a"].classification = Classification.RESTRICTED
    theirs.add_task(Task(key="N", name="Their new task", duration=3, id="t-n"))
    result = merge_projects(small_plan, ours, theirs)
    assert result.clean
    assert result.project.tasks["t-a"].classification is Classification.RESTRICTED and "t-n" in result.project.tasks


def test_a_partners_outline_thousands_of_levels_deep_is_merged(small_plan):
    # The parent-loop check walked every task's whole chain of parents: cubic in the depth, so a
    # 50,000-level outline (a 2 MB file) kept the merge running for hours.
    parent = None
    for depth in range(3000):
        parent = small_plan.add_task(Task(key=f"L{depth}", name=f"Level {depth}", duration=1, id=f"d{depth}",
                                          parent_id=parent)).id
    ours, theirs = _sides(small_plan)
    theirs.tasks["d2999"].name = "Deepest, renamed"
    result = merge_projects(small_plan, ours, theirs)
    assert result.clean and result.project.tasks["d2999"].name == "Deepest, renamed"
    assert result.project.tasks["d2999"].parent_id == "d2998"


def test_a_partner_cannot_quietly_tie_their_copy_to_a_task_withheld_from_them(tmp_path):
    from ilrs_planner.domain import Classification, Link, Project, Task
    from ilrs_planner.sharing.merge_guard import UNSENT_REASON
    from ilrs_planner.sharing.redact import redact_project
    from ilrs_planner.store import open_project, save_project
    full = Project(name="Plan", start=date(2030, 1, 1))
    kept = full.add_task(Task(key="A", name="Kept", duration=5))
    secret = full.add_task(Task(key="lunar-power-plant", name="Reactor", duration=50, position=1,
                                classification=Classification.RESTRICTED))
    save_project(redact_project(full, "public"), tmp_path / "copy.db")
    # The partner learnt the withheld task's id elsewhere (the reference roadmap's ids follow from its keys).
    theirs = open_project(tmp_path / "copy.db")
    theirs.add_task(Task(key="X", name="Decoy", duration=1, id=secret.id, position=1))
    theirs.add_link(Link(kept.id, secret.id, lag=300, id="l-push"))  # would push the reactor back 300 days
    theirs.add_task(Task(key="C", name="Planted", duration=1, id="t-planted", parent_id=secret.id))
    save_project(theirs, tmp_path / "theirs.db")
    base, theirs = open_project(tmp_path / "copy.db"), open_project(tmp_path / "theirs.db")
    result = merge_projects(base, full, theirs)
    assert "l-push" not in result.project.links
    assert result.project.tasks["t-planted"].parent_id is None
    unsent = {c.key for c in result.conflicts if c.reason == UNSENT_REASON}
    assert unsent == {"link:l-push:*", "task:t-planted:parent_id"}
    chosen = merge_projects(base, full, theirs, choices=dict.fromkeys(unsent, "theirs"))  # wanted after all
    assert "l-push" in chosen.project.links and chosen.project.tasks["t-planted"].parent_id == secret.id


def test_a_partner_cannot_quietly_give_a_task_an_owner_withheld_from_them(tmp_path):
    from ilrs_planner.domain import Participant, Project
    from ilrs_planner.sharing.merge_guard import UNSENT_REASON
    from ilrs_planner.store import open_project, save_project
    full = Project(name="Plan", start=date(2030, 1, 1))
    hidden = full.add_participant(Participant(key="ORBITEX", name="Orbitex", id="p-hidden",
                                              classification=Classification.RESTRICTED))
    full.add_task(Task(key="A", name="Kept", duration=5, id="t-a"))
    save_project(redact_project(full, "public"), tmp_path / "copy.db")
    theirs = open_project(tmp_path / "copy.db")
    theirs.add_participant(Participant(key="DECOY", name="Decoy", id=hidden.id))
    theirs.tasks["t-a"].owner_id = hidden.id
    save_project(theirs, tmp_path / "theirs.db")
    result = merge_projects(open_project(tmp_path / "copy.db"), full, open_project(tmp_path / "theirs.db"))
    assert result.project.tasks["t-a"].owner_id is None
    assert [c.key for c in result.conflicts if c.reason == UNSENT_REASON] == ["task:t-a:owner_id"]


def _calendar_withheld(tmp_path):
    """Our plan, whose calendar 'Pad refit' only a restricted task uses (left out of the copy), the copy
    sent (Everyone), and their version of it to edit."""
    from ilrs_planner.domain import Calendar, CalendarException, Project
    from ilrs_planner.store import open_project, save_project
    full = Project(name="Plan", start=date(2030, 1, 1))
    full.add_calendar(Calendar("Pad refit", (True,) * 7, [CalendarException("Nightjar static fire", date(2030, 3, 4),
                                                                            date(2030, 3, 8))], id="cal-hidden"))
    full.add_task(Task(key="A", name="Kept", duration=5, id="t-a"))
    full.add_task(Task(key="R", name="Reserve", duration=5, id="t-r", position=1, calendar_id="cal-hidden",
                       classification=Classification.RESTRICTED))
    save_project(redact_project(full, "public"), tmp_path / "copy.db")
    assert "cal-hidden" not in open_project(tmp_path / "copy.db").calendars
    return full, open_project(tmp_path / "copy.db"), open_project(tmp_path / "copy.db")


def test_a_partner_cannot_quietly_put_a_task_on_a_calendar_withheld_from_them(tmp_path):
    # Taken, the task would bring the calendar, its closures' names and days, into every later copy.
    from ilrs_planner.domain import Calendar
    from ilrs_planner.sharing.merge_guard import UNSENT_REASON
    full, copy, theirs = _calendar_withheld(tmp_path)
    theirs.add_calendar(Calendar("Decoy", (True,) * 7, id="cal-hidden"))  # the id guessed
    theirs.tasks["t-a"].calendar_id = "cal-hidden"
    theirs.add_task(Task(key="T-2", name="Theirs", duration=2, id="t-new", position=1, calendar_id="cal-hidden"))
    result = merge_projects(copy, full, theirs)
    assert result.project.tasks["t-a"].calendar_id is None and result.project.tasks["t-new"].calendar_id is None
    tied = [c for c in result.conflicts if c.reason == UNSENT_REASON]
    assert [(c.key, c.theirs) for c in tied] == [("task:t-a:calendar_id", "Pad refit"),
                                                 ("task:t-new:calendar_id", "Pad refit")]
    again = redact_project(result.project, "public")
    assert "cal-hidden" not in again.calendars and "Nightjar" not in repr(again.calendars)


def test_a_partner_cannot_quietly_make_a_calendar_withheld_from_them_the_plans_default(tmp_path):
    from ilrs_planner.domain import Calendar
    from ilrs_planner.sharing.merge_guard import UNSENT_REASON
    full, copy, theirs = _calendar_withheld(tmp_path)
    theirs.add_calendar(Calendar("Decoy", (True,) * 7, id="cal-hidden"))
    theirs.default_calendar_id = "cal-hidden"
    result = merge_projects(copy, full, theirs)
    assert result.project.default_calendar_id == full.default_calendar_id
    assert [c.key for c in result.conflicts if c.reason == UNSENT_REASON] == [f"plan:{full.id}:default_calendar_id"]


def _pairs_of_loops(count, summaries=False):
    """A plan of 2 × `count` tasks (each pair under a summary of its own, with `summaries`) and one more,
    where ours links the first of each pair to the second (to the task outside) and theirs the second back
    to the first (the task outside to the pair's summary)."""
    from ilrs_planner.domain import Link, Project
    base = Project(name="Pairs", start=date(2030, 1, 1))
    for pair in range(count):
        parent = base.add_task(Task(f"S{pair}", f"Summary {pair}", 0, id=f"s{pair}")).id if summaries else None
        for half in "ab":
            base.add_task(Task(f"{half}{pair}", f"Task {half}{pair}", 3, id=f"{half}{pair}", parent_id=parent))
    ours, theirs = clone_project(base), clone_project(base)
    outside = Task("OUT", "Outside", 1, id="out")
    for plan in (base, ours, theirs):
        plan.add_task(dataclasses.replace(outside))
    for pair in range(count):
        if summaries:  # a loop through a summary: out → a's summary binds a, and a → out
            ours.add_link(Link(f"a{pair}", "out", id=f"ours-{pair}"))
            theirs.add_link(Link("out", f"s{pair}", id=f"theirs-{pair}"))
        else:
            ours.add_link(Link(f"a{pair}", f"b{pair}", id=f"ours-{pair}"))
            theirs.add_link(Link(f"b{pair}", f"a{pair}", id=f"theirs-{pair}"))
    return base, ours, theirs


def test_loops_their_links_close_with_ours_are_each_broken_dropping_theirs(monkeypatch):
    from ilrs_planner.engine.graph import find_cycle
    from ilrs_planner.sharing import merge_loops
    monkeypatch.setattr(merge_loops, "MAX_LOOPS_ONE_BY_ONE", 8)  # so that a few loops show the bound too
    for summaries in (False, True):
        base, ours, theirs = _pairs_of_loops(6, summaries)
        result = merge_projects(base, ours, theirs)
        assert [c.kind for c in result.conflicts] == ["loop"] * 6
        assert all("dropped the dependency" in c.reason for c in result.conflicts)
        assert not any(lid.startswith("theirs") for lid in result.project.links)
        assert set(result.project.links) == set(ours.links) and find_cycle(result.project) is None


def test_more_loops_than_the_bound_are_broken_all_at_once_keeping_our_links(monkeypatch):
    from ilrs_planner.engine.graph import find_cycle
    from ilrs_planner.sharing import merge_loops
    monkeypatch.setattr(merge_loops, "MAX_LOOPS_ONE_BY_ONE", 8)
    base, ours, theirs = _pairs_of_loops(20)
    result = merge_projects(base, ours, theirs)
    assert len(result.conflicts) == 9  # 8 loops one by one, then the rest at once
    assert "more than 8 loops; dropped the 12 dependencies they added among them" in result.conflicts[-1].reason
    assert set(result.project.links) == set(ours.links) and find_cycle(result.project) is None
    chosen = merge_projects(base, ours, theirs, {c.key: "theirs" for c in result.conflicts})
    assert set(chosen.project.links) == set(theirs.links) and find_cycle(chosen.project) is None


def test_a_partner_copy_full_of_calendars_cannot_merge_into_a_plan_no_program_opens(tmp_path, monkeypatch, capsys):
    # Their copy opens (calendars up to the bound); ours has one more they never saw. The merge's file, and in
    # the window the owner's next save of the merged plan, held more calendars than any open accepts.
    from ilrs_planner.cli import main
    from ilrs_planner.domain import Calendar, Project
    from ilrs_planner.store import limits, open_project, save_project

    monkeypatch.setitem(limits.MAX_ROWS, "calendars", 4)
    plan = Project("Shared plan", date(2030, 1, 1))
    plan.add_task(Task("pub", "Survey", 10, id="pub", position=0))
    plan.add_task(Task("sec", "Reserve", 10, id="sec", position=1, classification=Classification.RESTRICTED))
    site = Calendar("Reserve site")
    plan.calendars[site.id], plan.tasks["sec"].calendar_id = site, site.id
    save_project(plan, tmp_path / "ours.db")
    assert main(["redact", str(tmp_path / "ours.db"), "--level", "everyone", "-o", str(tmp_path / "copy.db")]) == 0
    theirs = open_project(tmp_path / "copy.db")
    for n in range(4):
        calendar = Calendar(f"Partner site {n}")
        theirs.calendars[calendar.id] = calendar
    save_project(theirs, tmp_path / "theirs.db")
    capsys.readouterr()
    ours = str(tmp_path / "ours.db")
    assert main(["merge", ours, ours, str(tmp_path / "theirs.db"), "-o", str(tmp_path / "merged.db")]) == 2
    error = capsys.readouterr().err
    assert "store.too_large" in error and "5 calendars" in error and "at most 4" in error
    assert not (tmp_path / "merged.db").exists()
