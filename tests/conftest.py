"""Shared test set-up. Qt must run with no screen, so the platform is set before Qt is imported."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from hypothesis import HealthCheck, settings  # noqa: E402  (the platform must be set first)

# CI runs on a 2-core machine that may be busy: no property test may fail because generating or
# running an example took long. Tests that pass their own settings say the same explicitly.
settings.register_profile("any-speed", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("any-speed")
