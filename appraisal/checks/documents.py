"""Checking a document (.txt, .md, .docx) instead of a draft: import it, run the rules, point into the file.

Positions point into the file the user gave: a line of a text or Markdown file, or a paragraph of a Word file
(tables included, in document order), with columns in characters. A fixed copy is written next to the document
(`总结.txt` → `总结.fixed.txt`), never over it: the same encoding, byte-order mark and line ends for text; for Word
only the text inside the affected runs changes, so every format and style stays as it was.
"""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import os
from dataclasses import dataclass, replace
from pathlib import Path

from appraisal.checks import DEFAULT_OPTIONS, RULES, CheckOptions, Context, Field, Finding, run_rules
from appraisal.checks.output import fixed_by_fix_all
from appraisal.checks.positions import is_positional
from appraisal.edits import Edit
from appraisal.errors import AppraisalError
from appraisal.fileio import describe_os_error, fit_name, write_temp_file
from appraisal.importing import CHECKING, ImportResult, edited_copy, parse_document, read_document, writable


@dataclass
class DocumentCheck:
    path: Path
    result: ImportResult
    findings: list[Finding]  # positions in the document
    sections_checked: bool = True  # False: the template was not recognised, only the content rules ran


def document_year(result: ImportResult) -> int | None:
    """The year the document is about (see `ImportResult.document_year`): the year its rules check against."""
    return result.document_year


SECTION_RULES = frozenset(name for name, rule in RULES.items() if rule.about_sections)
"""Rules about the template's sections: they run on a document only when its template is known."""


def check_document(
    path: Path, options: CheckOptions = DEFAULT_OPTIONS, template: str | None = None, year: int | None = None
) -> DocumentCheck:
    """Read, import and check a document; findings are in document positions, in document order. The section
    rules run only when the template is given or recognised with confidence (`DocumentCheck.sections_checked`).
    `year` is the year to check against when the document names none (a reviewer's `--year`)."""
    result = parse_document(read_document(path, CHECKING), template)
    if result.document_year is None and year is not None:
        result.document_year = year
    sections_checked = template is not None or result.confident
    ctx = document_context(result, options, sections_checked=sections_checked)
    placed = [place(item, f, result) for item, f in run_rules(ctx) if not _on_separators(item, f, result)]
    findings = [found for f in placed if (found := _on_word_number(f, result)) is not None]
    findings.sort(key=lambda f: (f.line, f.column, f.end_column, f.rule))
    return DocumentCheck(path, result, findings, sections_checked)


def document_context(
    result: ImportResult, options: CheckOptions = DEFAULT_OPTIONS, *, sections_checked: bool = True
) -> Context:
    """What the rules see of an imported document: its fields, its year, its Markdown escapes; without the
    section rules unless `sections_checked`. `run_rules` on it, then `place`, gives `check_document`'s findings."""
    if not sections_checked:
        options = dataclasses.replace(options, disabled=options.disabled | SECTION_RULES)
    return Context(
        result.draft,
        result.template,
        year=document_year(result),
        document=True,
        include_unmatched=True,
        include_title="title" in result.origin,
        markdown=result.document.kind == "md",
        escapes=result.escapes,
        options=options,
        headings=[source.heading for sources in result.sources.values() for source in sources],
    )


def _on_separators(item: Field | None, finding: Finding, result: ImportResult) -> bool:
    """Whether the finding is about nothing but the spaces the importer put between a table's cells: they are
    not in the document (`中文之间不应有空格` there had no place to point at, and nothing to fix)."""
    if item is None or not is_positional(finding):
        return False
    index = finding.line - 1
    return not any(result.from_document(item.key, index, c) for c in range(finding.column - 1, finding.end_column - 1))


WORD_NUMBER = "此处是 Word 自动生成的编号，不在正文文字中，无法自动修正，请在 Word 中修改编号格式。"
WORD_MARKS = "此处含 Word 的制表符、换行符或不间断连字符，无法自动修正，请在 Word 中修改。"
BOX_COPIES = "此段位于文本框中，文档里保存的两份文本框内容已不一致，无法自动修正，请在 Word 中修改。"


