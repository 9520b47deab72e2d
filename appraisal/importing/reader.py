"""Read a .txt, .md or .docx file into a `Document`, or refuse it with one clear Chinese sentence.

Plain text on Chinese Windows is as often GB18030/GBK as UTF-8, so the encoding is detected; old binary .doc/.wps
files, PDFs and other formats are recognised by their first bytes and the user is told what to do instead. The
record keeps what is needed to write the document back changed only where asked (`appraisal.importing.copies`):
the encoding, byte-order mark and line ends of a text file, and where each Word paragraph's text comes from.

Error messages name what the user was doing (`verb`: 导入 or 检查), so each command words them for itself.
"""

from __future__ import annotations

import codecs
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from appraisal.errors import AppraisalError
from appraisal.fileio import describe_os_error
from appraisal.formats import DOCX_SUFFIXES, MARKDOWN_SUFFIXES, OLD_WORD_SUFFIXES
from appraisal.importing.document import Document
from appraisal.text.chars import is_han
from appraisal.text.lazy_regex import lazy_compile

MAX_TEXT_BYTES = 20 * 1024 * 1024
"""Plain-text files above this size are refused: a report is rarely over 100 KB, so this is the wrong file."""

MAX_DOCX_BYTES = 100 * 1024 * 1024
"""Word files carry pictures, so they may be larger; the text inside is limited by MAX_DOCX_XML_BYTES."""


MAX_DOCUMENT_CHARS = 3_000_000
"""Documents with more text than this are refused (a report is 2,000–20,000 字; a 5 MB text file still passes):
reading and checking more would take minutes and gigabytes."""


OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"

IMPORTING = "导入"
"""The `verb` of the messages (what the user was doing with the file) when importing: the default."""
CHECKING = "检查"
"""The `verb` of the messages when checking a document."""

_LINE = lazy_compile(r"([^\r\n]*)(\r\n|\r|\n|$)")


@dataclass(frozen=True)
class Decoded:
    """Plain text as decoded: the text (without byte-order mark), the codec that reads it back and the mark."""

    text: str
    encoding: str
    bom: bytes


def split_lines(text: str) -> list[str]:
    """Lines as editors count them (\\r\\n, \\r or \\n end a line); a final line end starts no new line."""
    return split_with_ends(text)[0]


def split_with_ends(text: str) -> tuple[list[str], list[str]]:
    """The lines of `text` (as `split_lines`) and the line end of each: "\\r\\n", "\\r", "\\n" or "" for the last."""
    pieces = [(m.group(1), m.group(2)) for m in _LINE.finditer(text)]
    if pieces and pieces[-1] == ("", ""):
        pieces.pop()
    return [content for content, _end in pieces], [end for _content, end in pieces]


def read_bytes(path: Path, verb: str = IMPORTING) -> bytes:
    """The file's bytes, after refusing what is missing, not a regular file, an old Word file or too big."""
    path = Path(path)
    size = _check_file(path, verb)
    suffix = path.suffix.lower()
    if suffix in OLD_WORD_SUFFIXES:
        raise AppraisalError(_old_word_message(path, verb))
    limit = MAX_DOCX_BYTES if suffix in DOCX_SUFFIXES else MAX_TEXT_BYTES
    if size > limit:
        raise AppraisalError(
            f"文件 {path} 太大（{size / 1024 / 1024:.1f} MB），超过{verb}上限 {limit // 1024 // 1024} MB，"
            "个人总结通常不到 1 MB，请确认选对了文件。"
        )
    try:
        return path.read_bytes()
    except OSError as exc:
        raise AppraisalError(describe_os_error(exc, path, "读取")) from exc


def read_document(path: Path, verb: str = IMPORTING) -> Document:
    """Read `path` as txt, md or docx. Every way this can fail raises AppraisalError with one Chinese sentence,
    saying that the file could not be `verb`-ed (导入, 检查)."""
    path = Path(path)
    return parse_bytes(path, read_bytes(path, verb), verb)


def parse_bytes(path: Path, raw: bytes, verb: str = IMPORTING) -> Document:
    """The document in `raw`, the content of the file at `path` (its name decides txt or md)."""
    from appraisal.importing import word

    _refuse_other_formats(path, raw, verb)
    if not raw.strip():
        raise AppraisalError(f"文件 {path} 是空的，没有可{verb}的内容。")
    suffix = path.suffix.lower()
    if suffix in DOCX_SUFFIXES or raw.startswith(ZIP_MAGIC):
        return _refuse_too_long(word.read_docx(path, raw, verb), verb)
    decoded = decode_text(raw, path, verb)
    if not decoded.text.strip():
        raise AppraisalError(f"文件 {path} 中只有空白，没有可{verb}的内容。")
    kind = "md" if suffix in MARKDOWN_SUFFIXES else "txt"
    if len(decoded.text) > MAX_DOCUMENT_CHARS:
        raise AppraisalError(_too_long_message(path, verb))
    lines, ends = split_with_ends(decoded.text)
    return Document(path, kind, lines, encoding=decoded.encoding, bom=decoded.bom, line_ends=ends)


def _too_long_message(path: Path | None, verb: str) -> str:
    return (
        f"文件 {path} 的文字超过 {MAX_DOCUMENT_CHARS // 10000} 万字，超过{verb}上限，"
        "个人总结通常只有几千字，请确认选对了文件。"
    )


def _refuse_too_long(document: Document, verb: str) -> Document:
    if sum(len(line) for line in document.lines) > MAX_DOCUMENT_CHARS:
        raise AppraisalError(_too_long_message(document.path, verb))
    return document


