"""The plan's record of the partner copies written from it (format version 14): kept by every save,
never in a copy, not content; a plan of format 11 opens with none recorded, and a record the program
never wrote is refused by name."""

from __future__ import annotations

from datetime import date

import pytest
from file_surgery import DROP_V14, query_one, tamper

from ilrs_planner.domain import Classification, PlannerError, Project, SentCopy, Task
from ilrs_planner.domain.canonical import canonical_bytes
from ilrs_planner.sharing.redact import redact_project
from ilrs_planner.sharing.sent_record import record_sent
from ilrs_planner.store import open_project, save_project


def _plan() -> Project:
    plan = Project("Shared plan", date(2030, 1, 1))
    plan.add_task(Task("pub", "Survey", 10, id="pub", position=0))
    plan.add_task(Task("sec", "Reserve", 10, id="sec", position=1, classification=Classification.RESTRICTED))
    return plan


def test_a_recorded_copy_is_kept_by_a_save_and_changes_nothing_the_plan_says(tmp_path):
    plan = _plan()
    before = canonical_bytes(plan)
    copy = redact_project(plan, Classification.PARTNERS, without_notes=True)
    record_sent(plan, copy, date(2026, 12, 4))
    save_project(plan, tmp_path / "plan.db")
    assert query_one(tmp_path / "plan.db", "SELECT sent_copies FROM plan") == (
        f"{copy.id} partners without-notes 2026-12-04",)
    opened = open_project(tmp_path / "plan.db")
    assert opened.sent_copies == (SentCopy(copy.id, Classification.PARTNERS, True, date(2026, 12, 4)),)
    assert canonical_bytes(opened) == before  # a signature over the plan still holds


def test_a_copy_carries_no_record_of_ours(tmp_path):
    plan = _plan()
    record_sent(plan, redact_project(plan, Classification.RESTRICTED), date(2026, 11, 27))
    copy = redact_project(plan, Classification.PUBLIC)
    save_project(copy, tmp_path / "copy.db")
    assert query_one(tmp_path / "copy.db", "SELECT sent_copies FROM plan") == ("",)
    assert copy.id != plan.id


def test_a_version_13_plan_opens_with_no_copy_recorded_and_keeps_them_once_saved(tmp_path):
    path = tmp_path / "old.db"
    save_project(_plan(), path)
    tamper(path, *DROP_V14, "PRAGMA user_version = 13")
    opened = open_project(path)
    assert opened.sent_copies == ()
    weekly = [redact_project(opened, level) for level in (Classification.PUBLIC, Classification.PARTNERS)]
    for day, copy in zip((4, 11), weekly, strict=True):
        record_sent(opened, copy, date(2026, 12, day))
    save_project(opened, path)
    assert [(c.copy_id, c.written.day) for c in open_project(path).sent_copies] == [(weekly[0].id, 4),
                                                                                   (weekly[1].id, 11)]


@pytest.mark.parametrize("text", ["not a record", "0123456789abcdef0123456789abcdef secret notes 2026-12-04",
                                  "0123456789abcdef0123456789abcdef public notes 2026-13-40"])
def test_a_record_the_program_never_wrote_is_refused_by_name(tmp_path, text):
    path = tmp_path / "plan.db"
    save_project(_plan(), path)
    tamper(path, "UPDATE plan SET sent_copies = ?", params=(text,))
    with pytest.raises(PlannerError) as caught:
        open_project(path)
    assert caught.value.code == "store.bad_value"
    assert "sent_copies" in caught.value.message and "record 1 (" in caught.value.message


def test_a_record_past_the_bound_refuses_the_save_and_keeps_the_last_one(tmp_path):
    # Written, the file was refused by every open: the plan itself lost for one copy too many.
    path = tmp_path / "plan.db"
    plan = _plan()
    plan.sent_copies = tuple(SentCopy(f"{n:032x}", Classification.PUBLIC, True, date(2026, 1, 1))
                             for n in range(10_000))
    save_project(plan, path)
    saved = path.read_bytes()
    record_sent(plan, redact_project(plan, Classification.PUBLIC), date(2026, 12, 4))
    with pytest.raises(PlannerError) as caught:
        save_project(plan, path)
    assert caught.value.code == "store.too_large" and "10,001 partner copies" in caught.value.message
    assert path.read_bytes() == saved and len(open_project(path).sent_copies) == 10_000
