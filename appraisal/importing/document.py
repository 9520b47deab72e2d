"""A document's text as the importer reads it: lines, and for Word files where each piece of a paragraph came
from. The record both readers fill (`reader` for txt/md, `word` for docx) and the importer, the checker and the
copy writer read; it lives apart from the readers so that neither reader needs the other."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Piece:
    """A stretch of a Word paragraph's text: from a text run (`text`, which may be rewritten in place), or a tab,
    line break or hyphen that only stands for one."""

    start: int
    end: int
    text: bool


@dataclass
class Document:
    """A document's text as lines: line N of the document is `lines[N-1]`.

    txt/md: the file's lines without line ends; `encoding`, `bom` and `line_ends` (one per line, "" for a last line
    without one) give the bytes back. docx: one entry per paragraph, table cells' paragraphs included, in document
    order (a line break inside a paragraph stays in it as "\\n"); `pieces[N-1]` says which characters of line N
    come from text runs. `outline` maps a line number to the heading level Word gave that paragraph (heading
    styles), when known; `cells` maps the line number of a paragraph inside a table to (row, cell), numbered
    through the document, nested tables counting as part of their outer cell — a 登记表 keeps the report in one
    big cell.
    """

    path: Path | None
    kind: str  # "txt" | "md" | "docx"
    lines: list[str]
    outline: dict[int, int] = field(default_factory=dict)
    cells: dict[int, tuple[int, int]] = field(default_factory=dict)
    encoding: str = "utf-8"
    bom: bytes = b""
    line_ends: list[str] = field(default_factory=list)
    pieces: list[tuple[Piece, ...]] = field(default_factory=list)
    numbered: dict[int, int] = field(default_factory=dict)  # docx: line → the level (0-based) Word numbers it at
    labels: dict[int, str] = field(default_factory=dict)  # docx: line → the number Word draws, at its start
    # docx: line → (row, cell) of the innermost table cell holding it (nested tables are tables of their own here),
    # numbered through the document: a data table's rows are read as rows (`importing.table_rows`).
    table_cells: dict[int, tuple[int, int]] = field(default_factory=dict)
    # docx: lines in a text box whose copy for older programs (`mc:Fallback`) already says something else: a fixed
    # copy changes neither (`importing.box_copies`)
    unwritable: set[int] = field(default_factory=set)
    left_out: list[str] = field(default_factory=list)  # docx: what the reader sees and the lines leave out, said once
