"""A slip mark must not be taken for a partner's bar: every slip colour stays far from every
owner colour (the bundled participants' and the palette's) and from the critical red, as people
with normal sight and with the two common red-green deficiencies see them, and the steps stay
apart from one another, still ordered from early to late."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

import ilrs_planner
from ilrs_planner.chart import palette
from ilrs_planner.chart.variance import ON_TIME_STEP, SLIP_STEPS

# Machado, Oliveira & Fernandes (2009), severity 1.0, on linear RGB.
SIGHTS = {
    "normal": np.eye(3),
    "deuteranopia": np.array([[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413],
                              [-0.011820, 0.042940, 0.968881]]),
    "protanopia": np.array([[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216],
                            [-0.003882, -0.048116, 1.051998]]),
}
SRGB_TO_XYZ = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]])
D65 = np.array([0.95047, 1.0, 1.08883])
APART = 20.0  # CIELAB distance: told apart at a glance, on a thin mark (2.3 is just noticeable)


def _lab(color: str, sight: str) -> np.ndarray:
    srgb = np.array([int(color[i:i + 2], 16) / 255 for i in (1, 3, 5)])
    linear = np.where(srgb <= 0.04045, srgb / 12.92, ((srgb + 0.055) / 1.055) ** 2.4)
    xyz = SRGB_TO_XYZ @ np.clip(SIGHTS[sight] @ linear, 0, 1) / D65
    f = np.where(xyz > 216 / 24389, np.cbrt(xyz), (24389 / 27 * xyz + 16) / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def _distance(a: str, b: str, sight: str) -> float:
    return float(np.linalg.norm(_lab(a, sight) - _lab(b, sight)))


def _participant_colors() -> list[str]:
    text = (Path(ilrs_planner.__file__).parent / "data" / "participants.toml").read_text(encoding="utf-8")
    return re.findall(r'^color = "(#[0-9a-fA-F]{6})"', text, re.MULTILINE)


SLIPS = [color for i, (_, color, _) in enumerate(SLIP_STEPS) if i != ON_TIME_STEP]  # the drawn marks
OWNERS = [*_participant_colors(), *palette.OWNER_PALETTE, palette.NO_OWNER]


def test_the_bundled_participants_have_colours_to_check():
    assert len(_participant_colors()) >= 8


@pytest.mark.parametrize("sight", SIGHTS)
def test_no_slip_colour_is_near_an_owner_colour_or_the_critical_red(sight):
    for slip in SLIPS:
        for other in (*OWNERS, palette.CRITICAL):
            assert _distance(slip, other, sight) >= APART, (slip, other, sight)


@pytest.mark.parametrize("sight", SIGHTS)
def test_the_slip_steps_are_told_apart_and_darken_away_from_on_time(sight):
    for i, a in enumerate(SLIPS):
        for b in SLIPS[i + 1:]:
            assert _distance(a, b, sight) >= 10.0, (a, b, sight)
    lightness = [_lab(color, sight)[0] for _, color, _ in SLIP_STEPS]
    assert lightness[0] < lightness[1] and lightness[3] > lightness[4] > lightness[5]


def test_early_is_blue_and_late_is_red():
    def hue(color: str) -> float:
        _, a, b = _lab(color, "normal")
        return float(np.degrees(np.arctan2(b, a)) % 360)
    assert all(240 <= hue(color) <= 330 for _, color, _ in SLIP_STEPS[:ON_TIME_STEP])
    assert all(hue(color) <= 45 for _, color, _ in SLIP_STEPS[ON_TIME_STEP + 1:])
