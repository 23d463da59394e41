"""The sharing tools on the bundled ILRS roadmap: redaction keeps dates, MSPDI carries the plan, signatures hold."""

import dataclasses

import pytest

from ilrs_planner.data.reference import build_reference_project
from ilrs_planner.domain import Classification
from ilrs_planner.engine.cpm import schedule
from ilrs_planner.exchange.formats import read_plan, write_plan
from ilrs_planner.sharing.diff import diff_projects
from ilrs_planner.sharing.redact import redact_project
from ilrs_planner.store import open_project, save_project


@pytest.fixture(scope="module")
def roadmap():
    return build_reference_project()


@pytest.mark.parametrize("level", [Classification.PUBLIC, Classification.PARTNERS])
def test_redacted_roadmap_keeps_every_remaining_task_on_its_dates(roadmap, level, tmp_path):
    before = schedule(roadmap).tasks
    redacted = redact_project(roadmap, level)
    withheld = [t for t in roadmap.tasks.values() if t.id not in redacted.tasks]
    assert withheld and all(t.classification.rank > level.rank or t.parent_id not in redacted.tasks for t in withheld)
    after = schedule(redacted).tasks
    summaries = redacted.summary_ids()
    for tid in redacted.tasks:
        if tid not in summaries:  # a summary spans only what it still contains (documented)
            assert (after[tid].early_start, after[tid].early_finish) == \
                (before[tid].early_start, before[tid].early_finish), redacted.tasks[tid].key
    save_project(redacted, tmp_path / "partner.db")
    raw = (tmp_path / "partner.db").read_bytes()
    shown = {text for t in redacted.tasks.values() for text in (t.name, t.key, t.source_url)}
    for task in withheld:
        for text in (task.name, task.key, task.id, task.notes, task.source_url):
            if text and len(text) >= 4 and text not in shown:  # a source also cited by a kept task is public
                assert text.encode() not in raw, (task.key, text)


def test_roadmap_survives_ms_project_xml(roadmap, tmp_path):
    warnings = write_plan(roadmap, tmp_path / "roadmap.xml")
    assert len(roadmap.baselines) <= 11 or "11 baselines" in warnings[0]
    imported = read_plan(tmp_path / "roadmap.xml").project
    diff = diff_projects(roadmap, imported)
    assert diff.tasks.is_empty() and diff.links.is_empty() and diff.participants.is_empty()
    assert diff.milestone_moves == []
    kept = roadmap.baselines[-11:]
    assert [b.name for b in imported.baselines] == [b.name for b in kept]
    assert [dict(b.entries) for b in imported.baselines] == [dict(b.entries) for b in kept]


def test_roadmap_signature_survives_save_and_open(roadmap, tmp_path):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from ilrs_planner.sharing.signing import SignatureState, sign_project, verify_project

    plan = dataclasses.replace(roadmap, baselines=list(roadmap.baselines))
    key = Ed25519PrivateKey.generate()
    sign_project(plan, key, "CNSA")
    save_project(plan, tmp_path / "signed.db")
    reopened = open_project(tmp_path / "signed.db")
    assert verify_project(reopened, [plan.signature.public_key]).state is SignatureState.TRUSTED
    save_project(reopened, tmp_path / "again.db")
    assert verify_project(open_project(tmp_path / "again.db"),
                          [plan.signature.public_key]).state is SignatureState.TRUSTED


