"""`appraisal templates`: the templates this installation knows, with their section counts."""

from __future__ import annotations

import argparse
import sys

NAME = "templates"
HELP = "列出可用的模板"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    del parser


def run(args: argparse.Namespace) -> int:
    from appraisal.templates import list_templates

    templates, errors = list_templates()
    for template in templates:
        text_count = len(template.text_sections())
        top_count = len(template.sections)
        print(f"{template.id}\t{template.name}\t{top_count} 个栏目，{text_count} 个填写项")
    for error in errors:
        print(error.message, file=sys.stderr)
    return 0 if templates else 2
