"""Three-way merge: each case of who changed what, and nothing silently lost."""

from datetime import date

from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.domain import Baseline, Link, LinkType, Task
from ilrs_planner.sharing.clone import clone_project
from ilrs_planner.sharing.diff import diff_projects
from ilrs_planner.sharing.merge import merge_projects


def _sides(plan):
    return clone_project(plan), clone_project(plan)


def test_both_add_different_tasks(small_plan):
    ours, theirs = _sides(small_plan)
    ours.add_task(Task(key="X", name="Ours new", duration=1, id="t-x"))
    theirs.add_task(Task(key="Y", name="Theirs new", duration=2, id="t-y"))
    result = merge_projects(small_plan, ours, theirs)
    assert result.clean
    assert {"t-x", "t-y"} <= set(result.project.tasks)


def test_same_task_different_fields_combine(small_plan):
    ours, theirs = _sides(small_plan)
    ours.tasks["t-a"].duration = 20
    theirs.tasks["t-a"].notes = "their note"
    result = merge_projects(small_plan, ours, theirs)
    assert result.clean
    merged = result.project.tasks["t-a"]
    assert (merged.duration, merged.notes) == (20, "their note")


def test_same_field_same_value_is_not_a_conflict(small_plan):
    ours, theirs = _sides(small_plan)
    ours.tasks["t-b"].name = theirs.tasks["t-b"].name = "Mission B (agreed)"
    result = merge_projects(small_plan, ours, theirs)
    assert result.clean and result.project.tasks["t-b"].name == "Mission B (agreed)"


def test_same_field_different_values_conflict_ours_wins_unless_chosen(small_plan):
    ours, theirs = _sides(small_plan)
    ours.tasks["t-a"].duration = 20
    theirs.tasks["t-a"].duration = 30
    result = merge_projects(small_plan, ours, theirs)
    [conflict] = result.conflicts
    assert (conflict.field, conflict.base, conflict.ours, conflict.theirs) == ("duration", 10, 20, 30)
    assert result.project.tasks["t-a"].duration == 20
    again = merge_projects(small_plan, ours, theirs, choices={conflict.key: "theirs"})
    assert again.project.tasks["t-a"].duration == 30 and again.conflicts[0].resolution == "theirs"


def test_edit_by_us_delete_by_them_keeps_our_edit(small_plan):
    ours, theirs = _sides(small_plan)
    ours.tasks["t-m"].name = "Station ready (renamed)"
    del theirs.tasks["t-m"]
    del theirs.links["l-bm"]
    result = merge_projects(small_plan, ours, theirs)
    [conflict] = result.conflicts
    assert conflict.field is None and "deleted by them" in conflict.reason
    assert result.project.tasks["t-m"].name == "Station ready (renamed)"
    chosen = merge_projects(small_plan, ours, theirs, choices={conflict.key: "theirs"})
    assert "t-m" not in chosen.project.tasks and "l-bm" not in chosen.project.links


def test_delete_by_us_edit_by_them_is_reported_and_can_be_taken(small_plan):
    ours, theirs = _sides(small_plan)
    del ours.tasks["t-m"]
    del ours.links["l-bm"]
    theirs.tasks["t-m"].deadline = date(2032, 1, 1)
    result = merge_projects(small_plan, ours, theirs)
    [conflict] = result.conflicts
    assert conflict.reason == "edited by theirs, deleted by us"
    assert "t-m" not in result.project.tasks
    chosen = merge_projects(small_plan, ours, theirs, choices={conflict.key: "theirs"})
    assert chosen.project.tasks["t-m"].deadline == date(2032, 1, 1)


def test_delete_on_both_sides(small_plan):
    ours, theirs = _sides(small_plan)
    for side in (ours, theirs):
        del side.tasks["t-m"]
        del side.links["l-bm"]
    result = merge_projects(small_plan, ours, theirs)
    assert result.clean and "t-m" not in result.project.tasks


def test_delete_unchanged_task_on_one_side(small_plan):
    ours, theirs = _sides(small_plan)
    del theirs.tasks["t-m"]
    del theirs.links["l-bm"]
    result = merge_projects(small_plan, ours, theirs)
    assert result.clean and "t-m" not in result.project.tasks and "l-bm" not in result.project.links


