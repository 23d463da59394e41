"""`merge` of a partner's edited copy with our own plan as base: what they were sent is read from our
plan's record of the copy, never from their file. A partner who rewrites the level their copy records,
clears its "without notes", or holds a withheld task by its id (the reference roadmap's ids follow from
its public keys) changes nothing of ours they were never sent; an honest partner's edits still merge."""

import dataclasses
from datetime import date

import pytest

from ilrs_planner.cli import main
from ilrs_planner.domain import Classification, Participant, Project, Task
from ilrs_planner.store import open_project, save_project


def _key(plan, key):
    return next(t for t in plan.tasks.values() if t.key == key)


@pytest.fixture
def sent(tmp_path, capsys):
    """Our reference roadmap, with a Restricted participant owning nothing, and the Everyone copy
    `redact` wrote of it (ce7-site-review, basic-readiness-review and crewed-reserve withheld)."""
    def make(level="everyone", *extra):
        ours, copy = tmp_path / "ours.db", tmp_path / "sent.db"
        assert main(["new", "--reference", str(ours)]) == 0
        plan = open_project(ours)
        secret = Participant("SPA", "Secret Partner Agency", classification=Classification.RESTRICTED, id="p-secret")
        plan.participants[secret.id] = secret
        save_project(plan, ours)
        assert main(["redact", str(ours), "--level", level, "-o", str(copy), *extra]) == 0
        capsys.readouterr()
        return ours, copy
    return make


def _merge(tmp_path, capsys, ours, theirs_plan, base=None):
    theirs, merged = tmp_path / "theirs.db", tmp_path / "merged.db"
    save_project(theirs_plan, theirs)
    code = main(["merge", str(base or ours), str(ours), str(theirs), "-o", str(merged), "--force"])
    return code, capsys.readouterr().out, open_project(merged)


def test_redact_records_the_copy_in_our_plan_and_the_copy_carries_an_id_of_its_own(sent):
    ours, copy = sent("partners", "--without-notes")
    plan, partner = open_project(ours), open_project(copy)
    assert partner.id != plan.id and partner.sent_copies == ()
    [record] = plan.sent_copies
    assert (record.copy_id, record.level, record.without_notes) == (partner.id, Classification.PARTNERS, True)


def test_a_copy_claiming_a_higher_level_cannot_rewrite_a_withheld_task_it_holds_by_a_guessed_id(
        tmp_path, capsys, sent):
    ours, copy = sent()
    plan, theirs = open_project(ours), open_project(copy)
    review = _key(plan, "ce7-site-review")  # withheld from Everyone; its id follows from its key
    theirs.partner_level = Classification.PARTNERS  # rewritten in their file
    theirs.tasks[review.id] = dataclasses.replace(review, name="Renamed by partner", duration=900, parent_id=None)
    code, out, merged = _merge(tmp_path, capsys, ours, theirs)
    assert code == 1
    assert merged.tasks[review.id] == review
    assert merged.links == plan.links  # its dependencies are not read as deleted by them
    assert ("CONFLICT task ce7-site-review Joint landing-site certification review after Chang'e 7, field name: "
            "theirs changes a task of ours their copy was never sent") in out
    assert "holds no record of sending (their file says level Partners)" not in out  # we do hold the record
    assert "the partner copy made for level Everyone" in out


@pytest.mark.parametrize("claimed", [Classification.RESTRICTED, None])
def test_a_copy_holding_one_withheld_task_deletes_no_other_task_nor_participant_of_ours(
        tmp_path, capsys, sent, claimed):
    ours, copy = sent()
    plan, theirs = open_project(ours), open_project(copy)
    reserve = _key(plan, "crewed-reserve")  # Restricted, held by its id alone
    theirs.partner_level = claimed  # rewritten, or cleared
    theirs.tasks[reserve.id] = dataclasses.replace(reserve, name="x", parent_id=None)
    code, out, merged = _merge(tmp_path, capsys, ours, theirs)
    assert code == 1
    assert merged.tasks.keys() == plan.tasks.keys() and merged.tasks[reserve.id] == reserve
    assert merged.links == plan.links and merged.participants == plan.participants


