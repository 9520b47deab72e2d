"""Word (.docx) files: the paragraphs a reader sees, in document order, and rewriting characters of their text runs.

Reading and rewriting walk a paragraph the same way (`walk_paragraph`), so a position in the text the importer
read is a position in the runs a fixed copy changes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from appraisal.edits import Edit
from appraisal.errors import AppraisalError
from appraisal.importing.document import Document, Piece
from appraisal.importing.package import MAX_DOCX_PARTS, Package, Part, TooBig, TooManyParts, copy_replacing
from appraisal.text.lazy_regex import lazy_compile

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


W_P, W_T, W_TAB, W_PTAB, W_BR, W_CR = _w("p"), _w("t"), _w("tab"), _w("ptab"), _w("br"), _w("cr")
W_NO_BREAK_HYPHEN = _w("noBreakHyphen")
W_TR, W_TC = _w("tr"), _w("tc")
# Parts of a paragraph whose text is not what the reader sees: deleted or moved-away text, field codes,
# properties, text boxes (their paragraphs are separate), and the fallback copy of drawings.
_SKIPPED_IN_PARAGRAPH = {
    _w("del"),
    _w("moveFrom"),
    _w("instrText"),
    _w("delText"),
    _w("pPr"),
    _w("rPr"),
    _w("txbxContent"),
    f"{{{MC_NS}}}Fallback",
}
_SKIPPED_IN_BODY = {_w("sectPr"), _w("tblPr"), _w("tblGrid"), _w("trPr"), _w("tcPr"), _w("del"), _w("moveFrom")}
_STANDS_FOR = {W_TAB: "\t", W_PTAB: "\t", W_BR: "\n", W_CR: "\n", W_NO_BREAK_HYPHEN: "-"}

_DOCX_CONTENT_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
}
_STYLES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
_HEADING_STYLE = lazy_compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _corrupt_docx_message(path: Path, verb: str) -> str:
    return f"{path} 不是有效的 Word（.docx）文档，可能已损坏，请用 Word 或 WPS 打开后重新“另存为” .docx 再{verb}。"


class WordFile:
    """The main document part of a .docx, parsed: its XML tree and its paragraphs in document order."""

    def __init__(self, path: Path, raw: bytes, verb: str) -> None:
        from docx.oxml import parse_xml

        self.raw = raw
        self._path, self._verb = path, verb
        try:
            package = Package(raw)
            try:
                part = package.main
                if part.content_type not in _DOCX_CONTENT_TYPES:
                    raise AppraisalError(
                        f"{path} 不是 Word 文档（可能是 Excel 或 PowerPoint 文件），请{verb} .docx 文档。"
                    )
                self.part_name = part.name
                self.root = parse_xml(part.blob)
                self.styles, self.numbered_styles = _heading_styles(package, part, parse_xml)
            finally:
                package.close()
        except AppraisalError:
            raise
        except TooBig as exc:
            raise AppraisalError(_too_big_message(path, verb)) from exc
        except TooManyParts as exc:
            raise AppraisalError(
                f"{path} 中的部件超过 {MAX_DOCX_PARTS // 10000} 万个，不像是一份 Word 文档，无法{verb}，"
                "请确认选对了文件。"
            ) from exc
        except Exception as exc:  # zipfile, lxml and a broken package raise many types
            raise AppraisalError(_corrupt_docx_message(path, verb)) from exc
        body = self.root.find(_w("body"))
        if body is None:
            raise AppraisalError(_corrupt_docx_message(path, verb))
        self.inner_cells: list[tuple[int, int] | None] = []  # each paragraph's innermost table cell, if any
        self.paragraphs = _paragraphs(body, self.inner_cells)

    def to_bytes(self) -> bytes:
        """The package with the (possibly rewritten) main part; every other part byte for byte as it was."""
        from lxml import etree

        xml = etree.tostring(self.root, xml_declaration=True, encoding="UTF-8", standalone=True)
        try:
            return copy_replacing(self.raw, self.part_name, xml)
        except TooBig as exc:
            raise AppraisalError(_too_big_message(self._path, self._verb)) from exc
        except Exception as exc:  # a part whose data does not match its checksum, and the like
            raise AppraisalError(_corrupt_docx_message(self._path, self._verb)) from exc


def _too_big_message(path: Path, verb: str) -> str:
    return f"{path} 解压后的内容过大，超过{verb}上限，个人总结通常不到 1 MB，请确认选对了文件。"


def read_docx(path: Path, raw: bytes, verb: str) -> Document:
    """Paragraphs of the main document part, table cells included, in document order."""
    word = WordFile(path, raw, verb)
    lines: list[str] = []
    pieces: list[tuple[Piece, ...]] = []
    outline: dict[int, int] = {}
    numbered: dict[int, int] = {}
    cells: dict[int, tuple[int, int]] = {}
    table_cells: dict[int, tuple[int, int]] = {}
    for (paragraph, cell), inner in zip(word.paragraphs, word.inner_cells, strict=True):
        text, found = paragraph_text(paragraph)
        lines.append(text)
        pieces.append(tuple(piece for piece, _node in found))
        level = _outline_level(paragraph, word.styles)
        if level is not None:
            outline[len(lines)] = level
        numbering = _paragraph_numbering(paragraph, word.numbered_styles)
        if numbering is not None:
            numbered[len(lines)] = numbering
        if cell is not None:
            cells[len(lines)] = cell
        if inner is not None:
            table_cells[len(lines)] = inner
    if not any(line.strip() for line in lines):
        raise AppraisalError(f"Word 文档 {path} 中没有文字，没有可{verb}的内容。")
    return Document(path, "docx", lines, outline, cells, pieces=pieces, numbered=numbered, table_cells=table_cells)


def _paragraphs(body: Any, inner_cells: list[tuple[int, int] | None]) -> list[tuple[Any, tuple[int, int] | None]]:
    """Every body paragraph in document order, descending into tables, content controls and the like, with the
    (row, cell) of the outermost table cell it is in; `inner_cells` gets, paragraph by paragraph, the (row, cell)
    of the innermost one (rows and cells of every table, nested ones too, numbered through the document)."""
    found: list[tuple[Any, tuple[int, int] | None]] = []
    rows = cells = 0  # outermost tables
    all_rows = all_cells = 0  # every table
    Frame = tuple[Any, tuple[int, int] | None, tuple[int, int] | None]
    stack: list[Frame] = [(iter(body), None, None)]
    while stack:
        children, cell, inner = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            continue
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED_IN_BODY:
            continue
        if tag == W_P:
            found.append((child, cell))
            inner_cells.append(inner)
        elif tag == W_TR:
            all_rows += 1
            rows += cell is None
            stack.append((iter(child), cell, (all_rows, 0)))
        elif tag == W_TC:
            all_cells += 1
            if cell is None:
                cells += 1
            outer = (rows, cells) if cell is None else cell
            stack.append((iter(child), outer, (all_rows, all_cells)))
        else:
            stack.append((iter(child), cell, inner))
    return found


def walk_paragraph(paragraph: Any) -> Iterator[tuple[str, Any]]:
    """The paragraph's text as a reader sees it, piece by piece: (text, its `w:t` element) for runs, hyperlinks,
    tracked insertions and field results; (tab, break or hyphen, None) for the marks that stand for a character."""
    stack = [iter(paragraph)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED_IN_PARAGRAPH:
            continue
        if tag == W_T:
            yield child.text or "", child
        elif tag in _STANDS_FOR:
            yield _STANDS_FOR[tag], None
        elif tag != W_P:
            stack.append(iter(child))


def paragraph_text(paragraph: Any) -> tuple[str, list[tuple[Piece, Any]]]:
    """The paragraph's text and its pieces, each with its `w:t` element (None for a tab, break or hyphen)."""
    out: list[str] = []
    found: list[tuple[Piece, Any]] = []
    position = 0
    for text, node in walk_paragraph(paragraph):
        out.append(text)
        found.append((Piece(position, position + len(text), node is not None), node))
        position += len(text)
    return "".join(out), found


