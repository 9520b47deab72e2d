"""Read a .txt, .md or .docx file into lines, or refuse it with one clear Chinese sentence.

Plain text on Chinese Windows is as often GB18030/GBK as UTF-8, so the encoding is detected; old binary .doc/.wps
files, PDFs and other formats are recognised by their first bytes and the user is told what to do instead.
"""

from __future__ import annotations

import codecs
import io
import re
import stat
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from appraisal.errors import AppraisalError
from appraisal.fileio import describe_os_error

MAX_TEXT_BYTES = 20 * 1024 * 1024
"""Plain-text files above this size are refused: a report is rarely over 100 KB, so this is the wrong file."""

MAX_DOCX_BYTES = 100 * 1024 * 1024
"""Word files carry pictures, so they may be larger; the text inside is limited by MAX_DOCX_XML_BYTES."""

MAX_DOCX_XML_BYTES = 200 * 1024 * 1024

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
DOCX_SUFFIXES = {".docx", ".docm", ".dotx", ".dotm"}
OLD_WORD_SUFFIXES = {".doc", ".wps", ".dot", ".wpt"}

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"

_LINE_BREAK = re.compile(r"\r\n|\r|\n")

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

_DOCX_CONTENT_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
}
_STYLES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.IGNORECASE)


@dataclass
class Document:
    """A document's text as lines: line N of the document is `lines[N-1]`.

    txt/md: the file's lines without line ends. docx: one entry per paragraph, table cells' paragraphs included,
    in document order (a line break inside a paragraph stays in it as "\\n").
    `outline` maps a line number to the heading level Word gave that paragraph (heading styles), when known;
    `cells` maps the line number of a paragraph inside a table to (row, cell), numbered through the document,
    nested tables counting as part of their outer cell — a 登记表 keeps the report in one big cell.
    """

    path: Path | None
    kind: str  # "txt" | "md" | "docx"
    lines: list[str]
    outline: dict[int, int] = field(default_factory=dict)
    cells: dict[int, tuple[int, int]] = field(default_factory=dict)


def split_lines(text: str) -> list[str]:
    """Lines as editors count them (\\r\\n, \\r or \\n end a line); a final line end starts no new line."""
    lines = _LINE_BREAK.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def read_document(path: Path) -> Document:
    """Read `path` as txt, md or docx. Every way this can fail raises AppraisalError with one Chinese sentence."""
    path = Path(path)
    size = _check_file(path)
    suffix = path.suffix.lower()
    if suffix in OLD_WORD_SUFFIXES:
        raise AppraisalError(_old_word_message(path))
    limit = MAX_DOCX_BYTES if suffix in DOCX_SUFFIXES else MAX_TEXT_BYTES
    if size > limit:
        raise AppraisalError(
            f"文件 {path} 太大（{size / 1024 / 1024:.1f} MB），超过导入上限 {limit // 1024 // 1024} MB，"
            "个人总结通常不到 1 MB，请确认选对了文件。"
        )
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise AppraisalError(describe_os_error(exc, path, "读取")) from exc
    _refuse_other_formats(path, raw)
    if suffix in DOCX_SUFFIXES or raw.startswith(ZIP_MAGIC):
        return _read_docx(path, raw)
    if not raw.strip():
        raise AppraisalError(f"文件 {path} 是空的，没有可导入的内容。")
    text = decode_text(raw, path)
    if not text.strip():
        raise AppraisalError(f"文件 {path} 中只有空白，没有可导入的内容。")
    kind = "md" if suffix in MARKDOWN_SUFFIXES else "txt"
    return Document(path, kind, split_lines(text))


def _check_file(path: Path) -> int:
    """The file's size; refuses what is missing, a directory or not a regular file."""
    try:
        info = path.stat()
    except FileNotFoundError as exc:
        raise AppraisalError(f"找不到文件 {path}，请检查文件名和路径是否正确。") from exc
    except OSError as exc:
        raise AppraisalError(describe_os_error(exc, path, "读取")) from exc
    if stat.S_ISDIR(info.st_mode):
        raise AppraisalError(f"{path} 是一个文件夹，请指定其中要导入的 .txt、.md 或 .docx 文件。")
    if not stat.S_ISREG(info.st_mode):
        raise AppraisalError(f"{path} 不是普通文件，无法导入。")
    return info.st_size


