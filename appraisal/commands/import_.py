"""`appraisal import`: not built yet."""

from __future__ import annotations

import argparse

NAME = "import"
HELP = "把 .txt、.md、.docx 文档导入为草稿"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("rest", nargs="*", help=argparse.SUPPRESS)


def run(args: argparse.Namespace) -> int:
    from appraisal.errors import AppraisalError

    raise AppraisalError("此命令尚未完成。")
