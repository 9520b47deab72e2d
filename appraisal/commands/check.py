"""`appraisal check`: not built yet."""

from __future__ import annotations

import argparse

NAME = "check"
HELP = "检查草稿或文档中的常见问题"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("rest", nargs="*", help=argparse.SUPPRESS)


def run(args: argparse.Namespace) -> int:
    from appraisal.errors import AppraisalError

    raise AppraisalError("此命令尚未完成。")
