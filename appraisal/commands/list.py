"""`appraisal list`: the drafts in the data dir with template, year, completion and last save."""

from __future__ import annotations

import argparse
import datetime as dt

NAME = "list"
HELP = "列出数据目录中的草稿"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    del parser


def run(args: argparse.Namespace) -> int:
    from appraisal import paths
    from appraisal.draft import completion
    from appraisal.errors import AppraisalError
    from appraisal.store import draft_files, load_draft
    from appraisal.templates import load_template

    files = draft_files()
    if not files:
        print(f"还没有草稿（数据目录：{paths.drafts_dir()}）。用“appraisal new”新建一份。")
        return 0
    for path in files:
        saved = dt.datetime.fromtimestamp(path.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
        try:
            draft = load_draft(path)
        except AppraisalError as exc:
            print(f"{path.name}\t无法读取\t{saved}\t{exc.message}")
            continue
        try:
            done = f"完成 {completion(draft, load_template(draft.template)):.0%}"
        except AppraisalError:
            done = "模板缺失"
        year = f"{draft.profile.year}年度" if draft.profile.year else "年度未填"
        name = draft.profile.name or "（未署名）"
        print(f"{path}\t{name}\t{draft.template}\t{year}\t{done}\t字数 {draft.total_chars()}\t保存于 {saved}")
    return 0
