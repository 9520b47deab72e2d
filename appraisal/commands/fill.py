"""`appraisal fill DRAFT --plain`: fill the sections through plain line prompts (screen readers, scripts)."""

from __future__ import annotations

import argparse

NAME = "fill"
HELP = "以逐行提问方式填写草稿（适合读屏软件和脚本）"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("draft", metavar="草稿", help="草稿路径、名称或编号")
    parser.add_argument("--plain", action="store_true", help="逐行提问（目前唯一的方式，可省略）")
    parser.add_argument("--section", action="append", metavar="栏目", help="只填写这个栏目：编号或名称（可重复）")
    parser.add_argument("--show", action="store_true", help="提问前先显示栏目的现有内容")


def run(args: argparse.Namespace) -> int:
    import sys

    from appraisal.app.drafts import find
    from appraisal.commands import user_service
    from appraisal.plainfill import fill_plain

    service = user_service()
    path = find(args.draft)
    fill_plain(path, sys.stdin, sys.stdout, only=args.section, show_text=args.show, service=service)
    return 0
