"""A signed plan file downgraded as a tamperer would: the signer signed it with an earlier release
(message version 1), then signed it again with this one; the tamperer puts the earlier signature back
over the new one, with the links in another order and a secret of their own, and saves it in the
program's own layout, so nothing in the file's bytes gives it away."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from signed_before import sign_as_version_1

from ilrs_planner.cli import main
from ilrs_planner.domain import Link, LinkType, PlanSignature, Project, Task
from ilrs_planner.sharing.keys import load_private_key
from ilrs_planner.store import open_project, save_project

EARLIER_DATE = "2026-06-01T09:00:00+00:00"


def two_predecessor_plan() -> Project:
    """Survey and Rover both before Landing: Landing's Predecessors cell reads "1, 2" in the links' order."""
    plan = Project("Lunar south pole plan", date(2030, 1, 1))
    for key in ("survey", "rover", "landing"):
        plan.add_task(Task(key, key.title(), 10, id=key, position=len(plan.tasks)))
    plan.add_link(Link("survey", "landing", id="l1"))
    plan.add_link(Link("rover", "landing", LinkType.SS, id="l2"))
    return plan


def signed_twice(folder: Path, signer: str = "CNSA planning") -> tuple[Path, PlanSignature]:
    """A plan file signed with the earlier scheme, then again with `sign`; the file and its earlier signature."""
    assert main(["keygen", "--name", signer, "-o", str(folder / "keys")]) == 0
    key_file = folder / "keys" / "cnsa-planning.key"
    plan = two_predecessor_plan()
    sign_as_version_1(plan, load_private_key(key_file)[0], signer, EARLIER_DATE)  # as the release of June signed
    earlier = plan.signature
    assert earlier is not None
    path = folder / "plan.db"
    save_project(plan, path)
    assert main(["sign", str(path), "--key", str(key_file)]) == 0  # signed again: message version 2
    return path, earlier


def put_back(path: Path, earlier: PlanSignature, *, reorder: bool = True, secret: bytes | None = bytes(32)) -> None:
    """The tamperer's script: the earlier signature written back, with what it does not cover changed."""
    plan = open_project(path)
    if reorder:
        plan.links = dict(reversed(list(plan.links.items())))  # Landing's predecessors now read "2SS, 1"
    plan.secret = secret  # a key the tamperer knows: they can work out every later copy's bridge ids
    plan.signature = earlier
    save_project(plan, path)
