"""Slippage and risk analysis in the desktop app: baselines, slip report, MTA, why, what-if, risk."""

from __future__ import annotations


def install(window) -> None:
    """Add the Analysis menu actions and docks to the main window."""
    from .installer import install_analysis

    install_analysis(window)
