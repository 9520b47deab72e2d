"""`appraisal export DRAFT [--to FMT…] [-o PATH] [--strict]`: write the draft as Word, plain text, Markdown or HTML.

`-o` names a file when one format is exported (its suffix may choose the format: `-o 总结.md`), and a folder or a
base name when several are (`-o 输出/总结 --to docx txt` writes 输出/总结.docx and 输出/总结.txt). A path the user
names is replaced if it exists — they asked for it; without `-o` a new name is chosen (`…(2).docx`), never an
existing file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from appraisal.formats import FORMATS, SUFFIX_FORMATS, format_named

if TYPE_CHECKING:
    from appraisal.checks import Finding
    from appraisal.service import ExportTarget
    from appraisal.templates import Template

NAME = "export"
HELP = "把草稿导出为 Word、纯文本、Markdown 或 HTML"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    # Optional for argparse only: in `export --to docx txt 张三` the --to list swallows the draft, and run() takes it
    # back from there.
    parser.add_argument(
        "draft", nargs="?", metavar="草稿", help="草稿文件路径，或草稿的名称、编号（见 appraisal list）"
    )
    parser.add_argument(
        "--to",
        nargs="+",
        action="extend",
        metavar="格式",
        help="；".join(f"{f.name}：{f.label}" for f in FORMATS.values())
        + "。默认 docx；可同时给出几种，如 --to docx txt",
    )
    parser.add_argument(
        "-o",
        "--output",
        default=None,
        metavar="路径",
        help="保存位置：导出一种格式时是文件名；导出几种时是文件夹或不带扩展名的文件名（默认：当前文件夹，自动命名）",
    )
    parser.add_argument("--strict", action="store_true", help="草稿还有错误时不导出，列出错误")
    parser.add_argument(
        "--run-in",
        dest="run_in",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="二级标题接排在正文前，如“（一）服务中心实绩。一年来，……”（默认按设置文件和模板；Markdown 总是单列标题）",
    )
    parser.add_argument(
        "--date",
        default=None,
        metavar="年-月-日",
        help="落款日期，如 2026-12-8（默认：草稿中的落款日期，照原文；没有时为今天）",
    )


def run(args: argparse.Namespace) -> int:
    from appraisal.commands import user_service
    from appraisal.draft import signed_date, signed_text
    from appraisal.errors import AppraisalError
    from appraisal.service import ExportFailed, StrictExportRefused

    draft_ref: str | None = args.draft
    if draft_ref is None and args.to and format_named(args.to[-1]) is None:
        draft_ref = args.to.pop()
    if not draft_ref:
        raise AppraisalError("请指明要导出的草稿：文件路径，或草稿的名称、编号（见 appraisal list）。")
    output: str | None = args.output  # a string: Path() would drop the trailing "/" that marks a folder
    formats = _formats(args.to, Path(output) if output else None)
    date = _date(args.date)
    targets = [_target(output, fmt, several=len(formats) > 1) for fmt in formats]
    service = user_service()
    _path, draft, template = service.open_draft(draft_ref)

    try:
        result = service.export(draft, template, targets, strict=args.strict, run_in=args.run_in, date=date)
    except StrictExportRefused as refused:
        print(refused.message, file=sys.stderr)
        for line in _error_lines(refused.errors, template):
            print(f"  {line}", file=sys.stderr)
        return 1
    except ExportFailed as failed:
        for path in failed.written:
            print(path)
        raise
    for path in result.written:
        print(path)

    signed = draft.profile.signed
    if date is None and signed and signed_date(signed) is None:
        print(
            f"提示：落款日期只写到月，导出为“{signed_text(signed) or signed}”，没有补上日；"
            "如需写明日期，请加 --date（如 --date 2026-12-8），或在编辑界面按 F3 修改。",
            file=sys.stderr,
        )
    if result.errors:
        print(f"提示：草稿还有 {len(result.errors)} 处错误，可用“appraisal check”查看。", file=sys.stderr)
    if draft.unmatched.strip():
        print("提示：草稿中有未归入任何栏目的文字，未导出；请在编辑界面中把它们移到相应栏目。", file=sys.stderr)
    return 0


def _formats(requested: list[str] | None, output: Path | None) -> list[str]:
    """The formats asked for (`--to docx txt`, `--to docx,txt`), else the one `-o`'s suffix names, else docx."""
    from appraisal.errors import AppraisalError

    if not requested:
        inferred = SUFFIX_FORMATS.get(output.suffix.lower()) if output is not None else None
        return [inferred or "docx"]
    formats: list[str] = []
    for item in requested:
        for part in item.replace("，", ",").split(","):
            if not part.strip():
                continue
            name = format_named(part)
            if name is None:
                shown = part.strip().lower().lstrip(".")
                raise AppraisalError(f"不支持导出为“{shown}”，可选的格式有：{'、'.join(FORMATS)}。")
            if name not in formats:
                formats.append(name)
    return formats or ["docx"]


def _date(text: str | None) -> dt.date | None:
    from appraisal.errors import AppraisalError

    if text is None:
        return None
    cleaned = text.strip().replace("年", "-").replace("月", "-").replace("日", "").replace("/", "-").replace(".", "-")
    try:
        year, month, day = (int(part) for part in cleaned.split("-"))
        return dt.date(year, month, day)
    except ValueError:
        raise AppraisalError(f"落款日期“{text}”无法识别，请写成 2026-12-8 这样的形式。") from None


def _target(raw: str | None, fmt: str, *, several: bool) -> ExportTarget:
    """Into the current folder or the folder named, under a free name; or exactly at the path the user named
    (replaced if it exists: they asked for it)."""
    from appraisal.errors import AppraisalError
    from appraisal.service import ExportTarget

    if not raw:
        return ExportTarget(fmt, folder=Path.cwd())
    output = Path(raw).expanduser()
    if output.is_dir() or raw.endswith(("/", os.sep)):
        return ExportTarget(fmt, folder=output)
    suffix = FORMATS[fmt].suffix
    named = SUFFIX_FORMATS.get(output.suffix.lower())
    if several:
        base = output.with_suffix("") if named else output
        return ExportTarget(fmt, path=base.with_name(base.name + suffix), overwrite=True)
    if named is None:
        return ExportTarget(fmt, path=output.with_name(output.name + suffix), overwrite=True)
    if named != fmt:
        raise AppraisalError(f"输出文件 {output} 的扩展名与导出格式 {fmt} 不符，请改用 {output.stem}{suffix}。")
    return ExportTarget(fmt, path=output, overwrite=True)


def _error_lines(errors: list[Finding], template: Template) -> list[str]:
    """The checker's errors, one line each: `依法行政 第1段第15字：message（rule）`."""
    from appraisal.checks.positions import finding_place

    lines: list[str] = []
    for finding in errors:
        where = ""
        if finding.section:
            try:
                where = template.section(finding.section).title
            except KeyError:
                where = finding.section
            place = finding_place(finding)
            where += f" {place}：" if place else "："
        lines.append(f"{where}{finding.message}（{finding.rule}）")
    return lines
