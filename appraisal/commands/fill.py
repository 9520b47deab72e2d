"""`appraisal fill`: not built yet."""

from __future__ import annotations

import argparse

NAME = "fill"
HELP = "以逐行提问方式填写草稿（适合读屏软件和脚本）"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("rest", nargs="*", help=argparse.SUPPRESS)


def run(args: argparse.Namespace) -> int:
    from appraisal.errors import AppraisalError

    raise AppraisalError("此命令尚未完成。")
