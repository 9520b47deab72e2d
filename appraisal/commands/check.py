"""`appraisal check FILE… [--format text|json] [--fix]`: the checker on drafts and documents, like a compiler.

Each FILE is a draft (a `.json` file, or a draft's name or id) or a `.txt`, `.md` or `.docx` document. Output is
one line per finding, `path:line:col: severity rule message`, or JSON. A file that cannot be read is reported on
stderr and the other files are still checked. Exit status: 0 no errors, 1 errors found, 2 a file could not be read.

`--fix` applies the safe fixes: a draft is saved as a new revision; a document gets a fixed copy next to it
(`总结.fixed.txt`) and the findings listed are those left in the copy.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from appraisal.checks import Finding
    from appraisal.templates import Template

NAME = "check"
HELP = "检查草稿或文档中的常见问题"

DOCUMENT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".docx", ".docm", ".dotx", ".dotm", ".doc", ".wps"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "files", nargs="+", metavar="FILE", help="草稿（.json 文件或草稿名称、编号），或 .txt、.md、.docx 文档"
    )
    parser.add_argument("--format", choices=["text", "json"], default="text", help="输出格式（默认 text）")
    parser.add_argument(
        "--fix", action="store_true", help="自动修正可以安全修正的问题（草稿另存为新版本，文档另存为修正后的副本）"
    )


@dataclass
class Checked:
    """One FILE argument: where it is, what was found, and the section titles for a draft."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    titles: dict[str, str] = field(default_factory=dict)
    error: str | None = None
    source: str | None = None  # with --fix on a document: the original; `path` is then the fixed copy


def run(args: argparse.Namespace) -> int:
    from appraisal.checks import RULES
    from appraisal.config import load_config

    disabled = set(load_config().checks.disabled)
    for name in sorted(disabled - set(RULES)):
        print(f"设置中停用的检查规则“{name}”不存在，已忽略。", file=sys.stderr)
    results = [_check(ref, disabled, fix=args.fix) for ref in args.files]
    if args.format == "json":
        print(json.dumps({"files": [_as_json(r) for r in results]}, ensure_ascii=False, indent=2))
    else:
        for result in results:
            for line in _as_text(result):
                print(line)
    if any(r.error is not None for r in results):
        return 2
    return 1 if any(f.severity == "error" for r in results for f in r.findings) else 0


def _check(ref: str, disabled: set[str], *, fix: bool) -> Checked:
    from appraisal.errors import AppraisalError

    try:
        path = Path(ref).expanduser()
        if path.is_dir():
            raise AppraisalError(f"{ref} 是一个文件夹，请指定要检查的草稿或 .txt、.md、.docx 文档。")
        suffix = path.suffix.lower()
        if suffix in DOCUMENT_SUFFIXES:
            if not path.exists():
                raise AppraisalError(f"找不到文件 {ref}，请检查文件名和路径是否正确。")
            return _check_document(ref, path, disabled, fix=fix)
        if suffix == ".json" and path.exists():
            return _check_draft(ref, path, disabled, fix=fix)
        if path.exists():
            raise AppraisalError(f"无法检查 {ref}：只能检查草稿（.json）和 .txt、.md、.docx 文档。")
        from appraisal.store import resolve_draft

        found = resolve_draft(ref)
        return _check_draft(str(found), found, disabled, fix=fix)
    except AppraisalError as exc:
        print(exc.message, file=sys.stderr)
        return Checked(ref, error=exc.message)


def _titles(template: Template) -> dict[str, str]:
    return {s.id: s.title for s in template.text_sections()}


def _check_draft(label: str, path: Path, disabled: set[str], *, fix: bool) -> Checked:
    from appraisal.checks import check_draft, fix_draft
    from appraisal.store import OpenDraft, load_draft
    from appraisal.templates import load_template

    if fix:
        opened = OpenDraft(path)
        try:
            template = load_template(opened.draft.template)
            count = fix_draft(opened.draft, template, disabled=disabled)
            if count:
                opened.save()
                print(f"{label}：已修正 {count} 处，保存为第 {opened.draft.revision} 版。", file=sys.stderr)
            draft = opened.draft
        finally:
            opened.close()
    else:
        draft = load_draft(path)
        template = load_template(draft.template)
    return Checked(label, check_draft(draft, template, disabled=disabled), _titles(template))


def _check_document(label: str, path: Path, disabled: set[str], *, fix: bool) -> Checked:
    from appraisal.checks.documents import check_document, write_fixed_copy

    checked = check_document(path, disabled=disabled)
    if fix:
        copy, count = write_fixed_copy(checked)
        if count:
            print(f"{label}：已修正 {count} 处，修正后的副本保存为 {copy}，原文件未改动。", file=sys.stderr)
            fixed = check_document(copy, disabled=disabled)
            return Checked(str(copy), fixed.findings, source=label)
    return Checked(label, checked.findings)


def _as_json(result: Checked) -> dict[str, object]:
    entry: dict[str, object] = {"path": result.path}
    if result.source is not None:
        entry["source"] = result.source
    if result.error is not None:
        entry["error"] = result.error
    entry["findings"] = [asdict(f) for f in result.findings]
    return entry


def _as_text(result: Checked) -> list[str]:
    """`path:line:col: severity rule message`; for a draft the message names the section."""
    lines = []
    for f in result.findings:
        title = result.titles.get(f.section or "")
        where = f"「{title}」" if title and f"“{title}”" not in f.message else ""
        lines.append(f"{result.path}:{f.line}:{f.column}: {f.severity} {f.rule} {where}{f.message}")
    return lines
