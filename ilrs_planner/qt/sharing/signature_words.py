"""What the window says about a plan's signature: the status bar's verdict, its colour, and the box on
opening a plan whose signature does not hold or holds only in the earlier scheme."""

from __future__ import annotations

from ...domain import Project
from ...domain.terminal_text import one_line
from ...sharing.signed_sent import copies_sent_since, uncovered_copies
from ...sharing.signing import EARLIER_SCHEME, STATE_TEXT, SignatureState

_AMBER, _RED = "color: #8d6e00; font-weight: bold;", "color: #b71c1c; font-weight: bold;"
STATE_STYLE = {
    SignatureState.TRUSTED: "color: #1b5e20; font-weight: bold;",
    SignatureState.UNKNOWN_KEY: _AMBER,
    SignatureState.TRUSTED_EARLIER_SCHEME: _AMBER,  # never the green of a plan verified
    SignatureState.UNKNOWN_KEY_EARLIER_SCHEME: _AMBER,
    SignatureState.ALTERED: _RED,
    SignatureState.HISTORY_REWRITTEN: _RED,
    SignatureState.UNSIGNED: "color: #616161;",
    SignatureState.UNCHECKED: _AMBER,
}

# Opening a plan in one of these shows a box, not only words in a corner.
WARNED = frozenset({SignatureState.ALTERED, SignatureState.HISTORY_REWRITTEN, *EARLIER_SCHEME})


def verdict(state: SignatureState, signer: str) -> str:
    """The status bar's words: the verdict, whose signature, and what an earlier-scheme one leaves out."""
    text = STATE_TEXT[state] + (f": {one_line(signer)}" if signer else "")
    if state in EARLIER_SCHEME:
        text += " — link order and secret not covered"
    return text


def uncovered_words(project: Project, state: SignatureState) -> str:
    """What the verdict adds for partner copies recorded since signing, which the signature does not
    vouch for (a merge reads from them what each partner was sent), as `verify` says in its note."""
    later = uncovered_copies(project)
    if not later or state not in (SignatureState.TRUSTED, SignatureState.UNKNOWN_KEY):
        return ""
    return f" — {copies_sent_since(later)} sent since, not covered"


def warning_title(state: SignatureState) -> str:
    return "Signed with the earlier signature scheme" if state in EARLIER_SCHEME else "Signature does not hold"


def broken_signature_text(plan: str, state: SignatureState, signer: str) -> str:
    """What a planner opening a plan whose signature does not hold, or holds only in the earlier scheme,
    must know, and what to do."""
    who = one_line(signer) or "its signer"
    if state in EARLIER_SCHEME:
        return (f"'{one_line(plan)}' is signed by {who} with the earlier signature scheme, which does not cover "
                "the order of links or the plan's secret: anyone who handled the file since could have put its "
                "links in another order (a task's Predecessors then read otherwise) or changed the secret its "
                "partner copies' link ids are made with, and the signature would still hold. Treat those as "
                f"unverified; ask {who} to sign it again.")
    if state is SignatureState.HISTORY_REWRITTEN:
        return (f"'{one_line(plan)}' is signed by {who}, but its baseline history was rewritten before signing: "
                "earlier baselines may not be the dates announced at the time. Treat its slips and trends as "
                "unverified.")
    return (f"'{one_line(plan)}' was changed after {who} signed it: what is open is not what was signed, and "
            "nothing tells which tasks changed. Treat its dates as unverified; ask the sender for the file "
            "again, or compare it with a copy you trust (File → Compare with another plan…).")
