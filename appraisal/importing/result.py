"""What an import produced: the draft, and where every character of the document went (`origin`, `structure`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from appraisal.draft import Draft
from appraisal.importing.document import Document
from appraisal.markdown_escapes import file_column
from appraisal.templates import Template


@dataclass(frozen=True)
class Span:
    """Characters of the document that are not copied into a text field, and what they were."""

    line: int  # 1-based document line
    start: int  # 0-based offset in that line
    end: int  # exclusive
    role: str  # "heading", "marker" (Markdown `#`), "escape" (a Markdown `\\`), "label" (`姓名：`), "profile.name", …
    section: str = ""  # for "heading": the section it opens


@dataclass(frozen=True)
class Source:
    """Where text of a section came from: the document line of the heading that opened it, the heading as
    written, and why it went to that section (in Chinese)."""

    line: int
    heading: str
    reason: str


@dataclass
class ImportResult:
    draft: Draft
    template: Template
    document: Document
    # key: a section id, "unmatched" or "title"; value: for each line of that field's text (text.split("\n")),
    # (1-based document line, 0-based offset in that line where the text line starts).
    origin: dict[str, list[tuple[int, int]]]
    matched_template_score: float  # share (0–1) of the template's headings found in the document
    structure: list[Span] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # things the user should check, in Chinese
    template_chosen: bool = False  # True when the template was picked by matching, not given
    document_year: int | None = None  # the year the document is about, when it names one (title, 年度, 落款)
    confident: bool = True  # the template was given, or recognised with confidence
    reasons: list[str] = field(default_factory=list)  # why the template was chosen, in Chinese
    fits_no_template: bool = False  # a text of a kind no template is for (a speech): imported into the body
    not_a_report: str = ""  # 新闻报道 or 操作说明: no report at all; `import` asks, or refuses without --template
    sources: dict[str, list[Source]] = field(default_factory=dict)  # section id → the headings its text came from
    salutation: str = ""  # the document's salutation (尊敬的各位领导：), kept in the opening text
    # A Markdown file's escapes: key → for each line of the field's text, the positions (in the text line) of the
    # characters that stood behind a backslash in the file; only fields with at least one (see `column`).
    escapes: dict[str, list[tuple[int, ...]]] = field(default_factory=dict)
    # Templates that could not be loaded while looking for the document's (one sentence each, naming the file).
    unloaded_templates: list[str] = field(default_factory=list)
    own_headings: int = 0  # headings of the writer's own (naming no section) that were placed by their words
    # A Word table's row read as one line (`importing.table_rows`): key → line index → its cells, each as (start and
    # end column in the text line, 1-based document line, 0-based offset in it); the separators between them are
    # the only characters of a field that come from no document character (`from_document`).
    segments: dict[str, dict[int, tuple[tuple[int, int, int, int], ...]]] = field(default_factory=dict)

    def place(self, key: str, index: int, column: int) -> tuple[int, int]:
        """Where a column (0-based) of line `index` of a field's text is in the document: (1-based document line,
        0-based offset in it), the backslashes of a Markdown file's escapes counted. In a table row read as one
        line, a separator stands just after the cell before it."""
        joined = self.segments.get(key, {}).get(index)
        if joined:
            for start, _end, line, offset in reversed(joined):
                if column >= start:
                    return line, offset + column - start
        line, offset = self.origin[key][index]
        escaped = self.escapes.get(key)
        return line, offset + (file_column(column, escaped[index]) if escaped else column)

    def place_span(self, key: str, index: int, start: int, end: int) -> tuple[int, int, int]:
        """Where columns `start`–`end` (0-based, end exclusive) of a field's line are in the document: (line,
        start offset, end offset); a span running over a table row's cells ends with the cell it starts in."""
        line, first = self.place(key, index, start)
        joined = self.segments.get(key, {}).get(index)
        if not joined:
            return line, first, self.place(key, index, end)[1]
        cell_start, cell_end, _line, offset = next((cell for cell in reversed(joined) if start >= cell[0]), joined[0])
        return line, first, offset + max(min(end, cell_end), start) - cell_start

    def from_document(self, key: str, index: int, column: int) -> bool:
        """Whether a column of a field's line is a character of the document (not a separator between cells)."""
        joined = self.segments.get(key, {}).get(index)
        return not joined or any(start <= column < end for start, end, _line, _offset in joined)

    def headings(self) -> list[Span]:
        return [span for span in self.structure if span.role == "heading"]
