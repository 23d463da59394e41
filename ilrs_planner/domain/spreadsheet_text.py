"""Cells a spreadsheet will not run: the one rule for every CSV and XLSX cell we write (CSV injection).

Excel, LibreOffice and Google Sheets run a cell that starts with `=`, `+`, `-` or `@` as a
formula (`=cmd|' /C calc'!A0`, `=HYPERLINK(...)` that leaks data), and a leading tab, CR or NUL
is skipped before they look. A plan comes from a partner, so any of its texts — names, notes,
keys, ids — may start that way. OWASP's rule is followed: such a cell is prefixed with an
apostrophe, which spreadsheets read as "this is text" and do not show; CSV files quote every
field, so a separator inside a cell (`a;=1+1` opened with `;` as separator) cannot start a new
cell either. Numbers we write ourselves (a variance of `-12`, a lag of `-3.5`) stay numbers.

Spreadsheets are more forgiving than that list: LibreOffice trims leading spaces from CSV cells
before it evaluates them, and East Asian input turns a full-width `＝` into `=`. So the first
character that is not white space is what counts, compared in its compatibility form (NFKC).
"""

from __future__ import annotations

import re
import unicodedata

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\x00")
_PLAIN_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_RUNS = frozenset("=+-@")


def runnable_start(text: str) -> bool:
    """True if `text` begins, after any white space and read in compatibility form, as a formula does."""
    if text.startswith(FORMULA_START):
        return True
    if text[:1].isascii() and not text[:1].isspace():  # the usual case, decided by its first character
        return False
    first = text.lstrip()[:1]
    return bool(first) and unicodedata.normalize("NFKC", first)[:1] in _RUNS


def starts_like_formula(text: str) -> bool:
    """True if a spreadsheet could read `text` as a formula (plain numbers are not)."""
    return runnable_start(text) and not _PLAIN_NUMBER.fullmatch(text)


def formula_safe(text: str) -> str:
    """`text` as a cell no spreadsheet runs: an apostrophe in front when it starts like a formula."""
    return "'" + text if starts_like_formula(text) else text
