"""File → Sign plan… and Trust a partner's key…: what `sign` and a trusted-keys folder do, from the window."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from ...commands.signature import SetSignature
from ...domain import PlannerError
from ...domain.terminal_text import one_line
from ...files.atomic import write_atomically
from ...files.regular import read_small
from ...sharing.keys import (
    MAX_KEY_FILE,
    PUBLIC_SUFFIX,
    default_trusted_dir,
    load_private_key,
    load_public_key,
    read_trusted_keys,
    signer_name,
)
from ...sharing.signing import fingerprint, sign_project
from ..dialogs.messages import ask
from ..plain_text import tooltip
from . import prompts

if TYPE_CHECKING:
    from ..main_window import MainWindow

KEY_FILTER = "Private keys (*.key)"
PUBLIC_FILTER = "Public keys (*.pub)"
TRUST_WARNING = ("Only trust a key you received from the partner by a channel you trust; compare the "
                 "fingerprint with them.")


def passphrase(parent: QWidget, key_name: str) -> bytes | None:
    """The typed passphrase of an encrypted key (None when cancelled)."""
    text, ok = QInputDialog.getText(parent, "Key passphrase", tooltip(f"Passphrase of {key_name}:"),
                                    QLineEdit.EchoMode.Password)
    return text.encode("utf-8") if ok else None


def confirm(parent: QWidget, title: str, text: str, yes: str) -> bool:
    """A question answered `yes` or Cancel (tests replace it)."""
    return ask(parent, title, text, [yes, "Cancel"], "Cancel") == yes


def _read_key_file(path: str) -> bytes:
    try:
        return read_small(path, MAX_KEY_FILE)
    except OSError as exc:
        raise PlannerError("key.invalid", f"{path}: cannot be read as a key file ({exc.strerror or exc})") from None


def checked_public_key(path: str) -> tuple[bytes, bytes]:
    """The raw key and the file's bytes, under the checks `read_trusted_keys` makes of its folder."""
    data = _read_key_file(path)
    if b"PRIVATE KEY" in data:
        raise PlannerError("key.invalid", f"{path}: holds a private key, which must never be shared or kept "
                           "among trusted keys")
    return load_public_key(path), data


class SignActions:
    """Signing the open plan with one's key, and adding a partner's public key to the trusted ones."""

    def __init__(self, window: MainWindow):
        self.window = window
        self.document = window.document
        add = window.add_action
        self.sign = add("", "Si&gn plan…", None, self.sign_plan,
                        "Sign the plan with your private key and save it, so partners can check who sent it")
        self.trust = add("", "&Trust a partner's key…", None, self.trust_key,
                         "Add a partner's public key (.pub) to your trusted keys")

    @property
    def label(self):
        return self.window.status_bar_widgets["signature"]

    def trusted_dir(self) -> Path:
        return Path(self.label.trusted_dir or default_trusted_dir())

    # -- signing -----------------------------------------------------------------------------------
    def sign_plan(self) -> bool:
        """Choose a key, sign the plan as `sign` does (one undo step), and save it."""
        folder = os.path.dirname(self.document.path) if self.document.path else os.path.expanduser("~")
        path = prompts.open_file(self.window, "Sign plan with key", folder, KEY_FILTER)
        if not path:
            return False
        try:
            loaded = self._load_key(path)
            if loaded is None:
                return False
            signed = self._signed_copy(*loaded)
        except PlannerError as error:
            prompts.fail(self.window, "The plan was not signed", error)
            return False
        if signed is None:
            return False
        self.document.push(SetSignature(signed))  # the signature alone: the schedule stands as it was
        if self.window.plan_file.save():  # a signature vouches for a saved file; Save As when there is none
            return True
        self.document.undo_stack.undo()  # not saved: the plan stays as it was, unsigned
        return False

    def _load_key(self, path: str):
        """The private key and signer; the passphrase is asked only for an encrypted key."""
        secret = None
        if b"ENCRYPTED PRIVATE KEY" in _read_key_file(path):
            secret = passphrase(self.window, os.path.basename(path))
            if secret is None:
                return None
            try:
                return load_private_key(path, secret)
            except PlannerError as error:
                if "passphrase" not in error.message:  # decrypted, but not a key we sign with
                    raise
                raise PlannerError("key.invalid", f"the passphrase is wrong for {os.path.basename(path)}; "
                                   "nothing was signed") from None
        return load_private_key(path, secret)

    def _signed_copy(self, key, signer: str):
        """The plan signed, beside the open one (which changes only through the undo stack; the copy
        shares its tasks, and differs in its signature and baseline chain alone); a broken
        baseline chain is signed as it is only when the planner confirms, as `--rewrite-history`."""
        project = self.document.project
        if project.partner_level is None:
            # The signature covers the plan's secret (sharing/signed_beside.py): one the plan has none
            # of yet is drawn on the open plan, which keeps it (the save below writes it), not on the copy.
            project.own_secret()
        copy = dataclasses.replace(project, baselines=list(project.baselines))
        try:
            sign_project(copy, key, signer)
        except PlannerError as error:
            if error.code != "signature.history_rewritten":
                raise
            question = (f"{error.message}.\n\nSign it as it is? Everyone who checks the signature is told that "
                        "the baseline history was rewritten before signing.")
            if not confirm(self.window, "Baseline history rewritten", question, "Sign as it is"):
                return None
            sign_project(copy, key, signer, rewrite_history=True)
        return copy

    # -- trusting ----------------------------------------------------------------------------------
    def trust_key(self) -> bool:
        """Copy a partner's public key into the trusted keys folder once its fingerprint is confirmed."""
        path = prompts.open_file(self.window, "Trust a partner's key", os.path.expanduser("~"), PUBLIC_FILTER)
        if not path:
            return False
        try:
            trusted = self._trust(path)
        except PlannerError as error:
            prompts.fail(self.window, "The key was not trusted", error)
            return False
        if trusted:
            self.label.refresh()
            self.window.statusBar().showMessage(f"Trusted {trusted}", 8000)
        return bool(trusted)

    def _trust(self, path: str) -> str:
        """Checks, asks and copies; the key's description when it was added, '' when not."""
        raw, data = checked_public_key(path)
        name = one_line(signer_name(data, Path(path).stem))
        described = f"{name}'s key ({fingerprint(raw)})"
        target = self._target(path, raw)
        if target is None:
            prompts.inform(self.window, "Key already trusted", f"{described} is already among your trusted keys.")
            return ""
        question = f"Trust the key of {name}?\n\nFingerprint: {fingerprint(raw)}\n\n{TRUST_WARNING}"
        if not confirm(self.window, "Trust a partner's key", question, "Trust"):
            return ""
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(target, data)
        except OSError as exc:
            raise PlannerError("key.invalid", f"{target}: cannot be written ({exc.strerror or exc})") from None
        return described

    def _target(self, path: str, raw: bytes) -> Path | None:
        """Where the key goes in the trusted folder (None: it is there already); a different key under
        the same file name is refused, never replaced."""
        folder = self.trusted_dir()
        if raw in read_trusted_keys(folder).keys:
            return None
        source = Path(path)
        target = folder / (source.name if source.suffix.lower() in (PUBLIC_SUFFIX, ".pem") else source.stem + ".pub")
        if target.exists() or target.is_symlink():
            raise PlannerError("key.invalid", f"a different key is already trusted as {target}; rename the "
                               "partner's file or remove that key first")
        return target
