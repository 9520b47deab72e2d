"""Word (.docx) files: the paragraphs a reader sees, in document order, and rewriting characters of their text runs.

Reading and rewriting walk a paragraph the same way (`walk_paragraph`), so a position in the text the importer
read is a position in the runs a fixed copy changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from appraisal.draft import count_zi
from appraisal.edits import Edit
from appraisal.errors import AppraisalError
from appraisal.importing.box_copies import MISSING, FallbackCopies
from appraisal.importing.document import Document, Piece
from appraisal.importing.package import MAX_DOCX_PARTS, Package, TooBig, TooManyParts, copy_replacing
from appraisal.importing.word_styles import read_styles
from appraisal.importing.wordml import MC_NS
from appraisal.importing.wordml import w as _w

W_P, W_R, W_T, W_TAB, W_PTAB, W_BR, W_CR = _w("p"), _w("r"), _w("t"), _w("tab"), _w("ptab"), _w("br"), _w("cr")
W_NO_BREAK_HYPHEN = _w("noBreakHyphen")
W_TR, W_TC = _w("tr"), _w("tc")
W_TXBX = _w("txbxContent")
# A text box under these is not one of the paragraph's own: in another box, in a drawing's fallback copy, or
# deleted or moved away (tracked changes are read as accepted: a moved box is read once, where it went).
_HIDES_BOX = {W_TXBX, f"{{{MC_NS}}}Fallback", _w("del"), _w("moveFrom")}
# Parts of a paragraph whose text is not what the reader sees: deleted or moved-away text, field codes,
# properties, text boxes (their paragraphs are read after the paragraph: `_text_boxes`), and the fallback copy of
# drawings.
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
_BLOCKS = {W_P, _w("tbl"), _w("sdt"), _w("customXml"), _w("altChunk"), _w("sectPr")}  # a deleted mark stops here
_STANDS_FOR = {W_TAB: "\t", W_PTAB: "\t", W_BR: "\n", W_CR: "\n", W_NO_BREAK_HYPHEN: "-"}

_DOCX_CONTENT_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
}
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
Hider = Callable[[Any], bool]  # whether a run (`w:r`) is hidden text


def _corrupt_docx_message(path: Path, verb: str) -> str:
    return f"{path} 不是有效的 Word（.docx）文档，可能已损坏，请用 Word 或 WPS 打开后重新“另存为” .docx 再{verb}。"


class WordFile:
    """The main document part of a .docx, parsed: its XML tree and its lines in document order — a paragraph,
    or paragraphs joined where a tracked change deleted the mark between them — each walked once."""

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
                self.styles = read_styles(package, part, parse_xml)
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
        inner_cells: list[tuple[int, int] | None] = []
        paragraphs = _paragraphs(body, inner_cells)
        # A paragraph whose mark is a tracked deletion joins the next one when the changes are accepted, as Word
        # shows it: one line, numbered and styled by the mark that stays (the last one's).
        self.lines_of: list[tuple[Line, tuple[int, int] | None, tuple[int, int] | None]] = []
        group: list[Any] = []
        for index, (paragraph, cell) in enumerate(paragraphs):
            group.append(paragraph)
            following = paragraphs[index + 1][0] if index + 1 < len(paragraphs) else None
            if not _joins(paragraph, following):
                joined: Line = tuple((p, self.styles.run_hider(p)) for p in group)
                self.lines_of.append((joined, cell, inner_cells[index]))
                group = []
        # Each line walked once: its own text and pieces, and the hidden text it leaves out (`w:vanish`: neither
        # shown nor printed by Word).
        walks = [walk_line(parts) for parts, _cell, _inner in self.lines_of]
        # A line in a drawing's text box has a copy in the drawing's fallback (`box_copies`): a fix changes both.
        # Where the copy says something else already, the line is not changed at all (`unwritable`).
        self.copies: list[Line | None] = []
        self.unwritable: set[int] = set()
        finder = FallbackCopies()
        for index, ((parts, _cell, _inner), walk) in enumerate(zip(self.lines_of, walks, strict=True)):
            # the paragraphs of a line are siblings: all in one drawing's box, or none
            found = [finder.copy_of(paragraph) for paragraph, _hides in parts]
            copy: Line | None = (
                None if None in found else tuple((c, self.styles.run_hider(c)) for c in found if c is not MISSING)
            )
            if MISSING in found or (copy is not None and walk_line(copy).text != walk.text):
                self.unwritable.add(index)
                walks[index] = Walked(
                    walk.text, [(Piece(p.start, p.end, False), None) for p, _n in walk.found], walk.hidden
                )
                copy = None
            self.copies.append(copy)
        # The number Word draws before each line ("" when none), counted in document order; a line whose last mark
        # is deleted with nothing after it to join is not numbered.
        numbers = [
            None if _mark_deleted(parts[-1][0]) else self.styles.number(parts[-1][0], walk.text)
            for (parts, _cell, _inner), walk in zip(self.lines_of, walks, strict=True)
        ]
        self.levels = [number[0] if number is not None else None for number in numbers]
        # A number on an empty paragraph (a stray Enter at a list's end) is counted but says nothing: not shown.
        self.labels = [
            number[1] if number is not None and walk.text.strip() else ""
            for walk, number in zip(walks, numbers, strict=True)
        ]
        self._walks = [walk.after(label) for walk, label in zip(walks, self.labels, strict=True)]
        self.hidden = [walk.hidden for walk in walks]

    def text(self, index: int) -> tuple[str, list[tuple[Piece, Any]]]:
        """Line `index`'s text as a reader sees it, its number first, and its pieces (`Walked`)."""
        walk = self._walks[index]
        return walk.text, walk.found

    def lines(self) -> list[str]:
        """Each line's text as a reader sees it, its number first."""
        return [walk.text for walk in self._walks]

    def rewrite(self, index: int, edits: Sequence[Edit]) -> None:
        """Apply `edits` to line `index`'s text runs (`rewrite_paragraph`)."""
        rewrite_paragraph(self.lines_of[index][0], edits, self.labels[index])
        copy = self.copies[index]
        if copy is not None:
            rewrite_paragraph(copy, edits, self.labels[index])

    def hidden_zi(self) -> int:
        """How many 字 of hidden text the paragraphs hold (left out of their text)."""
        return sum(count_zi(text) for text in self.hidden if text)

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