def rewrite_paragraph(paragraph: Any, edits: Sequence[Edit]) -> None:
    """Apply `edits` (on this paragraph's text, right to left, each inside text runs) to the runs' characters:
    the replacement goes into the first run touched, the rest of the range is cut from the others."""
    for edit in edits:
        start, end = edit.column - 1, edit.end_column - 1
        _text, found = paragraph_text(paragraph)
        touched = [(piece, node) for piece, node in found if piece.start < end and start < piece.end]
        for position, (piece, node) in enumerate(touched):
            value = node.text or ""
            local_start, local_end = max(piece.start, start) - piece.start, min(piece.end, end) - piece.start
            node.text = value[:local_start] + (edit.text if position == 0 else "") + value[local_end:]
            if node.text != node.text.strip():
                node.set(_XML_SPACE, "preserve")


def in_text_runs(pieces: Sequence[Piece], edit: Edit) -> bool:
    """Whether the edit replaces a non-empty range made only of text-run characters (not a tab or a break)."""
    start, end = edit.column - 1, edit.end_column - 1
    if not start < end:
        return False
    covered = sum(min(p.end, end) - max(p.start, start) for p in pieces if p.text and p.start < end and start < p.end)
    return covered == end - start


def _heading_styles(package: Package, part: Part, parse_xml: Any) -> tuple[dict[str, int], dict[str, int]]:
    """Paragraph style id → heading level (1-based) for Word's heading styles ("heading 1", "标题 1", outline),
    and style id → numbering level (0-based) for the styles Word numbers ("List Number", a numbered 标题 list).

    A styles part too big to read refuses the file (TooBig goes up); one missing or unreadable leaves headings
    to be found by their text alone."""
    root = _styles_root(package, part, parse_xml)
    if root is None:
        return {}, {}
    levels: dict[str, int] = {}
    numbered: dict[str, int] = {}
    for style in root.iter(_w("style")):
        style_id = style.get(_w("styleId"))
        if not style_id:
            continue
        numbering = _numbering_level(style.find(_w("pPr")))
        if numbering is not None:
            numbered[style_id] = numbering
        level = _style_heading_level(style)
        if level is not None:
            levels[style_id] = level
    return levels, numbered


