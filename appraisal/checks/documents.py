"""Checking a document (.txt, .md, .docx) instead of a draft: import it, run the rules, point into the file.

Positions point into the file the user gave: a line of a text or Markdown file, or a paragraph of a Word file
(tables included, in document order), with columns in characters. A fixed copy is written next to the document
(`总结.txt` → `总结.fixed.txt`), never over it: the same encoding, byte-order mark and line ends for text; for Word
only the text inside the affected runs changes, so every format and style stays as it was.
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
from collections import Counter, defaultdict
from collections.abc import Collection
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from appraisal.checks import RULES, Context, Field, Finding, run_rules
from appraisal.errors import AppraisalError
from appraisal.fileio import atomic_write_bytes, describe_os_error
from appraisal.importer import ImportResult, parse_document
from appraisal.importing import reader, signature
from appraisal.importing.reader import Document

_YEAR_LABEL = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})\s*年度")
_LINE = re.compile(r"([^\r\n]*)(\r\n|\r|\n|$)")


@dataclass
class DocumentCheck:
    path: Path
    result: ImportResult
    findings: list[Finding]  # positions in the document


def read_for_check(path: Path) -> Document:
    """The document, or an AppraisalError worded for checking rather than importing."""
    try:
        return reader.read_document(path)
    except AppraisalError as exc:
        raise AppraisalError(exc.message.replace("导入", "检查")) from exc


def document_year(result: ImportResult) -> int | None:
    """The year the document is about: from its title, else the 年度 it names most, else its dated 落款."""
    if "title" in result.origin:
        year = signature.year_in_title(result.draft.title)
        if year is not None:
            return year
    texts = [*result.draft.sections.values(), result.draft.unmatched]
    counts = Counter(int(m.group(1)) for text in texts for m in _YEAR_LABEL.finditer(text))
    if counts:
        return counts.most_common(1)[0][0]
    extra = result.draft.profile.model_extra or {}
    return result.draft.profile.year if extra.get("date") else None


def check_document(path: Path, *, disabled: Collection[str] = ()) -> DocumentCheck:
    """Read, import and check a document; findings are in document positions, in document order."""
    result = parse_document(read_for_check(path))
    ctx = Context(
        result.draft,
        result.template,
        year=document_year(result),
        document=True,
        include_unmatched=True,
        include_title="title" in result.origin,
    )
    findings = [_place(item, f, result) for item, f in run_rules(ctx, disabled=disabled)]
    findings.sort(key=lambda f: (f.line, f.column, f.end_column, f.rule))
    return DocumentCheck(path, result, findings)


def _place(item: Field | None, finding: Finding, result: ImportResult) -> Finding:
    """The finding with its position moved from the field's text into the document."""
    lines = result.origin.get(item.key) if item is not None else None
    if item is None or not lines:
        return _at_heading(finding, result, item)
    rule = RULES.get(finding.rule)
    if rule is not None and not rule.positional:
        return _at_heading(finding, result, item)
    doc_line, offset = lines[finding.line - 1]
    return replace(finding, line=doc_line, column=offset + finding.column, end_column=offset + finding.end_column)


def _at_heading(finding: Finding, result: ImportResult, item: Field | None) -> Finding:
    """A finding about a whole section: at its heading in the document, else at its first line, else at the top."""
    if item is not None:
        for span in result.headings():
            if span.section == item.key:
                return replace(finding, line=span.line, column=span.start + 1, end_column=span.end + 1)
        lines = result.origin.get(item.key)
        if lines:
            line, offset = lines[0]
            return replace(finding, line=line, column=offset + 1, end_column=offset + 1)
        if finding.rule == "section-empty" and item.section is not None:
            message = f"文档中没有“{item.section.title}”这一部分（未找到它的标题和内容）。"
            return replace(finding, line=1, column=1, end_column=1, message=message)
    return replace(finding, line=1, column=1, end_column=1)


# ---------------------------------------------------------------- fixed copies


def fixed_copy_path(path: Path) -> Path:
    """`总结.txt` → `总结.fixed.txt`."""
    return path.with_name(f"{path.stem}.fixed{path.suffix}")


def write_fixed_copy(check: DocumentCheck) -> tuple[Path, int]:
    """Write the document with every fix applied next to it; (the copy's path, fixes applied). Nothing is written
    when there is nothing to fix."""
    fixes: dict[int, list[Finding]] = defaultdict(list)
    for f in check.findings:
        if f.fix is not None:
            fixes[f.line].append(f)
    target = fixed_copy_path(check.path)
    if not fixes:
        return target, 0
    try:
        raw = check.path.read_bytes()
    except OSError as exc:
        raise AppraisalError(describe_os_error(exc, check.path, "读取")) from exc
    if check.result.document.kind == "docx":
        data, count = _fixed_docx(check.path, raw, check.result.document, fixes)
    else:
        data, count = _fixed_text(check.path, raw, check.result.document, fixes)
    if count:
        atomic_write_bytes(target, data, private=False)
    return target, count


def _apply(line: str, fixes: list[Finding]) -> tuple[str, int]:
    """Fixes applied right to left; one overlapping a fix already applied is skipped."""
    count = 0
    limit = len(line) + 1
    for f in sorted(fixes, key=lambda f: (f.column, f.end_column), reverse=True):
        assert f.fix is not None
        if 1 <= f.column <= f.end_column <= limit:
            line = line[: f.column - 1] + f.fix + line[f.end_column - 1 :]
            limit = f.column
            count += 1
    return line, count


