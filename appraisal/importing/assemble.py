"""The draft from the pieces placed, and where each of its lines came from (`ImportResult.origin`): the title (or
the template's, with the year or its placeholder), the profile, the appraisal year (from the document, never from
today), the sections and the text that went nowhere (kept in `unmatched`)."""

from __future__ import annotations

from collections import Counter

from appraisal.draft import Draft, Profile
from appraisal.importing import signature, table_rows
from appraisal.importing.candidates import Candidate, HeadingSearch
from appraisal.importing.placed import Placed
from appraisal.importing.recognise import Recognition
from appraisal.importing.result import ImportResult, Span
from appraisal.markdown_escapes import file_column, unescape


def assemble(
    search: HeadingSearch, state: Placed, headings: list[Candidate], chosen: bool, recognition: Recognition | None
) -> ImportResult:
    """The draft from the placed pieces, and where each of its lines came from."""
    texts: dict[str, str] = {}
    origin: dict[str, list[tuple[int, int]]] = {}
    escapes: dict[str, list[tuple[int, ...]]] = {}
    segments: dict[str, dict[int, tuple[tuple[int, int, int, int], ...]]] = {}
    markdown = search.document.kind == "md"
    joinable = table_rows.joinable_rows(search.units, search.document)
    for key, pieces in state.fields.items():
        pieces.sort(key=lambda piece: (piece[0].line, piece[0].start + piece[1]))
        lines: list[str] = []
        where: list[tuple[int, int]] = []
        escaped: list[tuple[int, ...]] = []
        for row in table_rows.group_rows(pieces, search.document, joinable):
            cells: list[tuple[str, int, int]] = []  # text, document line, column
            for unit, start, end in row:
                piece = unit.text[start:end]
                left = piece.lstrip()
                text = left.rstrip()
                if text:
                    cells.append((text, unit.line, unit.start + start + len(piece) - len(left)))
            if not cells:
                continue
            if len(cells) > 1:  # a table's row: its cells on one line (`table_rows`)
                segments.setdefault(key, {})[len(lines)] = _segments(cells)
                lines.append(table_rows.SEPARATOR.join(text for text, _line, _column in cells))
                where.append(cells[0][1:])
                escaped.append(())
                continue
            text, line, column = cells[0]
            # A Markdown file's backslash escapes (`\*\*`) are markup: the draft gets the characters.
            text, positions = unescape(text) if markdown else (text, ())
            for position in positions:
                backslash = column + file_column(position, positions)
                state.structure.append(Span(line, backslash, backslash + 1, "escape"))
            lines.append(text)
            where.append((line, column))
            escaped.append(positions)
        if lines:
            texts[key] = "\n".join(lines)
            origin[key] = where
            if any(escaped):
                escapes[key] = escaped
    body = [text for key, text in texts.items() if key != "title"]
    named = _document_year(state, body)
    found = state.title_year if state.title_year is not None else state.signed_year
    found = found if found is not None else named if named is not None else _year_mentioned_most(body)
    # The year comes from the document or stays empty for the user to fill in: today's year would put a
    # 2015 report under 2026 without a word.
    year = found
    if year is None:
        state.notes.append("文中没有找到考核年度，草稿中的考核年度暂空，请在编辑时填写。")
    profile = state.profile
    extra = {"date": profile["date"]} if "date" in profile else {}
    draft = Draft(
        template=search.template.id,
        profile=Profile(
            name=profile.get("name", ""),
            unit=profile.get("unit", ""),
            position=profile.get("position", ""),
            year=year,
            **extra,
        ),
        title=texts.pop("title", "") or search.template.default_title(year),
        sections={section_id: "" for section_id in search.template.text_section_ids()},
        unmatched=texts.pop("unmatched", ""),
    )
    for key, text in texts.items():
        draft.sections[key] = text
    return ImportResult(
        draft=draft,
        template=search.template,
        document=search.document,
        origin=origin,
        escapes=escapes,
        matched_template_score=search.coverage(headings),
        structure=state.structure,
        notes=state.notes,
        template_chosen=chosen,
        document_year=named,
        confident=recognition.confident if recognition is not None else True,
        reasons=list(recognition.reasons) if recognition is not None else [],
        fits_no_template=recognition.fits_none if recognition is not None else False,
        not_a_report=recognition.not_report if recognition is not None else "",
        sources=state.sources,
        salutation=state.salutation,
        own_headings=state.own_headings,
        segments=segments,
    )


def _segments(cells: list[tuple[str, int, int]]) -> tuple[tuple[int, int, int, int], ...]:
    """Where each cell of a row read as one line stands in it and in the document (`ImportResult.segments`)."""
    out: list[tuple[int, int, int, int]] = []
    column = 0
    for text, line, offset in cells:
        out.append((column, column + len(text), line, offset))
        column += len(text) + len(table_rows.SEPARATOR)
    return tuple(out)


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
