"""`appraisal 文档导入为草稿`: not built yet."""

from __future__ import annotations

import argparse

NAME = "文档导入为草稿"
HELP = "文档导入为草稿"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("rest", nargs="*", help=argparse.SUPPRESS)


def run(args: argparse.Namespace) -> int:
    from appraisal.errors import AppraisalError

    raise AppraisalError("此命令尚未完成。")
