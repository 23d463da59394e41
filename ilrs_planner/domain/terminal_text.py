"""Plan text made harmless for a terminal: the one place control characters are escaped.

A plan file comes from a partner and is untrusted; its names, notes and signer names must not
drive the terminal. ESC and CSI start escape sequences (clear a line, retitle the window, hide
text), CR rewrites a line in place, BEL rings, the bidirectional overrides reorder what is
shown, and invisible characters make names look alike. `shown()` replaces each such character
with a visible `\\uXXXX` escape — the same spelling JSON uses, so escaped text inside a JSON
string still parses to the original.

`TerminalStream` wraps stdout and stderr for the whole command, so no path can print a raw
control character even if it forgets to call `shown()`; our own output uses only newline and
tab, which it passes through. Text that must stay on one line (a signer's name, a task name in
a table) goes through `one_line()`, which escapes newlines and tabs too, so it cannot forge a line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, TextIO

from .errors import PlannerError
from .text import BIDI_CONTROLS, BIDI_MARKS, printable

# Characters that show nothing: the zero-width space, the word joiner and invisible operators, the
# byte-order mark, the tag characters, the Mongolian vowel separator, and the Hangul fillers (letters
# drawn blank). Printed raw they make two different names look alike, or a name look empty. The
# joiners ZWJ and ZWNJ pass: Persian, the Indic scripts and emoji need them.
_INVISIBLE = "\u115f\u1160\u180e\u200b\u2060-\u2064\u3164\ufeff\uffa0\U000e0000-\U000e007f"
_BLANK_LETTERS = re.compile("[\u115f\u1160\u3164\uffa0]")  # printable (Lo): past isprintable's short cut
# C0 and C1 controls, DEL, the bidirectional marks/embeddings/overrides/isolates, the Unicode line
# and paragraph separators (which some terminals treat as newlines), and the invisible characters.
_UNSAFE = f"\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029{BIDI_MARKS}{BIDI_CONTROLS}{_INVISIBLE}"
_UNSAFE_KEEPING_LINES = re.compile(f"[{_UNSAFE}]")
_UNSAFE_ON_ONE_LINE = re.compile(f"[{_UNSAFE}\t\n]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000  # beyond the 16-bit plane (the tag characters): a surrogate pair, as JSON spells it
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def shown(text: str) -> str:
    """`text` with every control character but newline and tab escaped as `\\uXXXX`."""
    # Megabytes of a 100,000-task schedule pass through here. ASCII text (known at once) can hold
    # only the C0 controls and DEL of the unsafe set: deleting, at C speed, every byte that may pass
    # leaves nothing when it is safe, ten times faster than `isprintable`. Any other text: every
    # unsafe character is one `str.isprintable` refuses (all are of Unicode's categories Cc, Cf, Zl
    # or Zp, but the blank letters, looked for apart), and that test runs many times faster than the
    # pattern. A long ASCII text with no newline or tab (a block of compact JSON) is told printable
    # faster still by `printable`.
    if text.isascii():
        if len(text) >= LONG_TEXT and printable(text):
            return text
        if not text.encode("ascii").translate(None, _ASCII_PASSING):
            return text
    elif (text.isprintable() or text.replace("\n", "").replace("\t", "").isprintable()) \
            and not _BLANK_LETTERS.search(text):
        return text
    return _UNSAFE_KEEPING_LINES.sub(_escape, text)


_ASCII_PASSING = bytes([ord("\t"), ord("\n"), *range(0x20, 0x7F)])  # printable ASCII, newline and tab
LONG_TEXT = 4096  # shorter texts skip `printable`: its numpy calls cost more than they save there


def one_line(text: str) -> str:
    """`text` escaped for a single line: newline and tab are escaped as well."""
    return _UNSAFE_ON_ONE_LINE.sub(_escape, text)


def fits_one_line(text: str) -> bool:
    """Whether `one_line` leaves `text` as it is (the fast test of `shown`, for whole columns of names)."""
    if text.isascii():
        return printable(text)
    return _UNSAFE_ON_ONE_LINE.search(text) is None


class TerminalStream:
    """A text stream that escapes what it is given before passing it on (see the module doc)."""

    def __init__(self, stream: TextIO):
        self.wrapped = stream

    def write(self, text: str) -> int:
        """Write `text` with its control characters escaped."""
        written: int = _guarded(self.wrapped.write, shown(text))
        return written

    def flush(self) -> None:
        _guarded(self.wrapped.flush)

    def __getattr__(self, name: str) -> Any:
        # fileno, isatty, encoding... behave as the wrapped stream's.
        return getattr(self.wrapped, name)


def _guarded(call: Callable[..., Any], *args: Any) -> Any:
    """`call(*args)`, with a full disk or a failing device as a coded refusal naming it, not a
    traceback. A reader that stopped early (`| head`) still raises BrokenPipeError, which the
    commands that stream treat as no error."""
    try:
        return call(*args)
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise PlannerError("cli.output", f"could not write the output: {exc.strerror or exc}") from None
