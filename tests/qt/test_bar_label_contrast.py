"""Every name drawn on a bar reads at WCAG AA (4.5:1) against the fill it sits on: inside a bar of
any owner's colour (the palette's, the bundled members', a planner's grey or black), washed paler
for an inference or an assumption, never over the fade of a date known to a year; a key milestone's
slip badge on its pill of any slip colour; and a header tag (Today's teal). In the window and in
exported images alike, read from the painted pixels."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from contrast import AA, PaintedScene, text_contrast
from PySide6.QtCore import QRectF

from ilrs_planner.chart import palette
from ilrs_planner.chart.labels import BADGE_PAD_PX, GAP_PX
from ilrs_planner.chart.variance import SLIP_COLORS
from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.domain import Baseline, Confidence, ConstraintType, Participant, Precision, Project, Task, TaskKind
from ilrs_planner.qt.gantt.export_layout import TimelinePicture
from ilrs_planner.qt.gantt.export_writers import render_image
from ilrs_planner.qt.gantt.marks import tag_rect
from ilrs_planner.qt.image_export import _schedule

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")

# The palette's, the no-owner grey, and colours a planner may give (a mid grey, black, white).
FILLS = (*palette.OWNER_PALETTE, palette.NO_OWNER, "#777777", "#000000", "#ffffff")
START = date(2030, 1, 1)


def _member_colors() -> tuple[str, ...]:
    return tuple(sorted({p.color for p in build_reference_project().participants.values() if p.color}))


def _bars_plan(fills: tuple[str, ...], confidence: Confidence | None) -> Project:
    """One ten-year task per fill, each owned by a participant of that colour."""
    project = Project("Fills", START)
    for n, fill in enumerate(fills):
        project.participants[f"p{n}"] = Participant(f"p{n}", f"Owner {n}", color=fill, id=f"p{n}")
        project.add_task(Task(f"t{n}", f"Bar {n} in {fill}", 3650 + n, id=f"t{n}", position=n, owner_id=f"p{n}",
                              confidence=confidence, source_url="https://example.org/statement"))
    return project


def _label_boxes(scene, style, painted: PaintedScene, inside_only: bool = True):
    """(label, its text's box in image pixels, within its bar's band less the outlines' 2 px)."""
    bars = {row: i for i, row in enumerate(scene.tasks.rows.tolist())}
    for label in scene.labels:
        if inside_only and not label.inside:
            continue
        i = bars[label.row]
        width = style.text_width(style.label_font)(label.text)
        top = max(label.y - style.font_px / 2, float(scene.tasks.y0[i]) + 2)
        bottom = min(label.y + style.font_px / 2, float(scene.tasks.y1[i]) - 2)
        yield label, painted.pixels(label.x, top, label.x + width, bottom)


@pytest.mark.parametrize("confidence", [None, Confidence.INFERRED, Confidence.ASSUMPTION],
                         ids=["sourced", "inferred (washed lighter)", "assumption (washed pale)"])
def test_a_name_inside_a_bar_of_any_colour_reads_in_the_window(gantt_on, monkeypatch, confidence):
    painted = PaintedScene(monkeypatch, "ilrs_planner.qt.gantt.canvas")
    fills = FILLS + _member_colors()
    # Shown inside the bars' years: no room beside them, so each name goes inside its bar.
    view = gantt_on(_bars_plan(fills, confidence), (700, 900), date(2031, 1, 1), date(2032, 1, 1))
    image = view.canvas.grab().toImage()
    read = {label.text: text_contrast(image, box) for label, box in _label_boxes(view.canvas.scene, view.style,
                                                                               painted)}
    assert len(read) == len(fills)  # every name inside its bar
    unreadable = {text: round(ratio, 2) for text, (ratio, _) in read.items() if ratio < AA}
    assert not unreadable  # before: white on the grey no-owner bar 2.9:1, on the palette's orange 2.5:1


def test_a_name_stays_off_the_fade_of_a_date_known_to_a_year(gantt_on, monkeypatch):
    # The task runs 2030-01-01 to 2035-06-30, its finish known as "2035": solid to 2035-01-01, then
    # fading over 2035. Shown from 2034-09 to 2035-09 the solid part is a third of the view, too
    # short for the name; white inside the bar, the name ran onto the fade, near white at its end.
    painted = PaintedScene(monkeypatch, "ilrs_planner.qt.gantt.canvas")
    project = Project("Fade", START)
    project.participants["p"] = Participant("p", "Owner", color="#1f77b4", id="p")
    project.add_task(Task("t", "Lunar surface power and thermal systems qualification", 2007, id="t",
                          precision=Precision.YEAR, owner_id="p", source_url="https://example.org/statement"))
    view = gantt_on(project, (700, 300), date(2034, 9, 1), date(2035, 9, 1))
    image = view.canvas.grab().toImage()
    scene = view.canvas.scene
    [(label, box)] = list(_label_boxes(scene, view.style, painted, inside_only=False))
    width = view.style.text_width(view.style.label_font)(label.text)
    assert not label.inside or label.x + width <= float(scene.tasks.soft0[0])
    assert text_contrast(image, box)[0] >= AA


def _exported(project: Project, monkeypatch, baseline: str | None = None,
              shown: tuple[date, date] = (date(2031, 1, 1), date(2032, 1, 1))):
    """The plan exported at 1920 pixels wide over `shown`: (image, picture, where its rows were painted)."""
    painted = PaintedScene(monkeypatch, "ilrs_planner.qt.gantt.export_layout")
    picture = TimelinePicture(project, _schedule(project), *shown, milestones_only=False, title=None,
                              baseline=baseline)
    return render_image(picture, 1920, None), picture, painted


@pytest.mark.parametrize("confidence", [None, Confidence.ASSUMPTION], ids=["sourced", "assumption"])
def test_a_name_inside_a_bar_of_any_colour_reads_in_an_exported_image(monkeypatch, confidence):
    fills = FILLS + _member_colors()
    image, picture, painted = _exported(_bars_plan(fills, confidence), monkeypatch)
    boxes = list(_label_boxes(picture.painted_scene, picture.painted_style, painted))
    assert len(boxes) == len(fills)
    unreadable = {label.text: round(text_contrast(image, box)[0], 2) for label, box in boxes
                  if text_contrast(image, box)[0] < AA}
    assert not unreadable


def _slipped_milestones() -> Project:
    """A key milestone slipped into each step of the slip colours, against baseline "Agreed": the plan
    spans months (February to October 2031), so its steps are weeks and months (variance.WEEK_STEPS)."""
    project = Project("Slips", START)
    entries = {}
    for n, slip in enumerate((-400, -60, 0, 20, 60, 2000)):
        day = date(2031, 2, 1) + timedelta(days=50 * n)
        project.add_task(Task(f"m{n}", f"Milestone {n}", 0, TaskKind.MILESTONE, id=f"m{n}", position=n,
                              key_milestone=True, constraint=ConstraintType.SNET, constraint_date=day))
        entries[f"m{n}"] = (day - timedelta(days=slip),) * 2
    project.baselines.append(Baseline("Agreed", date(2029, 1, 1), entries))
    return project


def test_a_slip_badge_reads_on_its_pill_of_every_slip_colour(monkeypatch):
    image, picture, painted = _exported(_slipped_milestones(), monkeypatch, baseline="Agreed",
                                        shown=(date(2030, 1, 1), date(2033, 1, 1)))
    scene, style = picture.painted_scene, picture.painted_style
    badges = [label for label in scene.labels if label.badge]
    assert sorted({label.badge_step for label in badges}) == list(range(len(SLIP_COLORS)))
    for label in badges:
        x = label.x + style.text_width(style.label_font)(label.text) + GAP_PX
        w, h = style.text_width(style.bold_font)(label.badge) + 2 * BADGE_PAD_PX, style.font_px * 1.35
        pill = painted.pixels(x + 3, label.y - h / 2 + 2, x + w - 3, label.y + h / 2 - 2)
        ratio, backing = text_contrast(image, pill)
        assert ratio >= AA, (label.badge, SLIP_COLORS[label.badge_step], backing.name())


def test_the_today_tag_reads_on_its_teal(monkeypatch):
    today = date.today()
    image, picture, painted = _exported(_bars_plan(("#1f77b4",), None), monkeypatch,
                                        shown=(today - timedelta(days=400), today + timedelta(days=400)))
    style = picture.painted_style
    [tag] = [tag for tag in picture.tags.placed if tag.spec.kind == "today"]
    box = painted.transform.mapRect(tag_rect(tag, style).adjusted(2, 2, -2, -2))
    assert text_contrast(image, QRectF(box))[0] >= AA  # white on the teal read 3.3:1
