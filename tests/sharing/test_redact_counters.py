"""A partner copy of an imported plan: numbered keys carry no gap where hidden work stood, and merge back."""

import re
from collections import defaultdict
from datetime import date, timedelta

import pytest

from ilrs_planner.domain import Baseline, Classification, ConstraintType, Task
from ilrs_planner.exchange.msp_csv import read as read_csv
from ilrs_planner.sharing.clone import clone_project
from ilrs_planner.sharing.merge import merge_projects
from ilrs_planner.sharing.redact import redact_project
from ilrs_planner.sharing.redact_counters import renumbered
from ilrs_planner.store import open_project, save_project

# An MS Project table: IDs 1..9 become the keys; tasks 3, 5 (a summary, with 6) and 8 are restricted.
CSV = """ID,Name,Duration,Outline Level,Predecessors,Classification,Owner
1,Survey,10d,1,,public,CNSA
2,Lander,20d,1,1,public,CNSA
3,Hidden probe,5d,1,2,restricted,CNSA
4,Rover,8d,1,3,public,CNSA
5,Hidden phase,10d,1,,restricted,CNSA
6,Hidden step,4d,2,,restricted,CNSA
7,Relay,6d,1,4,public,CNSA
8,Hidden relay test,3d,1,7,restricted,CNSA
9,Station ready,0d,1,7,public,CNSA
"""


def _imported(tmp_path):
    path = tmp_path / "plan.csv"
    path.write_text(CSV)
    plan = read_csv(path).project
    ids = [t.id for t in plan.tasks.values()]
    plan.baselines += [Baseline(f"Baseline {n}", date(2029, n, 1), {i: (date(2030, 1, 1), date(2030, 1, 2))
                                                                   for i in ids}, id=f"b{n}",
                                classification=Classification.RESTRICTED if n == 2 else Classification.PUBLIC)
                       for n in (1, 2, 3)]
    return plan


def _gapless(numbers):
    numbers = sorted(numbers)
    return numbers == list(range(numbers[0], numbers[0] + len(numbers))) and numbers[0] in (0, 1)


def test_a_copy_of_sequential_keys_shows_no_gap_where_hidden_tasks_were(tmp_path):
    plan = _imported(tmp_path)
    assert sorted(int(t.key) for t in plan.tasks.values()) == list(range(1, 10))
    copy = redact_project(plan, "public")
    save_project(copy, tmp_path / "copy.db")
    copy = open_project(tmp_path / "copy.db")
    keys = sorted(int(t.key) for t in copy.tasks.values())
    assert keys == [1, 2, 3, 4, 5]  # five tasks kept, numbered as if there had never been more
    order = sorted(copy.tasks.values(), key=lambda t: t.position)
    assert [t.name for t in order] == ["Survey", "Lander", "Rover", "Relay", "Station ready"]
    assert [t.key for t in order] == ["1", "2", "3", "4", "5"]  # in the same order as before
    assert [b.name for b in copy.baselines] == ["Baseline 1", "Baseline 2"]  # not 1 and 3


def test_outline_numbers_and_prefixed_uids_are_renumbered_by_level():
    keys = ["1", "1.1", "1.3", "1.3.2", "4", "4.2", "T12", "T40", "007", "009"]
    new = renumbered(keys)
    assert new == {"1": "1", "1.1": "1.1", "1.3": "1.2", "1.3.2": "1.2.1", "4": "2", "4.2": "2.1",
                   "T12": "T1", "T40": "T2", "007": "003", "009": "004"}
    by_level = defaultdict(list)
    for key in new.values():
        *above, last = re.split(r"[.]", key.lstrip("T"))
        by_level[(key.startswith("T"), tuple(above))].append(int(last))
    assert all(_gapless(numbers) for numbers in by_level.values())


def test_keys_the_window_gives_tasks_and_milestones_it_adds_are_renumbered_each_among_its_own():
    assert renumbered(["T-1", "T-2", "T-5", "M-2", "M-4", "T-10"]) == {
        "T-1": "T-1", "T-2": "T-2", "T-5": "T-3", "T-10": "T-4", "M-2": "M-1", "M-4": "M-2"}


def test_keys_written_with_words_stay_as_written():
    assert renumbered(["luna-27", "CE7", "change-6-landing", "Survey"]) == {}


def _partner_edits(plan, new_task_id):
    """What the partner does: a longer lander, a renamed relay, one task more."""
    lander = next(t for t in plan.tasks.values() if t.name == "Lander")
    relay = next(t for t in plan.tasks.values() if t.name == "Relay")
    lander.duration = 25
    relay.name = "Relay satellite"
    plan.add_task(Task(key="P1", name="Partner payload", duration=7, id=new_task_id, position=99))


def test_edits_to_the_renumbered_copy_merge_back_as_if_made_to_the_original(tmp_path):
    original = _imported(tmp_path)
    save_project(redact_project(original, "public"), tmp_path / "copy.db")
    base, theirs = open_project(tmp_path / "copy.db"), open_project(tmp_path / "copy.db")
    _partner_edits(theirs, "f" * 32)
    merged = merge_projects(base, original, theirs)
    assert merged.clean, [c.describe() for c in merged.conflicts]
    expected = clone_project(original)
    _partner_edits(expected, "f" * 32)
    assert merged.project.tasks == expected.tasks  # keys, positions, constraints: the original's
    assert merged.project.links == expected.links  # the copy's bridge links do not come back
    assert merged.project.baselines == expected.baselines
    assert {p.key for p in merged.project.participants.values()} == {"CNSA"}


def test_a_copy_that_would_pin_a_task_past_2200_is_refused_by_name_not_at_save(tmp_path):
    from ilrs_planner.domain import Link, PlannerError, Project
    plan = Project(name="Long plan", start=date(2030, 1, 1))
    long = plan.add_task(Task(key="CENTURIES", name="Three centuries", duration=109_575))
    # The hidden task waits 10 days past the long one's finish, which the copy's bridge cannot say
    # without showing the wait: 'AFTER' is pinned on its date.
    hidden = plan.add_task(Task(key="H", name="Hidden", duration=10, position=1, constraint=ConstraintType.SNET,
                                constraint_date=date(2030, 1, 1) + timedelta(days=109_575 + 10),
                                classification=Classification.RESTRICTED))
    after = plan.add_task(Task(key="AFTER", name="After", duration=10, position=2))
    plan.add_link(Link(long.id, hidden.id))
    plan.add_link(Link(hidden.id, after.id))
    with pytest.raises(PlannerError) as refused:  # was: a copy whose save failed on 'AFTER': constraint_date 2330
        redact_project(plan, "public")
    assert refused.value.code == "redact.out_of_range" and "'AFTER' starts in 2330" in refused.value.message
