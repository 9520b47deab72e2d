"""`appraisal export`: not built yet."""

from __future__ import annotations

import argparse

NAME = "export"
HELP = "把草稿导出为 Word、纯文本、Markdown 或 HTML"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("rest", nargs="*", help=argparse.SUPPRESS)


def run(args: argparse.Namespace) -> int:
    from appraisal.errors import AppraisalError

    raise AppraisalError("此命令尚未完成。")