def _styles_root(package: Package, part: Part, parse_xml: Any) -> Any | None:
    """The styles part, parsed; None when it is missing or unreadable (TooBig goes up)."""
    try:
        styles_part = package.related(part, _STYLES_REL)
    except TooBig:
        raise
    except Exception:
        return None
    if styles_part is None:
        return None
    try:
        return parse_xml(styles_part.blob)
    except Exception:
        return None


def _style_heading_level(style: Any) -> int | None:
    """A heading style's level (1-based): by its name ("heading 1", "标题 1"), else by its outline level."""
    name_el = style.find(_w("name"))
    name = (name_el.get(_w("val")) if name_el is not None else "") or ""
    match = _HEADING_STYLE.match(name.strip())
    if match:
        return int(match.group(1))
    outline_el = style.find(f"{_w('pPr')}/{_w('outlineLvl')}")
    value = outline_el.get(_w("val")) if outline_el is not None else None
    return int(value) + 1 if value is not None and value.isdigit() and int(value) < 9 else None


def _outline_level(paragraph: Any, styles: dict[str, int]) -> int | None:
    ppr = paragraph.find(_w("pPr"))
    if ppr is None:
        return None
    outline_el = ppr.find(_w("outlineLvl"))
    if outline_el is not None:
        value = outline_el.get(_w("val")) or ""
        return int(value) + 1 if value.isdigit() and int(value) < 9 else None
    style_el = ppr.find(_w("pStyle"))
    if style_el is None:
        return None
    return styles.get(style_el.get(_w("val")) or "")


def _numbering_level(ppr: Any) -> int | None:
    """The numbering level (0-based) a paragraph's or style's properties give (`w:numPr`); None when none, or
    when the numbering is switched off (`w:numId` 0)."""
    if ppr is None:
        return None
    numpr = ppr.find(_w("numPr"))
    if numpr is None:
        return None
    num_id = numpr.find(_w("numId"))
    if num_id is not None and (num_id.get(_w("val")) or "") == "0":
        return None
    ilvl = numpr.find(_w("ilvl"))
    value = (ilvl.get(_w("val")) if ilvl is not None else None) or "0"
    return int(value) if value.isdigit() and int(value) < 9 else 0


def _paragraph_numbering(paragraph: Any, numbered_styles: dict[str, int]) -> int | None:
    """The level at which Word numbers a paragraph (its own numbering, else its style's); None when unnumbered.
    The number itself is not in the text: Word draws it."""
    ppr = paragraph.find(_w("pPr"))
    if ppr is None:
        return None
    own = ppr.find(_w("numPr"))
    if own is not None:
        return _numbering_level(ppr)
    style_el = ppr.find(_w("pStyle"))
    return numbered_styles.get(style_el.get(_w("val")) or "") if style_el is not None else None
