"""Where a paragraph of a Word file is, as its reader counts: 第N段 counts the paragraphs outside tables, a table
counting as one (after a 3×3 table the next paragraph is one further on, not ten), and a paragraph inside a table
names its cell: 第N段（表格第R行第C格）. Tools keep the file's own paragraph number (`line`, json and concise)."""

from __future__ import annotations

from appraisal.checks.base import Finding
from appraisal.checks.positions import finding_place, is_positional
from appraisal.importing import Document


def word_places(document: Document) -> dict[int, str]:
    """For each paragraph (1-based, as `Document.lines` counts them, table cells included), its place in words."""
    cells = document.cells
    first_cell: dict[int, int] = {}  # a row → its first cell
    for row, cell in cells.values():
        first_cell[row] = min(cell, first_cell.get(row, cell))
    places: dict[int, str] = {}
    number = 0
    table_from = 0
    for line in range(1, len(document.lines) + 1):
        where = cells.get(line)
        if where is None:
            number += 1
            places[line] = f"第{number}段"
            continue
        row, cell = where
        if line - 1 not in cells:  # a table starts: one place for all of it
            number += 1
            table_from = row
        places[line] = f"第{number}段（表格第{row - table_from + 1}行第{cell - first_cell[row] + 1}格）"
    return places


def document_place(finding: Finding, places: dict[int, str], unit: str) -> str:
    """第N段第M字 of a finding in a document: a Word file's paragraph as `word_places` says it, else the line."""
    where = places.get(finding.line) if is_positional(finding) else None
    return f"{where}第{finding.column}字" if where else finding_place(finding, unit)
