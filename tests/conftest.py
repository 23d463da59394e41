"""Shared test set-up. Qt must run with no screen, so the platform is set before Qt is imported."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