def _text_encoding(raw: bytes) -> tuple[str, bytes, bytes]:
    """(codec, byte-order mark, body) as the reader decoded the file."""
    if raw.startswith(codecs.BOM_UTF8):
        return "utf-8", codecs.BOM_UTF8, raw[len(codecs.BOM_UTF8) :]
    if raw.startswith(codecs.BOM_UTF16_LE):
        return "utf-16-le", codecs.BOM_UTF16_LE, raw[2:]
    if raw.startswith(codecs.BOM_UTF16_BE):
        return "utf-16-be", codecs.BOM_UTF16_BE, raw[2:]
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return "gb18030", b"", raw
    return "utf-8", b"", raw


def _fixed_text(path: Path, raw: bytes, document: Document, fixes: dict[int, list[Finding]]) -> tuple[bytes, int]:
    codec, bom, body = _text_encoding(raw)
    text = body.decode(codec)
    pieces = [(m.group(1), m.group(2)) for m in _LINE.finditer(text)]
    if pieces and pieces[-1] == ("", ""):
        pieces.pop()
    if [content for content, _end in pieces] != document.lines:
        raise AppraisalError(f"{path} 在检查过程中被修改，未生成修正后的副本，请重新检查。")
    out: list[str] = []
    count = 0
    for number, (content, end) in enumerate(pieces, start=1):
        if number in fixes:
            content, applied = _apply(content, fixes[number])
            count += applied
        out.append(content + end)
    return bom + "".join(out).encode(codec), count


def _fixed_docx(path: Path, raw: bytes, document: Document, fixes: dict[int, list[Finding]]) -> tuple[bytes, int]:
    """The .docx with the fixed characters replaced inside their `w:t` elements; everything else byte for byte."""
    from docx.opc.package import OpcPackage
    from docx.oxml import parse_xml
    from lxml import etree

    try:
        package = OpcPackage.open(io.BytesIO(raw))
        part = package.main_document_part
        part_name = str(part.partname).lstrip("/")
        root = parse_xml(part.blob)
    except Exception as exc:  # python-docx and lxml raise many types on a damaged file
        raise AppraisalError(f"{path} 无法读取，未生成修正后的副本。") from exc
    body = root.find(reader._w("body"))
    paragraphs = reader._paragraphs(body) if body is not None else []
    if len(paragraphs) != len(document.lines):
        raise AppraisalError(f"{path} 在检查过程中被修改，未生成修正后的副本，请重新检查。")
    count = 0
    for number, line_fixes in fixes.items():
        paragraph = paragraphs[number - 1][0]
        count += _fix_paragraph(paragraph, document.lines[number - 1], line_fixes)
    xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as source, zipfile.ZipFile(output, "w") as copy:
        for info in source.infolist():
            data = xml if info.filename == part_name else source.read(info)
            copy.writestr(info, data)
    return output.getvalue(), count


def _text_nodes(paragraph: Any) -> tuple[str, list[tuple[Any, int, int]]]:
    """The paragraph's text as the reader sees it, and (w:t element, start, end) for each piece of it."""
    out: list[str] = []
    nodes: list[tuple[Any, int, int]] = []
    position = 0
    stack = [iter(paragraph)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        tag = child.tag
        if not isinstance(tag, str) or tag in reader._SKIPPED_IN_PARAGRAPH:
            continue
        piece = None
        if tag == reader.W_T:
            piece = child.text or ""
            nodes.append((child, position, position + len(piece)))
        elif tag in (reader.W_TAB, reader.W_PTAB):
            piece = "\t"
        elif tag in (reader.W_BR, reader.W_CR):
            piece = "\n"
        elif tag == reader.W_NO_BREAK_HYPHEN:
            piece = "-"
        elif tag != reader.W_P:
            stack.append(iter(child))
        if piece is not None:
            out.append(piece)
            position += len(piece)
    return "".join(out), nodes


_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _fix_paragraph(paragraph: Any, expected: str, fixes: list[Finding]) -> int:
    """Apply fixes to the runs' text, right to left; a fix reaching outside text (a tab, a break) is skipped."""
    text, nodes = _text_nodes(paragraph)
    if text != expected:
        return 0
    count = 0
    limit = len(text) + 1
    for f in sorted(fixes, key=lambda f: (f.column, f.end_column), reverse=True):
        assert f.fix is not None
        start, end = f.column - 1, f.end_column - 1
        if not (0 <= start < end <= len(text)) or f.end_column > limit:
            continue
        touched = [(node, s, e) for node, s, e in nodes if s < end and start < e]
        covered = sum(min(e, end) - max(s, start) for _node, s, e in touched)
        if covered != end - start:
            continue
        for position, (node, s, e) in enumerate(touched):
            value = node.text or ""
            local_start, local_end = max(s, start) - s, min(e, end) - s
            replacement = f.fix if position == 0 else ""
            node.text = value[:local_start] + replacement + value[local_end:]
            if node.text != node.text.strip():
                node.set(_XML_SPACE, "preserve")
        text, nodes = _text_nodes(paragraph)
        limit = f.column
        count += 1
    return count
