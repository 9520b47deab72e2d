"""`appraisal templates [ID]`: the templates this installation knows, or one template's sections.

Without ID: each template's id, Chinese name and section counts. With ID: the template's sections in order, each
with its id (what `--section` and the draft file use), Chinese name, 必填/选填 and suggested 字数; a group's parts
are indented under it. `--section` everywhere takes the id or the Chinese name.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from appraisal.templates import Section, Template

NAME = "templates"
HELP = "列出可用的模板，或一个模板的栏目"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("template", nargs="?", metavar="模板编号", help="列出这个模板的栏目（编号、名称、字数）")


def run(args: argparse.Namespace) -> int:
    from appraisal.templates import list_templates

    templates, errors = list_templates()
    for error in errors:
        print(error.message, file=sys.stderr)
    if args.template is not None:
        return _one(args.template, templates)
    for template in templates:
        text_count = len(template.text_sections())
        top_count = len(template.sections)
        print(f"{template.id}\t{template.name}\t{top_count} 个栏目，{text_count} 个填写项")
    return 0 if templates else 2


def _one(wanted: str, templates: list[Template]) -> int:
    """The sections of the template named by id or by its Chinese name."""
    found = [t for t in templates if wanted in (t.id, t.name)]
    if not found:
        choices = "、".join(f"{t.id}（{t.name}）" for t in templates)
        print(f"没有模板“{wanted}”，可用的有：{choices}。", file=sys.stderr)
        return 2
    template = found[0]
    print(f"{template.id}\t{template.name}")
    print("栏目编号\t栏目名称\t必填\t字数")
    for placed in template.walk():
        indent = "  " * (placed.level - 1)
        print(
            f"{indent}{placed.section.id}\t{placed.section.title}\t{_need(placed.section)}\t{_limits(placed.section)}"
        )
    if template.max_chars:
        print(f"全文建议不超过 {template.max_chars} 字。")
    print("用 --section 指定栏目时，编号和名称都可以。")
    return 0


def _need(section: Section) -> str:
    if section.is_group:
        return "（分项）"
    return "必填" if section.required else "选填"


def _limits(section: Section) -> str:
    if section.is_group:
        return ""
    if section.max_chars:
        return f"{section.min_chars}–{section.max_chars} 字"
    return f"不少于 {section.min_chars} 字" if section.min_chars else "不限"
