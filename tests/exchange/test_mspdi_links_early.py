"""Links taken as the tasks arrive give the plan and the warnings that taking them all at the end gives:
the same links with the same ids in the same order, the same duplicates and loops left out."""

import os
import random
import uuid
from pathlib import Path

import pytest

from ilrs_planner.domain import PlannerError
from ilrs_planner.domain.canonical import canonical_bytes
from ilrs_planner.exchange.formats import read_plan
from ilrs_planner.exchange.mspdi import links_early

TAKE = links_early.EarlyLinks.take
HERE = Path(__file__).parent
FILES = sorted((HERE / "msp_real").glob("*.xml")) + [HERE / "data" / "msproject_standard.xml"]
# Link bodies: plain ones (taken early), and each kind of link `read_links` warns about or refuses.
PLAIN = ("<Type>1</Type><LinkLag>0</LinkLag><LagFormat>7</LagFormat>",
         "<Type>3</Type><LinkLag>4800</LinkLag><LagFormat>7</LagFormat>",
         "<Type>0</Type><LinkLag>-2400</LinkLag><LagFormat>12</LagFormat>",
         "<Type>1</Type><LinkLag>1200</LinkLag><LagFormat>5</LagFormat>", "<Type>2</Type>")
ODD = ("<Type>9</Type>", "<Type>1</Type><CrossProject>1</CrossProject>", "<Type>1</Type><LagFormat>19</LagFormat>",
       "<Type>1</Type><LinkLag>abc</LinkLag><LagFormat>7</LagFormat>", "<Type>x</Type><LagFormat>x</LagFormat>")


def _read(monkeypatch, path: Path, early: bool) -> tuple:
    """(canonical plan bytes, warnings, links read early) or the refusal; ids drawn from a seeded source."""
    rng = random.Random(11)
    monkeypatch.setattr(os, "urandom", rng.randbytes)
    monkeypatch.setattr(uuid, "uuid4", lambda: uuid.UUID(int=rng.getrandbits(128), version=4))
    taken = []

    def take(self, tasks, last_id):
        if early:
            TAKE(self, tasks, last_id)
            taken[:] = [self.next]

    monkeypatch.setattr(links_early.EarlyLinks, "take", take)
    try:
        result = read_plan(path)
        return canonical_bytes(result.project), result.warnings, taken
    except PlannerError as refusal:
        return refusal.code, refusal.message, taken


def _same(monkeypatch, path: Path) -> tuple:
    at_end = _read(monkeypatch, path, early=False)
    early = _read(monkeypatch, path, early=True)
    assert early[:2] == at_end[:2]
    return early


def _plan(tmp_path, seed: int, odd_share: float, tasks: int = 300) -> Path:
    """A file of `tasks` tasks nested up to 5 deep, linked back and forth (some to themselves, to their
    summaries, twice, to tasks not in the file), `odd_share` of the links of a kind that gives a word."""
    rng = random.Random(seed)
    level, rows = 1, []
    for uid in range(1, tasks + 1):
        level = max(1, min(level + rng.choice((-2, -1, 0, 0, 1, 1)), 5))
        near = rng.randint(max(1, uid - 50), uid + 20) if uid < tasks else tasks + 1  # the last: not in the file
        links = [f"<PredecessorLink><PredecessorUID>{rng.choice((near, max(uid - 1, 1), uid))}"
                 f"</PredecessorUID>{rng.choice(ODD if rng.random() < odd_share else PLAIN)}</PredecessorLink>"
                 for _ in range(rng.choice((0, 1, 2, 3)) if uid < tasks else 1)]
        links += links[-1:] if rng.random() < 0.03 else []
        rows.append(f"<Task><UID>{uid}</UID><Name>T{uid}</Name><OutlineLevel>{level}</OutlineLevel>"
                    f"<Duration>PT{rng.choice((0, 8, 16, 40))}H0M0S</Duration>{''.join(links)}</Task>")
    path = tmp_path / f"plan{seed}.xml"
    path.write_text(f"<Project><StartDate>2030-01-07T08:00:00</StartDate><Tasks>{''.join(rows)}</Tasks></Project>")
    return path


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_files_from_ms_project_give_the_same_plan_and_warnings(monkeypatch, path):
    plan, _, _ = _same(monkeypatch, path)
    assert plan.startswith(b'{"baselines"')  # read, not refused


