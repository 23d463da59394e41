"""A merge never leaves two dependencies between the same two tasks: each side adding one (their
ids differ), or one side adding one beside the base's, is a conflict naming both tasks, ours kept
unless chosen; the merged plan saves, opens, and its own CSV export imports back."""

from __future__ import annotations

from ilrs_planner.domain import Link, LinkType
from ilrs_planner.exchange.formats import read_plan, write_plan
from ilrs_planner.sharing.clone import clone_project
from ilrs_planner.sharing.merge import merge_projects
from ilrs_planner.store import open_project, save_project


def links_between(plan, pred: str, succ: str) -> list[tuple[str, LinkType, int]]:
    return [(k.id, k.type, k.lag) for k in plan.links.values() if (k.pred_id, k.succ_id) == (pred, succ)]


def test_both_sides_linking_the_same_tasks_keep_ours_and_say_so(small_plan, tmp_path):
    ours, theirs = clone_project(small_plan), clone_project(small_plan)
    ours.add_link(Link("t-a", "t-m", LinkType.FS, 3, id="l-ours"))
    theirs.add_link(Link("t-a", "t-m", LinkType.SS, 0, id="l-theirs"))
    result = merge_projects(small_plan, ours, theirs)
    assert links_between(result.project, "t-a", "t-m") == [("l-ours", LinkType.FS, 3)]
    (conflict,) = result.conflicts
    assert (conflict.kind, conflict.label, conflict.resolution) == ("link", "A → M", "ours")
    assert "both sides make 'M' (Station ready) depend on 'A' (Mission A) (ours FS+3d, theirs SS)" in conflict.reason
    chosen = merge_projects(small_plan, ours, theirs, choices={conflict.key: "theirs"})
    assert links_between(chosen.project, "t-a", "t-m") == [("l-theirs", LinkType.SS, 0)]
    save_project(result.project, tmp_path / "merged.db")
    write_plan(open_project(tmp_path / "merged.db"), tmp_path / "merged.csv")
    again = read_plan(tmp_path / "merged.csv").project  # our own export imports back
    assert len(again.links) == len(result.project.links) == 3


def test_their_second_link_beside_the_bases_is_a_conflict_and_the_bases_is_kept(small_plan):
    ours, theirs = clone_project(small_plan), clone_project(small_plan)
    theirs.add_link(Link("t-a", "t-b", LinkType.FF, -4, id="l-again"))  # the base has A → B FS+2
    result = merge_projects(small_plan, ours, theirs)
    assert links_between(result.project, "t-a", "t-b") == [("l-ab", LinkType.FS, 2)]
    assert [(c.kind, c.label) for c in result.conflicts] == [("link", "A → B")]
    assert "(ours FS+2d, theirs FS+2d, FF-4d)" in result.conflicts[0].reason
