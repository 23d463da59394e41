"""Cells of the XLSX export as sheet XML: one cell style per look, rows written cell by cell by type.

A look (bold, white on the header fill, critical fill, date, indent, wrap, quote prefix, unit) becomes
one cell format (`xf`) the first time a cell asks for it; `styles_xml` then lists exactly those.
A count of an elapsed task's days carries its unit in its number format (`88 ed`, as the task
table writes it), so the cell stays a number a sum or a filter can use.
Text is always an inline string cell, never a formula, and text that starts like a formula also
gets the quote prefix (Excel's hidden apostrophe), so editing the cell keeps it text.
"""

from __future__ import annotations

import re
from datetime import date

from ..domain.spreadsheet_text import starts_like_formula
from ..domain.text import xml_text

HEADER_FILL = "1F3864"
CRITICAL_FILL = "F8CBAD"
DATE_FORMAT_ID = 164  # the first id free for a workbook's own number formats
# Units of a count of days, by the look's `unit`: elapsed days (MS Project's 'ed'), and elapsed days
# signed as a variance or lag is written ('+5 ed'). Working days need none: the columns say '(d)'.
ELAPSED, SIGNED_ELAPSED = "ed", "+ed"
_UNIT_FORMATS = {ELAPSED: (165, '#,##0 "ed"'), SIGNED_ELAPSED: (166, '+#,##0 "ed";-#,##0 "ed";0 "ed"')}
_FILLS = {None: 0, "header": 2, "critical": 3}  # 1 is the gray125 fill every workbook must have
_EXCEL_EPOCH = date(1899, 12, 30).toordinal()  # serial 0 of Excel's 1900 date system
_FIRST_PLAIN_SERIAL = date(1900, 3, 1)  # from here Excel's serials count days (before: its 1900 leap bug)
_CARRIAGE_RETURN = re.compile("\r\n?")
_NEEDS_CARE = re.compile('[&<>"\x00-\x1f\ufffe\uffff]')  # text with none of these goes out as it is
_FONT = '<font>{}<sz val="11"/>{}<name val="Calibri"/><family val="2"/></font>'


def safe_text(value: str) -> str:
    """Text Excel can hold: control characters removed, line ends as Excel's own (a line feed)."""
    return xml_text(_CARRIAGE_RETURN.sub("\n", value or ""))  # what XML 1.0 can not hold (openpyxl refused it)


def escape(text: str) -> str:
    """Text for XML content or a double-quoted attribute."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def column_letter(number: int) -> str:
    """1 -> 'A', 27 -> 'AA'."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def excel_day(day: date) -> int | None:
    """Excel's serial number of `day`, or None before March 1900 (Excel's calendar is wrong there)."""
    return day.toordinal() - _EXCEL_EPOCH if day >= _FIRST_PLAIN_SERIAL else None


class Looks:
    """The workbook's cell formats by look, each made once; index 0 is the plain look."""

    def __init__(self):
        self.indexes: dict[tuple, int] = {(False, False, None, False, 0, False, False, None): 0}

    def get(self, *, bold=False, white=False, fill=None, day=False, indent=0, wrap=False, quote=False,
            unit=None) -> int:
        key = (bold, white, fill, day, indent, wrap, quote, unit)
        index = self.indexes.get(key)
        if index is None:
            index = self.indexes[key] = len(self.indexes)
        return index

    def styles_xml(self) -> str:
        fonts = _FONT.format("", "") + _FONT.format("<b/>", "") + _FONT.format("<b/>", '<color rgb="FFFFFFFF"/>')
        fills = ('<fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>'
                 + "".join(f'<fill><patternFill patternType="solid"><fgColor rgb="FF{color}"/>'
                           '<bgColor indexed="64"/></patternFill></fill>' for color in (HEADER_FILL, CRITICAL_FILL)))
        xfs = "".join(_xf(*key) for key, _ in sorted(self.indexes.items(), key=lambda item: item[1]))
        used = {key[-1] for key in self.indexes}  # a plan without elapsed days writes the date format only
        formats = [(DATE_FORMAT_ID, "yyyy-mm-dd"), *(form for unit, form in _UNIT_FORMATS.items() if unit in used)]
        numbers = "".join(f'<numFmt numFmtId="{number}" formatCode="{escape(code)}"/>' for number, code in formats)
        return ('<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                f'<numFmts count="{len(formats)}">{numbers}</numFmts>'
                f'<fonts count="3">{fonts}</fonts><fills count="4">{fills}</fills>'
                '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
                '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
                f'<cellXfs count="{len(self.indexes)}">{xfs}</cellXfs>'
                '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>')


