"""What an import did, in Chinese, for both faces: the template and why, each section's 字数 and the document
headings its text came from, empty sections, notes, and text that went to no section (kept, never dropped).

One wording for the command line and the TUI. A line is a list of (text, emphasis) parts, emphasis "" (plain),
"bold" or "dim": the CLI prints the plain text (`plain`), the TUI styles the parts. Everything from the document
(names, headings, lines) is a part of its own and never markup.
"""

from __future__ import annotations

from appraisal.draft import count_zi
from appraisal.importing.placed import opening_section
from appraisal.importing.result import ImportResult
from appraisal.templates import Template
from appraisal.text.lists import name_list

PREVIEW = 30  # characters of a heading or a line shown in the summary

Part = tuple[str, str]  # (text, emphasis: "", "bold" or "dim")
Line = list[Part]


def summary_lines(result: ImportResult, guess: ImportResult | None = None, saved: str = "") -> list[Line]:
    """The summary, line by line. `guess` is the importer's first reading when the user was asked which template
    (`result` is then the import with the template chosen); `saved` names the draft it was saved as, if known."""
    name = result.document.path.name if result.document.path else "文档"
    return [
        [(f"已导入 {name}，存为草稿 {saved}。" if saved else f"已导入 {name}。", "")],
        *_template_lines(result, guess),
        [("　".join(_particulars(result)), "")],
        [],
        [("各栏目内容的来源", "bold")],
        *_source_lines(result),
        *_left_to_check(result),
        *_unmatched_lines(result),
        [],
        [("在编辑页中，光标所在段落如放错了栏目，可按 Ctrl+G 移到其他栏目。", "dim")],
    ]


def _template_lines(result: ImportResult, guess: ImportResult | None) -> list[Line]:
    """The template, how it was settled and on what evidence, and a warning when the text may not fit it."""
    template = result.template
    found = {span.section for span in result.headings()}
    headed = {p.section.id for p in template.walk() if p.section.heading}
    # The writer's own headings were placed too (by their words, or in the main section): say so, or the summary
    # reads `识别出 0/6 个栏目标题` over a list of sections filled under the document's headings.
    own = f"，另有 {result.own_headings} 个自拟标题已归入相应栏目" if result.own_headings else ""
    counted = (f"，识别出 {len(found & headed)}/{len(headed)} 个栏目标题{own}。", "")
    lines = [[("模板：", ""), (template.name, "bold"), (f"（{_how(result, guess)}）", ""), counted]]
    reasons = (guess or result).reasons
    if reasons:
        lines.append([("识别依据：", "dim"), ("；".join(reasons), ""), ("。", "")])
    warning = _fit_warning(result, guess)
    return lines if warning is None else [*lines, warning]


def _fit_warning(result: ImportResult, guess: ImportResult | None) -> Line | None:
    """A line when the text is no report, fits no template, or its template was only guessed."""
    template = result.template
    if result.not_a_report:
        return [
            (f"该文档不像个人总结或述职报告（像是{result.not_a_report}）", "bold"),
            (f"，正文已放入「{_main_title(template)}」，请核对是否选错了文件。", ""),
        ]
    if result.fits_no_template:
        return [("该文档不符合任何模板", "bold"), (f"，正文已放入「{_main_title(template)}」，请对照模板整理。", "")]
    if not result.confident and guess is None:
        return [
            (f"未能确定文档所用的模板，暂按「{template.name}」导入，如不合适请用 --template 指定模板后重新导入。", "")
        ]
    return None


def _main_title(template: Template) -> str:
    """Where the body of a text that fits no template went."""
    return template.section(template.main_section).title if template.main_section else "各栏目"


def _particulars(result: ImportResult) -> list[str]:
    """The title and the particulars read from the document (姓名, 单位, 落款日期, 考核年度)."""
    draft, profile = result.draft, result.draft.profile
    who = [f"标题：{draft.title}".replace("\n", " ")]
    who += [f"{label}：{value}" for label, value in (("姓名", profile.name), ("单位", profile.unit)) if value]
    if profile.signed:
        who.append(f"落款日期：{profile.signed}")
    who.append(f"考核年度：{profile.year}" if profile.year else "考核年度：未识别")
    return who


def _source_lines(result: ImportResult) -> list[Line]:
    """Each section with text: its 字数 and the document headings (or the stretch of the document) it came from."""
    template, sections = result.template, result.draft.sections
    opening = opening_section(template)
    lines: list[Line] = []
    for section in template.text_sections():
        body = sections.get(section.id, "")
        if not body.strip():
            continue
        lines.append([(section.title, "bold"), (f"　{count_zi(body)} 字", "")])
        for source in result.sources.get(section.id, []):
            where, heading = f"第 {source.line} 行", f"“{preview(source.heading)}”"
            lines.append([("　　", ""), (where, "dim"), (heading, ""), (f"（{source.reason}）", "dim")])
        if section is opening:
            greeting = f"，含称谓“{result.salutation}”" if result.salutation else ""
            lines.append([("　　", ""), (f"文档开头、第一个栏目标题之前的文字{greeting}", "dim")])
        elif not section.heading and not result.sources.get(section.id):
            lines.append([("　　", ""), ("文档末尾、最后一个栏目之后的文字", "dim")])
    return lines


def _left_to_check(result: ImportResult) -> list[Line]:
    """Sections left empty, the importer's notes, and templates that could not be read."""
    sections = result.draft.sections
    empty = [s.title for s in result.template.text_sections() if s.heading and not sections.get(s.id, "").strip()]
    lines: list[Line] = []
    if empty:
        lines.append([("没有内容的栏目：", "bold"), (name_list(empty), ""), ("，请在编辑时补写。", "")])
    lines.extend([("请核对：", "bold"), (note, "")] for note in result.notes)
    lines.extend([("未能读取的模板：", "bold"), (unloaded, "")] for unloaded in result.unloaded_templates)
    return lines


def _unmatched_lines(result: ImportResult) -> list[Line]:
    """Text that went to no section: how much, where it is kept, and each of its lines with its document line."""
    unmatched = result.draft.unmatched
    if not unmatched.strip():
        return []
    lines: list[Line] = [
        [
            ("未归入栏目的文字：", "bold"),
            (
                f"{count_zi(unmatched)} 字，已原样保存在草稿的“未归类内容”中，没有丢弃；"
                "在编辑页按 Ctrl+P 选“未归类内容…”可移入当前栏目：",
                "",
            ),
        ]
    ]
    origin = result.origin.get("unmatched", [])
    for text, (number, _offset) in zip(unmatched.split("\n"), origin, strict=False):
        lines.append([("　　", ""), (f"第 {number} 行", "dim"), ("　", ""), (preview(text), "")])
    return lines


def import_summary(result: ImportResult, guess: ImportResult | None = None, saved: str = "") -> str:
    """The summary as plain text (see `summary_lines`)."""
    return "\n".join("".join(text for text, _emphasis in line) for line in summary_lines(result, guess, saved))


def _how(result: ImportResult, guess: ImportResult | None) -> str:
    """How the template was settled: given, recognised, guessed and confirmed, or chosen against the guess."""
    if guess is not None:
        if guess.template.id == result.template.id:
            return "未能确定，按推测并经您确认"
        return f"您选择；自动识别时推测为「{guess.template.name}」"
    if not result.template_chosen:
        return "导入时指定"
    return "自动识别" if result.confident else "推测"


def preview(text: str) -> str:
    """The start of a long line, marked as cut."""
    return text if len(text) <= PREVIEW else text[:PREVIEW] + "……"
