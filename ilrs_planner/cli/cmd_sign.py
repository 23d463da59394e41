"""`ilrs-planner sign PLAN.db --key KEY`: sign a plan's content with a private key."""

from __future__ import annotations

import argparse

from ..domain.terminal_text import one_line
from ..files.same import same_file
from ..sharing.keys import load_private_key
from ..sharing.passphrase import passphrase_from
from ..sharing.signing import fingerprint, sign_project
from .render import refuse_to_overwrite


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `sign` sub-command."""
    parser = subparsers.add_parser(
        "sign", help="sign a plan with your private key",
        description="Sign the plan's content (tasks, links, participants, baselines, plan fields). "
        "Baselines are hash-chained first. Any later change to the content invalidates the signature.")
    parser.add_argument("plan", metavar="PLAN.db", help="the plan to sign")
    parser.add_argument("--key", required=True, metavar="KEY", help="private key file from `keygen`")
    parser.add_argument("-o", "--output", metavar="OUT.db", help="write the signed plan here (default: in place)")
    parser.add_argument("--force", action="store_true", help="replace OUT.db if it exists")
    parser.add_argument("--rewrite-history", action="store_true",
                        help="sign although the baseline history was rewritten (its hash chain is broken); "
                        "the breaks are signed as they are and every recipient's verify reports them")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--passphrase-env", metavar="VAR", help="the key's passphrase is in $VAR")
    group.add_argument("--passphrase", action="store_true", help="ask for the key's passphrase")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Sign and save; prints who signed and the content hash."""
    from ..store import PlanSession

    if args.output and not same_file(args.output, args.plan):
        refuse_to_overwrite(args.output, args.force)
    key, signer = load_private_key(args.key, passphrase_from(args.passphrase_env, args.passphrase))
    # A session: store.in_use if someone has the plan open, and the save is compare-and-swap.
    with PlanSession.open(args.plan) as session:
        project = session.project
        signature = sign_project(project, key, signer, rewrite_history=args.rewrite_history)
        if args.output:
            session.save_as(project, args.output)
        else:
            session.save(project)
    print(f"signed by {one_line(signer)} ({fingerprint(signature.public_key)}) at {signature.signed_at}")
    print(f"content SHA-256 {signature.content_hash}")
    return 0
