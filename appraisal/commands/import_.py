"""`appraisal import FILE`: turn a .txt, .md or .docx document into a draft and say what went where."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from appraisal.importing import ImportResult

NAME = "import"
HELP = "把 .txt、.md、.docx 文档导入为草稿"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="文件", help="要导入的文档（.txt、.md 或 .docx）")
    parser.add_argument(
        "--template",
        default=None,
        metavar="模板编号",
        help="模板编号（默认按文中的栏目标题自动选择，见 appraisal templates）",
    )
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        default=None,
        metavar="路径",
        help="草稿保存路径（默认保存在数据目录；不覆盖已有文件）",
    )


def run(args: argparse.Namespace) -> int:
    from appraisal.app.drafts import create_imported
    from appraisal.errors import AppraisalError
    from appraisal.importing import import_document, import_summary

    result = import_document(args.file, args.template)
    guess = None
    if result.not_a_report and args.template is None and not sys.stdin.isatty():
        raise AppraisalError(
            f"{args.file} 看起来不是个人总结或述职报告：{_evidence(result)}，未导入；"
            "如确要导入，请用 --template 指定模板。"
        )
    if not result.confident and sys.stdin.isatty():
        guess = result
        chosen = _ask_template(result.template.id, _question(result))
        if chosen != result.template.id:
            result = import_document(args.file, chosen)
    path = create_imported(result, args.output)
    print(import_summary(result, guess))
    print(f"草稿已保存到 {path}，可用“appraisal edit {path}”继续编辑。")
    return 0


def _question(result: ImportResult) -> str:
    """What is asked, with the evidence in one line."""
    why = f"（依据：{'；'.join(result.reasons)}）" if result.reasons else ""
    if result.not_a_report:
        return (
            f"该文档看起来不是个人总结或述职报告：{_evidence(result)}。如确要导入，请选择模板，"
            "正文将放入其主体栏目（直接回车使用推测的模板，按 Ctrl+C 放弃）："
        )
    if result.fits_no_template:
        return f"该文档不符合任何模板{why}。请选择导入到哪个模板，正文将放入其主体栏目（直接回车使用推测的模板）："
    return f"未能确定文档所用的模板{why}，请选择（直接回车使用推测的模板）："


def _evidence(result: ImportResult) -> str:
    """`像是新闻报道（有“本报讯”“记者”等）`: the first reason, which says what the text looks like."""
    return result.reasons[0] if result.reasons else f"像是{result.not_a_report}"


def _ask_template(guess: str, question: str) -> str:
    """The template the user picks when the document's could not be recognised with confidence; Enter keeps the
    guess. Asked only on a terminal: otherwise the guess is used and the summary says so."""
    from appraisal.templates import list_templates

    templates, _errors = list_templates()
    print(question, file=sys.stderr)
    for number, template in enumerate(templates, start=1):
        mark = "（推测）" if template.id == guess else ""
        print(f"  {number}. {template.name}{mark}", file=sys.stderr)
    while True:
        try:
            answer = input("模板编号：").strip()
        except EOFError:
            return guess
        if not answer:
            return guess
        if answer.isdigit() and 1 <= int(answer) <= len(templates):
            return templates[int(answer) - 1].id
        ids = {template.id for template in templates}
        if answer in ids:
            return answer
        print(f"请输入 1 到 {len(templates)} 之间的数字。", file=sys.stderr)
