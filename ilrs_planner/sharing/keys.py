"""Signing keys on disk: Ed25519 private keys (PKCS#8 PEM, mode 0600, optionally encrypted) and public keys.

A key pair is two files named after the signer: `<slug>.key` (private) and `<slug>.pub` (public,
the file partners put in their trusted-keys folder). Both start with a `Signer:` line naming the
institution; PEM readers skip text before the armour, so the files stay standard PEM.
"""

from __future__ import annotations

import errno
import os
import re
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from ..domain import PlannerError
from ..domain.text import check_typed_text
from ..files.atomic import write_atomically
from ..files.regular import read_small

PRIVATE_SUFFIX, PUBLIC_SUFFIX = ".key", ".pub"
MAX_KEY_FILE = 64 * 1024  # a PEM key is a few hundred bytes; anything large is not a key
_SIGNER_LINE = re.compile(r"^Signer: (.+)$", re.MULTILINE)


def default_trusted_dir() -> Path:
    """Where a recipient keeps partners' public keys ($ILRS_PLANNER_TRUSTED_KEYS overrides)."""
    configured = os.environ.get("ILRS_PLANNER_TRUSTED_KEYS")
    if configured:
        return Path(configured)
    base = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config")
    return base / "ilrs-planner" / "trusted-keys"


def slug(name: str) -> str:
    """A file-name-safe form of a signer name ('SUPARCO planning' -> 'suparco-planning')."""
    text = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return text or "key"


def _clean_name(name: str) -> str:
    clean = " ".join((name or "").split())
    if not clean:
        raise PlannerError("key.invalid", "a key needs a signer name, e.g. --name \"SUPARCO planning\"")
    # Every signature made with the key carries the name into the plan: refused now, not at each save.
    check_typed_text("name", clean, "the signer")
    return clean


def write_key_pair(name: str, directory: str | Path, passphrase: bytes | None = None) -> tuple[Path, Path]:
    """Create a new key pair for `name` in `directory`; the private key file is mode 0600."""
    name = _clean_name(name)
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    private_path = folder / (slug(name) + PRIVATE_SUFFIX)
    public_path = folder / (slug(name) + PUBLIC_SUFFIX)
    if private_path.exists():
        raise PlannerError("key.invalid", f"{private_path} already exists; refusing to overwrite a private key")
    key = Ed25519PrivateKey.generate()
    encryption = (serialization.BestAvailableEncryption(passphrase) if passphrase
                  else serialization.NoEncryption())
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption)
    _write_private(private_path, f"Signer: {name}\n".encode() + pem)
    public_pem = key.public_key().public_bytes(serialization.Encoding.PEM,
                                               serialization.PublicFormat.SubjectPublicKeyInfo)
    write_atomically(public_path, f"Signer: {name}\n".encode() + public_pem)  # honours the umask: it is shared
    return private_path, public_path


def _write_private(path: Path, data: bytes) -> None:
    # Created 0600 from the first byte (O_EXCL), so the key is never readable by others, even briefly.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, data)
    finally:
        os.close(fd)
    os.chmod(path, 0o600)  # a umask cannot widen it, but be explicit


def _read_small(path: str | Path) -> bytes:
    """A key file's bytes, read only when it is a regular file: a named pipe called `evil.pub` among the
    trusted keys (or given as --key) left `verify` and `sign` waiting forever."""
    try:
        return read_small(path, MAX_KEY_FILE)
    except OSError as exc:
        if exc.errno == errno.EFBIG:
            raise PlannerError("key.invalid", f"{path}: too large to be a key file") from None
        if exc.errno == errno.EINVAL:
            raise PlannerError("key.invalid", f"{path}: not a regular file, so not a key file") from None
        raise PlannerError("key.invalid", f"{path}: cannot read the key file ({exc.strerror})") from None


def signer_name(data: bytes, fallback: str) -> str:
    """The `Signer:` line of a key file, or `fallback` when there is none."""
    match = _SIGNER_LINE.search(data.decode("utf-8", "replace"))
    return match[1].strip() if match else fallback


def load_private_key(path: str | Path, passphrase: bytes | None = None) -> tuple[Ed25519PrivateKey, str]:
    """The private key and its signer name; a wrong passphrase or a non-Ed25519 key is `key.invalid`."""
    data = _read_small(path)
    try:
        key = serialization.load_pem_private_key(data, password=passphrase or None)
    except TypeError:
        why = "is not protected by a passphrase; give none" if passphrase else "is protected by a passphrase; give one"
        raise PlannerError("key.invalid", f"{path}: the key {why}") from None
    except ValueError:
        raise PlannerError("key.invalid", f"{path}: not a readable private key, or the passphrase is wrong") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise PlannerError("key.invalid", f"{path}: not an Ed25519 key")
    return key, signer_name(data, Path(path).stem)


def load_public_key(path: str | Path) -> bytes:
    """The raw 32-byte Ed25519 public key in a .pub file."""
    data = _read_small(path)
    try:
        key = serialization.load_pem_public_key(data)
    except ValueError:
        raise PlannerError("key.invalid", f"{path}: not a readable public key") from None
    if not isinstance(key, Ed25519PublicKey):
        raise PlannerError("key.invalid", f"{path}: not an Ed25519 key")
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


@dataclass(frozen=True, slots=True)
class TrustedKeys:
    """The keys of a trusted-keys folder, and what in it could not be trusted (one line per file)."""

    keys: dict[bytes, str]
    warnings: tuple[str, ...] = ()


def read_trusted_keys(directory: str | Path | None) -> TrustedKeys:
    """Every public key in `directory` (a missing folder holds none); a file there that is not a
    readable public key is named in a warning, never skipped without a word. `key.invalid` when
    `directory` is a file: a folder was meant, and trusting nobody silently would mislead."""
    folder = Path(directory) if directory else None
    if folder is None or not folder.exists():
        return TrustedKeys({})
    if not folder.is_dir():
        raise PlannerError("key.invalid", f"'{folder}' is a file; the trusted keys are a folder of .pub files")
    keys: dict[bytes, str] = {}
    warnings = []
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in (PUBLIC_SUFFIX, ".pem"):
            continue
        try:
            keys[_trusted_key(path)] = signer_name(_read_small(path), path.stem)
        except PlannerError as err:
            warnings.append(f"{err.message}; it is not trusted")
    return TrustedKeys(keys, tuple(warnings))


def _trusted_key(path: Path) -> bytes:
    if not path.is_file():
        raise PlannerError("key.invalid", f"{path}: not a regular file")
    if b"PRIVATE KEY" in _read_small(path):
        raise PlannerError("key.invalid", f"{path}: holds a private key, which must never be shared or kept "
                           "among trusted keys")
    return load_public_key(path)


def load_trusted_keys(directory: str | Path | None) -> dict[bytes, str]:
    """Raw public key -> signer name for every readable public key in `directory` (see `read_trusted_keys`)."""
    return read_trusted_keys(directory).keys
