"""`appraisal new`: create a draft and print its path (then open the editor unless --no-edit)."""

from __future__ import annotations

import argparse
from pathlib import Path

NAME = "new"
HELP = "新建一份草稿并打印其路径"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--template", default=None, metavar="模板编号", help="模板编号（默认 cadre-annual，见 appraisal templates）"
    )
    parser.add_argument("--name", default="", metavar="姓名", help="姓名")
    parser.add_argument("--unit", default="", metavar="单位", help="单位")
    parser.add_argument("--position", default="", metavar="职务", help="职务")
    parser.add_argument(
        "--year", type=int, default=None, metavar="年份", help="考核年度（默认：4—12月为当年，1—3月为上一年）"
    )
    parser.add_argument("--title", default=None, metavar="标题", help="标题（默认按模板生成，如“2026年度个人总结”）")
    parser.add_argument(
        "-o", "--output", type=Path, default=None, metavar="路径", help="草稿保存路径（默认保存在数据目录）"
    )
    parser.add_argument("--no-edit", action="store_true", help="只创建，不打开编辑界面")


def run(args: argparse.Namespace) -> int:
    from appraisal.app import drafts
    from appraisal.draft import YEARS
    from appraisal.errors import AppraisalError

    if args.year is not None and args.year not in YEARS:
        raise AppraisalError(f"考核年度 {args.year} 不在合理范围内（{YEARS[0]}—{YEARS[-1]}）。")
    path = drafts.new(
        args.template,
        name=args.name,
        unit=args.unit,
        position=args.position,
        year=args.year,
        title=args.title,
        output=args.output,
    )
    print(path)
    if args.no_edit:
        return 0
    from appraisal.commands.edit import open_editor

    return open_editor(path)
