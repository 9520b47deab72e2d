"""`appraisal history`: list a draft's earlier revisions, or restore one."""

from __future__ import annotations

import argparse

NAME = "history"
HELP = "查看或恢复草稿的历史版本"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("draft", metavar="草稿", help="草稿路径、名称或编号")
    parser.add_argument("--restore", type=int, metavar="版本号", default=None, help="把这一版恢复为当前版本")


def run(args: argparse.Namespace) -> int:
    from appraisal.app import drafts
    from appraisal.draft import count_zi
    from appraisal.errors import AppraisalError

    path = drafts.find(args.draft)
    if args.restore is not None:
        restored = drafts.restore(path, args.restore)
        print(f"已将第 {args.restore} 版恢复为当前版本（新版本号 {restored.draft.revision}）：{path}")
        if restored.set_aside is not None:
            print(f"原文件无法读取，已原样移到 {restored.set_aside} 保存，没有删除。")
        return 0
    entries = drafts.history(path)
    if not entries:
        print(f"草稿 {path} 还没有历史记录。")
        return 0
    for entry in entries:
        try:
            chars = f"{sum(count_zi(t) for t in entry.load().sections.values())} 字"
        except (AppraisalError, OSError):
            chars = "无法读取"
        print(f"第 {entry.revision} 版\t{entry.saved}\t{chars}")
    return 0
