"""The draft from the pieces placed, and where each of its lines came from (`ImportResult.origin`): the title (or
the template's, with the year or its placeholder), the profile, the appraisal year (from the document, never from
today), the sections and the text that went nowhere (kept in `unmatched`)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from appraisal.draft import Draft, Profile
from appraisal.importing import signature, table_rows
from appraisal.importing.candidates import Candidate, HeadingSearch
from appraisal.importing.placed import Placed
from appraisal.importing.recognise import Recognition
from appraisal.importing.result import ImportResult, Span
from appraisal.importing.table_rows import Piece
from appraisal.importing.units import Unit
from appraisal.markdown_escapes import file_column, unescape
from appraisal.templates import Template

Cell = tuple[str, int, int]  # a piece of a unit without its white space: text, document line, column


def assemble(
    search: HeadingSearch, state: Placed, headings: list[Candidate], chosen: bool, recognition: Recognition
) -> ImportResult:
    """The draft from the placed pieces, and where each of its lines came from."""
    fields = _Fields.read(search, state)
    state.structure.extend(fields.escape_spans())
    texts = fields.texts()
    body = [text for key, text in texts.items() if key != "title"]
    named = _document_year(state, body)
    # The year comes from the document or stays empty for the user to fill in: today's year would put a
    # 2015 report under 2026 without a word.
    year = _appraisal_year(state, named, body)
    if year is None:
        state.notes.append("文中没有找到考核年度，草稿中的考核年度暂空，请在编辑时填写。")
    state.notes.extend(search.document.left_out)
    return ImportResult(
        draft=_draft(search.template, state.profile, texts, year),
        template=search.template,
        document=search.document,
        origin=fields.origin(),
        escapes=fields.escapes(),
        matched_template_score=search.coverage(headings),
        structure=state.structure,
        notes=state.notes,
        template_chosen=chosen,
        document_year=named,
        confident=recognition.confident,
        reasons=list(recognition.reasons),
        fits_no_template=recognition.fits_none,
        not_a_report=recognition.not_report,
        sources=state.sources,
        salutation=state.salutation,
        own_headings=state.own_headings,
        segments=fields.segments(),
    )


def _draft(template: Template, profile: dict[str, str], texts: dict[str, str], year: int | None) -> Draft:
    """The draft: the fields' texts (the title, or the template's own), the particulars found, the year."""
    extra = {"date": profile["date"]} if "date" in profile else {}
    draft = Draft(
        template=template.id,
        profile=Profile(
            name=profile.get("name", ""),
            unit=profile.get("unit", ""),
            position=profile.get("position", ""),
            year=year,
            **extra,
        ),
        title=texts.pop("title", "") or template.default_title(year),
        sections={section_id: "" for section_id in template.text_section_ids()},
        unmatched=texts.pop("unmatched", ""),
    )
    draft.sections.update(texts)
    return draft


@dataclass
class _FieldText:
    """One field's text line by line: where each line starts in the document, the positions of a Markdown file's
    escapes in it, and for a table's row read as one line, its cells (see `ImportResult`)."""

    lines: list[str] = field(default_factory=list)
    where: list[tuple[int, int]] = field(default_factory=list)
    escaped: list[tuple[int, ...]] = field(default_factory=list)
    segments: dict[int, tuple[tuple[int, int, int, int], ...]] = field(default_factory=dict)
    backslashes: list[Span] = field(default_factory=list)  # a Markdown file's escapes: markup, not text

    def add(self, text: str, where: tuple[int, int], escaped: tuple[int, ...] = ()) -> None:
        self.lines.append(text)
        self.where.append(where)
        self.escaped.append(escaped)

    def add_row(self, cells: list[Cell]) -> None:
        """A table's row: its cells on one line (`table_rows`)."""
        self.segments[len(self.lines)] = _segments(cells)
        self.add(table_rows.SEPARATOR.join(text for text, _line, _column in cells), cells[0][1:])


