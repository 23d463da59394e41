"""Pause Python's cyclic garbage collector while a plan is read or written in bulk."""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

# Pauses under way in any thread: the collector is on again only when the last ends (a pause ending
# while another still builds its objects would let the passes it avoids run there).
_LOCK = threading.Lock()
_PAUSES: list[bool] = []
_ENABLED_BEFORE = [True]


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
    with _LOCK:  # the window's thread and the recovery copy's may pause it at once
        if not _PAUSES:
            _ENABLED_BEFORE[0] = gc.isenabled()
        _PAUSES.append(True)
        gc.disable()
    try:
        yield
    finally:
        with _LOCK:
            _PAUSES.pop()
            # freeze() then unfreeze() moves every tracked object into the oldest generation; skipped
            # should anything else have frozen objects, which unfreeze() would hand back to the collector.
            if long_lived and gc.get_freeze_count() == 0:
                gc.freeze()
                gc.unfreeze()
            if not _PAUSES and _ENABLED_BEFORE[0]:  # the last pause to end: as it was before the first
                gc.enable()
