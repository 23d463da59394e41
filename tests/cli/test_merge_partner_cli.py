"""`merge` of a partner's edited copy: what the copy could not show stays ours, and their history is weighed."""

import shutil
from datetime import date

from launch_site import launch_site_plan

from ilrs_planner.cli import main
from ilrs_planner.domain import Baseline, Project
from ilrs_planner.domain.chain import broken_links, chain_baselines
from ilrs_planner.store import open_project, save_project


def _plan() -> Project:
    """The launch-site plan (K and the withheld H on a 6-day week; M follows H) with one baseline."""
    plan = launch_site_plan()
    plan.baselines[:] = chain_baselines([Baseline("Approved", date(2029, 6, 1), {"t-m": (date(2030, 3, 1),) * 2})])
    return plan


def _sent(tmp_path, capsys):
    ours, sent = tmp_path / "ours.db", tmp_path / "sent.db"
    save_project(_plan(), ours)
    assert main(["redact", str(ours), "--level", "partners", "-o", str(sent)]) == 0
    capsys.readouterr()
    return ours, sent


def test_a_partner_deleting_the_calendar_our_withheld_task_uses_merges_cleanly(tmp_path, capsys):
    ours, sent = _sent(tmp_path, capsys)
    theirs, merged = open_project(sent), tmp_path / "merged.db"
    theirs.tasks["t-k"].calendar_id = None
    del theirs.calendars["c-site"]
    save_project(theirs, tmp_path / "theirs.db")
    assert main(["merge", str(sent), str(ours), str(tmp_path / "theirs.db"), "-o", str(merged)]) == 0
    assert capsys.readouterr().out.startswith(f"merged cleanly into {merged}")
    plan = open_project(merged)
    assert plan.tasks["t-h"].calendar_id == "c-site" and plan.calendars["c-site"].name == "Launch site"
    assert main(["schedule", str(merged)]) == 0


def test_their_baseline_older_than_our_history_is_left_out_with_a_note_and_a_later_one_is_a_conflict(
        tmp_path, capsys):
    ours, sent = _sent(tmp_path, capsys)
    theirs, merged = open_project(sent), tmp_path / "merged.db"
    theirs.baselines.insert(0, Baseline("2018 concept", date(2018, 1, 15), {"t-h": (date(2020, 1, 1),) * 2}))
    theirs.baselines.append(Baseline("Partner review", date(2029, 9, 1),
                                     {"t-h": (date(2031, 1, 1),) * 2, "t-m": (date(2030, 4, 1),) * 2}))
    save_project(theirs, tmp_path / "theirs.db")
    assert main(["merge", str(sent), str(ours), str(tmp_path / "theirs.db"), "-o", str(merged)]) == 1
    out = capsys.readouterr().out
    assert "CONFLICT baseline Partner review: only theirs has this baseline" in out
    assert "its entries for 1 task they were never sent are left out; kept ours" in out
    assert ("NOTE their baseline '2018 concept' (as of 2018-01-15) is dated before our latest baseline "
            "'Approved' (as of 2029-06-01)") in out
    history = open_project(merged).baselines
    assert [b.name for b in history] == ["Approved"] and not broken_links(history)


def test_a_partners_edited_copy_merged_with_our_plan_as_base_keeps_the_withheld_task(tmp_path, capsys):
    ours, sent = _sent(tmp_path, capsys)
    edited, merged = tmp_path / "edited.db", tmp_path / "merged.db"
    shutil.copy(sent, edited)
    assert main(["status", str(edited), "--as-of", "2030-01-20", "--started", "K=2030-01-07", "--percent", "K=50"]) == 0
    capsys.readouterr()
    # Their status date would move H, which they cannot see (unstarted work resumes after it): ours is kept.
    assert main(["merge", str(ours), str(ours), str(edited), "-o", str(merged)]) == 1
    out = capsys.readouterr().out
    sent_on = open_project(ours).sent_copies[0].written.isoformat()
    assert out.splitlines() == [
        f"merged into {merged} with 1 conflict(s), our side kept:",
        "  CONFLICT plan Cal plan, field status_date: theirs changes the plan's status date from none to "
        "2030-01-20, which would move 1 task of ours they cannot see (H Hidden static fire) (base None, ours "
        "None, theirs 2030-01-20); kept ours",
        f"  NOTE their plan is the partner copy made for level Partners on {sent_on}: merged against that copy "
        "of the base, so the task withheld from it stays as ours, a change of theirs to what it lacked is a "
        "conflict kept ours, and what the copy made in their place (links over withheld work, held dates) is "
        "not taken as their edit"]
    plan, before = open_project(merged), open_project(ours)
    assert plan.tasks.keys() == before.tasks.keys() and plan.links == before.links  # H and its links stay
    assert plan.tasks["t-k"].percent_complete == 50 and plan.status_date is None
    assert plan.tasks["t-m"] == before.tasks["t-m"]  # no bridge lag, pin or bound of the copy's brought in
