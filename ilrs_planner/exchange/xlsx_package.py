"""The parts of an .xlsx file (Office Open XML, ECMA-376) around the sheets we write, and its zip.

We write the package ourselves because the library writers cost seconds per 10,000 tasks (openpyxl
builds a cell object per cell even in write-only mode; XlsxWriter is not much faster), while the
format we need is small: a workbook of sheets, with inline text, numbers, one date format, column
widths, a frozen header, an auto-filter and a handful of cell looks. Sheets stream into the zip in
chunks of rows, so memory stays small whatever the plan's size.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import BinaryIO

from .xlsx_cells import Looks, column_letter, escape

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_ROWS_PER_CHUNK = 2000


@dataclass(slots=True)
class Sheet:
    """One sheet: name, column widths, how many leading rows/columns are frozen, and its row XML."""

    name: str
    widths: Sequence[float]
    rows: Iterable[str]  # "<row ...>...</row>" each, in order
    row_count: int
    frozen_rows: int = 1
    frozen_columns: int = 0
    autofilter: bool = False
    last_column: int = field(init=False)

    def __post_init__(self) -> None:
        self.last_column = len(self.widths)

    @property
    def full_range(self) -> str:
        return f"A1:{column_letter(self.last_column)}{max(self.row_count, 1)}"


def package(sheets: list[Sheet], looks: Looks, stream: BinaryIO) -> None:
    """Write the zipped workbook to `stream` (a file: the zip goes back to each part's header once
    the part is written). Sheets are written first, so the styles hold every look they used."""
    with zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", _content_types(len(sheets)))
        archive.writestr("_rels/.rels", _HEAD + f'<Relationships xmlns="{_PACKAGE_RELS}"><Relationship Id="rId1" '
                         f'Type="{_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        for number, sheet in enumerate(sheets, start=1):
            with archive.open(f"xl/worksheets/sheet{number}.xml", "w") as out:
                for chunk in _sheet_xml(sheet, number == 1):
                    out.write(chunk.encode("utf-8", "replace"))
        archive.writestr("xl/workbook.xml", _workbook(sheets))
        archive.writestr("xl/_rels/workbook.xml.rels", _workbook_rels(len(sheets)))
        archive.writestr("xl/styles.xml", _HEAD + looks.styles_xml())


def _content_types(count: int) -> str:
    sheets = "".join(f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="{_TYPE}.worksheet+xml"/>'
                     for n in range(1, count + 1))
    return (_HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{_TYPE}.sheet.main+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{_TYPE}.styles+xml"/>{sheets}</Types>')


def _workbook(sheets: list[Sheet]) -> str:
    entries = "".join(f'<sheet name="{escape(s.name)}" sheetId="{n}" r:id="rId{n}"/>'
                      for n, s in enumerate(sheets, start=1))
    # Excel keeps an auto-filter's range in this hidden name; without it the filter buttons can be lost.
    names = "".join(f'<definedName name="_xlnm._FilterDatabase" localSheetId="{n}" hidden="1">'
                    f"'{escape(s.name)}'!{_absolute(s.full_range)}</definedName>"
                    for n, s in enumerate(sheets) if s.autofilter)
    return (_HEAD + f'<workbook xmlns="{_MAIN}" xmlns:r="{_RELS}"><bookViews><workbookView/></bookViews>'
            f"<sheets>{entries}</sheets>" + (f"<definedNames>{names}</definedNames>" if names else "")
            + '<calcPr calcId="191029"/></workbook>')


def _workbook_rels(count: int) -> str:
    sheets = "".join(f'<Relationship Id="rId{n}" Type="{_RELS}/worksheet" Target="worksheets/sheet{n}.xml"/>'
                     for n in range(1, count + 1))
    return (_HEAD + f'<Relationships xmlns="{_PACKAGE_RELS}">{sheets}'
            f'<Relationship Id="rId{count + 1}" Type="{_RELS}/styles" Target="styles.xml"/></Relationships>')


def _sheet_xml(sheet: Sheet, selected: bool) -> Iterator[str]:
    cols = "".join(f'<col min="{n}" max="{n}" width="{width}" customWidth="1"/>'
                   for n, width in enumerate(sheet.widths, start=1))
    tab = ' tabSelected="1"' if selected else ""
    yield (_HEAD + f'<worksheet xmlns="{_MAIN}" xmlns:r="{_RELS}"><dimension ref="{sheet.full_range}"/>'
           f'<sheetViews><sheetView{tab} workbookViewId="0">'
           f"{_pane(sheet.frozen_rows, sheet.frozen_columns)}</sheetView></sheetViews>"
           f'<sheetFormatPr defaultRowHeight="15"/><cols>{cols}</cols><sheetData>')
    chunk: list[str] = []
    for row in sheet.rows:
        chunk.append(row)
        if len(chunk) == _ROWS_PER_CHUNK:
            yield "".join(chunk)
            chunk.clear()
    yield "".join(chunk) + "</sheetData>"
    if sheet.autofilter:
        yield f'<autoFilter ref="{sheet.full_range}"/>'
    yield '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>'


def _pane(rows: int, columns: int) -> str:
    """The frozen pane: `rows` header rows and `columns` leading columns stay in view."""
    if not rows and not columns:
        return ""
    corner = f"{column_letter(columns + 1)}{rows + 1}"
    active = "bottomRight" if rows and columns else ("bottomLeft" if rows else "topRight")
    split = (f' xSplit="{columns}"' if columns else "") + (f' ySplit="{rows}"' if rows else "")
    return (f'<pane{split} topLeftCell="{corner}" activePane="{active}" state="frozen"/>'
            f'<selection pane="{active}" activeCell="{corner}" sqref="{corner}"/>')


def _absolute(cell_range: str) -> str:
    """'A1:U9' as '$A$1:$U$9'."""
    def fixed(cell: str) -> str:
        letters = cell.rstrip("0123456789")
        return f"${letters}${cell[len(letters):]}"
    return ":".join(map(fixed, cell_range.split(":")))