def test_link_added_on_both_sides(small_plan):
    ours, theirs = _sides(small_plan)
    ours.add_link(Link("t-a", "t-m", LinkType.FS, 0, id="l-ours"))
    theirs.add_link(Link("t-a", "t-m", LinkType.SS, 3, id="l-theirs"))
    result = merge_projects(small_plan, ours, theirs)  # one dependency between two tasks: ours, a conflict
    assert not result.clean and "l-ours" in result.project.links and "l-theirs" not in result.project.links


def test_link_to_a_task_the_other_side_deleted_is_a_conflict(small_plan):
    ours, theirs = _sides(small_plan)
    ours.add_link(Link("t-a", "t-m", LinkType.FS, 0, id="l-new"))
    del theirs.tasks["t-m"]
    del theirs.links["l-bm"]
    result = merge_projects(small_plan, ours, theirs)
    assert [c.field for c in result.conflicts] == [None]
    assert "dependency" in result.conflicts[0].reason
    assert "t-m" in result.project.tasks and "l-new" in result.project.links


def test_wbs_move_by_one_side_and_edit_by_the_other(small_plan):
    ours, theirs = _sides(small_plan)
    ours.tasks["t-b"].parent_id = None
    ours.tasks["t-b"].position = 5
    theirs.tasks["t-b"].name = "Mission B (renamed)"
    result = merge_projects(small_plan, ours, theirs)
    assert result.clean
    merged = result.project.tasks["t-b"]
    assert (merged.parent_id, merged.position, merged.name) == (None, 5, "Mission B (renamed)")


def test_links_from_both_sides_forming_a_loop_are_reported_and_broken(small_plan):
    ours, theirs = _sides(small_plan)
    theirs.add_link(Link("t-m", "t-a", LinkType.FS, 0, id="l-back"))  # A → B → M → A
    theirs.links.pop("l-bm")
    ours.links["l-bm"].lag = 1  # ours keeps and edits B → M; theirs deleted it
    result = merge_projects(small_plan, ours, theirs)
    kinds = sorted(c.kind for c in result.conflicts)
    assert kinds == ["link", "loop"]
    loop = next(c for c in result.conflicts if c.kind == "loop")
    assert "A → B → M → A" in loop.label or "loop" in loop.reason
    assert "l-back" not in result.project.links  # ours wins: their link goes
    from ilrs_planner.engine.graph import find_cycle
    assert find_cycle(result.project) is None


def test_baselines_union_by_id_and_conflict_on_different_content(small_plan):
    ours, theirs = _sides(small_plan)
    ours.baselines.append(Baseline("Ours 2031", date(2031, 1, 1), {}, id="b-o"))
    theirs.baselines.append(Baseline("Theirs 2031", date(2031, 2, 1), {}, id="b-t"))
    result = merge_projects(small_plan, ours, theirs)
    assert [(c.kind, c.id) for c in result.conflicts] == [("baseline", "b-t")]  # theirs alone: asked
    assert [b.id for b in result.project.baselines] == ["b-1", "b-2", "b-o"]
    chosen = merge_projects(small_plan, ours, theirs, choices={"baseline:b-t:*": "theirs"})
    assert [b.id for b in chosen.project.baselines] == ["b-1", "b-2", "b-o", "b-t"]
    ours.baselines.append(Baseline("Shared", date(2031, 1, 1), {}, id="b-s"))
    theirs.baselines.append(Baseline("Shared", date(2031, 3, 1), {}, id="b-s"))
    result = merge_projects(small_plan, ours, theirs)
    assert [(c.kind, c.id) for c in result.conflicts] == [("baseline", "b-s"), ("baseline", "b-t")]


def test_both_sides_add_tasks_with_the_same_key_keep_both(small_plan):
    ours, theirs = _sides(small_plan)
    ours.add_task(Task(key="N", name="Ours N", id="t-n1"))
    theirs.add_task(Task(key="N", name="Theirs N", id="t-n2"))
    result = merge_projects(small_plan, ours, theirs)
    keys = sorted(t.key for t in result.project.tasks.values() if t.id in ("t-n1", "t-n2"))
    assert keys[0] == "N" and keys[1].startswith("N-") and len(result.conflicts) == 1


