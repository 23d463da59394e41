"""Charts made when first shown: the window opens without loading pyqtgraph.

pyqtgraph draws only the charts in docks that start hidden (risk, membership), yet loading it was
a tenth of the time to the first painted window. A module named through `lazy_module` is loaded
on its first attribute read, and a `DeferredChart` stands in a panel's layout for its chart,
making it when the panel is first shown or the chart first used.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from types import ModuleType
from typing import Any

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

# What a pyqtgraph PlotWidget asks of a layout (its GraphicsView's hints), whatever it will draw.
CHART_SIZE_HINT, CHART_MINIMUM_SIZE_HINT = QSize(600, 480), QSize(68, 68)


class LazyModule:
    """A module imported on its first attribute read.

    Not the standard library's LazyLoader: that one puts a stand-in into sys.modules, and PySide's
    signature support reads every module there whenever it writes a help text, loading it early.
    """

    def __init__(self, name: str):
        self._name = name
        self._module: ModuleType | None = None

    def __getattr__(self, attr: str) -> Any:
        if attr.startswith("__"):  # copy, pickle and the like ask for dunders: not the module's
            raise AttributeError(attr)
        if self._module is None:
            self._module = importlib.import_module(self._name)
        return getattr(self._module, attr)


def lazy_module(name: str) -> Any:
    """The module `name`, imported when one of its attributes is first read."""
    return LazyModule(name)


class DeferredChart(QWidget):
    """A place for a chart, made by `make` when first shown or first used (any attribute the
    placeholder lacks is the chart's, so a panel calls the chart's methods on it as on the chart)."""

    def __init__(self, make: Callable[[], QWidget], parent: QWidget | None = None):
        super().__init__(parent)
        self._make = make
        self._chart: QWidget | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)  # a chart's
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    @property
    def chart(self) -> Any:
        """The chart, made now if it was not yet."""
        if self._chart is None:
            self._chart = self._make()
            self.layout().addWidget(self._chart)
        return self._chart

    def is_made(self) -> bool:
        """True once the chart exists (before, there is nothing drawn to clear or refresh)."""
        return self._chart is not None

    # A splitter or layout reads the size hints as soon as the placeholder joins it, long before the
    # dock is shown: until the chart is made they are a pyqtgraph chart's (tests compare the two).
    def sizeHint(self) -> QSize:  # noqa: N802
        return super().sizeHint() if self.is_made() else QSize(CHART_SIZE_HINT)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return super().minimumSizeHint() if self.is_made() else QSize(CHART_MINIMUM_SIZE_HINT)

    def showEvent(self, event) -> None:  # noqa: N802
        self.chart  # noqa: B018  (made on first show at the latest)
        super().showEvent(event)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):  # the placeholder's own state, read before __init__ set it
            raise AttributeError(name)
        return getattr(self.chart, name)
