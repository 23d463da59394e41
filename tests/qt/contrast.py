"""How readable painted text is: WCAG 2's contrast of the text's pixels against what they sit on,
read from a painted image (the window's chart grabbed, an exported PNG)."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QPoint, QRectF
from PySide6.QtGui import QColor, QImage, QTransform

AA = 4.5  # WCAG 2 AA for text of ordinary size


def luminance(color: QColor) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(color.red()) + 0.7152 * channel(color.green()) + 0.0722 * channel(color.blue())


def contrast(a: QColor, b: QColor) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def text_contrast(image: QImage, box: QRectF) -> tuple[float, QColor]:
    """(contrast, backing) of the text in `box` (image pixels): the backing is the box's commonest
    colour, the text its pixel most contrasting with it."""
    pixels = [QColor(image.pixel(QPoint(x, y))) for x in range(int(box.left()), int(box.right()))
              for y in range(int(box.top()), int(box.bottom()))]
    backing = QColor.fromRgb(Counter(c.rgb() for c in pixels).most_common(1)[0][0])
    return max(contrast(backing, c) for c in pixels), backing


class PaintedScene:
    """Where a chart's rows were painted: wraps `paint_scene` in `module` (monkeypatch) to keep the
    painter's transform and the rows' offset, so a box of the scene maps onto the image's pixels."""

    def __init__(self, monkeypatch, module: str):
        import importlib

        self.transform, self.dy = QTransform(), 0.0
        target = importlib.import_module(module)
        painted = target.paint_scene

        def recording(p, scene, dy, *args):
            self.transform, self.dy = p.worldTransform(), dy
            return painted(p, scene, dy, *args)
        monkeypatch.setattr(target, "paint_scene", recording)

    def pixels(self, x0: float, y0: float, x1: float, y1: float) -> QRectF:
        """The scene's box [x0, x1) x [y0, y1) (content y, before the rows' offset) in image pixels."""
        return self.transform.mapRect(QRectF(x0, y0 + self.dy, x1 - x0, y1 - y0))
