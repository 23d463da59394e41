"""Copied tasks as an HTML table, which mail, word processors and wikis paste as a real table.

The same cells as the clipboard's tab-separated text, under the same header row: each task's name
indented by its outline level (a cell's left padding, so the indent holds when the name wraps
or the program trims spaces), a summary's row in bold. Every value is escaped: a task's name or
note is text anyone may have typed, or a partner's file held. A spreadsheet takes this table too
(Excel and LibreOffice Calc prefer it to the text), so a cell that would run as a formula gets the
apostrophe every export gives it.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from html import escape

from .msp_values import escape_text

INDENT_EM = 1.2  # per outline level, as the task table indents a name
_TABLE = '<table border="1" cellspacing="0" cellpadding="3" style="border-collapse:collapse">'


def table_html(rows: Sequence[Sequence[str]], levels: Sequence[int], bold: Sequence[bool],
               name_column: int | None, right_aligned: Collection[int] = ()) -> str:
    """`rows` (the header row first, then one per task) as an HTML document holding one table;
    `levels` and `bold` give each task row's outline level (0 at the left) and whether it is a summary."""
    header, body = rows[0], rows[1:]
    lines = ["<html><head><meta charset=\"utf-8\"></head><body>", _TABLE,
             "<tr>" + "".join(f"<th>{_text(cell)}</th>" for cell in header) + "</tr>"]
    for cells, level, strong in zip(body, levels, bold, strict=True):
        lines.append("<tr>" + "".join(_cell(cell, level if column == name_column else 0, strong,
                                            column in right_aligned) for column, cell in enumerate(cells)) + "</tr>")
    lines.append("</table></body></html>")
    return "\n".join(lines) + "\n"


def _cell(text: str, level: int, strong: bool, right: bool) -> str:
    styles = [f"padding-left:{0.3 + INDENT_EM * level:g}em"] if level else []
    if right:
        styles.append("text-align:right")
    style = f' style="{";".join(styles)}"' if styles else ""
    shown = _text(text)
    return f"<td{style}>{f'<b>{shown}</b>' if strong and shown else shown}</td>"


def _text(cell: str) -> str:
    """One line, safe in a spreadsheet, escaped for HTML (quotes too: nothing may close an attribute)."""
    return escape(escape_text(" ".join(cell.split())), quote=True)
