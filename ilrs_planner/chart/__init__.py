"""The Gantt scene, built without Qt: geometry for bars, milestones, links and hit testing."""

from .axis import AxisCell, AxisHeader, axis_header, estimate_text_width
from .build import build_chart_data
from .data import ChartData
from .hit import Hit, hit_test
from .labels import Label
from .scale import PROGRAMME_END, PROGRAMME_START, TimeScale
from .scene import Layer, Scene, SceneOptions, build_scene

__all__ = [
    "AxisCell", "AxisHeader", "ChartData", "Hit", "Label", "Layer", "PROGRAMME_END", "PROGRAMME_START",
    "Scene", "SceneOptions", "TimeScale", "axis_header", "build_chart_data", "build_scene",
    "estimate_text_width", "hit_test",
]
