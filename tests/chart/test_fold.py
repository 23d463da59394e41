"""Folding an outline to the rows a slide has room for: opened as far down as fits."""

from datetime import date

from ilrs_planner.chart.fold import Folded, fold_to_fit, folding_note
from ilrs_planner.domain import Project, Task, TaskKind


def three_phases() -> tuple[Project, list[str]]:
    """Phases A, B, C, each of four work packages of three tasks: 51 rows in outline order."""
    project, rows = Project("Outline", date(2030, 1, 1)), []
    for p, phase in enumerate("ABC"):
        project.add_task(Task(phase, f"Phase {phase}", kind=TaskKind.PHASE, id=phase, position=p))
        rows.append(phase)
        for w in range(4):
            package = f"{phase}{w}"
            project.add_task(Task(package, f"Package {package}", id=package, parent_id=phase, position=w))
            rows.append(package)
            for t in range(3):
                task = f"{package}.{t}"
                project.add_task(Task(task, f"Task {task}", 5, id=task, parent_id=package, position=t))
                rows.append(task)
    return project, rows


def test_a_slide_shows_the_outline_opened_as_far_as_its_rows_allow_not_just_the_phases():
    project, rows = three_phases()
    kept, folded = fold_to_fit(project, rows, 12)
    # Three phases; phase A opened (4 packages: 7 rows), then package A0 (3 tasks: 10 rows); opening
    # anything more would need 13 or 14 rows.
    assert kept == ["A", "A0", "A0.0", "A0.1", "A0.2", "A1", "A2", "A3", "B", "C"]
    assert [(f.name, f.hidden) for f in folded] == [("Phase B", 16), ("Phase C", 16), ("Package A1", 3),
                                                     ("Package A2", 3), ("Package A3", 3)]


def test_rows_that_fit_are_left_alone_and_top_rows_that_do_not_are_all_that_is_left():
    project, rows = three_phases()
    assert fold_to_fit(project, rows, 51) == (rows, [])
    kept, folded = fold_to_fit(project, rows, 2)
    assert kept == ["A", "B", "C"] and [f.hidden for f in folded] == [16, 16, 16]


def test_the_warning_names_the_five_biggest_folds_and_counts_the_rest():
    folded = [Folded(f"Package {i}", 10 + i) for i in range(8, 0, -1)]
    note = folding_note(folded, "1920×1080")
    assert "“Package 8” (18 rows)" in note and "“Package 4” (14 rows)" in note and "Package 3" not in note
    assert "and 3 more (36 rows)" in note and note.startswith("to keep the text readable at 1920×1080")
