"""A data table in a Word report, read as rows: one draft paragraph per row, its cells in order, separated by a
full-width space (`地区生产总值（亿元）　100　110`), instead of one paragraph per cell. Every character of the
cells is kept; only the separators are added, and `ImportResult.segments` says where each cell's text came from.

A row is read so when it holds at least two cells with text, each short (a cell of a few lines at most, ≤ 300
characters): a cell holding a whole report (a 登记表's 个人总结 cell) keeps its paragraphs, and so does its row."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from appraisal.importing.document import Document
from appraisal.importing.units import Unit

SEPARATOR = "\u3000"
MAX_CELL_UNITS = 3
MAX_CELL_CHARS = 300

Piece = tuple[Unit, int, int]  # a unit, and the stretch of its text placed in a field


def joinable_rows(units: Sequence[Unit], document: Document) -> set[int]:
    """The table rows (by number, `Document.table_cells`) that are read as one paragraph each."""
    if not document.table_cells:
        return set()
    cells: dict[tuple[int, int], list[Unit]] = defaultdict(list)
    for unit in units:
        where = document.table_cells.get(unit.line)
        if where is not None:
            cells[where].append(unit)
    rows: dict[int, list[list[Unit]]] = defaultdict(list)
    for (row, _cell), held in cells.items():
        rows[row].append(held)
    return {
        row
        for row, held in rows.items()
        if len(held) >= 2
        and all(len(units) <= MAX_CELL_UNITS and sum(len(u.text) for u in units) <= MAX_CELL_CHARS for units in held)
    }


def group_rows(pieces: Sequence[Piece], document: Document, joinable: set[int]) -> list[list[Piece]]:
    """The pieces of one field (in document order) as its lines: the consecutive pieces of one joinable row make
    one line, every other piece a line of its own."""
    lines: list[list[Piece]] = []
    last_row: int | None = None
    for piece in pieces:
        where = document.table_cells.get(piece[0].line)
        row = where[0] if where is not None and where[0] in joinable else None
        if row is not None and row == last_row:
            lines[-1].append(piece)
        else:
            lines.append([piece])
        last_row = row
    return lines
