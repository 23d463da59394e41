"""The Gantt chart widget and the painters it shares with image export."""

from .view import GanttView

__all__ = ["GanttView"]
