"""Pause Python's cyclic garbage collector while a plan is read or written in bulk."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def gc_paused(long_lived: bool = False) -> Iterator[None]:
    """No collection passes inside: building 300,000 rows and objects, none of them garbage, would
    otherwise trigger hundreds of passes over every live object (about 3x slower in all).

    `long_lived`: what is made inside lives on (a plan just read). It then goes straight to the
    oldest generation, where the collector keeps what outlived its passes: left in the youngest,
    the next two passes would each walk all 300,000 objects only to find them alive and move them
    up (a quarter of a second at 100,000 tasks). Everything young at that moment moves up with
    them; a cycle of garbage among those is still collected, by the next full pass.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        # freeze() then unfreeze() moves every tracked object into the oldest generation; skipped
        # should anything else have frozen objects, which unfreeze() would hand back to the collector.
        if long_lived and gc.get_freeze_count() == 0:
            gc.freeze()
            gc.unfreeze()
        if was_enabled:
            gc.enable()
