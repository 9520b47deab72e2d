"""`appraisal Word、纯文本、Markdown、HTML`: not built yet."""

from __future__ import annotations

import argparse

NAME = "Word、纯文本、Markdown、HTML"
HELP = "Word、纯文本、Markdown、HTML"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("rest", nargs="*", help=argparse.SUPPRESS)


def run(args: argparse.Namespace) -> int:
    from appraisal.errors import AppraisalError

    raise AppraisalError("此命令尚未完成。")
