"""What a withheld task's, participant's or baseline's notes name: withheld wherever else it is written.

A hidden task's notes give its codename ("flies as Orbitex"), its site, its supplier; a kept
task's notes that mention the codename tell the partner the hidden work exists and what it is
called. So the notes of everything left out of a copy yield secrets too:
- each address they cite, as a whole (as a source address is: redact_scrub), unless a kept task
  or participant cites it as its source;
- each distinctive word of the rest: three letters or more, not a number, not a word of a kept
  task's or participant's name or key, of a kept source address, and not one of the 50,000 most
  frequent English words. Notes are prose, so the bar is higher than for a name (10,000 words): a
  codename, a coined or foreign word is withheld ("Orbitex", "Nightjar", "Wenchang"), the
  vocabulary of engineering prose is not ("payloads", "cryogenic", "telemetry").
A kept name, key or source counts only where the owner wrote it, not a merge from a partner's plan
(redact_scrub). The secrets are matched like the others (redact_scrub: as a person reads them, whole words).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from wordfreq import top_n_list

from ..domain import Baseline, Project
from .redact_fold import fold, folded_forms
from .redact_readings import words_read, words_shown
from .redact_scrub import MIN_WORD, addresses, common_words, kept_namers

PROSE_WORDS = 50_000
# An address as a note writes it: a scheme or "www." up to the next white space, less the
# punctuation that closes the sentence or the bracket around it. A scheme is short (the longest
# registered has some thirty characters): unbounded, "a.a.a. ..." was tried as one at every letter,
# each try running to the note's end, and a 100,000-character note took minutes.
_ADDRESS = re.compile(r"(?:\b[a-z][a-z0-9+.-]{0,63}://|\bwww\.)\S+", re.IGNORECASE)
_CLOSING = ".,;:!?)]}>'\""


@functools.cache
def prose_words() -> frozenset[str]:
    """Words too common in prose to name anything in a note."""
    return frozenset(fold(word)[0] for word in top_n_list("en", PROSE_WORDS)) | common_words()


def note_secrets(project: Project, removed_tasks: set[str], removed_participants: set[str],
                 hidden_baselines: Iterable[Baseline], unheeded: frozenset[str] = frozenset()) -> set[str]:
    """The addresses and distinctive words (folded) of the notes of what a copy leaves out; the name, key
    and source of a kept task or participant whose id is `unheeded` (a partner's) shows none of them."""
    notes = [project.tasks[t].notes for t in removed_tasks]
    notes += [project.participants[p].notes for p in removed_participants]
    notes += [b.notes for b in hidden_baselines]
    folded = [form for text in notes if text for form in folded_forms(text)]
    kept = kept_namers(project, removed_tasks | removed_participants | unheeded)
    sources = [item.source_url for item in kept if item.source_url]
    cited = {address.rstrip(_CLOSING) for text in folded for address in _ADDRESS.findall(text)}
    visible = _words([v for item in kept for v in (item.name, item.key)] + sources)
    # Read as written (its CamelCase humps show), less the addresses, which are withheld whole.
    prose = " ".join(_ADDRESS.sub(" ", text) for text in [*notes, *folded] if text)
    words = {w for w in words_read(prose) - visible
             if len(w) >= MIN_WORD and not w.isdigit() and w not in prose_words()}
    return (addresses(cited) - addresses(sources)) | words


def _words(texts: Iterable[str]) -> set[str]:
    return {word for text in texts if text for word in words_shown(text)}
