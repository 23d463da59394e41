"""The usual case of the control-character rule (domain/text.py) told fast: plain ASCII text.

Opening a plan checks every text it holds for control characters: at 100,000 tasks and 200,000
links, 12 million characters of ids, keys and names. `str.isprintable()` looks each one up in
Unicode's tables; text that is all ASCII (nearly every id and key, most names) needs only its
bytes compared with two bounds, which numpy does over the whole column at once. Anything else
(a non-ASCII letter, or a control character found) goes to the rule itself, which names it.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

_SPACE, _DEL = 0x20, 0x7F  # ASCII's control characters are those below space, and DEL


def plain_ascii(values: Sequence[str | None]) -> bool:
    """True when every text of `values` is ASCII without a control character (None holds no text).

    False says only that the rule must look: the text may still be sound.
    """
    try:
        joined = "".join(filter(None, values))
    except TypeError:  # a value that is not text: the rule's own check refuses it, naming its type
        return False
    if not joined.isascii():  # known to Python without a scan
        return False
    codes = np.frombuffer(joined.encode("ascii"), dtype=np.uint8)
    return not codes.size or bool(codes.min() >= _SPACE and codes.max() < _DEL)