def _mark_deleted(paragraph: Any) -> bool:
    """Whether the paragraph's mark is deleted or moved away as a tracked change (`w:pPr/w:rPr/w:del`)."""
    ppr = paragraph.find(_w("pPr"))
    mark = ppr.find(_w("rPr")) if ppr is not None else None
    return mark is not None and (mark.find(_w("del")) is not None or mark.find(_w("moveFrom")) is not None)


def _joins(paragraph: Any, following: Any | None) -> bool:
    """Whether the paragraph's deleted mark joins it to `following`, the next paragraph read: only when that is
    the next block beside it, in the same body, cell or text box (not a text box's first paragraph, read after
    its anchor; not across a table). Bookmarks and the like between the two are no block."""
    if following is None or not _mark_deleted(paragraph):
        return False
    for sibling in paragraph.itersiblings():
        if sibling is following:
            return True
        if sibling.tag in _BLOCKS:
            return False
    return False


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
    for index, ((parts, cell, inner), numbering) in enumerate(zip(word.lines_of, word.levels, strict=True)):
        text, found = word.text(index)
        lines.append(text)
        pieces.append(tuple(piece for piece, _node in found))
        level = word.styles.outline_level(parts[-1][0])
        if level is not None:
            outline[len(lines)] = level
        if numbering is not None:
            numbered[len(lines)] = numbering
        if cell is not None:
            cells[len(lines)] = cell
        if inner is not None:
            table_cells[len(lines)] = inner
    if not any(line.strip() for line in lines):
        raise AppraisalError(f"Word 文档 {path} 中没有文字，没有可{verb}的内容。")
    document = Document(path, "docx", lines, outline, cells, pieces=pieces, numbered=numbered, table_cells=table_cells)
    document.labels = {number: label for number, label in enumerate(word.labels, start=1) if label}
    document.unwritable = {index + 1 for index in word.unwritable}
    document.left_out = _left_out(word.root)
    hidden = word.hidden_zi()
    if hidden:
        document.left_out.append(
            f"文档中设为“隐藏”的 {hidden} 字未导入（Word 不显示、不打印这些文字），如需保留，请在 Word 中取消隐藏。"
        )
    return document


