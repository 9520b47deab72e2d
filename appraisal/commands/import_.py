"""`appraisal import FILE`: turn a .txt, .md or .docx document into a draft and say what went where."""

from __future__ import annotations

import argparse
from pathlib import Path

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
    from appraisal.importing import import_document
    from appraisal.store import create_draft, new_draft_path

    result = import_document(args.file, args.template)
    output = args.output
    if output is not None and output.is_dir():
        output = new_draft_path(result.draft, output)
    path = create_draft(result.draft, output)
    print(result.summary())
    print(f"草稿已保存到 {path}，可用“appraisal edit {path}”继续编辑。")
    return 0
