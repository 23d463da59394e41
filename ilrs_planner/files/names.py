"""File names made from a plan's name, for the save dialogs' suggestions. Stdlib only.

A plan's name is anyone's text ("Relay / phase 2", "..", a partner's "a:b"); as a file name in a
suggested folder it must stay one name in that folder on every system: no separator, no drive
colon, no control or invisible character, no leading dot (hidden, or '..'), no trailing dot or
space (Windows drops them), no device name (CON, NUL...), and a length any file system takes.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile(r'[\\/:*?"<>|]')  # separators and what Windows refuses in a name
_DEVICES = {"CON", "PRN", "AUX", "NUL"} | {f"{kind}{n}" for kind in ("COM", "LPT") for n in range(1, 10)}
MAX_STEM = 120  # characters: with a suffix, well under the 255 bytes of most file systems in UTF-8


def safe_file_stem(name: str, fallback: str = "plan") -> str:
    """`name` as a file name without its suffix: unsafe characters become spaces, runs of spaces one."""
    text = "".join(" " if _UNSAFE.match(c) or not c.isprintable() else c for c in name)
    stem = " ".join(text.split()).strip(" .")[:MAX_STEM]
    while len(stem.encode("utf-8")) > 2 * MAX_STEM:  # 4-byte characters: fewer of them
        stem = stem[:-1]
    stem = stem.rstrip(" .")
    if not stem:
        return fallback
    first, dot, rest = stem.partition(".")
    return f"{first}_{dot}{rest}" if first.upper() in _DEVICES else stem  # 'NUL.txt' is the device too