def _check_file(path: Path, verb: str) -> int:
    """The file's size; refuses what is missing, a directory or not a regular file."""
    try:
        info = path.stat()
    except FileNotFoundError as exc:
        raise AppraisalError(f"找不到文件 {path}，请检查文件名和路径是否正确。") from exc
    except OSError as exc:
        raise AppraisalError(describe_os_error(exc, path, "读取")) from exc
    if stat.S_ISDIR(info.st_mode):
        raise AppraisalError(f"{path} 是一个文件夹，请指定其中要{verb}的 .txt、.md 或 .docx 文件。")
    if not stat.S_ISREG(info.st_mode):
        raise AppraisalError(f"{path} 不是普通文件，无法{verb}。")
    return info.st_size


def _old_word_message(path: Path, verb: str) -> str:
    return (
        f"{path} 是旧版 Word/WPS 格式（.doc 或 .wps），无法直接{verb}，"
        f"请用 Word 或 WPS 打开后“另存为” .docx 格式再{verb}。"
    )


def _refuse_other_formats(path: Path, raw: bytes, verb: str) -> None:
    """Formats people pick by mistake, recognised by their first bytes whatever the file is called."""
    if raw.startswith(OLE_MAGIC):
        raise AppraisalError(
            f"{path} 是旧版 Word/WPS 格式（.doc 或 .wps）或设置了打开密码的文档，无法直接{verb}，"
            f"请用 Word 或 WPS 打开后取消密码并“另存为” .docx 格式再{verb}。"
        )
    if raw.startswith(b"%PDF"):
        raise AppraisalError(
            f"{path} 是 PDF 文件，无法{verb}，请{verb}原始的 .docx 文档，或把文字复制到记事本存为 .txt 后再{verb}。"
        )
    if raw.lstrip()[:5] == b"{\\rtf":
        raise AppraisalError(
            f"{path} 是 RTF 格式，无法直接{verb}，请用 Word 或 WPS 打开后“另存为” .docx 格式再{verb}。"
        )


# ---------------------------------------------------------------- plain text


def decode_text(raw: bytes, path: Path, verb: str = IMPORTING) -> Decoded:
    """UTF-8 (with or without BOM), UTF-16 with BOM (Notepad's "Unicode") or without, or GB18030/GBK — whichever
    fits."""
    candidates: list[tuple[str, bytes]]
    if raw.startswith(codecs.BOM_UTF8):
        candidates = [("utf-8", codecs.BOM_UTF8)]
    elif raw.startswith(codecs.BOM_UTF16_LE):
        candidates = [("utf-16-le", codecs.BOM_UTF16_LE)]
    elif raw.startswith(codecs.BOM_UTF16_BE):
        candidates = [("utf-16-be", codecs.BOM_UTF16_BE)]
    elif b"\x00" in raw:
        # UTF-16 saved without a mark: most NULs are the high bytes of ASCII (line ends, digits) — at odd offsets
        # in little-endian order (一, U+4E00, gives a low one); the order that reads as Chinese text is taken, and
        # anything else with a NUL is no text.
        high_at_odd = raw[1::2].count(0) >= raw[0::2].count(0)
        for encoding in ("utf-16-le", "utf-16-be") if high_at_odd else ("utf-16-be", "utf-16-le"):
            decoded = _unmarked_utf16(raw, encoding)
            if decoded is not None and not _looks_binary(decoded.text):
                return decoded
        raise AppraisalError(_not_text_message(path, verb))
    else:
        candidates = [("utf-8", b""), ("gb18030", b"")]
    for encoding, bom in candidates:
        try:
            text = raw[len(bom) :].decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "gb18030" and not _plausible_chinese(text):
            continue
        if _looks_binary(text):
            raise AppraisalError(_not_text_message(path, verb))
        return Decoded(text, encoding, bom)
    raise AppraisalError(
        f"文件 {path} 的文字编码无法识别（既不是 UTF-8，也不是 GB18030/GBK），"
        f"请用记事本打开后另存为 UTF-8 编码再{verb}。"
    )


def _unmarked_utf16(raw: bytes, encoding: str) -> Decoded | None:
    """The text in this UTF-16 byte order, when it reads as Chinese text."""
    if len(raw) % 2:
        return None
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError:
        return None
    return Decoded(text, encoding, b"") if _plausible_chinese(text) else None


def _not_text_message(path: Path, verb: str) -> str:
    return f"{path} 不是文本文件，无法{verb}，请{verb} .txt、.md 或 .docx 文档。"


def _looks_binary(text: str) -> bool:
    """Control characters other than tab, line and page breaks are a sign of a binary file."""
    sample = text[:65536]
    controls = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r\f\v") or ch == "\x7f")
    return "\x00" in sample or controls > max(2, len(sample) // 200)


def _plausible_chinese(text: str) -> bool:
    """GB18030 decodes many byte strings; real Chinese text is almost only Han characters, ASCII, punctuation and
    symbols — not private-use, unassigned or other scripts' letters — and its Han characters are almost all in
    GB2312's 6,763 (99.99% of the 775,000 in our real texts). Japanese Shift-JIS read as GB18030 gives Han
    characters, but none of them in GB2312 (`日本語` → `擔杮岅`)."""
    sample = [ch for ch in text[:65536] if not ch.isspace()]
    if not sample:
        return True
    common = 0
    han = in_gb2312 = 0
    for ch in sample:
        code = ord(ch)
        if is_han(ch):
            han += 1
            in_gb2312 += _in_gb2312(ch)
        if (
            code < 0x7F
            or is_han(ch)
            or 0x4DC0 <= code <= 0x4DFF  # the Yijing hexagram symbols, between Extension A and the main block
            or unicodedata.category(ch)[0] in "PSN"
        ):
            common += 1
    return common >= 0.95 * len(sample) and (han < 10 or in_gb2312 >= 0.5 * han)


def _in_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True
