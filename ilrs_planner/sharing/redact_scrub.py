"""Scrubbing what a partner copy must not name: removed tasks and participants, in every remaining text.

The secrets are what names a removed task or participant, and nothing else:
- its name, key and id as whole phrases, and its source address as a whole (also without its
  scheme, with or without "www."): a kept text citing the same article loses the address, not its "https" and
  "com". A phrase the partner sees anyway (a kept task's name, key or source) is no secret: a kept
  task citing the article a hidden one cites keeps its own source;
- each distinctive word of its name and key ("Nightjar" of "Nightjar relay"): three letters or
  more, not a number, not one of the 10,000 most frequent English words (wordfreq's list: "review",
  "site" and "reserve" name nothing), and not a word of a kept task's or participant's name or key
  the owner wrote: a name a merge brought in from a partner's plan (merge_supplied) is the partner's
  choice of words, and would otherwise unmask whichever of them it holds.
Matching reads text as a person does (redact_fold: case, compatibility forms, marks, invisible
characters, look-alike letters, HTML character references and percent escapes; redact_readings:
capitals as drawn, CamelCase humps, a 0, 1 or | among letters, letters spelt out one by one, each
read besides the text as written), treats any character but a letter or digit alike between the
words of a secret ("kestrel_9", "kestrel+9" are the key "kestrel-9"), a hyphen or any other run of
punctuation or symbols between two letters of a secret's word as nothing ("Night-jar", "Night·jar",
"Night+jar" are "Nightjar", as "Night-" and "jar" on the next line are; white space parts words),
and takes a secret word's plural ("-s", "-es").
A secret stands as a word where nothing continues it: a letter of its own script does ("ion" is not
in "ionosphere"), a digit or a letter of another script does not ("Nightjar2", "Nightjar计划"),
nor does the next part of a CamelCase word ("NightjarProgramme"); a number goes on through letters
("kestrel-9b" is not "kestrel-9").
A match takes the whole hyphenated or underscored compound, or CamelCase word, it sits in
("X-Nightjar-2", "NightjarProgramme"), and the digits glued to it ("Nightjar2"), so
"[withheld]" replaces whole words only and never leaves half a word around it to guess from.
Chinese, Japanese, Korean and South-East Asian scripts write words without spaces between them,
so a name in them ("夜鹰中继") is matched wherever it stands in a sentence, not as a whole word.
The text is replaced where it is written: everything but the match is kept byte for byte.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence

from wordfreq import top_n_list

from ..domain import Baseline, Participant, Project, Task
from .redact_decode import Span
from .redact_fold import fold, folded_forms
from .redact_match import CompoundMatcher
from .redact_readings import readings, words_read, words_shown
from .redact_sieve import JOIN_CHARACTER, SCRIPTS, Sieve, edge_class

WITHHELD = "[withheld]"
MIN_WORD = 3
COMMON_WORDS = 10_000
# Words of a plan's own vocabulary, common in any plan whatever their frequency in English.
_PLAN_WORDS = ["phase", "task", "tasks", "plan", "mission", "milestone", "baseline"]
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://")
# A secret of one word, which letters spelt out one by one may spell.
_ONE_WORD = re.compile(r"[^\W_]+")
# What parts the words of a secret; between them, any character but a letter or digit stands for any
# other ("kestrel_9", "kestrel+9" and "kestrel 9" are the key "kestrel-9").
_SEPARATOR = r"[-_.\s]"
_BETWEEN_WORDS = r"[\W_]"
# Between two letters of a secret's word: what a person reads a word across (redact_sieve.JOINER), if anything.
_IN_WORD = f"{JOIN_CHARACTER}*"
# Scripts written without spaces between words: a name in them is matched anywhere in a text.
_UNSPACED = re.compile("[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
                       "\uac00-\ud7af\uf900-\ufaff\U00020000-\U0002ffff]")


@functools.cache
def common_words() -> frozenset[str]:
    """Words too common to be a secret: scrubbing them would garble every note and give nothing away."""
    return frozenset(fold(word)[0] for word in [*top_n_list("en", COMMON_WORDS), *_PLAN_WORDS])


def _phrases(texts: Iterable[str]) -> set[str]:
    shown = (form.strip() for text in texts if text for form in folded_forms(text))
    return {text for text in shown if len(text) >= 2}


def addresses(urls: Iterable[str]) -> set[str]:
    """Each source address as written, and without its scheme, with or without "www."."""
    spellings = set()
    for url in _phrases(urls):
        bare = _SCHEME.sub("", url).rstrip("/")
        host = bare.removeprefix("www.")
        spellings |= {url, bare, host, "www." + host}
    return {spelling for spelling in spellings if len(spelling) >= 2}


def _words(texts: Iterable[str]) -> set[str]:
    return {word for text in texts if text for word in words_read(text)}


def secret_tokens(project: Project, removed_tasks: set[str], removed_participants: set[str],
                  unheeded: frozenset[str] = frozenset()) -> set[str]:
    """Every phrase, address and word (folded) that names a removed task or participant; a kept task
    or participant whose id is `unheeded` (its name a partner's: merge_supplied) shows none of them."""
    gone: list[Task | Participant] = [project.tasks[t] for t in removed_tasks]
    gone += [project.participants[p] for p in removed_participants]
    kept = kept_namers(project, removed_tasks | removed_participants | unheeded)
    named = [v for item in gone for v in (item.name, item.key)]
    visible = [v for item in kept for v in (item.name, item.key)]
    phrases = _phrases(named + [item.id for item in gone]) - _phrases(visible)
    cited = addresses(item.source_url for item in gone) - addresses(item.source_url for item in kept)
    shown = {word for text in visible if text for word in words_shown(text)}
    words = {w for w in _words(named) - shown
             if len(w) >= MIN_WORD and not w.isdigit() and w not in common_words()}
    return phrases | cited | words


def kept_namers(project: Project, left_out: set[str] | frozenset[str]) -> list[Task | Participant]:
    """The tasks and participants whose names, keys and sources may show a word: those not `left_out`."""
    kept: list[Task | Participant] = [t for t in project.tasks.values() if t.id not in left_out]
    return kept + [p for p in project.participants.values() if p.id not in left_out]


def hidden_names(baselines: Iterable[Baseline]) -> set[str]:
    """The names of baselines left out of a copy, as whole phrases (their words are everyday words)."""
    return _phrases(b.name for b in baselines)


def scrubber(tokens: set[str]) -> Callable[[str], str]:
    """A function replacing each token (whole words, as a person reads them, with the compound they
    stand in) by WITHHELD."""
    if not tokens:
        return lambda text: text
    ordered = sorted(tokens, key=len, reverse=True)
    sieve = Sieve(ordered, any(_UNSPACED.search(t) for t in ordered), _UNSPACED)
    everything = functools.cache(lambda: _pattern(ordered))  # only for a text the sieve can not judge
    some = functools.lru_cache(maxsize=4096)(_pattern)
    words = frozenset(t for t in ordered if _ONE_WORD.fullmatch(t))  # what letters spelt out may spell
    longest = max(map(len, words), default=0) + 2  # with a plural's "es"

    def scrub(text: str) -> str:
        if not text:
            return text
        spans: list[Span] = []
        shown_as, spelt = readings(text)
        for shown, places in shown_as:
            chosen = sieve.secrets_in(shown)
            if chosen != ():  # nearly every text: () and the whole pattern would try each secret at each place
                spans += _matched(everything() if chosen is None else some(chosen), shown, places)
        if spelt is not None:
            spans += spelt.spans(words, longest)
        return _withheld(text, spans)
    return scrub


def _spelled(token: str) -> str:
    return _BETWEEN_WORDS.join(_hyphenable(part) for part in re.split(_SEPARATOR, token))


def _hyphenable(part: str) -> str:
    """`part` (a word of a secret) as a pattern that also takes a hyphen, or any other punctuation or
    symbol, between two of its letters: "Night-jar", "Night·jar", "Night_jar" and "Night**jar" are read
    as "Nightjar", as "Night-" and "jar" on the next line are. (The joiner and a letter never overlap,
    so the pattern stays linear in the text.)"""
    pieces = [re.escape(part[:1])]
    for before, letter in zip(part, part[1:]):
        pieces.append((_IN_WORD if before.isalpha() and letter.isalpha() else "") + re.escape(letter))
    return "".join(pieces)


def _pattern(ordered: Sequence[str]) -> CompoundMatcher:
    r"""The matches of any of `ordered` (folded, longest first) as the module doc says: the pattern
    `(?:[\w-]*[-_])?\d*(?:SECRETS)\d*(?:[-_][\w-]*)?|UNSPACED`, found in time proportional to a
    text (redact_match; run as written, a long "a-a-a-..." note took minutes)."""
    alternatives = _alternatives(ordered)
    unspaced = "|".join(re.escape(t) for t in ordered if _UNSPACED.search(t))
    return CompoundMatcher(re.compile(f"(?=({alternatives}))"), re.compile(f"(?=({unspaced}))") if unspaced else None)


def _alternatives(ordered: Sequence[str]) -> str:
    """The secrets of the pattern, longest first, each bounded where nothing continues it, so a
    removed key "CE" does not eat "SCIENCE" nor "ion" "ionosphere"."""
    # Secrets alike at their edges share their bounds (a class per secret took minutes to compile).
    bounds: dict[tuple[str, str], list[str]] = {}
    for token in ordered:
        bounds.setdefault((edge_class(token[0]), edge_class(token[-1])), []).append(token)
    return "|".join(_bounded(start, end, tokens) for (start, end), tokens in bounds.items())


def _bounded(start: str, end: str, tokens: list[str]) -> str:
    """`tokens` where what stands before and after does not continue them (sieve.edge_class): a
    digit after a word, another script's letter, a word's plural ("-s", "-es") and nothing more."""
    spelled = "|".join(_spelled(t) for t in tokens)
    return rf"(?<!{start})(?:{spelled})(?:e?s(?![{SCRIPTS[0]}])|(?!{end}))"


def _matched(pattern: CompoundMatcher, shown: str, places: list[Span] | None) -> list[Span]:
    """The span of the text as written of each match of `pattern` in `shown` (that text folded)."""
    found = []
    for start, end in pattern.spans(shown):
        if end > start:
            found.append((start, end) if places is None else (places[start][0], places[end - 1][1]))
    return found


def _withheld(text: str, spans: list[Span]) -> str:
    """`text` with each of `spans` (overlapping ones as one) replaced by WITHHELD, with the marks
    written on a span's last letter ("N̶i̶g̶h̶t̶j̶a̶r̶": a stroke on each)."""
    parts, done = [], 0
    for start, end in sorted(spans):
        end = _past_marks(text, end)
        if start < done:  # overlaps the span just withheld: widen it
            done = max(done, end)
            continue
        parts += [text[done:start], WITHHELD]
        done = end
    return "".join(parts) + text[done:] if parts else text


def _past_marks(text: str, end: int) -> int:
    """`end`, moved past the combining marks and variation selectors (Mn, Me) that follow it."""
    while end < len(text) and not text[end].isascii() and unicodedata.category(text[end]) in ("Mn", "Me"):
        end += 1
    return end