_NOTES = (("footnoteReference", "条脚注"), ("endnoteReference", "条尾注"), ("commentReference", "条批注"))


def _left_out(root: Any) -> list[str]:
    """What the reader sees that is not read, said once: footnotes, endnotes and comments (kept in other parts of
    the file). Headers and footers (the unit's name, page numbers) are page furniture and go unmentioned."""
    counts = [(sum(1 for _ in root.iter(_w(tag))), what) for tag, what in _NOTES]
    found = "、".join(f"{count} {what}" for count, what in counts if count)
    if not found:
        return []
    return [f"文档中的 {found}未导入（草稿只收正文），如需保留，请把其中内容写入正文。"]


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
            boxes = _text_boxes(child)
            if boxes:  # the text boxes anchored in it, read next, in the cell the paragraph is in
                stack.append((iter([node for box in boxes for node in box]), cell, inner))
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


def _text_boxes(paragraph: Any) -> list[Any]:
    """The text boxes (`w:txbxContent`) anchored in a paragraph, in order: not those inside another text box (they
    are found with its paragraphs) and not the copy in a drawing's fallback (`mc:Fallback`), which repeats the
    `mc:Choice` for programs that cannot read it."""
    boxes = []
    for box in paragraph.iter(W_TXBX):
        parent = box.getparent()
        while parent is not None and parent is not paragraph and parent.tag not in _HIDES_BOX:
            parent = parent.getparent()
        if parent is paragraph:
            boxes.append(box)
    return boxes


def walk_paragraph(paragraph: Any, hides: Hider | None = None) -> Iterator[tuple[str, Any, bool]]:
    """The paragraph's text piece by piece: (text, its `w:t` element) for runs, hyperlinks, tracked insertions and
    field results; (tab, break or hyphen, None) for the marks that stand for a character; each with whether a
    reader sees it (False inside a run `hides` says is hidden text)."""
    stack: list[tuple[Iterator[Any], bool]] = [(iter(paragraph), True)]
    while stack:
        children, shown = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            continue
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED_IN_PARAGRAPH:
            continue
        if tag == W_T:
            yield child.text or "", child, shown
        elif tag in _STANDS_FOR:
            yield _STANDS_FOR[tag], None, shown
        elif tag != W_P:
            stack.append((iter(child), shown and not (tag == W_R and hides is not None and hides(child))))


Line = tuple[tuple[Any, Hider | None], ...]  # a line's paragraphs (more than one where marks were deleted), each
# with its test for hidden runs


@dataclass(frozen=True)
class Walked:
    """A line's text as a reader sees it and its pieces, each with its `w:t` element (None for the number Word
    draws, a tab, a break or a hyphen: none of them is in a text run), and the hidden text left out."""

    text: str
    found: list[tuple[Piece, Any]]
    hidden: str = ""

    def after(self, label: str) -> Walked:
        """The line with `label` (the number Word draws before it) put first."""
        if not label:
            return self
        shift = len(label)
        found = [(Piece(piece.start + shift, piece.end + shift, piece.text), node) for piece, node in self.found]
        return Walked(label + self.text, [(Piece(0, shift, False), None), *found], self.hidden)


def walk_line(parts: Line) -> Walked:
    """The line's text, its pieces and its hidden text (`walk_paragraph`), paragraph after paragraph."""
    out: list[str] = []
    hidden: list[str] = []
    found: list[tuple[Piece, Any]] = []
    position = 0
    for paragraph, hides in parts:
        for text, node, shown in walk_paragraph(paragraph, hides):
            if not shown:
                hidden.append(text)
                continue
            out.append(text)
            found.append((Piece(position, position + len(text), node is not None), node))
            position += len(text)
    return Walked("".join(out), found, "".join(hidden))


def rewrite_paragraph(parts: Line, edits: Sequence[Edit], label: str = "") -> None:
    """Apply `edits` (on the line's text after `label`, right to left, each inside text runs) to the runs'
    characters: the replacement goes into the first run touched, the rest of the range is cut from the others."""
    for edit in edits:
        start, end = edit.column - 1, edit.end_column - 1
        found = walk_line(parts).after(label).found
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
