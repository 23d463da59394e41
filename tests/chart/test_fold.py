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
    # Three phases; phases A and B opened to their packages: 11 rows (A opened to A0's tasks showed
    # 10); the earlier phases opened before the later.
    assert kept == ["A", "A0", "A1", "A2", "A3", "B", "B0", "B1", "B2", "B3", "C"]
    assert [(f.name, f.hidden) for f in folded][:2] == [("Phase C", 16), ("Package A0", 3)]
    assert sum(f.hidden for f in folded) == len(rows) - len(kept)


def test_the_folds_are_chosen_together_to_show_the_most_rows_hiding_milestones_before_bars():
    project, rows = three_phases()
    for task in ("B0.0", "B0.1", "B0.2"):  # package B0 holds milestones: folded, they still show rolled up
        project.tasks[task].duration = 0
    # 14 rows: opened smallest first, A then A0 then A1 (13) left nothing more that fit. Together:
    # A and B opened (11 rows) and one package; B0's milestones are what stays folded, A0 opens.
    kept, folded = fold_to_fit(project, rows, 14)
    assert kept == ["A", "A0", "A0.0", "A0.1", "A0.2", "A1", "A2", "A3", "B", "B0", "B1", "B2", "B3", "C"]
    assert ("Package B0", 3) in [(f.name, f.hidden) for f in folded]


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


def test_critical_bars_are_the_last_to_fold_even_for_fewer_rows():
    project, rows = three_phases()
    # Without a critical path, 12 rows open A and B to their packages and fold C (the later phase).
    # With C2's three tasks critical, C opens to its packages and C2 to its tasks: 10 rows, none of
    # the critical bars hidden, rather than 11 rows hiding all three.
    critical = frozenset({"C", "C2", "C2.0", "C2.1", "C2.2"})
    kept, folded = fold_to_fit(project, rows, 12, critical)
    assert critical <= set(kept)
    assert kept == ["A", "B", "C", "C0", "C1", "C2", "C2.0", "C2.1", "C2.2", "C3"]
    assert {f.name for f in folded} == {"Phase A", "Phase B", "Package C0", "Package C1", "Package C3"}
