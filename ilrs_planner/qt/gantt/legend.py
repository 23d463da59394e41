"""The legend: owner colours in the chart plus the symbols that carry meaning."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import compress, repeat
from operator import attrgetter, ne

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPolygonF

from ...chart import palette
from ...chart.confidence import CONF_ASSUMPTION, CONF_INFERRED
from ...chart.variance import ON_TIME_STEP, SLIP_STEPS, Steps
from ...domain import Confidence, Project, Task
from .critical_rings import RING_GAP, RING_WIDTH, critical_rings
from .deadline_arrows import deadline_arrow
from .layers import bracket_ends, fade, manual_pen
from .style import LABEL_TEXT, PROVENANCE_PENS, ChartStyle, qcolor

SWATCH_GAP = 6.0
ITEM_GAP = 18.0


@dataclass(frozen=True)
class LegendItem:
    """One entry: a symbol kind ('owner', 'critical', 'flown', 'soft', 'milestone', 'ghost', 'whisker',
    'today', 'status') with its colour and text."""

    kind: str
    color: str
    text: str
    detail: str = ""  # the whole explanation, where `text` is the short form (the window's tooltip)


MANUAL_WORDS = "Manually scheduled: start kept whatever the links say"
# Short forms for the window's legend strip; its tooltips give the whole wording (exports keep it).
SHORT = {"Milestone (filled = achieved)": "Milestone: done / planned", "Date announced to year/month":
         "Year/month date", "Inferred: stated by no source": "Inferred", "Planning assumption, not announced":
         "Assumption", "Critical path": "Critical", MANUAL_WORDS: "Manual"}


def legend_items(project: Project, task_ids: list[str], *, critical: bool = True, baseline: bool = False,
                 whiskers: bool = False, status: bool = True, today: bool = True,
                 compact: bool = False, drawn: set[str] | None = None,
                 slip_scale: Steps = SLIP_STEPS) -> list[LegendItem]:
    """Owners of the shown tasks (in name order) followed by the symbol keys that occur; `compact`
    gives the short forms, symbols first, with the whole wording as each entry's detail. `drawn`:
    the symbol keys the bars were drawn with (chart.data.symbols_in: a pushed task's bar by the
    confidence shown, the slip steps drawn as 'slip<step>'), else those the tasks state; `slip_scale`:
    the plan's slip steps (chart.variance.plan_steps)."""
    tasks = [task for task in map(project.tasks.get, task_ids) if task is not None]
    used = symbols_used(tasks) if drawn is None else drawn
    return legend_items_of(project, set(map(attrgetter("owner_id"), tasks)), used, critical=critical,
                           baseline=baseline, whiskers=whiskers, status=status, today=today, compact=compact,
                           slip_scale=slip_scale)


def legend_items_of(project: Project, owners: set[str | None], used: set[str], *, critical: bool = True,
                    baseline: bool = False, whiskers: bool = False, status: bool = True, today: bool = True,
                    compact: bool = False, colors: dict[str | None, str] | None = None,
                    slip_scale: Steps = SLIP_STEPS) -> list[LegendItem]:
    """legend_items for the owners and symbol keys of the shown tasks, found by the caller (the
    window's chart keeps them per row, so an edit does not read every shown task again), and the
    owners' colours when the caller has them (`palette.owner_colors` of the plan)."""
    colors = colors if colors is not None else palette.owner_colors(project)
    items = _items(project, owners, used, critical, baseline, whiskers, status, today, colors, slip_scale)
    if not compact:
        return items
    short = [LegendItem(i.kind, i.color, _compact_text(i), i.detail or i.text) for i in items if i.kind != "slip"]
    slips = [i for i in items if i.kind == "slip"]
    if slips:  # one entry, its swatch the colours drawn: five entries would crowd out the rest
        at = next(n for n, i in enumerate(short) if i.kind == "ghost") + 1
        short.insert(at, LegendItem("slipscale", ";".join(i.color for i in slips), _scale_words(slips),
                                    "; ".join(i.text for i in slips)))
    # The symbols first: only the legend explains a dashed outline or a hatch, while a bar's owner
    # is also in the table beside it and in the bar's tooltip.
    return [i for i in short if i.kind != "owner"] + [i for i in short if i.kind == "owner"]


