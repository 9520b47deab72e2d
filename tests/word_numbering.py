"""Word files with automatic list numbers, made for the tests: python-docx writes the paragraphs and styles, and
the numbering part is replaced by one written here by hand (`abstract`, `lvl`, `num`), as Word and WPS write it."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

Numbered = tuple[str, int]  # (numId, ilvl)
Row = str | tuple[str, str | None, Numbered | None]  # text, or (text, style, numbering)


def lvl(
    ilvl: int,
    fmt: str,
    text: str,
    *,
    start: int = 1,
    restart: int | None = None,
    suff: str | None = None,
    pstyle: str | None = None,
    legal: bool = False,
) -> str:
    parts = [f'<w:start w:val="{start}"/>', f'<w:numFmt w:val="{fmt}"/>']
    if restart is not None:
        parts.append(f'<w:lvlRestart w:val="{restart}"/>')
    if pstyle is not None:
        parts.append(f'<w:pStyle w:val="{pstyle}"/>')
    if legal:
        parts.append("<w:isLgl/>")
    if suff is not None:
        parts.append(f'<w:suff w:val="{suff}"/>')
    parts.append(f'<w:lvlText w:val="{text}"/>')
    return f'<w:lvl w:ilvl="{ilvl}">{"".join(parts)}</w:lvl>'


def abstract(key: int, *levels: str, link: str | None = None, style_link: str | None = None) -> str:
    extra = f'<w:numStyleLink w:val="{link}"/>' if link else ""
    extra += f'<w:styleLink w:val="{style_link}"/>' if style_link else ""
    return f'<w:abstractNum w:abstractNumId="{key}">{extra}{"".join(levels)}</w:abstractNum>'


def num(key: int, abstract_key: int, starts: dict[int, int] | None = None, levels: dict[int, str] | None = None) -> str:
    """A list instance; `starts`: level → startOverride, `levels`: level → a whole `w:lvl` overriding it."""
    overrides = "".join(
        f'<w:lvlOverride w:ilvl="{i}"><w:startOverride w:val="{s}"/></w:lvlOverride>' for i, s in (starts or {}).items()
    )
    overrides += "".join(f'<w:lvlOverride w:ilvl="{i}">{level}</w:lvlOverride>' for i, level in (levels or {}).items())
    return f'<w:num w:numId="{key}"><w:abstractNumId w:val="{abstract_key}"/>{overrides}</w:num>'


def numbering_xml(*parts: str) -> bytes:
    """The numbering part: abstract definitions first, then the instances, as the schema orders them."""
    ordered = [p for p in parts if p.startswith("<w:abstractNum")] + [p for p in parts if p.startswith("<w:num ")]
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    return f'{head}<w:numbering xmlns:w="{W}">{"".join(ordered)}</w:numbering>'.encode()


def _num_pr(numbered: Numbered) -> OxmlElement:
    num_pr = OxmlElement("w:numPr")
    level = OxmlElement("w:ilvl")
    level.set(qn("w:val"), str(numbered[1]))
    num_id = OxmlElement("w:numId")
    num_id.set(qn("w:val"), numbered[0])
    num_pr.append(level)
    num_pr.append(num_id)
    return num_pr


def numbered_docx(
    path: Path,
    rows: Iterable[Row],
    numbering: bytes,
    styles: dict[str, tuple[str | None, Numbered | None, str | None]] | None = None,
) -> Path:
    """A .docx at `path` with the paragraphs `rows` and the numbering part `numbering`. `styles` adds paragraph
    styles: style id → (the style it is based on, its own numbering, its name)."""
    word = docx.Document()
    for style_id, (base, numbered, name) in (styles or {}).items():
        style = word.styles.add_style(name or style_id, WD_STYLE_TYPE.PARAGRAPH)
        style.element.set(qn("w:styleId"), style_id)
        if base is not None:
            style.base_style = word.styles[base]
        if numbered is not None:
            ppr = style.element.get_or_add_pPr()
            if numbered[1] < 0:  # no ilvl: the level linked to the style
                num_pr = OxmlElement("w:numPr")
                num_id = OxmlElement("w:numId")
                num_id.set(qn("w:val"), numbered[0])
                num_pr.append(num_id)
                ppr.append(num_pr)
            else:
                ppr.append(_num_pr(numbered))
    for row in rows:
        text, style_id, numbered = (row, None, None) if isinstance(row, str) else row
        paragraph = word.add_paragraph(text)
        if style_id is not None:
            ppr = paragraph._p.get_or_add_pPr()
            ppr.get_or_add_pStyle().set(qn("w:val"), style_id)
        if numbered is not None:
            paragraph._p.get_or_add_pPr().append(_num_pr(numbered))
    buffer = io.BytesIO()
    word.save(buffer)
    path.write_bytes(replace_part(buffer.getvalue(), "word/numbering.xml", numbering))
    return path


def replace_part(raw: bytes, name: str, blob: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in source.infolist():
            copy.writestr(info, blob if info.filename == name else source.read(info))
    return out.getvalue()
