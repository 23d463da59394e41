"""The bundled roadmap, built once per test module (each module gets its own copy to read)."""

import pytest

from ilrs_planner.data.reference import build_reference_project


@pytest.fixture(scope="module")
def plan():
    return build_reference_project()
