"""`appraisal note`: keep short dated notes through the year (add, list, import, move to another section)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from appraisal.notes import Note
    from appraisal.templates import Template

NAME = "note"
HELP = "随手记下全年的工作素材"


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期“{text}”应写成 年-月-日，如 2026-03-05") from None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="操作", title="操作", parser_class=type(parser), required=True)
    add = sub.add_parser("add", help="添加一条素材", description="添加一条素材；不指定栏目时按素材用词猜测并显示。")
    add.add_argument("text", metavar="内容", help="要记下的事，如“牵头完成全市营商环境评估，形成报告3份”")
    add.add_argument("--section", metavar="栏目", help="栏目编号或名称（不填则按用词猜测）")
    add.add_argument("--date", type=_date, metavar="日期", help="年-月-日，默认今天")
    add.add_argument("--year", type=int, metavar="年度", help="记入哪一年度，默认取日期的年份")
    add.add_argument("--template", metavar="模板", help="按哪个模板的栏目归类，默认用该年度最近的草稿的模板")

    listing = sub.add_parser("list", help="按日期列出素材", description="按日期列出一个年度的素材。")
    listing.add_argument("--year", type=int, metavar="年度", help="默认今年")
    listing.add_argument("--section", metavar="栏目", help="只列这个栏目的素材")
    listing.add_argument("--format", choices=["text", "json"], default="text", metavar="格式", help="text 或 json")
    listing.add_argument("--template", metavar="模板", help="栏目名称按哪个模板显示")

    imported = sub.add_parser(
        "import",
        help="从文件导入素材（一行一条，行首可写日期）",
        description="从 .txt/.md/.docx 文件导入素材：一行一条，行首可写日期（2026-03-05、2026年3月5日、3月5日）。",
    )
    imported.add_argument("file", metavar="文件", help="素材文件，常见的文字编码均可")
    imported.add_argument("--year", type=int, metavar="年度", help="默认取文件中日期最多的年份")
    imported.add_argument("--section", metavar="栏目", help="全部归入这个栏目（不填则逐条猜测）")
    imported.add_argument("--template", metavar="模板", help="按哪个模板的栏目归类")

    move = sub.add_parser("move", help="把一条素材改归另一个栏目", description="把一条素材改归另一个栏目。")
    move.add_argument("number", type=int, metavar="编号", help="素材编号（见 appraisal note list）")
    move.add_argument("section", metavar="栏目", help="栏目编号或名称")
    move.add_argument("--year", type=int, metavar="年度", help="默认今年")
    move.add_argument("--template", metavar="模板", help="栏目属于哪个模板")


def _template(template_id: str | None, year: int) -> Template:
    from appraisal.notes import template_for_year
    from appraisal.templates import load_template

    return load_template(template_id or template_for_year(year))


def _section_id(template: Template, name: str) -> str:
    """A section named by id, title or alias; a group stands for its first part."""
    section = template.named_section(name)
    return section.children[0].id if section.is_group else section.id


def _title(template: Template, section_id: str | None) -> str:
    if section_id is None:
        return "未归栏目"
    try:
        return template.section(section_id).title
    except KeyError:
        return section_id


def _describe(note: Note, template: Template) -> str:
    date = note.date.isoformat() if note.date else "未注日期"
    return f"{note.id:>4}  {date}  {_title(template, note.section)}  {note.text}"


def run(args: argparse.Namespace) -> int:
    if args.action == "add":
        return _add(args)
    if args.action == "import":
        return _import(args)
    if args.action == "move":
        return _move(args)
    return _list(args)


def _add(args: argparse.Namespace) -> int:
    from appraisal.notes import NewNote, add_notes, guess_section

    date = args.date or dt.date.today()
    year = args.year or date.year
    template = _template(args.template, year)
    section: str | None = _section_id(template, args.section) if args.section else None
    reason = ""
    if section is None:
        section, reason = guess_section(template, args.text)
    (note,) = add_notes(year, [NewNote(args.text, date, section, template.id, reason)])
    print(
        f"已记入{year}年度素材第{note.id}条，栏目：{_title(template, note.section)}"
        + (f"（{reason}）" if reason else "")
        + "。"
    )
    if reason:
        print(f"如归错了，可改归：appraisal note move {note.id} 栏目 --year {year}")
    return 0


def _import(args: argparse.Namespace) -> int:
    from pathlib import Path

    from appraisal.notes import NewNote, add_notes, guess_section, read_notes_file

    year, rows = read_notes_file(Path(args.file), args.year)
    template = _template(args.template, year)
    fixed = _section_id(template, args.section) if args.section else None
    new: list[NewNote] = []
    for date, text in rows:
        section: str | None = fixed
        reason = ""
        if fixed is None:
            section, reason = guess_section(template, text)
        new.append(NewNote(text, date, section, template.id, reason))
    added = add_notes(year, new)
    print(f"已从 {args.file} 导入{year}年度素材 {len(added)} 条：")
    for note in added:
        print(_describe(note, template) + (f"（{note.guessed}）" if note.guessed else ""))
    return 0


def _move(args: argparse.Namespace) -> int:
    from appraisal.notes import move_note

    year = args.year or dt.date.today().year
    template = _template(args.template, year)
    note = move_note(year, args.number, _section_id(template, args.section), template.id)
    print(f"已把{year}年度素材第{note.id}条改归“{_title(template, note.section)}”。")
    return 0


def _list(args: argparse.Namespace) -> int:
    from appraisal.notes import load_notes

    year = args.year or dt.date.today().year
    book = load_notes(year)
    template = _template(args.template, year)
    section = _section_id(template, args.section) if args.section else None
    notes = book.by_date(section)
    if args.format == "json":
        rows = [note.model_dump(mode="json") | {"section_title": _title(template, note.section)} for note in notes]
        print(json.dumps({"year": year, "notes": rows}, ensure_ascii=False, indent=2))
        return 0
    if not notes:
        where = f"“{_title(template, section)}”栏目" if section else ""
        print(f"{year}年度{where}还没有素材。用“appraisal note add 内容”记下一条。")
        return 0
    print(f"{year}年度素材 {len(notes)} 条（编号  日期  栏目  内容）：")
    for note in notes:
        print(_describe(note, template))
    return 0