def _old_word_message(path: Path) -> str:
    return (
        f"{path} 是旧版 Word/WPS 格式（.doc 或 .wps），无法直接导入，请用 Word 或 WPS 打开后“另存为” .docx 格式再导入。"
    )


def _refuse_other_formats(path: Path, raw: bytes) -> None:
    """Formats people pick by mistake, recognised by their first bytes whatever the file is called."""
    if raw.startswith(OLE_MAGIC):
        raise AppraisalError(
            f"{path} 是旧版 Word/WPS 格式（.doc 或 .wps）或设置了打开密码的文档，无法直接导入，"
            "请用 Word 或 WPS 打开后取消密码并“另存为” .docx 格式再导入。"
        )
    if raw.startswith(b"%PDF"):
        raise AppraisalError(
            f"{path} 是 PDF 文件，无法导入，请导入原始的 .docx 文档，或把文字复制到记事本存为 .txt 后再导入。"
        )
    if raw.lstrip()[:5] == b"{\\rtf":
        raise AppraisalError(f"{path} 是 RTF 格式，无法直接导入，请用 Word 或 WPS 打开后“另存为” .docx 格式再导入。")


# ---------------------------------------------------------------- plain text


def decode_text(raw: bytes, path: Path) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM (Notepad's "Unicode"), or GB18030/GBK — whichever fits."""
    if raw.startswith(codecs.BOM_UTF8):
        candidates = [("utf-8", raw[len(codecs.BOM_UTF8) :])]
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = [("utf-16", raw)]
    else:
        if b"\x00" in raw:
            raise AppraisalError(_not_text_message(path))
        candidates = [("utf-8", raw), ("gb18030", raw)]
    for encoding, data in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "gb18030" and not _plausible_chinese(text):
            continue
        if _looks_binary(text):
            raise AppraisalError(_not_text_message(path))
        return text
    raise AppraisalError(
        f"文件 {path} 的文字编码无法识别（既不是 UTF-8，也不是 GB18030/GBK），请用记事本打开后另存为 UTF-8 编码再导入。"
    )


def _not_text_message(path: Path) -> str:
    return f"{path} 不是文本文件，无法导入，请导入 .txt、.md 或 .docx 文档。"


def _looks_binary(text: str) -> bool:
    """Control characters other than tab, line and page breaks are a sign of a binary file."""
    sample = text[:65536]
    controls = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r\f\v") or ch == "\x7f")
    return "\x00" in sample or controls > max(2, len(sample) // 200)


def _plausible_chinese(text: str) -> bool:
    """GB18030 decodes many byte strings; real Chinese text is almost only Han characters, ASCII, punctuation and
    symbols — not private-use, unassigned or other scripts' letters."""
    sample = [ch for ch in text[:65536] if not ch.isspace()]
    if not sample:
        return True
    common = 0
    for ch in sample:
        code = ord(ch)
        if (
            code < 0x7F
            or 0x3400 <= code <= 0x9FFF
            or 0xF900 <= code <= 0xFAFF
            or 0x20000 <= code <= 0x3FFFF
            or unicodedata.category(ch)[0] in "PSN"
        ):
            common += 1
    return common >= 0.95 * len(sample)


# ---------------------------------------------------------------- Word (.docx)


def _corrupt_docx_message(path: Path) -> str:
    return f"{path} 不是有效的 Word（.docx）文档，可能已损坏，请用 Word 或 WPS 打开后重新“另存为” .docx 再导入。"


def _read_docx(path: Path, raw: bytes) -> Document:
    """Paragraphs of the main document part, table cells included, in document order."""
    from docx.opc.exceptions import PackageNotFoundError
    from docx.opc.package import OpcPackage
    from docx.oxml import parse_xml

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist() if info.filename.endswith(".xml"))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise AppraisalError(_corrupt_docx_message(path)) from exc
    if unpacked > MAX_DOCX_XML_BYTES:
        raise AppraisalError(f"{path} 中的文字内容过大，超过导入上限，请确认选对了文件。")
    try:
        package = OpcPackage.open(io.BytesIO(raw))
        part = package.main_document_part
        if part.content_type not in _DOCX_CONTENT_TYPES:
            raise AppraisalError(f"{path} 不是 Word 文档（可能是 Excel 或 PowerPoint 文件），请导入 .docx 文档。")
        root = parse_xml(part.blob)
        styles = _heading_styles(part, parse_xml)
    except AppraisalError:
        raise
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, OSError, EOFError) as exc:
        raise AppraisalError(_corrupt_docx_message(path)) from exc
    except Exception as exc:  # lxml and python-docx raise many types on malformed parts
        raise AppraisalError(_corrupt_docx_message(path)) from exc
    body = root.find(_w("body"))
    if body is None:
        raise AppraisalError(_corrupt_docx_message(path))
    lines: list[str] = []
    outline: dict[int, int] = {}
    cells: dict[int, tuple[int, int]] = {}
    for paragraph, cell in _paragraphs(body):
        lines.append(_paragraph_text(paragraph))
        level = _outline_level(paragraph, styles)
        if level is not None:
            outline[len(lines)] = level
        if cell is not None:
            cells[len(lines)] = cell
    if not any(line.strip() for line in lines):
        raise AppraisalError(f"Word 文档 {path} 中没有文字，没有可导入的内容。")
    return Document(path, "docx", lines, outline, cells)


