"""`appraisal edit DRAFT`: open the editor on a draft. Also how bare `appraisal` and `appraisal new` start the TUI."""

from __future__ import annotations

import argparse
from pathlib import Path

NAME = "edit"
HELP = "在编辑界面中打开草稿"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("draft", metavar="草稿", help="草稿路径、名称或编号")
    parser.add_argument("--read-only", action="store_true", help="只读打开（不加锁，不保存）")


def open_editor(path: Path, *, read_only: bool = False) -> int:
    """Open the TUI editor on `path` (the start screen stays underneath for opening other drafts)."""
    from appraisal.tui.app import run_app

    return run_app(path, read_only=read_only)


def open_start() -> int:
    """Bare `appraisal`: continue the most recently saved draft, as the README says and the start screen's R does
    (Ctrl+O leads from it to the start screen and the other drafts); with no drafts yet, the new-draft form."""
    from appraisal.app.drafts import most_recent_draft
    from appraisal.tui.app import run_app

    latest = most_recent_draft()
    return run_app(latest) if latest is not None else run_app()


def run(args: argparse.Namespace) -> int:
    from appraisal.app.drafts import find

    return open_editor(find(args.draft), read_only=getattr(args, "read_only", False))
