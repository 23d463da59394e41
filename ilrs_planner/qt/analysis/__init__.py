"""Slippage and risk analysis in the desktop app: baselines, slip report, MTA, why, what-if, risk."""