def test_plan_level_fields_merge(small_plan):
    ours, theirs = _sides(small_plan)
    ours.name = "Ours"
    theirs.status_date = date(2030, 6, 1)
    result = merge_projects(small_plan, ours, theirs)
    assert result.clean and (result.project.name, result.project.status_date) == ("Ours", date(2030, 6, 1))


def test_moves_placing_two_tasks_inside_each_other_are_reported_and_undone(small_plan):
    small_plan.add_task(Task(key="X", name="Task X", duration=1, id="t-x", position=5))
    small_plan.add_task(Task(key="Y", name="Task Y", duration=1, id="t-y", position=6))
    ours, theirs = _sides(small_plan)
    ours.tasks["t-x"].parent_id = "t-y"  # ours: X under Y
    theirs.tasks["t-y"].parent_id = "t-x"  # theirs: Y under X
    result = merge_projects(small_plan, ours, theirs)
    [conflict] = result.conflicts
    assert conflict.kind == "outline" and "inside each other" in conflict.reason
    tasks = result.project.tasks
    assert (tasks["t-x"].parent_id, tasks["t-y"].parent_id) == ("t-y", None)  # ours' move stands
    chosen = merge_projects(small_plan, ours, theirs, choices={conflict.key: "theirs"})
    assert (chosen.project.tasks["t-x"].parent_id, chosen.project.tasks["t-y"].parent_id) == (None, "t-x")


def test_owner_given_by_one_side_to_a_participant_the_other_deleted(small_plan):
    ours, theirs = _sides(small_plan)
    ours.tasks["t-b"].owner_id = "p-cnsa"
    del theirs.participants["p-cnsa"]
    theirs.tasks["t-a"].owner_id = None
    result = merge_projects(small_plan, ours, theirs)
    [conflict] = result.conflicts
    assert conflict.kind == "participant" and "owner of B" in conflict.reason
    assert result.project.tasks["t-b"].owner_id == "p-cnsa" and "p-cnsa" in result.project.participants


def test_a_deleted_task_keeps_its_baseline_entries(small_plan):
    """Baselines are history: a side that deletes a task must not erase it from past snapshots."""
    task_id = next(iter(small_plan.tasks))
    small_plan.baselines.append(Baseline("Before the cut", date(2029, 1, 1),
                                         {task_id: (date(2030, 1, 1), date(2030, 1, 11))}, id="b-cut"))
    ours, theirs = _sides(small_plan)
    theirs.links = {k: v for k, v in theirs.links.items() if task_id not in (v.pred_id, v.succ_id)}
    del theirs.tasks[task_id]
    for task in theirs.tasks.values():
        task.parent_id = None if task.parent_id == task_id else task.parent_id
    result = merge_projects(small_plan, ours, theirs)
    assert task_id not in result.project.tasks
    [kept] = [b for b in result.project.baselines if b.id == "b-cut"]
    assert kept.entries[task_id] == (date(2030, 1, 1), date(2030, 1, 11))


def test_merging_a_plan_with_itself_changes_nothing_even_its_history_of_deleted_tasks():
    plan = build_reference_project()
    deleted = plan.task_by_key("icube-q").id
    plan.links = {k: v for k, v in plan.links.items() if deleted not in (v.pred_id, v.succ_id)}
    del plan.tasks[deleted]
    naming_it = [b.id for b in plan.baselines if deleted in b.entries]
    assert len(naming_it) > 10  # the roadmap's history still holds the deleted task
    result = merge_projects(plan, clone_project(plan), clone_project(plan))
    assert result.clean and diff_projects(plan, result.project).is_empty()
    assert [(b.id, b.entries) for b in result.project.baselines] == [(b.id, b.entries) for b in plan.baselines]


