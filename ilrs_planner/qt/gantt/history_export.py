"""The roadmap's history as pictures: one frame per baseline plus the current plan, as an
animated GIF or as a small-multiples sheet (PNG).

Every frame has the same rows, time axis and size, so from frame to frame only the dates move:
the basic station's key-date line walks from 2028 to 2035. Frames are drawn by the timeline
painter (QImage) and encoded by Pillow, which writes animated GIFs well and is already installed
with matplotlib.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from ...chart.history import Moment, moments
from ...domain import Project
from ...files.atomic import write_atomically
from ..file_output import buffered_file
from .export_layout import TimelinePicture
from .export_writers import render_image

FRAME_MS, LAST_FRAME_MS = 900, 3000  # the current plan stays up longer before the loop restarts
SHEET_COLUMNS = 6
FRAME_SIZE = (1920, 1080)  # a slide: every frame is drawn at this size unless asked otherwise
SHEET_SCALE = 3  # small multiples are a third of the frame size


def history_pictures(project: Project, schedule, start: date, end: date, *, milestones_only: bool,
                     title: str | None) -> list[TimelinePicture]:
    """One picture per step of the history, oldest first, the current plan last."""
    name = title or project.name
    pictures = [TimelinePicture(project, schedule, start, end, milestones_only=milestones_only,
                                title=f"{name} — {step.title}", baseline=None, moment=step)
                for step in moments(project)]
    drawn = set().union(*(picture.drawn for picture in pictures))  # what any frame draws, named in every one
    for picture in pictures:
        picture.share_legend(drawn)
    return pictures


def render_frames(pictures: list[TimelinePicture], size: tuple[int, int]) -> list[QImage]:
    """Each picture at exactly `size` pixels."""
    return [render_image(picture, size[0], size[1]) for picture in pictures]


def _to_pillow(image: QImage) -> Image.Image:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    image.save(buffer, "PNG", 100)  # fastest zlib level: the bytes are decoded again at once
    buffer.close()
    return Image.open(io.BytesIO(bytes(data))).convert("RGB")


def write_gif(frames: list[QImage], path: Path) -> None:
    """An animated GIF, one frame per image, looping."""
    images = [_to_pillow(frame).quantize(colors=255, method=Image.Quantize.MEDIANCUT) for frame in frames]
    durations = [FRAME_MS] * (len(images) - 1) + [LAST_FRAME_MS]
    out = io.BytesIO()
    images[0].save(out, format="GIF", save_all=True, append_images=images[1:], duration=durations, loop=0,
                   optimize=False, disposal=1)
    write_atomically(path, out.getvalue())


def write_apng(frames: list[QImage], path: Path) -> None:
    """An animated PNG: the same frames as the GIF in full colour (the fades keep their gradients)."""
    images = [_to_pillow(frame) for frame in frames]
    durations = [FRAME_MS] * (len(images) - 1) + [LAST_FRAME_MS]
    out = io.BytesIO()
    images[0].save(out, format="PNG", save_all=True, append_images=images[1:], duration=durations, loop=0)
    write_atomically(path, out.getvalue())


def write_sheet(frames: list[QImage], steps: list[Moment], path: Path, title: str) -> None:
    """Small multiples: every frame at a third of its size on one sheet, oldest top left, captioned."""
    cell_w, cell_h = frames[0].width() // SHEET_SCALE, frames[0].height() // SHEET_SCALE
    caption_h, gap, top = 34, 16, 80
    rows = -(-len(frames) // SHEET_COLUMNS)
    sheet = QImage(SHEET_COLUMNS * (cell_w + gap) + gap, top + rows * (cell_h + caption_h + gap), QImage.Format_RGB32)
    sheet.fill(QColor("white"))
    p = QPainter(sheet)
    p.setRenderHint(QPainter.SmoothPixmapTransform, True)
    p.setFont(_font(34, bold=True))
    p.drawText(QRectF(gap, 0, sheet.width() - 2 * gap, top), Qt.AlignLeft | Qt.AlignVCenter, title)
    p.setFont(_font(17))
    for i, (frame, step) in enumerate(zip(frames, steps)):
        x = gap + (i % SHEET_COLUMNS) * (cell_w + gap)
        y = top + (i // SHEET_COLUMNS) * (cell_h + caption_h + gap)
        caption = f"{step.as_of.isoformat() if step.as_of else ''}  {step.topic if step.baseline else 'Current plan'}"
        caption = caption if len(caption) <= 60 else caption[:59] + "…"
        p.drawText(QRectF(x, y, cell_w, caption_h), Qt.AlignLeft | Qt.AlignVCenter, caption)
        p.drawImage(QRectF(x, y + caption_h, cell_w, cell_h), frame)
        p.setPen(QColor("#c5cad1"))
        p.drawRect(QRectF(x, y + caption_h, cell_w, cell_h))
        p.setPen(QColor("#202124"))
    p.end()
    with buffered_file(path) as out:
        if not sheet.save(out, "PNG", 70):
            raise OSError(f"the PNG writer failed for {path}")


def _font(px: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(px)
    font.setBold(bold)
    return font
