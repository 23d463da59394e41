"""Baselines as a hash chain: each records the hash of the one before, so history cannot be rewritten unseen.

Call `next_prev_hash(project)` when capturing a baseline (the new one is appended last), or
`chain_baselines(baselines)` to (re)link a whole list, e.g. before signing a plan whose older
baselines were captured before chaining existed.
"""

from __future__ import annotations

import dataclasses
import hashlib

from .canonical import baseline_record, to_bytes
from .model import Project
from .plan_parts import Baseline

GENESIS = ""  # the first baseline has no predecessor


def baseline_hash(baseline: Baseline) -> str:
    """Hex SHA-256 of one baseline's canonical record (its own prev_hash included)."""
    return hashlib.sha256(to_bytes(baseline_record(baseline))).hexdigest()


def next_prev_hash(project: Project) -> str:
    """The prev_hash a baseline appended to `project` now must carry."""
    return baseline_hash(project.baselines[-1]) if project.baselines else GENESIS


def chain_baselines(baselines: list[Baseline]) -> list[Baseline]:
    """Copies of `baselines` (same order, ids and dates) whose prev_hash links each to the one before."""
    chained: list[Baseline] = []
    previous = GENESIS
    for baseline in baselines:
        linked = baseline if baseline.prev_hash == previous else dataclasses.replace(baseline, prev_hash=previous)
        chained.append(linked)
        previous = baseline_hash(linked)
    return chained


def broken_links(baselines: list[Baseline]) -> list[str]:
    """Names of baselines whose prev_hash does not match the one before (empty = the chain holds)."""
    broken = []
    previous = GENESIS
    for baseline in baselines:
        if baseline.prev_hash != previous:
            broken.append(baseline.name)
        previous = baseline_hash(baseline)
    return broken
