"""`appraisal check FILE… [--format text|concise|json] [--fix]`: the checker on drafts and documents.

Each FILE is a draft (a `.json` file, or a draft's name or id) or a `.txt`, `.md` or `.docx` document. The output
(`appraisal.checks.output`) is for people by default (grouped by section or paragraph, each sentence with its
mistake marked, a summary line), one line per finding with `concise`, or JSON. A file that cannot be read is
reported on stderr and the other files are still checked. Exit status: 0 no errors, 1 errors found, 2 a file could
not be read.

`--fix` applies the safe fixes: a draft is saved as a new revision; a document gets a fixed copy next to it
(`总结.fixed.txt`, or `总结.fixed(2).txt` when that name is taken: no file is overwritten) and the findings listed
are those left in the copy.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from appraisal.checks.documents import DocumentCheck
    from appraisal.checks.output import FileReport
    from appraisal.service import DraftCheck, Service

NAME = "check"
HELP = "检查草稿或文档中的常见问题"
# `appraisal.checks.output.FORMATS`, spelled out so that building the parser does not load the checker.
FORMATS = ("text", "concise", "json")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "files", nargs="+", metavar="文件", help="草稿（.json 文件或草稿名称、编号），或 .txt、.md、.docx 文档"
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="text",
        help="输出格式：text 按栏目或段落列出、标出原句（默认），concise 每处一行，json 供程序读取",
    )
    parser.add_argument(
        "--template",
        default=None,
        metavar="模板编号",
        help="文档所用的模板（默认自动识别；识别不出时只检查内容，见 appraisal templates）",
    )
    parser.add_argument(
        "--fix", action="store_true", help="自动修正可以安全修正的问题（草稿另存为新版本，文档另存为修正后的副本）"
    )


def run(args: argparse.Namespace) -> int:
    from appraisal.commands import user_service

    service = user_service()
    from appraisal.checks.output import render

    results = [_check(service, ref, fix=args.fix, template=args.template) for ref in args.files]
    sys.stdout.write(render(results, args.format))
    if any(r.error is not None for r in results):
        return 2
    return 1 if any(f.severity == "error" for r in results for f in r.findings) else 0


def _check(service: Service, ref: str, *, fix: bool, template: str | None = None) -> FileReport:
    """One FILE argument: a document, a draft file, or a draft named by name or id; an error is reported on
    stderr and recorded, so the other files are still checked."""
    from appraisal.checks.output import FileReport
    from appraisal.errors import AppraisalError
    from appraisal.formats import DOCUMENT_SUFFIXES

    try:
        path = Path(ref).expanduser()
        if path.is_dir():
            raise AppraisalError(f"{ref} 是一个文件夹，请指定要检查的草稿或 .txt、.md、.docx 文档。")
        suffix = path.suffix.lower()
        if suffix in DOCUMENT_SUFFIXES:
            if not path.exists():
                raise AppraisalError(f"找不到文件 {ref}，请检查文件名和路径是否正确。")
            return _check_document(service, ref, path, fix=fix, template=template)
        if suffix == ".json" and path.exists():
            return _check_draft(service, ref, path, fix=fix)
        if path.exists():
            raise AppraisalError(f"无法检查 {ref}：只能检查草稿（.json）和 .txt、.md、.docx 文档。")
        from appraisal.app.drafts import find  # the drafts and their store: loaded for a draft only

        found = find(ref)
        return _check_draft(service, str(found), found, fix=fix)
    except AppraisalError as exc:
        print(exc.message, file=sys.stderr)
        return FileReport(ref, error=exc.message)


def _check_draft(service: Service, label: str, path: Path, *, fix: bool) -> FileReport:
    checked = service.check_draft_file(path, fix=fix)
    if checked.fixed:
        print(f"{label}：已修正 {checked.fixed} 处，保存为第 {checked.draft.revision} 版。", file=sys.stderr)
    return _draft_report(label, checked)


def _check_document(service: Service, label: str, path: Path, *, fix: bool, template: str | None) -> FileReport:
    from appraisal.checks.documents import fixed_copy_path

    if not fix:
        checked = service.check_document(path, template)
        _say_unloaded(checked)
        if not checked.sections_checked:
            print(
                f"{label}：未能确定文档所用的模板，只检查了内容，未检查各栏目是否齐全和字数"
                "（可用 --template 指定模板）。",
                file=sys.stderr,
            )
        return _document_report(label, checked)
    fixed = service.fix_document(path, template)
    _say_unloaded(fixed.check)
    if fixed.copy is None:
        return _document_report(label, fixed.check)
    taken = f"（{fixed_copy_path(path).name} 已存在，未覆盖）" if fixed.copy != fixed_copy_path(path) else ""
    print(f"{label}：已修正 {fixed.count} 处，修正后的副本保存为 {fixed.copy}{taken}，原文件未改动。", file=sys.stderr)
    return _document_report(str(fixed.copy), fixed.check, source=label)


def _say_unloaded(checked: DocumentCheck) -> None:
    """Templates that could not be loaded while recognising the document's: each named, once."""
    for unloaded in checked.result.unloaded_templates:
        print(unloaded, file=sys.stderr)


def _draft_report(label: str, checked: DraftCheck) -> FileReport:
    from appraisal.checks.output import FileReport

    draft = checked.draft
    lines = {section_id: text.split("\n") for section_id, text in draft.sections.items()}
    lines["title"] = [draft.title]
    return FileReport(
        label,
        checked.findings,
        draft=True,
        template=draft.template,
        titles=checked.section_titles(),
        lines=lines,
    )


def _document_report(label: str, checked: DocumentCheck, source: str | None = None) -> FileReport:
    from appraisal.checks.output import FileReport
    from appraisal.checks.word_places import word_places

    document = checked.result.document
    return FileReport(
        label,
        checked.findings,
        template=checked.result.template.id if checked.sections_checked else None,
        lines={"": list(document.lines)},
        paragraphs="段" if document.kind == "docx" else "行",
        places=word_places(document) if document.kind == "docx" else {},
        source=source,
    )
