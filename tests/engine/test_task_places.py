"""Task ids found in bulk: by the id objects a plan file shares, or by equal text, with the same answer."""

from datetime import date

from ilrs_planner.domain import Link, Project, Task
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.engine.task_places import TaskPlaces


def _copy(text: str) -> str:
    """An equal string that is a separate object (as a plan built in code may hold)."""
    return "".join(list(text))


def _same(text: str) -> str:
    return text


def test_each_id_is_found_whether_it_is_the_same_object_or_equal_text():
    ids = [f"task-{n}" for n in range(6)]
    places = TaskPlaces(ids)
    wanted = [ids[4], _copy(ids[4]), None, "no such task", ids[0], _copy(ids[5])]
    assert wanted[1] is not ids[4]
    assert places.of(wanted).tolist() == [4, 4, -1, -1, 0, 5]
    assert TaskPlaces([]).of(["x", None]).tolist() == [-1, -1]
    assert places.of([]).tolist() == []


def test_many_ids_asked_in_any_order_and_repeated_get_their_own_places():
    # The ids are searched in address order and the answers put back in the order asked.
    ids = [f"task-{n}" for n in range(2000)]
    asked = [ids[(n * 7919) % 2000] for n in range(5000)] + [None, _copy(ids[17]), "missing"]
    expected = [(n * 7919) % 2000 for n in range(5000)] + [-1, 17, -1]
    assert TaskPlaces(ids).of(asked).tolist() == expected


def test_a_plan_whose_links_hold_copies_of_the_ids_schedules_to_the_same_dates():
    # A (5d) -> B (3d) -> C (2d) from 2030-01-01: A [01-01, 01-06), B [01-06, 01-09), C [01-09, 01-11).
    def plan(copy):
        project = Project("Copies", date(2030, 1, 1))
        ids = {key: f"id-{key}" for key in "ABC"}
        for key, days in (("A", 5), ("B", 3), ("C", 2)):
            project.add_task(Task(key, key, days, id=ids[key]))
        for pred, succ in (("A", "B"), ("B", "C")):
            project.add_link(Link(copy(ids[pred]), copy(ids[succ])))
        assert (project.links[next(iter(project.links))].pred_id is ids["A"]) is (copy is _same)
        return schedule(project)

    shared, copied = plan(_same), plan(_copy)
    assert copied.tasks["id-C"].early_start == date(2030, 1, 9) == shared.tasks["id-C"].early_start
    assert copied.tasks["id-C"].early_finish == date(2030, 1, 11)
    assert [copied.tasks[t] for t in ("id-A", "id-B", "id-C")] == [shared.tasks[t] for t in ("id-A", "id-B", "id-C")]
