"""Importing documents (.txt, .md, .docx): reading a file into a `Document` (`reader`, `word`, `package`), splitting
it into the sections of a template (`parser`, which runs `units` → `candidates` → `recognise` → `front_matter`,
`back_matter`, `placement` → `assemble`, with `headings`, `signature` and `placed`), and writing it back with some
characters replaced (`copies`); and what an import did, in Chinese, for both faces (`summary`). This module is the
public API; the rest of the application imports from here.
"""

from appraisal.importing.copies import edited_copy, writable
from appraisal.importing.document import Document, Piece
from appraisal.importing.parser import import_document, parse_document
from appraisal.importing.reader import CHECKING, IMPORTING, read_document
from appraisal.importing.result import ImportResult, Span
from appraisal.importing.summary import import_summary, summary_lines

__all__ = [
    "CHECKING",
    "IMPORTING",
    "Document",
    "ImportResult",
    "Piece",
    "Span",
    "edited_copy",
    "import_document",
    "import_summary",
    "parse_document",
    "read_document",
    "summary_lines",
    "writable",
]