def test_a_copy_sent_without_notes_cannot_empty_our_notes_by_clearing_its_record(tmp_path, capsys, sent):
    ours, copy = sent("everyone", "--without-notes")
    plan, theirs = open_project(ours), open_project(copy)
    theirs.partner_without_notes = False  # cleared in their file
    change7 = _key(theirs, "change-7")
    theirs.tasks[change7.id] = dataclasses.replace(change7, notes="our comment")
    code, out, merged = _merge(tmp_path, capsys, ours, theirs)
    assert code == 1
    assert {t.id: t.notes for t in merged.tasks.values()} == {t.id: t.notes for t in plan.tasks.values()}
    assert "CONFLICT task change-7 " in out and ", field notes: both sides changed it differently" in out


@pytest.mark.parametrize("field", ["start", "status_date"])
def test_a_copy_moving_the_plan_start_or_status_date_is_a_conflict_naming_the_withheld_task_it_would_move(
        tmp_path, capsys, field):
    # Two unlinked tasks from Monday 2030-01-07 on the 7-day calendar: "Public survey" (Everyone, 10 d) and
    # "Secret drill test" (Restricted, 20 d, 2030-01-07 to 2030-01-26). Moved to 2031-01-06, the drill
    # would start there: a year's slip of work they were never shown.
    plan = Project("Lunar plan", date(2030, 1, 7))
    for key, name, days, level, position in (("pub", "Public survey", 10, Classification.PUBLIC, 0),
                                             ("sec", "Secret drill test", 20, Classification.RESTRICTED, 1)):
        plan.tasks["t-" + key] = Task(key, name, duration=days, classification=level, position=position,
                                      id="t-" + key)
    ours, copy = tmp_path / "ours.db", tmp_path / "sent.db"
    save_project(plan, ours)
    assert main(["redact", str(ours), "--level", "everyone", "-o", str(copy)]) == 0
    capsys.readouterr()
    theirs = open_project(copy)
    setattr(theirs, field, date(2031, 1, 6))
    code, out, merged = _merge(tmp_path, capsys, ours, theirs, base=copy)
    assert code == 1 and getattr(merged, field) == getattr(plan, field)
    words = {"start": "start from 2030-01-07", "status_date": "status date from none"}[field]
    assert (f"CONFLICT plan Lunar plan, field {field}: theirs changes the plan's {words} to 2031-01-06, which "
            "would move 1 task of ours they cannot see (sec Secret drill test)") in out
    assert main(["schedule", str(tmp_path / "merged.db")]) == 0
    assert "2030-01-26" in next(line for line in capsys.readouterr().out.splitlines() if "Secret drill" in line)


def test_an_honest_partners_edits_to_what_they_were_sent_merge_cleanly(tmp_path, capsys, sent):
    ours, copy = sent("partners")
    plan, theirs = open_project(ours), open_project(copy)
    review, change7 = _key(theirs, "ce7-site-review"), _key(theirs, "change-7")  # both sent at Partners
    theirs.tasks[review.id] = dataclasses.replace(review, duration=120, notes="Partner review: 120 days")
    theirs.tasks[change7.id] = dataclasses.replace(change7, percent_complete=20)
    code, out, merged = _merge(tmp_path, capsys, ours, theirs)
    assert code == 0 and out.startswith("merged cleanly")
    assert (merged.tasks[review.id].duration, merged.tasks[review.id].notes) == (120, "Partner review: 120 days")
    assert merged.tasks[change7.id].percent_complete == 20
    assert merged.tasks.keys() == plan.tasks.keys() and merged.links == plan.links
    assert merged.id == plan.id and merged.sent_copies == plan.sent_copies
