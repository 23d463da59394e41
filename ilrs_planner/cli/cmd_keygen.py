"""`ilrs-planner keygen --name "SUPARCO planning" [-o DIR]`: a new Ed25519 signing key pair."""

from __future__ import annotations

import argparse

from ..sharing.keys import load_public_key, write_key_pair
from ..sharing.passphrase import passphrase_from
from ..sharing.signing import fingerprint


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `keygen` sub-command."""
    parser = subparsers.add_parser(
        "keygen", help="create a key pair for signing plans",
        description="Create an Ed25519 key pair: NAME.key (private, file mode 0600, PKCS#8 PEM) and "
        "NAME.pub (public; give it to partners for their trusted-keys folder).")
    parser.add_argument("--name", required=True, help='the signing institution, e.g. "SUPARCO planning"')
    parser.add_argument("-o", "--output-dir", default=".", metavar="DIR", help="folder for the two files")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--passphrase-env", metavar="VAR", help="encrypt the private key with the passphrase in $VAR")
    group.add_argument("--passphrase", action="store_true", help="encrypt the private key; ask for a passphrase")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Write the key pair and say where it went."""
    secret = passphrase_from(args.passphrase_env, args.passphrase, confirm=True)
    private_path, public_path = write_key_pair(args.name, args.output_dir, secret)
    print(f"private key: {private_path} (keep it secret{', passphrase-protected' if secret else ''})")
    print(f"public key:  {public_path} (fingerprint {fingerprint(load_public_key(public_path))})")
    return 0