def _scale_words(slips: list[LegendItem]) -> str:
    """'Finish early … late', or 'Finish late' (or early) when the slips drawn are all one way."""
    early, late = any(i.text.endswith("early") for i in slips), any(i.text.endswith("late") for i in slips)
    return "Finish early … late" if early and late else "Finish late" if late else "Finish early"


def _compact_text(item: LegendItem) -> str:
    if item.kind == "status":
        return "Status date"
    return SHORT.get(item.text, item.text)


def _items(project: Project, owners: set[str | None], used: set[str], critical: bool, baseline: bool,
           whiskers: bool, status: bool, today: bool, colors: dict[str | None, str],
           slip_scale: Steps = SLIP_STEPS) -> list[LegendItem]:
    items = [LegendItem("owner", colors[p.id], _short(p.name, p.key), p.name)
             for p in sorted(project.participants.values(), key=lambda p: p.name.lower()) if p.id in owners]
    if None in owners:
        items.append(LegendItem("owner", palette.NO_OWNER, "No owner"))
    items.append(LegendItem("milestone", "#5f6368", "Milestone (filled = achieved)"))
    if "flown" in used:
        items.append(LegendItem("flown", "#5f6368", "Flown / done"))
    if "soft" in used:
        items.append(LegendItem("soft", "#5f6368", "Date announced to year/month"))
    if "inferred" in used:
        items.append(LegendItem("inferred", "#5f6368", "Inferred: stated by no source"))
    if "assumption" in used:
        items.append(LegendItem("assumption", "#5f6368", "Planning assumption, not announced"))
    if "manual" in used:
        items.append(LegendItem("manual", "#5f6368", MANUAL_WORDS))
    if critical:
        items.append(LegendItem("critical", palette.CRITICAL, "Critical path"))
    if "key" in used:
        items.append(LegendItem("key", palette.KEY_DATE, "Key milestone"))
    if "deadline" in used and "deadline_missed" in used:  # one entry, as the milestone's: a printed page's rows
        items.append(LegendItem("deadlines", palette.DEADLINE, "Deadline: met / missed"))
    elif "deadline" in used:
        items.append(LegendItem("deadline", palette.DEADLINE, "Deadline"))
    elif "deadline_missed" in used:
        items.append(LegendItem("deadline_missed", palette.DEADLINE_MISSED, "Deadline missed"))
    if baseline:
        items.append(LegendItem("ghost", palette.GHOST, "Baseline"))
        # Only the steps drawn, in the words of the plan's scale (a work package's days, the roadmap's years).
        items += [LegendItem("slip", color, f"Finish {text}") for i, (_, color, text) in enumerate(slip_scale)
                  if i != ON_TIME_STEP and f"slip{i}" in used]
    if whiskers:
        items.append(LegendItem("whisker", palette.WHISKER, "P50–P80 range"))
    if today:
        items.append(LegendItem("today", palette.TODAY, "Today"))
    if status and project.status_date:
        items.append(LegendItem("status", palette.STATUS_DATE, f"Status {project.status_date.isoformat()}"))
    return items


def symbols_used(tasks: list[Task]) -> set[str]:
    """The symbol keys the tasks' bars use, each attribute read column-wise (a Python pass per
    symbol over 100,000 tasks was a tenth of the window's repaint after an edit)."""
    confidences = set(map(attrgetter("confidence"), tasks))
    used = {
        "flown": any(compress(map(attrgetter("actual_start"), tasks), map(attrgetter("duration"), tasks))),
        "soft": any(map(ne, set(map(attrgetter("precision"), tasks)), repeat("day"))),
        "inferred": Confidence.INFERRED in confidences,
        "assumption": Confidence.ASSUMPTION in confidences,
        "key": any(map(attrgetter("key_milestone"), tasks)),
        "manual": any(compress(map(attrgetter("manual"), tasks), map(attrgetter("duration"), tasks))),
    }
    return {name for name, present in used.items() if present}


