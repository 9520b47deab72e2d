"""`appraisal list`: the drafts in the data dir with their 编号 (to name one on the command line), template,
year, progress (parts written, parts short) and last save."""

from __future__ import annotations

import argparse

NAME = "list"
HELP = "列出数据目录中的草稿"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    del parser


def run(args: argparse.Namespace) -> int:
    from appraisal import paths
    from appraisal.app.drafts import set_aside_files
    from appraisal.service import Service

    rows = Service.list_drafts()
    names = _template_names()
    aside = set_aside_files()
    if not rows and not aside:
        print(f"还没有草稿（数据目录：{paths.drafts_dir()}）。用“appraisal new”新建一份。")
        return 0
    for row in rows:
        saved = row.saved.strftime("%Y-%m-%d %H:%M")
        if row.draft is None:
            print(f"{row.path.name}\t无法读取\t{saved}\t{row.problem}")
            continue
        draft = row.draft
        done = "模板缺失" if row.progress is None else row.progress.label()
        year = f"{draft.profile.year}年度" if draft.profile.year else "年度未填"
        name = draft.profile.name or "（未署名）"
        print(
            f"{row.path}\t编号 {draft.id}\t{name}\t{draft.template}（{names.get(draft.template, '模板缺失')}）"
            f"\t{year}\t{done}"
            f"\t字数 {draft.total_chars()}\t保存于 {saved}"
        )
    for path in aside:
        print(f"{path}\t恢复历史版本时移开的原文件（无法读取，原样保留）")
    return 0


def _template_names() -> dict[str, str]:
    """Each known template's Chinese name by id, shown beside the id."""
    from appraisal.templates import list_templates

    return {t.id: t.name for t in list_templates()[0]}
