"""Letters spelt out one by one ("S E C R E T", "S.E.C.R.E.T", "s-e-c-r-e-t"), read as the word they
spell, for matching what a partner copy withholds.

A run of three or more single letters or digits, each apart from the next by a little punctuation
or white space, is read joined (`spelled_out`: a reading besides the text as written, never
instead of it), also without its first letter, its last or both, which may be a word of the
sentence ("a N I G H T J A R", "N I G H T J A R I think").
A sentence may put more than one word of one letter beside the letters ("I a N I G H T J A R", "N I
G H T J A R I a"): `spelt_secrets` finds a secret word among a run's letters where each letter
before and after it in the run is a word of one letter ("a", "I", "O"), or where there is only one
such letter (as above). So "I O N O S P H E R E" does not hold a withheld "Ion", nor "N I G H T J A
R R I N G" "Nightjar": a person reads the word the letters spell, as written out.
"""

from __future__ import annotations

import re
from collections.abc import Collection

Span = tuple[int, int]  # [start, end) in the text as written

# Between letters spelt out: white space and a little punctuation ("N I G", "N.I.G", "N    I",
# "N  -  I", "(n)(i)(g)", which is how the parenthesized letters "⒩⒤⒢" read) or pictures ("N 🚀 I"),
# but not a comma, colon or semicolon, which part the clauses of a sentence ("I, a N I G H T J A R"
# is two runs).
_GAP = r"[\s._\-*·/|+\\•()\u2600-\u27bf\U0001f300-\U0001faff]"
_SPELT = re.compile(rf"(?<![^\W_])[^\W_](?:{_GAP}{{1,8}}[^\W_](?![^\W_])){{2,}}")
_SPELT_GAP = re.compile(_GAP)
_LETTERS = 3  # a run of fewer single letters is ordinary text ("a b"), never joined
_TRIMS = ((1, 0), (0, 1), (1, 1))  # letters left as words of their own at a run's start and end
_DRAWN_AS = str.maketrans({"0": "o", "1": "i"})
# Words of one letter, folded ("I" folds to "i", as does the "l" drawn like it).
_ONE_LETTER_WORDS = "aio"


def spelt_runs(shown: str) -> list[list[int]]:
    """The places in `shown` (folded) of the letters of each run spelt out one by one; empty (nearly
    every text) when there is none."""
    if not _SPELT.search(shown):
        return []
    return [[place for place in range(*match.span()) if not _SPELT_GAP.match(shown[place])]
            for match in _SPELT.finditer(shown)]


def spelled_out(shown: str, letters: list[list[int]]) -> list[tuple[str, list[int]]]:
    """`shown` (folded) with each run of `letters` (`spelt_runs`) joined into a word, and where in
    `shown` each character stands; then, where a run is long enough, the same with its first letter,
    its last or both left as a word of their own."""
    if not letters:
        return []
    found = [_joined(shown, letters, 0, 0)]
    for lead, tail in _TRIMS:
        if any(len(run) - lead - tail >= _LETTERS for run in letters):
            found.append(_joined(shown, letters, lead, tail))
    return found


def _joined(shown: str, letters: list[list[int]], lead: int, tail: int) -> tuple[str, list[int]]:
    """`shown` with each run's letters joined, but for its first `lead` and last `tail` letters (kept
    as written, with the gap beside them) where enough letters are left to join."""
    characters: list[str] = []
    places: list[int] = []
    done = 0
    for run in letters:
        start, end = run[0], run[-1] + 1
        if len(run) - lead - tail >= _LETTERS:
            start, end, run = run[lead], run[-1 - tail] + 1, run[lead:len(run) - tail]
        characters.append(shown[done:start])
        places.extend(range(done, start))
        characters.extend(shown[place] for place in run)
        places.extend(run)
        done = end
    characters.append(shown[done:])
    places.extend(range(done, len(shown)))
    return "".join(characters), places


def spelt_secrets(shown: str, letters: list[list[int]], secrets: Collection[str], longest: int) -> list[Span]:
    """The span in `shown` of each of `secrets` (single words, folded, at most `longest` characters)
    or its plural spelt out in a run of `letters` with words of one letter around it (module doc)."""
    found = []
    # Only the lengths a secret or its plural has are tried from each start: trying every end up to
    # `longest` made a note of "I a I a ..." (every letter a word of one letter, so every place a start
    # and an end) cost its length times the longest secret's, squared.
    lengths = sorted({len(secret) + plural for secret in secrets for plural in (0, 1, 2)
                      if _LETTERS <= len(secret) + plural <= longest + 2}) if letters else []
    for run in letters:
        spelt = "".join(shown[place] for place in run)
        drawn = spelt.translate(_DRAWN_AS)  # "N 1 G H T", "0 R B I T": a 0 or 1 drawn like the letter
        ends = set(_ends(spelt))
        for start in _starts(spelt):
            for end in (start + length for length in lengths if start + length in ends):
                if _is_secret(spelt[start:end], secrets) or _is_secret(drawn[start:end], secrets):
                    found.append((run[start], run[end - 1] + 1))
    return found


def _starts(spelt: str) -> list[int]:
    """Where in a run's letters a word may begin, in order: after nothing, after one letter, or after
    words of one letter."""
    words = len(spelt) - len(spelt.lstrip(_ONE_LETTER_WORDS))
    return sorted({0, 1, *range(words + 1)})


def _ends(spelt: str) -> list[int]:
    """Where in a run's letters a word may end, in order: before nothing, before one letter, or
    before words of one letter."""
    words = len(spelt) - len(spelt.rstrip(_ONE_LETTER_WORDS))
    return sorted({len(spelt), len(spelt) - 1, *range(len(spelt) - words, len(spelt))})


def _is_secret(word: str, secrets: Collection[str]) -> bool:
    """Is `word` one of `secrets`, or its plural ("-s", "-es")?"""
    return word in secrets or (word.endswith("s") and (word[:-1] in secrets or
                                                       (word.endswith("es") and word[:-2] in secrets)))
