"""`appraisal unlock DRAFT [--yes]`: take over a draft's lock that names another computer (a drafts folder copied
or synced while it was open there), after telling who holds it and since when and asking to confirm."""

from __future__ import annotations

import argparse

NAME = "unlock"
HELP = "解除草稿的锁定（锁来自另一台电脑时，确认后接手）"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("draft", metavar="草稿", help="草稿文件路径，或草稿的名称、编号（见 appraisal list）")
    parser.add_argument("--yes", action="store_true", help="不再询问，直接接手")


def run(args: argparse.Namespace) -> int:
    from appraisal.app import drafts

    path = drafts.find(args.draft)
    try:
        found = drafts.unlock(path)
    except drafts.DraftLockedError as exc:
        print(f"草稿 {path} 正由本机的 {exc.holder.describe()} 编辑，请先关闭那个窗口，不能解除锁定。")
        return 1
    if found.done or found.holder is None:
        print(found.message)
        return 0
    print(
        f"草稿 {path} 由另一台电脑上的 {found.holder.describe()} 锁定（锁文件 {found.lock_file}）。"
        "若那台电脑已不再编辑这份草稿，可以在本机接手；两边同时编辑会互相覆盖。"
    )
    if not args.yes and not _confirmed("确定接手吗？[y/N] "):
        print("没有接手，锁定未作改动。")
        return 1
    drafts.take_over_lock(path, found.holder)
    print(f"已解除草稿 {path} 的锁定，现在可以在本机编辑。")
    return 0


def _confirmed(question: str) -> bool:
    try:
        answer = input(question)
    except EOFError:
        return False
    return answer.strip().lower() in ("y", "yes", "是", "确定")