@pytest.mark.parametrize("seed", range(6))
def test_plain_links_are_taken_early_and_odd_ones_said_as_at_the_end(monkeypatch, tmp_path, seed):
    plan, warnings, taken = _same(monkeypatch, _plan(tmp_path, seed, odd_share=0.0))
    assert taken[0] > 300  # most of some 450 links, the rest waiting on tasks further on
    assert any("twice" in w for w in warnings) and any("not in the file" in w for w in warnings)
    _, odd_warnings, _ = _same(monkeypatch, _plan(tmp_path, seed, odd_share=0.02))
    assert any("unknown" in w or "another project" in w or "percentage" in w or "not a number" in w
               for w in odd_warnings)


def test_a_lag_longer_than_a_plan_can_hold_is_refused_after_every_task_is_read(monkeypatch, tmp_path):
    huge = "<Type>1</Type><LinkLag>99999999999999</LinkLag><LagFormat>7</LagFormat>"
    rows = [f"<Task><UID>{uid}</UID><Name>T{uid}</Name><OutlineLevel>1</OutlineLevel>"
            f"<PredecessorLink><PredecessorUID>{uid - 1}</PredecessorUID>{huge if uid == 3 else PLAIN[0]}"
            f"</PredecessorLink></Task>" for uid in range(2, 8)]
    rows.append("<Task><UID>8</UID><Name>T8</Name><OutlineLevel>0</OutlineLevel></Task>")  # refused as it is read
    path = tmp_path / "huge.xml"
    path.write_text(f"<Project><Tasks><Task><UID>1</UID><Name>T1</Name></Task>{''.join(rows)}</Tasks></Project>")
    code, message, _ = _same(monkeypatch, path)
    assert code == "import.bad_file" and "OutlineLevel 0" in message  # the task's refusal, not the lag's


def test_a_predecessor_a_task_lists_twice_is_linked_once_even_with_a_link_waiting_between(monkeypatch, tmp_path):
    """Task 3 lists task 1, then task 5 (read later, so that link waits), then task 1 again and task 2 with
    a lag; task 4 lists task 2 twice around task 1. Each pair is linked once, each repeat said once."""
    def link(uid: int, lag: str = "0") -> str:
        return (f"<PredecessorLink><PredecessorUID>{uid}</PredecessorUID><Type>1</Type>"
                f"<LinkLag>{lag}</LinkLag><LagFormat>7</LagFormat></PredecessorLink>")

    lists = {3: link(1) + link(5) + link(1) + link(2, "9600"), 4: link(2) + link(1) + link(2, "-4800")}
    rows = "".join(f"<Task><UID>{uid}</UID><Name>T{uid}</Name><OutlineLevel>1</OutlineLevel>"
                   f"<Duration>PT8H0M0S</Duration>{lists.get(uid, '')}</Task>" for uid in range(1, 7))
    path = tmp_path / "twice.xml"
    path.write_text(f"<Project><StartDate>2030-01-07T08:00:00</StartDate><Tasks>{rows}</Tasks></Project>")
    for early in (True, False):
        result = read_plan(path)
        keys = {task.id: task.key for task in result.project.tasks.values()}
        links = [(keys[link.pred_id], keys[link.succ_id], link.lag) for link in result.project.links.values()]
        assert links == [("T1", "T3", 0), ("T5", "T3", 0), ("T2", "T3", 2), ("T2", "T4", 0), ("T1", "T4", 0)]
        assert [w for w in result.warnings if "twice" in w] == [
            "task UID 3: the same predecessor is linked twice; the second link was left out",
            "task UID 4: the same predecessor is linked twice; the second link was left out"]
        if early:  # and the same once every link is read at the end
            monkeypatch.setattr(links_early.EarlyLinks, "take", lambda self, tasks, last_id: None)