def _xf(bold, white, fill, day, indent, wrap, quote, unit) -> str:
    font = 2 if white else 1 if bold else 0
    number = DATE_FORMAT_ID if day else _UNIT_FORMATS[unit][0] if unit else 0
    applied = ((' applyNumberFormat="1"' if number else "") + (' applyFont="1"' if font else "")
               + (' applyFill="1"' if fill else "") + (' applyAlignment="1"' if indent or wrap else "")
               + (' quotePrefix="1"' if quote else ""))
    alignment = ((f'<alignment horizontal="left" indent="{indent}"/>' if indent else "")
                 or ('<alignment vertical="center" wrapText="1"/>' if wrap else ""))
    return (f'<xf numFmtId="{number}" fontId="{font}" fillId="{_FILLS[fill]}" borderId="0" xfId="0"{applied}>'
            f"{alignment}</xf>")


class RowWriter:
    """Rows of plain values (text, numbers, dates, None) as sheet XML, one `<row>` at a time."""

    def __init__(self, looks: Looks, columns: int):
        self.looks = looks
        self.letters = [column_letter(n) for n in range(1, columns + 1)]

    def row(self, number: int, values: list, *, bold=False, critical=False, indent_column=-1, indent=0,
            white=False, fill=None, wrap=False, units: dict[int, str] | None = None) -> str:
        """One row; a bold or filled row gives every cell its look (empty ones too), as a highlight.
        `units` gives columns whose number is written with a unit (ELAPSED, SIGNED_ELAPSED)."""
        fill = "critical" if critical else fill
        styled = bold or fill is not None
        cells = []
        for column, value in enumerate(values):
            ref = f"{self.letters[column]}{number}"
            depth = indent if column == indent_column else 0
            look = self.looks.get(bold=bold, white=white, fill=fill, indent=depth, wrap=wrap) if styled or depth else 0
            if isinstance(value, str):
                cells.append(self._text(ref, value, look, bold, white, fill, depth, wrap))
            elif isinstance(value, date):
                cells.append(self._date(ref, value, bold, fill))
            elif value is not None:  # a number (a flag as 0/1)
                if units and column in units:
                    look = self.looks.get(bold=bold, white=white, fill=fill, wrap=wrap, unit=units[column])
                style = f' s="{look}"' if look else ""
                cells.append(f'<c r="{ref}"{style}><v>{int(value) if isinstance(value, bool) else value}</v></c>')
            elif look:
                cells.append(f'<c r="{ref}" s="{look}"/>')
        return f'<row r="{number}">{"".join(cells)}</row>'

    def _text(self, ref, value, look, bold, white, fill, depth, wrap) -> str:
        text = escape(safe_text(value)) if _NEEDS_CARE.search(value) else value
        if starts_like_formula(value):  # "\r=1+1", " =1+1" and "＝1+1" are defused like "=1+1"
            look = self.looks.get(bold=bold, white=white, fill=fill, indent=depth, wrap=wrap, quote=True)
        style = f' s="{look}"' if look else ""
        if not text:
            return f'<c r="{ref}"{style}/>' if look else ""
        space = ' xml:space="preserve"' if text[0].isspace() or text[-1].isspace() else ""
        return f'<c r="{ref}"{style} t="inlineStr"><is><t{space}>{text}</t></is></c>'

    def _date(self, ref, day, bold, fill) -> str:
        serial = excel_day(day)
        if serial is None:  # Excel cannot show it as a date: the ISO date as text
            return f'<c r="{ref}" t="inlineStr"><is><t>{day.isoformat()}</t></is></c>'
        return f'<c r="{ref}" s="{self.looks.get(bold=bold, fill=fill, day=True)}"><v>{serial}</v></c>'