def _on_word_number(finding: Finding, result: ImportResult) -> Finding | None:
    """The finding as `--fix` can honour it: on the number Word draws before a paragraph (`一.一`), which is not in
    the paragraph's text, no fix and a word saying so, and None when it is only about the space put for Word's tab
    after the number (not in the document either); elsewhere, no fix where the fixed copy cannot write it
    (`importing.writable`: a tab, a break, a text box whose two copies differ), with the reason. A finding about
    more than the number (a heading too short) and without a fix stays as it is."""
    if not is_positional(finding):
        return finding
    document = result.document
    label = document.labels.get(finding.line, "")
    start, end = finding.column - 1, finding.end_column - 1
    if start < len(label) and (end <= len(label) or finding.fix is not None):
        if end <= len(label) and not label[start:].strip():
            return None
        return replace(finding, fix=None, message=f"{finding.message}{WORD_NUMBER}")
    if finding.fix is None or writable(document, Edit(finding.line, finding.column, finding.end_column, finding.fix)):
        return finding
    reason = BOX_COPIES if finding.line in document.unwritable else WORD_MARKS
    return replace(finding, fix=None, message=f"{finding.message}{reason}")


def place(item: Field | None, finding: Finding, result: ImportResult) -> Finding:
    """The finding with its position moved from the field's text into the document."""
    lines = result.origin.get(item.key) if item is not None else None
    if item is None or not lines:
        return _at_heading(finding, result, item)
    rule = RULES.get(finding.rule)
    if rule is not None and not rule.positional:
        return _at_heading(finding, result, item)
    index = finding.line - 1
    doc_line, start, end = result.place_span(item.key, index, finding.column - 1, finding.end_column - 1)
    return replace(finding, paragraph=None, line=doc_line, column=start + 1, end_column=end + 1)


def _at_heading(finding: Finding, result: ImportResult, item: Field | None) -> Finding:
    """A finding about a whole section: at its heading in the document, else at its first line, else at the top."""
    if item is not None:
        for span in result.headings():
            if span.section == item.key:
                return replace(finding, paragraph=None, line=span.line, column=span.start + 1, end_column=span.end + 1)
        lines = result.origin.get(item.key)
        if lines:
            line, offset = lines[0]
            return replace(finding, paragraph=None, line=line, column=offset + 1, end_column=offset + 1)
        if finding.rule == "section-empty" and item.section is not None:
            message = f"文档中没有“{item.section.title}”这一部分（未找到它的标题和内容）。"
            return replace(finding, paragraph=None, line=1, column=1, end_column=1, message=message)
    return replace(finding, paragraph=None, line=1, column=1, end_column=1)


# ---------------------------------------------------------------- fixed copies

_MAX_COPIES = 999
_NO_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK}


def fixed_copy_path(path: Path) -> Path:
    """`总结.txt` → `总结.fixed.txt`."""
    return path.with_name(f"{fit_name(path.stem, '.fixed', '(999)', path.suffix)}.fixed{path.suffix}")


def write_fixed_copy(check: DocumentCheck) -> tuple[Path, int]:
    """Write the document with every fix applied next to it; (the copy's path, fixes applied). Nothing is written
    when there is nothing to fix. A fixed copy already there (from an earlier run, perhaps edited since) is never
    replaced: the new one becomes `总结.fixed(2).txt`, and so on."""
    fixes = [
        Edit(f.line, f.column, f.end_column, f.fix) for f in check.findings if f.fix is not None and fixed_by_fix_all(f)
    ]
    target = fixed_copy_path(check.path)
    if not fixes:
        return target, 0
    data, count = edited_copy(check.result.document, fixes)
    if count:
        target = _write_new(target, data)
    return target, count


def _write_new(target: Path, data: bytes) -> Path:
    """Write `data` at `target`, or at `stem(2).suffix`, `stem(3).suffix`… when the name is taken. The complete
    temp file is hard-linked into place, which fails when the name exists, so no file is ever replaced, not even
    one created a moment ago; where the file system has no hard links, a name that does not exist is used."""
    tmp = write_temp_file(target, data, private=False)
    try:
        candidate = target
        for number in range(2, _MAX_COPIES + 2):
            try:
                os.link(tmp, candidate)
                return candidate
            except FileExistsError:
                pass
            except OSError as exc:
                if exc.errno not in _NO_LINKS:
                    raise AppraisalError(describe_os_error(exc, candidate, "保存")) from exc
                if not candidate.exists():
                    os.replace(tmp, candidate)
                    return candidate
            candidate = target.with_name(f"{target.stem}({number}){target.suffix}")
        raise AppraisalError(f"{target.parent} 中已有太多修正后的副本，请先整理后再试。")
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
