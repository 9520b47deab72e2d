"""`appraisal edit DRAFT`: open the editor on a draft."""

from __future__ import annotations

import argparse
from pathlib import Path

NAME = "edit"
HELP = "在编辑界面中打开草稿"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("draft", metavar="DRAFT", help="草稿路径、名称或编号")


def open_editor(path: Path) -> int:
    """Open the TUI editor on `path`. Until the TUI exists, say what to do instead."""
    print(f"编辑界面尚在开发中。草稿已保存在 {path}，可以直接用文本编辑器修改该 JSON 文件。")
    return 0


def open_start() -> int:
    """Open the TUI start screen. Until it exists, say what to do instead."""
    print("编辑界面尚在开发中。现在可以使用：appraisal new、appraisal list、appraisal templates、appraisal history。")
    return 0


def run(args: argparse.Namespace) -> int:
    from appraisal.store import resolve_draft

    return open_editor(resolve_draft(args.draft))
