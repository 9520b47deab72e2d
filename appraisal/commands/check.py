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
    from appraisal.service import Service

NAME = "check"
HELP = "检查草稿或文档中的常见问题"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "files", nargs="+", metavar="文件", help="草稿（.json 文件或草稿名称、编号），或 .txt、.md、.docx 文档"
    )
    parser.add_argument("--format", choices=["text", "json"], default="text", help="输出格式（默认 text）")
    parser.add_argument(
        "--template",
        default=None,
        metavar="模板编号",
        help="文档所用的模板（默认自动识别；识别不出时只检查内容，见 appraisal templates）",
    )
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
    from appraisal.service import Service, Settings

    settings = Settings.load()
    for name in settings.unknown_rules:
        print(f"设置中停用的检查规则“{name}”不存在，已忽略。", file=sys.stderr)
    service = Service(settings)
    results = [_check(service, ref, fix=args.fix, template=args.template) for ref in args.files]
    if args.format == "json":
        print(json.dumps({"files": [_as_json(r) for r in results]}, ensure_ascii=False, indent=2))
    else:
        for result in results:
            for line in _as_text(result):
                print(line)
    if any(r.error is not None for r in results):
        return 2
    return 1 if any(f.severity == "error" for r in results for f in r.findings) else 0


def _check(service: Service, ref: str, *, fix: bool, template: str | None = None) -> Checked:
    """One FILE argument: a document, a draft file, or a draft named by name or id; an error is reported on
    stderr and recorded, so the other files are still checked."""
    from appraisal.errors import AppraisalError
    from appraisal.formats import DOCUMENT_SUFFIXES
    from appraisal.store import resolve_draft

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
        found = resolve_draft(ref)
        return _check_draft(service, str(found), found, fix=fix)
    except AppraisalError as exc:
        print(exc.message, file=sys.stderr)
        return Checked(ref, error=exc.message)


def _check_draft(service: Service, label: str, path: Path, *, fix: bool) -> Checked:
    checked = service.check_draft_file(path, fix=fix)
    if checked.fixed:
        print(f"{label}：已修正 {checked.fixed} 处，保存为第 {checked.draft.revision} 版。", file=sys.stderr)
    return Checked(label, checked.findings, checked.section_titles())


def _check_document(service: Service, label: str, path: Path, *, fix: bool, template: str | None) -> Checked:
    if not fix:
        checked = service.check_document(path, template)
        if not checked.sections_checked:
            print(
                f"{label}：未能确定文档所用的模板，只检查了内容，未检查各栏目是否齐全和字数"
                "（可用 --template 指定模板）。",
                file=sys.stderr,
            )
        return Checked(label, checked.findings)
    fixed = service.fix_document(path, template)
    if fixed.copy is None:
        return Checked(label, fixed.findings)
    print(f"{label}：已修正 {fixed.count} 处，修正后的副本保存为 {fixed.copy}，原文件未改动。", file=sys.stderr)
    return Checked(str(fixed.copy), fixed.findings, source=label)


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
