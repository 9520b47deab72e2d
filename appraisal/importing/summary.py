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
from appraisal.text.lists import name_list

PREVIEW = 30  # characters of a heading or a line shown in the summary

Part = tuple[str, str]  # (text, emphasis: "", "bold" or "dim")
Line = list[Part]


def summary_lines(result: ImportResult, guess: ImportResult | None = None, saved: str = "") -> list[Line]:
    """The summary, line by line. `guess` is the importer's first reading when the user was asked which template
    (`result` is then the import with the template chosen); `saved` names the draft it was saved as, if known."""
    template, draft = result.template, result.draft
    name = result.document.path.name if result.document.path else "文档"
    lines: list[Line] = []
    lines.append([(f"已导入 {name}，存为草稿 {saved}。" if saved else f"已导入 {name}。", "")])
    found = {span.section for span in result.headings()}
    headed = {p.section.id for p in template.walk() if p.section.heading}
    # The writer's own headings were placed too (by their words, or in the main section): say so, or the summary
    # reads `识别出 0/6 个栏目标题` over a list of sections filled under the document's headings.
    own = f"，另有 {result.own_headings} 个自拟标题已归入相应栏目" if result.own_headings else ""
    counted = (f"，识别出 {len(found & headed)}/{len(headed)} 个栏目标题{own}。", "")
    lines.append([("模板：", ""), (template.name, "bold"), (f"（{_how(result, guess)}）", ""), counted])
    reasons = (guess or result).reasons
    if reasons:
        lines.append([("识别依据：", "dim"), ("；".join(reasons), ""), ("。", "")])
    if result.not_a_report:
        main = template.section(template.main_section).title if template.main_section else "各栏目"
        lines.append(
            [
                (f"该文档不像个人总结或述职报告（像是{result.not_a_report}）", "bold"),
                (f"，正文已放入「{main}」，请核对是否选错了文件。", ""),
            ]
        )
    elif result.fits_no_template:
        main = template.section(template.main_section).title if template.main_section else "各栏目"
        lines.append([("该文档不符合任何模板", "bold"), (f"，正文已放入「{main}」，请对照模板整理。", "")])
    elif not result.confident and guess is None:
        lines.append(
            [(f"未能确定文档所用的模板，暂按「{template.name}」导入，如不合适请用 --template 指定模板后重新导入。", "")]
        )
    profile = draft.profile
    who = [f"标题：{draft.title}".replace("\n", " ")]
    who += [f"{label}：{value}" for label, value in (("姓名", profile.name), ("单位", profile.unit)) if value]
    if profile.signed:
        who.append(f"落款日期：{profile.signed}")
    who.append(f"考核年度：{profile.year}" if profile.year else "考核年度：未识别")
    lines.append([("　".join(who), "")])
    lines.append([])
    lines.append([("各栏目内容的来源", "bold")])
    opening = opening_section(template)
    for section in template.text_sections():
        body = draft.sections.get(section.id, "")
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
    empty = [s.title for s in template.text_sections() if s.heading and not draft.sections.get(s.id, "").strip()]
    if empty:
        lines.append([("没有内容的栏目：", "bold"), (name_list(empty), ""), ("，请在编辑时补写。", "")])
    lines.extend([("请核对：", "bold"), (note, "")] for note in result.notes)
    lines.extend([("未能读取的模板：", "bold"), (unloaded, "")] for unloaded in result.unloaded_templates)
    if draft.unmatched.strip():
        lines.append(
            [
                ("未归入栏目的文字：", "bold"),
                (
                    f"{count_zi(draft.unmatched)} 字，已原样保存在草稿的“未归类内容”中，没有丢弃；"
                    "在编辑页按 Ctrl+P 选“未归类内容…”可移入当前栏目：",
                    "",
                ),
            ]
        )
        origin = result.origin.get("unmatched", [])
        for text, (number, _offset) in zip(draft.unmatched.split("\n"), origin, strict=False):
            lines.append([("　　", ""), (f"第 {number} 行", "dim"), ("　", ""), (preview(text), "")])
    lines.append([])
    lines.append([("在编辑页中，光标所在段落如放错了栏目，可按 Ctrl+G 移到其他栏目。", "dim")])
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
