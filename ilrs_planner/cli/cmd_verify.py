"""`ilrs-planner verify PLAN.db [--trusted DIR]`: who signed a plan, and was it altered since.

Exit status: 0 signed by a trusted key; 1 signed by an unknown key (valid, but not in DIR);
3 altered after signing (the content changed, or the order of its links, or the plan's secret, or the
file holds bytes outside the layout we write);
4 unsigned; 5 validly signed over a baseline history that was rewritten before signing; 6 validly signed
by a trusted key with the earlier signature scheme, which does not cover the order of links or the plan's
secret (anyone who handled the file could have changed those: not a plan verified, so not 0); 7 the same
by an unknown key; 2 the file could not be read (as for every command).
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

from ..domain import Project
from ..domain.terminal_text import one_line
from ..sharing.keys import default_trusted_dir, read_trusted_keys
from ..sharing.signed_sent import copies_sent_since, uncovered_copies
from ..sharing.signing import SignatureState, verify_project

EXIT_STATUS = {
    SignatureState.TRUSTED: 0,
    SignatureState.UNKNOWN_KEY: 1,
    SignatureState.ALTERED: 3,
    SignatureState.UNSIGNED: 4,
    SignatureState.HISTORY_REWRITTEN: 5,
    SignatureState.TRUSTED_EARLIER_SCHEME: 6,
    SignatureState.UNKNOWN_KEY_EARLIER_SCHEME: 7,
}
_BY_TRUSTED_KEY = (SignatureState.TRUSTED, SignatureState.TRUSTED_EARLIER_SCHEME)


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `verify` sub-command."""
    parser = subparsers.add_parser(
        "verify", help="check a plan's signature",
        description="Check who signed a plan and whether it changed since. Exit status: 0 trusted "
        "signer, 1 unknown signer, 3 altered after signing, 4 unsigned, 5 signed over a rewritten baseline "
        "history, 6 trusted signer with the earlier signature scheme (the order of links and the plan's secret "
        "not covered: ask the signer to sign it again), 7 the same by an unknown signer, 2 unreadable file.")
    parser.add_argument("plan", metavar="PLAN.db", help="the plan whose signature to check")
    parser.add_argument("--trusted", metavar="DIR",
                        help=f"folder of trusted public keys (*.pub; default {default_trusted_dir()})")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the verdict; the exit status says it too."""
    from ..store import layout_problems, open_project

    project = open_project(args.plan)
    folder = read_trusted_keys(args.trusted or default_trusted_dir())
    for warning in folder.warnings:
        print(f"warning: {one_line(warning)}", file=sys.stderr)
    trusted = folder.keys
    result = verify_project(project, trusted)
    if result.state is not SignatureState.UNSIGNED:
        hidden = layout_problems(Path(args.plan), project)
        if hidden:  # the signature covers the content, not bytes hidden beside it
            result = dataclasses.replace(result, state=SignatureState.ALTERED, reasons=result.reasons + tuple(hidden))
    # The signer name is the file's own text: on one line, so it cannot forge a verdict line. A trusted
    # key is named as the recipient's key file names it: a trusted partner could sign as anyone.
    claimed = one_line(result.signer)
    owner = one_line(trusted[project.signature.public_key]) if result.state in _BY_TRUSTED_KEY \
        and project.signature else None
    print(f"{args.plan}: {dataclasses.replace(result, signer=owner or claimed).describe()}")
    if owner is not None and owner != claimed:
        print(f"warning: the signature calls its signer '{claimed}'; the trusted key is {owner}'s")
    _say_uncovered(project, result.state)
    return EXIT_STATUS[result.state]


def _say_uncovered(project: Project, state: SignatureState) -> None:
    """Name the partner copies recorded since signing: what a merge reads of them, the signature does not vouch for."""
    later = uncovered_copies(project)
    if later and state in (SignatureState.TRUSTED, SignatureState.UNKNOWN_KEY):
        print(f"note: {copies_sent_since(later)} recorded since it was signed "
              f"(the last on {later[-1].written.isoformat()}) not covered by the signature: "
              "sign it again to cover them")
