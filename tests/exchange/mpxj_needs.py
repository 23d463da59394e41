"""Why the tests that run MPXJ cannot run here, said once for every such test module."""

import pytest


def skip_without_mpxj() -> None:
    """Skip the calling test module, naming what is missing: JPype1, the mpxj package or a Java runtime."""
    jpype = pytest.importorskip("jpype", reason="MPXJ runs through JPype1, not installed (pip install -e '.[mpp]')")
    pytest.importorskip("mpxj", reason="the mpxj package is not installed (pip install -e '.[mpp]')")
    try:
        jpype.getDefaultJVMPath()
    except jpype.JVMNotFoundException as exc:
        pytest.skip(f"MPXJ needs a Java runtime and none was found ({exc})", allow_module_level=True)
