"""Signing a plan and trusting a partner's key from the window, checked as the command line checks them."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog

from ilrs_planner.cli import main
from ilrs_planner.domain.chain import chain_baselines
from ilrs_planner.qt.change_effects import effects_of
from ilrs_planner.qt.document import Document
from ilrs_planner.qt.main_window import MainWindow
from ilrs_planner.qt.sharing import prompts, sign_actions
from ilrs_planner.sharing.clone import clone_project
from ilrs_planner.sharing.keys import load_private_key, load_public_key, write_key_pair
from ilrs_planner.sharing.signing import fingerprint, sign_project
from ilrs_planner.store import open_project, save_project


@pytest.fixture
def told(monkeypatch):
    """Failures and messages the actions would show, collected instead of shown."""
    seen = {"inform": [], "fail": []}
    monkeypatch.setattr(prompts, "inform", lambda _p, title, text, details=None: seen["inform"].append(text))
    monkeypatch.setattr(prompts, "fail", lambda _p, _title, error: seen["fail"].append(error))
    return seen


@pytest.fixture
def window(qtbot, small_project, trusted):
    win = MainWindow(Document(small_project))
    qtbot.addWidget(win)
    return win


def _answer(monkeypatch, path, passphrase=None, save_as=None):
    monkeypatch.setattr(prompts, "open_file", lambda *_a: str(path))
    typed = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: typed.append(1) or (passphrase or "", True))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(save_as or ""), ""))
    return typed


def _menu_action(window, text):
    return next(a for a in window.menus["file"].actions() if a.text().replace("&", "") == text)


def test_sign_saves_an_unsaved_plan_signed_and_the_command_line_verifies_it(window, tmp_path, trusted, monkeypatch,
                                                                           told):
    private, public = write_key_pair("CNSA planning", tmp_path / "keys", b"correct horse")
    trusted.mkdir()
    (trusted / public.name).write_bytes(public.read_bytes())
    typed = _answer(monkeypatch, private, "correct horse", save_as=tmp_path / "plan.db")
    _menu_action(window, "Sign plan…").trigger()
    assert told["fail"] == [] and typed == [1]
    assert window.status_bar_widgets["signature"].text() == "Signed by a trusted key: CNSA planning"
    assert window.document.path == str(tmp_path / "plan.db") and not window.document.modified
    assert main(["verify", str(tmp_path / "plan.db"), "--trusted", str(trusted)]) == 0
    # One undo step takes the signature off the plan in the window (the file keeps it until saved).
    assert window.document.undo_stack.undoText() == "Sign plan"
    window.document.undo_stack.undo()
    assert window.document.project.signature is None and window.document.modified
    window.document.undo_stack.redo()
    assert window.document.project.signature.signer == "CNSA planning" and not window.document.modified


def test_signing_puts_on_the_signature_alone_and_undo_takes_it_off(window, tmp_path, trusted, monkeypatch, told):
    private, public = write_key_pair("CNSA planning", tmp_path / "keys")
    trusted.mkdir()
    (trusted / public.name).write_bytes(public.read_bytes())
    save_project(window.document.project, tmp_path / "plan.db")
    window.plan_file.open_path(str(tmp_path / "plan.db"))
    document = window.document
    schedule, unchained = document.schedule, list(document.project.baselines)
    announced = []
    document.changed.connect(lambda changes, _initiator: announced.append(effects_of(changes)))
    _answer(monkeypatch, private)
    _menu_action(window, "Sign plan…").trigger()
    assert told["fail"] == [] and not document.modified
    assert main(["verify", str(tmp_path / "plan.db"), "--trusted", str(trusted)]) == 0
    # The tasks and dates are as they were: nothing is scheduled again, no row is rebuilt.
    assert document.schedule is schedule and announced
    assert not any(effect.reschedule or effect.rows or effect.replaced for effect in announced)
    document.undo_stack.undo()
    assert document.project.signature is None and document.project.baselines == unchained
    assert document.schedule is schedule and document.modified
    document.undo_stack.redo()
    assert document.project.signature.signer == "CNSA planning" and not document.modified
    assert document.schedule is schedule and not any(effect.reschedule for effect in announced)


def test_a_key_without_passphrase_is_not_asked_for_one(window, tmp_path, monkeypatch, told):
    private, _ = write_key_pair("ESA planning", tmp_path / "keys")
    save_project(window.document.project, tmp_path / "plan.db")
    window.plan_file.open_path(str(tmp_path / "plan.db"))
    typed = _answer(monkeypatch, private)
    assert window.sharing.signing.sign_plan()
    assert typed == [] and told["fail"] == []
    assert window.status_bar_widgets["signature"].text() == "Signed by an unknown key: ESA planning"
    assert open_project(tmp_path / "plan.db").signature.signer == "ESA planning"


def test_a_wrong_passphrase_is_said_and_nothing_is_signed(window, tmp_path, monkeypatch, told):
    private, _ = write_key_pair("CNSA planning", tmp_path / "keys", b"correct horse")
    save_project(window.document.project, tmp_path / "plan.db")
    window.plan_file.open_path(str(tmp_path / "plan.db"))
    _answer(monkeypatch, private, "battery staple")
    assert not window.sharing.signing.sign_plan()
    [error] = told["fail"]
    assert "passphrase is wrong" in error.message and "nothing was signed" in error.message
    assert window.document.project.signature is None and not window.document.modified
    assert window.document.undo_stack.count() == 0
    assert open_project(tmp_path / "plan.db").signature is None
    assert window.status_bar_widgets["signature"].text() == "Unsigned"


def test_a_rewritten_baseline_history_is_signed_only_when_the_planner_confirms(window, tmp_path, monkeypatch, told):
    private, _ = write_key_pair("CNSA planning", tmp_path / "keys")
    project = window.document.project
    later = dataclasses.replace(project.baselines[0], name="2024 update", id="later")
    project.baselines[:] = chain_baselines([project.baselines[0], later])
    project.baselines[0] = dataclasses.replace(project.baselines[0], as_of=date(2021, 7, 1))  # rewritten
    save_project(project, tmp_path / "plan.db")
    window.plan_file.open_path(str(tmp_path / "plan.db"))
    asked = []
    monkeypatch.setattr(sign_actions, "confirm", lambda _p, _t, text, _yes: asked.append(text) or False)
    _answer(monkeypatch, private)
    assert not window.sharing.signing.sign_plan()
    assert "the baseline history was rewritten at '2024 update'" in asked[0]
    assert open_project(tmp_path / "plan.db").signature is None and window.document.undo_stack.count() == 0
    monkeypatch.setattr(sign_actions, "confirm", lambda *_a: True)
    assert window.sharing.signing.sign_plan()
    assert main(["verify", str(tmp_path / "plan.db")]) == 5  # recipients are told


def _partner_plan(small_project, tmp_path, name="ESA planning"):
    private, public = write_key_pair(name, tmp_path / "partner")
    signed = clone_project(small_project)
    sign_project(signed, load_private_key(private)[0], name)
    save_project(signed, tmp_path / "partner.db")
    return public


def test_trusting_a_partners_key_after_its_fingerprint_makes_their_plan_trusted(window, small_project, tmp_path,
                                                                                trusted, monkeypatch, told):
    public = _partner_plan(small_project, tmp_path)
    window.plan_file.open_path(str(tmp_path / "partner.db"))
    label = window.status_bar_widgets["signature"]
    assert label.text() == "Signed by an unknown key: ESA planning"
    asked = []
    monkeypatch.setattr(sign_actions, "confirm", lambda _p, _t, text, _yes: asked.append(text) or True)
    _answer(monkeypatch, public)
    assert _menu_action(window, "Trust a partner's key…").isEnabled()
    assert window.sharing.signing.trust_key()
    [question] = asked
    assert "ESA planning" in question and fingerprint(load_public_key(public)) in question
    assert "compare the fingerprint with them" in question
    assert label.text() == "Signed by a trusted key: ESA planning"
    assert main(["verify", str(tmp_path / "partner.db"), "--trusted", str(trusted)]) == 0


def test_declining_the_fingerprint_trusts_nothing(window, small_project, tmp_path, trusted, monkeypatch, told):
    public = _partner_plan(small_project, tmp_path)
    monkeypatch.setattr(sign_actions, "confirm", lambda *_a: False)
    _answer(monkeypatch, public)
    assert not window.sharing.signing.trust_key()
    assert not trusted.exists() or list(trusted.iterdir()) == []


@pytest.mark.parametrize("content", ["garbage", "private"])
def test_a_file_that_is_not_a_public_key_is_refused(window, tmp_path, trusted, monkeypatch, told, content):
    bogus = tmp_path / "bogus.pub"
    if content == "private":
        private, _ = write_key_pair("ESA planning", tmp_path / "partner")
        bogus.write_bytes(private.read_bytes())
    else:
        bogus.write_text("-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----\n")
    monkeypatch.setattr(sign_actions, "confirm", lambda *_a: pytest.fail("a bogus key must not be offered"))
    _answer(monkeypatch, bogus)
    assert not window.sharing.signing.trust_key()
    [error] = told["fail"]
    assert error.code == "key.invalid" and "bogus.pub" in error.message
    assert not trusted.exists() or list(trusted.iterdir()) == []


def test_a_different_key_of_the_same_file_name_is_never_replaced(window, tmp_path, trusted, monkeypatch, told):
    _, first = write_key_pair("ESA planning", tmp_path / "old")
    _, second = write_key_pair("ESA planning", tmp_path / "new")
    trusted.mkdir()
    (trusted / first.name).write_bytes(first.read_bytes())
    monkeypatch.setattr(sign_actions, "confirm", lambda *_a: True)
    _answer(monkeypatch, second)
    assert not window.sharing.signing.trust_key()
    [error] = told["fail"]
    assert "a different key is already trusted" in error.message
    assert (trusted / first.name).read_bytes() == first.read_bytes()
