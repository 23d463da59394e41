"""Passphrases for private keys: from a named environment variable, or typed at a prompt."""

from __future__ import annotations

import getpass
import os
import sys

from ..domain import PlannerError


def passphrase_from(env_var: str | None, prompt: bool, confirm: bool = False) -> bytes | None:
    """The passphrase from `$env_var`, or typed (twice when `confirm`), or None for no passphrase."""
    if env_var:
        value = os.environ.get(env_var)
        if not value:
            raise PlannerError("key.invalid", f"the environment variable {env_var} holds no passphrase")
        return value.encode("utf-8")
    if not prompt:
        return None
    if not sys.stdin.isatty():
        raise PlannerError("key.invalid", "a passphrase prompt needs a terminal; use --passphrase-env VAR")
    first = getpass.getpass("Passphrase: ")
    if confirm and getpass.getpass("Passphrase again: ") != first:
        raise PlannerError("key.invalid", "the two passphrases differ")
    if not first:
        raise PlannerError("key.invalid", "an empty passphrase protects nothing")
    return first.encode("utf-8")
