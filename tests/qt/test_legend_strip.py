"""The window's legend: two tight rows at most unless asked, every entry still explained."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPointF, Qt

from ilrs_planner.chart.data import symbols_in
from ilrs_planner.domain import Confidence, Precision, Project, Task
from ilrs_planner.qt.gantt.legend import legend_items, symbols_used


def _all_entries(view) -> list:
    """The legend in full: the symbols the shown tasks state, and the deadlines and slips their rows
    draw (met or missed, early or late, which only the schedule tells)."""
    doc, data = view.document, view.chart_data()
    shown = view.rows() + data.rollups.task_ids
    tasks = [doc.project.tasks[task_id] for task_id in shown]
    drawn = symbols_used(tasks) | {key for key in symbols_in(data) if key.startswith(("deadline", "slip"))}
    return legend_items(doc.project, shown, critical=view.show_critical, baseline=doc.baseline_name is not None,
                        drawn=drawn, slip_scale=data.slip_scale)


def test_at_800_px_the_legend_takes_two_rows_and_at_most_a_twelfth_of_the_chart(roadmap_window):
    view = roadmap_window.gantt
    strip = view.legend
    assert strip.height() <= view.canvas.height() / 12
    line = view.style.font_px * 1.45
    assert {round(rect.top() / line) for rect, _ in strip.shown} | {round(strip.link_rect.top() / line)} == {0, 1}
    assert strip.link_text == f"+{len(strip.hidden)} more" and strip.hidden


def test_every_mark_the_legend_explained_is_still_there_in_words(roadmap_window):
    strip = roadmap_window.gantt.legend
    whole = _all_entries(roadmap_window.gantt)
    compact = [item for _, item in strip.shown] + strip.hidden
    assert sorted(i.kind for i in compact) == sorted(i.kind for i in whole)
    assert [i.kind for i in compact][:len(compact) - sum(i.kind == "owner" for i in whole)] == [
        i.kind for i in whole if i.kind != "owner"]  # the symbols first, in the same order
    assert {"assumption", "inferred", "critical", "milestone", "key", "flown", "soft", "today", "status"} <= {
        i.kind for i in compact}
    assert [i.detail for i in compact if i.kind != "owner"] == [i.text for i in whole if i.kind != "owner"]


def test_the_tooltip_gives_the_whole_wording_and_more_unfolds_the_rest(roadmap_window, qtbot):
    view = roadmap_window.gantt
    strip = view.legend
    rect, item = strip.shown[0]
    assert strip.tooltip_at(rect.center() + QPointF(8, 3)) == item.detail  # e.g. "Milestone (filled = achieved)"
    hidden = [i.detail for i in strip.hidden]
    link = strip.link_rect.center() + QPointF(8, 3)
    assert all(text in strip.tooltip_at(link) for text in hidden)
    collapsed = strip.height()
    qtbot.mouseClick(strip, Qt.LeftButton, pos=link.toPoint())
    assert strip.expanded and not strip.hidden and strip.height() > collapsed
    assert len(strip.shown) == len(_all_entries(view))
    qtbot.mouseClick(strip, Qt.LeftButton, pos=(strip.link_rect.center() + QPointF(8, 3)).toPoint())
    assert not strip.expanded and strip.height() == collapsed


def test_a_wider_window_shows_the_whole_legend_at_the_height_it_needs(roadmap_window, qtbot):
    strip = roadmap_window.gantt.legend
    strip.set_expanded(True)
    narrow = strip.height()
    roadmap_window.resize(1600, 1000)
    qtbot.waitUntil(lambda: strip.width() > 1000)
    assert strip.height() < narrow  # not the height the narrow window needed
    assert not strip.hidden and strip.link_rect is None and len(strip.shown) == len(_all_entries(roadmap_window.gantt))


def test_comparing_a_baseline_adds_the_baseline_and_one_early_to_late_scale_naming_every_step_drawn(roadmap_window):
    view = roadmap_window.gantt
    view.document.set_baseline(view.document.project.baselines[0].name)
    view.canvas.grab()
    strip = view.legend
    compact = [item for _, item in strip.shown] + strip.hidden
    whole = _all_entries(view)
    scale = next(i for i in compact if i.kind == "slipscale")
    steps = [i.text for i in whole if i.kind == "slip"]
    drawn = {key for key in symbols_in(view.chart_data()) if key.startswith("slip")}
    assert len(steps) == len(drawn) >= 2 and all(text in scale.detail for text in steps)
    assert sorted(i.kind for i in compact if i.kind != "slipscale") == sorted(i.kind for i in whole if i.kind != "slip")


def _symbol_kinds(tasks) -> set[str]:
    plan = Project("Legend plan", date(2030, 1, 1))
    for position, task in enumerate(tasks):
        task.position = position
        plan.add_task(task)
    symbols = {"flown", "soft", "inferred", "assumption", "key"}
    return {item.kind for item in legend_items(plan, list(plan.tasks), critical=False)} & symbols


def test_the_legend_explains_exactly_the_symbols_the_shown_bars_use():
    plain = Task("A", "Plain work", 10, id="a")
    assert _symbol_kinds([plain]) == set()
    # A milestone reached (an actual start, no duration) is a filled diamond, not a hatched bar.
    reached = Task("M", "Landing", 0, id="m", actual_start=date(2030, 1, 5))
    assert _symbol_kinds([plain, reached]) == set()
    flown = Task("F", "Flown mission", 10, id="f", actual_start=date(2030, 1, 1))
    year = Task("Y", "Known to a year", 365, id="y", precision=Precision.YEAR)
    key = Task("K", "Station complete", 0, id="k", key_milestone=True)
    guessed = Task("G", "Guessed", 5, id="g", confidence=Confidence.INFERRED)
    assumed = Task("S", "Assumed", 5, id="s", confidence=Confidence.ASSUMPTION)
    assert _symbol_kinds([plain, flown, year, key, guessed, assumed]) == {"flown", "soft", "key", "inferred",
                                                                          "assumption"}


def test_the_smallest_window_shows_rows_not_the_legend_and_the_legend_returns_with_room(qtbot, roadmap_window):
    view = roadmap_window.gantt
    roadmap_window.resize(roadmap_window.minimumSizeHint())  # as small as the window goes
    qtbot.waitUntil(lambda: roadmap_window.height() <= roadmap_window.minimumSizeHint().height() + 1)
    qtbot.wait(20)
    rows_shown = (view.canvas.height() - view.style.header_height) / view.style.row_height
    assert rows_shown >= 1, "the legend took the place of every row"
    assert not view.legend.isVisible()
    roadmap_window.resize(800, 800)
    qtbot.waitUntil(lambda: view.legend.isVisible())
    assert view.legend.height() <= view.canvas.height() / 12