@dataclass(frozen=True)
class _Fields:
    """Every field's text (a section id, "title" or "unmatched"), in the order the pieces were placed."""

    by_key: dict[str, _FieldText]

    @classmethod
    def read(cls, search: HeadingSearch, state: Placed) -> _Fields:
        """The fields' texts from the pieces placed in them, put in document order."""
        document = search.document
        joinable = table_rows.joinable_rows(search.units, document)
        markdown = document.kind == "md"
        by_key = {}
        for key, pieces in state.fields.items():
            ordered = sorted(pieces, key=lambda piece: (piece[0].line, piece[0].start + piece[1]))
            by_key[key] = _field_text(table_rows.group_rows(ordered, document, joinable), markdown)
        return cls(by_key)

    def escape_spans(self) -> list[Span]:
        """Where the backslashes of a Markdown file's escapes stand (structure, not text), field after field."""
        return [span for text in self.by_key.values() for span in text.backslashes]

    def texts(self) -> dict[str, str]:
        return {key: "\n".join(text.lines) for key, text in self.by_key.items() if text.lines}

    def origin(self) -> dict[str, list[tuple[int, int]]]:
        return {key: text.where for key, text in self.by_key.items() if text.lines}

    def escapes(self) -> dict[str, list[tuple[int, ...]]]:
        return {key: text.escaped for key, text in self.by_key.items() if any(text.escaped)}

    def segments(self) -> dict[str, dict[int, tuple[tuple[int, int, int, int], ...]]]:
        return {key: text.segments for key, text in self.by_key.items() if text.segments}


def _field_text(rows: list[list[Piece]], markdown: bool) -> _FieldText:
    """A field's pieces, grouped by line (`table_rows.group_rows`), as lines of text: a table's row on one line; a
    Markdown file's backslash escapes (`\\*`) are markup: the draft gets the characters, the backslashes go to
    `backslashes` (the import's structure)."""
    out = _FieldText()
    for row in rows:
        cells = [cell for unit, start, end in row if (cell := _cell(unit, start, end)) is not None]
        if len(cells) > 1:
            out.add_row(cells)
        elif cells:
            text, line, column = cells[0]
            text, positions = unescape(text) if markdown else (text, ())
            for position in positions:
                backslash = column + file_column(position, positions)
                out.backslashes.append(Span(line, backslash, backslash + 1, "escape"))
            out.add(text, (line, column), positions)
    return out


def _cell(unit: Unit, start: int, end: int) -> Cell | None:
    """A piece of a unit without the white space around it; None when it is all white space."""
    piece = unit.text[start:end]
    left = piece.lstrip()
    text = left.rstrip()
    return (text, unit.line, unit.start + start + len(piece) - len(left)) if text else None


def _segments(cells: list[Cell]) -> tuple[tuple[int, int, int, int], ...]:
    """Where each cell of a row read as one line stands in it and in the document (`ImportResult.segments`)."""
    out: list[tuple[int, int, int, int]] = []
    column = 0
    for text, line, offset in cells:
        out.append((column, column + len(text), line, offset))
        column += len(text) + len(table_rows.SEPARATOR)
    return tuple(out)


def _appraisal_year(state: Placed, named: int | None, body: list[str]) -> int | None:
    """The appraisal year: the title's, else the 落款's, else the year the document names (`_document_year`),
    else the year it mentions most."""
    for year in (state.title_year, state.signed_year, named):
        if year is not None:
            return year
    return _year_mentioned_most(body)


def _document_year(state: Placed, texts: list[str]) -> int | None:
    """The year the document is about: from its title, else the 年度 it names most, else its dated 落款."""
    if state.title_year is not None:
        return state.title_year
    counts = Counter(year for text in texts for year in signature.years_named(text))
    if counts:
        return counts.most_common(1)[0][0]
    return state.signed_year


def _year_mentioned_most(texts: list[str]) -> int | None:
    """The last resort for the appraisal year: the year the text names most (`2023年`); of two named as often,
    the earlier — a report reviews one year and plans the next."""
    years = Counter(year for text in texts for year in signature.years_mentioned(text))
    if not years:
        return None
    return min(years, key=lambda year: (-years[year], year))