def _short(name: str, key: str) -> str:
    """'China National Space Administration (CNSA)' -> 'CNSA': the legend names agencies as people do."""
    acronym = re.search(r"\(([A-Z][A-Za-z]{1,11})[,)]", name)
    if acronym:
        return acronym.group(1)
    return name if len(name) <= 24 else key.upper()


@dataclass(frozen=True)
class LegendMetrics:
    """Spacing of a legend: roomy for an exported page, tight for the window's strip."""

    swatch: float = 1.6  # swatch width, in font sizes
    line: float = 1.7  # line height, in font sizes
    gap: float = ITEM_GAP  # between entries, px


ROOMY = LegendMetrics()
TIGHT = LegendMetrics(swatch=1.4, line=1.45, gap=12.0)


def legend_layout(items: list[LegendItem], width: float, style: ChartStyle,
                  metrics: LegendMetrics = ROOMY) -> list[tuple[QRectF, LegendItem]]:
    """Each entry's rectangle (swatch and text, from the legend's top-left), wrapped to `width`."""
    measure = style.text_width()
    line_h = style.font_px * metrics.line
    x, y, placed = 0.0, 0.0, []
    for item in items:
        w = _swatch_width(item, style, metrics) + SWATCH_GAP + measure(item.text)
        if x > 0 and x + w > width:
            x, y = 0.0, y + line_h
        placed.append((QRectF(x, y, w, line_h), item))
        x += w + metrics.gap
    return placed


def legend_height(items: list[LegendItem], width: float, style: ChartStyle, metrics: LegendMetrics = ROOMY) -> float:
    """Height the legend needs when wrapped to `width`."""
    placed = legend_layout(items, width, style, metrics)
    return placed[-1][0].bottom() if placed else 0.0


def paint_legend(p: QPainter, items: list[LegendItem], origin: QPointF, width: float, style: ChartStyle,
                 metrics: LegendMetrics = ROOMY) -> None:
    """Draw the legend wrapped to `width`, starting at `origin` (top-left)."""
    paint_entries(p, legend_layout(items, width, style, metrics), origin, style, metrics)


def paint_entries(p: QPainter, placed: list[tuple[QRectF, LegendItem]], origin: QPointF, style: ChartStyle,
                  metrics: LegendMetrics = ROOMY) -> None:
    """Draw entries already laid out (the window's strip leaves some out when collapsed)."""
    h = style.font_px
    p.setFont(style.label_font)
    for rect, item in placed:
        rect = rect.translated(origin)
        box = QRectF(rect.left(), rect.center().y() - h / 2, _swatch_width(item, style, metrics), h)
        _swatch(p, item, box)
        p.setPen(LABEL_TEXT)
        p.drawText(QRectF(box.right() + SWATCH_GAP, rect.top(), rect.width(), rect.height()),
                   Qt.AlignLeft | Qt.AlignVCenter, item.text)


def _swatch_width(item: LegendItem, style: ChartStyle, metrics: LegendMetrics) -> float:
    """A colour scale gets a wider swatch than one colour."""
    return style.font_px * metrics.swatch * (2.5 if item.kind == "slipscale" else 1.0)


