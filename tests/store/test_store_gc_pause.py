"""Reading a plan pauses the garbage collector and hands what it read to the oldest generation; the
collector must come back as it was, and garbage made meanwhile must still be collected."""

from __future__ import annotations

import gc
import weakref

from ilrs_planner.store.gcpause import gc_paused


class _Node:
    def __init__(self) -> None:
        self.other: _Node | None = None


def _cycle() -> weakref.ref[_Node]:
    a, b = _Node(), _Node()
    a.other, b.other = b, a
    return weakref.ref(a)


def test_a_cycle_of_garbage_made_while_reading_is_still_collected():
    with gc_paused(long_lived=True):
        gone = _cycle()
        kept = [_Node() for _ in range(1000)]
    assert gc.isenabled() and gc.get_freeze_count() == 0
    gc.collect()
    assert gone() is None and len(kept) == 1000


def test_objects_read_skip_the_young_generations():
    gc.collect()
    with gc_paused(long_lived=True):
        kept = [_Node() for _ in range(5000)]
    young, middle, _ = gc.get_count()
    assert young < 1000 and middle == 0  # the 5,000 went to the oldest generation, not the youngest
    assert len(kept) == 5000


def test_the_collector_stays_off_if_it_was_off_and_frozen_objects_stay_frozen():
    gc.disable()
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with gc_paused(long_lived=True):
            kept = [_Node() for _ in range(10)]
        assert not gc.isenabled() and gc.get_freeze_count() == frozen and len(kept) == 10
    finally:
        gc.unfreeze()
        gc.enable()



def test_pauses_that_overlap_from_two_threads_keep_the_collector_off_until_the_last_ends():
    """The recovery copy's thread and the window's open of another file each pause the collector; the
    one that ends first must not switch it on under the other, still building its objects."""
    import threading

    assert gc.isenabled()
    copying, opening, copy_ended = threading.Event(), threading.Event(), threading.Event()

    def recovery_copy():
        with gc_paused():
            copying.set()
            opening.wait(60)
        copy_ended.set()

    worker = threading.Thread(target=recovery_copy)
    worker.start()
    assert copying.wait(60)
    with gc_paused(long_lived=True):
        opening.set()
        assert copy_ended.wait(60)
        assert not gc.isenabled()  # the copy's pause ended first: the open's goes on
    worker.join(60)
    assert gc.isenabled()
