"""Spellings a person (or a browser, or an address bar) reads through, for matching what a partner copy withholds.

- HTML character references: "&#x53;ECRET", "&#83;ECRET" and "&Scaron;" are drawn as letters by
  every page, mail and wiki a note is pasted into (html.unescape);
- percent-encoding: "%53ECRET" is how an address bar, a log or a link writes "SECRET" (UTF-8
  bytes, as urllib.parse.unquote reads them);
- both nested ("&amp;#x53;", "%2553", "&#37;53"): decoded again, a few rounds, until nothing changes.
Each decoded character remembers the span of the text it was written as, so a match replaces the
whole escape and a kept text keeps every other byte as written.
Letters spelt out one by one are read in redact_spelt.
"""

from __future__ import annotations

import codecs
import html
import re

Span = tuple[int, int]  # [start, end) in the text as written

_ENTITY = re.compile(r"&(?:#[0-9]{1,8};?|#[xX][0-9a-fA-F]{1,8};?|[A-Za-z][A-Za-z0-9]{1,31};?)")
_PERCENT = re.compile(r"(?:%[0-9A-Fa-f]{2})+")
_ROUNDS = 4  # "&amp;#x25;2553" is three layers deep; a fourth finds nothing left to decode


def may_be_encoded(text: str) -> bool:
    """Could `text` hold an escape at all? (Nearly every text: no.)"""
    return "&" in text or "%" in text


def decoded(text: str) -> tuple[str, list[Span]]:
    """`text` with its character references and percent escapes decoded, and the span of `text`
    each decoded character was written as."""
    spans = [(place, place + 1) for place in range(len(text))]
    for _ in range(_ROUNDS):
        once, inner = _decode_once(text)
        if once == text:
            break
        text, spans = once, [(spans[start][0], spans[end - 1][1]) for start, end in inner]
    return text, spans


def _decode_once(text: str) -> tuple[str, list[Span]]:
    characters: list[str] = []
    spans: list[Span] = []
    done = 0
    for match in sorted([*_ENTITY.finditer(text), *_PERCENT.finditer(text)], key=lambda m: m.start()):
        if match.start() < done:
            continue  # "&#37;" inside a run already decoded
        for place in range(done, match.start()):
            characters.append(text[place])
            spans.append((place, place + 1))
        pieces = _entity(match) if match.group().startswith("&") else _percent(match)
        for character, span in pieces:
            characters.append(character)
            spans.append(span)
        done = match.end()
    for place in range(done, len(text)):
        characters.append(text[place])
        spans.append((place, place + 1))
    return "".join(characters), spans


def _entity(match: re.Match[str]) -> list[tuple[str, Span]]:
    shown = html.unescape(match.group())
    return [(character, match.span()) for character in shown]


def _percent(match: re.Match[str]) -> list[tuple[str, Span]]:
    """Each character the run's UTF-8 bytes spell, with the escapes that wrote it (a broken byte
    reads as U+FFFD, as unquote reads it)."""
    decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
    pieces: list[tuple[str, Span]] = []
    begun = match.start()
    for place in range(match.start(), match.end(), 3):
        shown = decoder.decode(bytes([int(match.string[place + 1:place + 3], 16)]))
        pieces += [(character, (begun, place + 3)) for character in shown]
        begun = place + 3 if shown else begun
    pieces += [(character, (begun, match.end())) for character in decoder.decode(b"", final=True)]
    return pieces