def _swatch(p: QPainter, item: LegendItem, box: QRectF) -> None:
    color = QColor(item.color)
    p.setPen(Qt.NoPen)
    c = box.center()
    if item.kind == "owner":
        p.fillRect(box, color)
    elif item.kind == "critical":  # a grey bar in its ring, as the bars are drawn
        ring = RING_GAP + RING_WIDTH
        bar = box.adjusted(ring, ring, -ring, -ring)
        p.fillRect(bar, qcolor("#bfc5cc"))
        critical_rings(p, [bar])
    elif item.kind == "flown":
        p.fillRect(box, qcolor("#8d99ae"))
        p.fillRect(box, QBrush(QColor(255, 255, 255, 150), Qt.BDiagPattern))
    elif item.kind in ("inferred", "assumption"):
        _provenance_swatch(p, item, box)
    elif item.kind == "manual":
        p.fillRect(box.adjusted(0, box.height() * 0.15, 0, -box.height() * 0.15), qcolor("#8d99ae"))
        p.setPen(manual_pen("#8d99ae"))
        bracket_ends(p, box.left() + 1, box.right() - 1, box.top(), box.bottom())
        p.setPen(Qt.PenStyle.NoPen)
    elif item.kind == "soft":
        p.fillRect(box, QBrush(fade(p, box.left(), box.right(), "#8d99ae")))
    elif item.kind == "milestone":
        half = box.height() / 2
        for dx, fill in ((-half * 0.9, color), (half * 1.1, QColor("white"))):
            p.setPen(QPen(color, 1.5))
            p.setBrush(fill)
            p.drawPolygon(QPolygonF([QPointF(c.x() + dx, c.y() - half), QPointF(c.x() + dx + half * 0.8, c.y()),
                                     QPointF(c.x() + dx, c.y() + half), QPointF(c.x() + dx - half * 0.8, c.y())]))
    elif item.kind == "ghost":
        p.setPen(QPen(qcolor(palette.GHOST_EDGE), 0.8))
        p.setBrush(qcolor(item.color, 190))
        p.drawRect(box.adjusted(0, box.height() * 0.25, 0, -box.height() * 0.25))
    elif item.kind == "slip":
        p.fillRect(box.adjusted(0, box.height() * 0.25, 0, -box.height() * 0.25), color)
    elif item.kind == "slipscale":  # the slip colours drawn, from early to late, as one strip
        steps = item.color.split(";")
        band = box.width() / len(steps)
        for i, step in enumerate(steps):
            p.fillRect(QRectF(box.left() + i * band, box.top() + box.height() * 0.25, band + 0.5,
                              box.height() * 0.5), qcolor(step))
    elif item.kind == "key":
        half = box.height() * 0.62
        p.setPen(QPen(color, 1.2, Qt.DashDotLine))
        p.drawLine(QPointF(c.x(), box.top() - 3), QPointF(c.x(), box.bottom() + 3))
        p.setPen(QPen(color, 2.0))
        p.setBrush(QColor("white"))
        p.drawPolygon(QPolygonF([QPointF(c.x(), c.y() - half), QPointF(c.x() + half, c.y()),
                                 QPointF(c.x(), c.y() + half), QPointF(c.x() - half, c.y())]))
    elif item.kind in ("deadline", "deadline_missed"):
        p.setPen(QPen(QColor("white"), 0.8))
        p.setBrush(color)
        p.drawPolygon(deadline_arrow(c.x(), box.top(), box.height() * 1.6))
    elif item.kind == "deadlines":  # met and missed side by side, as the milestone's filled and hollow
        p.setPen(QPen(QColor("white"), 0.8))
        for dx, fill in ((-box.height() * 0.45, palette.DEADLINE), (box.height() * 0.45, palette.DEADLINE_MISSED)):
            p.setBrush(qcolor(fill))
            p.drawPolygon(deadline_arrow(c.x() + dx, box.top(), box.height() * 1.6))
    elif item.kind == "whisker":
        p.setPen(QPen(color, 1.5))
        p.drawLine(QPointF(box.left(), c.y()), QPointF(box.right(), c.y()))
        for x in (box.left(), box.right()):
            p.drawLine(QPointF(x, box.top()), QPointF(x, box.bottom()))
    else:  # today (solid) / status (dashed): a vertical line as in the chart
        p.setPen(QPen(color, 1.5, Qt.SolidLine if item.kind == "today" else Qt.DashLine))
        p.drawLine(QPointF(c.x(), box.top() - 2), QPointF(c.x(), box.bottom() + 2))


def _provenance_swatch(p: QPainter, item: LegendItem, box: QRectF) -> None:
    """A bar as the chart draws an inferred (lighter, dotted) or assumed (pale, dashed) date."""
    level = CONF_INFERRED if item.kind == "inferred" else CONF_ASSUMPTION
    style, width = PROVENANCE_PENS[level]
    p.fillRect(box, qcolor("#8d99ae", 150 if level == CONF_INFERRED else 70))
    pen = QPen(qcolor("#5f6368"), width, style)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(box.adjusted(0.5, 0.5, -0.5, -0.5))
    p.setPen(Qt.PenStyle.NoPen)
