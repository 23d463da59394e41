"""Cells a workbook's task sheet holds under no column name: right of the header row's last name, or
under a blank header cell. The CSV import reads columns by name, so these are not read; the import
says so once, naming the columns by letter and where the first such cell is."""

from __future__ import annotations

from collections.abc import Iterator

from .xlsx_cells import column_letter

_MOST_LETTERS = 12  # columns named in the note, then how many more


class UnnamedCells:
    """Collects, row by row, the cells that have no column to be read in."""

    def __init__(self, sheet: str, header_row: int, header: list[str], hint: str = "; name a column to have it read"):
        self.sheet, self.header_row, self.hint = sheet, header_row, hint
        self.named = [bool(title.strip()) for title in header]
        self.letters: dict[int, None] = {}  # column numbers (1 = A), in the order first met
        self.cells = 0
        self.rows = 0
        self.first: tuple[int, int, str] | None = None  # row, column number, text

    def take(self, number: int, cells: list[str]) -> None:
        found = [(place, cell) for place, cell in enumerate(cells, start=1)
                 if cell.strip() and (place > len(self.named) or not self.named[place - 1])]
        if not found:
            return
        self.rows += 1
        self.cells += len(found)
        self.letters.update(dict.fromkeys(place for place, _ in found))
        if self.first is None:
            self.first = (number, found[0][0], found[0][1])

    def report(self, warnings: list[str]) -> None:
        if self.first is None:
            return
        places = sorted(self.letters)
        letters = ", ".join(column_letter(place) for place in places[:_MOST_LETTERS])
        more = f" and {len(places) - _MOST_LETTERS:,} more" if len(places) > _MOST_LETTERS else ""
        row, place, text = self.first
        cells = "1 cell was" if self.cells == 1 else f"{self.cells:,} cells on {_count(self.rows, 'row')} were"
        warnings.append(f"{self.sheet}: {cells} not read, in {'column' if len(places) == 1 else 'columns'} "
                        f"{letters}{more}, which the header row (row {self.header_row}) gives no name "
                        f"(first: {column_letter(place)}{row}, '{text[:40]}'){self.hint}")


def _count(number: int, word: str) -> str:
    return f"{number:,} {word}{'' if number == 1 else 's'}"


def noting_unnamed(rows: Iterator[tuple[int, list[str]]], sheet: str,
                   warnings: list[str]) -> Iterator[tuple[int, list[str]]]:
    """Our Links or Plan sheet's `rows` as they are, header first; once all are read, a note of the cells
    under no column name."""
    header = next(rows, None)
    if header is None:
        return
    yield header
    unnamed = UnnamedCells(sheet, *header, hint="")  # our sheet's columns are fixed: a name would not be read
    for number, cells in rows:
        unnamed.take(number, cells)
        yield number, cells
    unnamed.report(warnings)