def _paragraphs(body: Any) -> list[tuple[Any, tuple[int, int] | None]]:
    """Every body paragraph in document order, descending into tables, content controls and the like, with the
    (row, cell) of the outermost table cell it is in."""
    found: list[tuple[Any, tuple[int, int] | None]] = []
    rows = cells = 0
    stack: list[tuple[Any, tuple[int, int] | None]] = [(iter(body), None)]
    while stack:
        children, cell = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            continue
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED_IN_BODY:
            continue
        if tag == W_P:
            found.append((child, cell))
        elif cell is None and tag == W_TR:
            rows += 1
            stack.append((iter(child), None))
        elif cell is None and tag == W_TC:
            cells += 1
            stack.append((iter(child), (rows, cells)))
        else:
            stack.append((iter(child), cell))
    return found


def _paragraph_text(paragraph: Any) -> str:
    """The text a reader sees: runs, hyperlinks, tracked insertions and field results; tabs and breaks kept."""
    out: list[str] = []
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
            out.append(child.text or "")
        elif tag in (W_TAB, W_PTAB):
            out.append("\t")
        elif tag in (W_BR, W_CR):
            out.append("\n")
        elif tag == W_NO_BREAK_HYPHEN:
            out.append("-")
        elif tag != W_P:
            stack.append(iter(child))
    return "".join(out)


def _heading_styles(part: Any, parse_xml: Any) -> dict[str, int]:
    """Paragraph style id → heading level (1-based) for Word's heading styles ("heading 1", "标题 1", outline)."""
    try:
        styles_part = part.part_related_by(_STYLES_REL)
        root = parse_xml(styles_part.blob)
    except Exception:  # no styles part, or an unreadable one: headings are then found by their text alone
        return {}
    levels: dict[str, int] = {}
    for style in root.iter(_w("style")):
        style_id = style.get(_w("styleId"))
        if not style_id:
            continue
        name_el = style.find(_w("name"))
        name = (name_el.get(_w("val")) if name_el is not None else "") or ""
        match = _HEADING_STYLE.match(name.strip())
        if match:
            levels[style_id] = int(match.group(1))
            continue
        outline_el = style.find(f"{_w('pPr')}/{_w('outlineLvl')}")
        value = outline_el.get(_w("val")) if outline_el is not None else None
        if value is not None and value.isdigit() and int(value) < 9:
            levels[style_id] = int(value) + 1
    return levels


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
