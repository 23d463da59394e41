"""The desktop app: the ONLY package that imports PySide6 / pyqtgraph."""