def test_a_numbered_key_they_give_a_new_task_that_ours_holds_takes_the_first_free_number(small_plan):
    ours, theirs = _sides(small_plan)
    ours.add_task(Task(key="T-1", name="Ours first", id="t-o1"))
    ours.add_task(Task(key="1.2", name="Ours numbered", id="t-o2"))
    theirs.add_task(Task(key="T-1", name="Theirs first", id="t-y1"))
    theirs.add_task(Task(key="1.2", name="Theirs numbered", id="t-y2"))
    theirs.add_task(Task(key="T-4", name="Theirs free", id="t-y3"))
    result = merge_projects(small_plan, ours, theirs)
    assert result.clean
    keys = {tid: result.project.tasks[tid].key for tid in ("t-o1", "t-o2", "t-y1", "t-y2", "t-y3")}
    assert keys == {"t-o1": "T-1", "t-o2": "1.2", "t-y1": "T-2", "t-y2": "1.1", "t-y3": "T-4"}
    assert len(result.notes) == 2 and "'Theirs first' is keyed T-2 here: T-1" in result.notes[0]
    assert theirs.tasks["t-y1"].key == "T-1"  # their plan is read, never changed



def test_a_new_task_of_theirs_whose_key_only_their_other_new_task_would_take_keeps_it(small_plan):
    """Theirs adds T-1 (ours holds it) and T-2 (nobody here holds it): the first is given T-3, not T-2
    (their T-2 keeps its own key), and only the first is named in a note."""
    ours, theirs = _sides(small_plan)
    ours.add_task(Task(key="T-1", name="Ours first", id="t-o1"))
    theirs.add_task(Task(key="T-1", name="Theirs first", id="t-y1"))
    theirs.add_task(Task(key="T-2", name="Theirs second", id="t-y2"))
    result = merge_projects(small_plan, ours, theirs)
    keys = {tid: result.project.tasks[tid].key for tid in ("t-o1", "t-y1", "t-y2")}
    assert keys == {"t-o1": "T-1", "t-y1": "T-3", "t-y2": "T-2"}
    assert result.notes == ["their new task 'Theirs first' is keyed T-3 here: T-1, its key in their copy, "
                            "is another task's key in this plan"]


def test_thousands_of_their_tasks_on_keys_held_here_each_get_a_key_of_their_own(small_plan):
    """A hostile copy re-using 3,000 numbered keys held here: every one gets a distinct free key (the
    count goes on, rather than starting again at 1 for each: 3,000 tasks took 9.5 s that way)."""
    ours, theirs = _sides(small_plan)
    for n in range(1, 3001):
        ours.add_task(Task(key=f"T-{n}", name=f"Ours {n}", id=f"o{n}"))
        theirs.add_task(Task(key=f"T-{n}", name=f"Theirs {n}", id=f"y{n}"))
    result = merge_projects(small_plan, ours, theirs)
    given = [result.project.tasks[f"y{n}"].key for n in range(1, 3001)]
    assert given == [f"T-{n}" for n in range(3001, 6001)] and len(result.notes) == 3000

def test_merging_changes_neither_side_even_where_the_merged_plan_is_repaired(small_plan):
    from ilrs_planner.domain.canonical import canonical_bytes
    ours, theirs = _sides(small_plan)
    ours.add_task(Task(key="X", name="Ours under A", id="t-x", parent_id="t-a"))  # A: deleted by them
    ours.add_task(Task(key="N", name="Ours N", id="t-n1"))
    ours.add_task(Task(key="N", name="Ours other N", id="t-n2"))
    del theirs.tasks["t-a"]
    del theirs.links["l-ab"]
    before = canonical_bytes(ours), canonical_bytes(theirs)
    result = merge_projects(small_plan, ours, theirs, {"task:t-a:*": "theirs"})
    assert result.project.tasks["t-x"].parent_id == "t-ph"  # moved up to A's phase in the merged plan
    assert result.project.tasks["t-n2"].key.startswith("N-")
    assert (canonical_bytes(ours), canonical_bytes(theirs)) == before  # the open plan stays as it was, for Undo


def test_a_must_finish_by_set_by_one_side_is_merged_and_set_by_both_differently_conflicts(small_plan):
    ours, theirs = _sides(small_plan)
    theirs.must_finish_by = date(2036, 12, 31)
    result = merge_projects(small_plan, ours, theirs)
    assert result.clean and result.project.must_finish_by == date(2036, 12, 31)
    ours.must_finish_by = date(2035, 6, 30)
    result = merge_projects(small_plan, ours, theirs)
    assert [(c.field, c.ours, c.theirs) for c in result.conflicts] == [
        ("must_finish_by", date(2035, 6, 30), date(2036, 12, 31))]
    assert result.project.must_finish_by == date(2035, 6, 30)  # ours, unless chosen
