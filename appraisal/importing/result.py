"""What an import produced: the draft, and where every character of the document went (`origin`, `structure`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from appraisal.draft import Draft, count_zi
from appraisal.importing.document import Document
from appraisal.markdown_escapes import file_column
from appraisal.templates import Template


@dataclass(frozen=True)
class Span:
    """Characters of the document that are not copied into a text field, and what they were."""

    line: int  # 1-based document line
    start: int  # 0-based offset in that line
    end: int  # exclusive
    role: str  # "heading", "marker" (Markdown `#`), "escape" (a Markdown `\\`), "label" (`姓名：`), "profile.name", …
    section: str = ""  # for "heading": the section it opens


@dataclass(frozen=True)
class Source:
    """Where text of a section came from: the document line of the heading that opened it, the heading as
    written, and why it went to that section (in Chinese)."""

    line: int
    heading: str
    reason: str


@dataclass
class ImportResult:
    draft: Draft
    template: Template
    document: Document
    # key: a section id, "unmatched" or "title"; value: for each line of that field's text (text.split("\n")),
    # (1-based document line, 0-based offset in that line where the text line starts).
    origin: dict[str, list[tuple[int, int]]]
    matched_template_score: float  # share (0–1) of the template's headings found in the document
    structure: list[Span] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # things the user should check, in Chinese
    template_chosen: bool = False  # True when the template was picked by matching, not given
    document_year: int | None = None  # the year the document is about, when it names one (title, 年度, 落款)
    confident: bool = True  # the template was given, or recognised with confidence
    reasons: list[str] = field(default_factory=list)  # why the template was chosen, in Chinese
    fits_no_template: bool = False  # a text of a kind no template is for (a speech): imported into the body
    sources: dict[str, list[Source]] = field(default_factory=dict)  # section id → the headings its text came from
    salutation: str = ""  # the document's salutation (尊敬的各位领导：), kept in the opening text
    # A Markdown file's escapes: key → for each line of the field's text, the positions (in the text line) of the
    # characters that stood behind a backslash in the file; only fields with at least one (see `column`).
    escapes: dict[str, list[tuple[int, ...]]] = field(default_factory=dict)
    # Templates that could not be loaded while looking for the document's (one sentence each, naming the file).
    unloaded_templates: list[str] = field(default_factory=list)

    def place(self, key: str, index: int, column: int) -> tuple[int, int]:
        """Where a column (0-based) of line `index` of a field's text is in the document: (1-based document line,
        0-based offset in it), the backslashes of a Markdown file's escapes counted."""
        line, offset = self.origin[key][index]
        escaped = self.escapes.get(key)
        return line, offset + (file_column(column, escaped[index]) if escaped else column)

    def _came_from(self, section_id: str) -> str:
        """Where a section's text came from, for the summary: the headings it matched and why."""
        return _came_from_text(self.sources.get(section_id, []))

    def headings(self) -> list[Span]:
        return [span for span in self.structure if span.role == "heading"]

    def summary(self) -> str:
        """What was imported where, in Chinese: filled sections with 字数, missing ones, unmatched text."""
        template, draft = self.template, self.draft
        name = self.document.path.name if self.document.path else "文档"
        found = {span.section for span in self.headings()}
        headed = [p.section for p in template.walk() if p.section.heading]
        how = "自动选择的" if self.template_chosen else "指定的"
        lines = [
            f"已导入 {name}，使用{how}模板「{template.name}」，识别出 {len(found & {s.id for s in headed})}/"
            f"{len(headed)} 个栏目标题。"
        ]
        if self.reasons:
            lines.append(f"选择该模板的依据：{'；'.join(self.reasons)}。")
        if self.fits_no_template:
            lines.append(f"该文档不符合任何模板，已按「{template.name}」导入，正文放入主体栏目，请对照模板整理。")
        elif not self.confident:
            lines.append(
                f"未能确定文档所用的模板，暂按「{template.name}」导入，如不合适请用 --template 指定模板后重新导入。"
            )
        lines.append(f"标题：{draft.title}".replace("\n", " "))
        if self.salutation:
            lines.append(f"称谓：{self.salutation}（保留在「{template.text_sections()[0].title}」中）")
        profile = draft.profile
        who = [f"{label}：{value}" for label, value in (("姓名", profile.name), ("单位", profile.unit)) if value]
        signed = (profile.model_extra or {}).get("date")
        if signed:
            who.append(f"落款日期：{signed}")
        who.append(f"考核年度：{profile.year}" if profile.year else "考核年度：未识别")
        lines.append("　".join(who))
        filled = [s for s in template.text_sections() if draft.sections.get(s.id, "").strip()]
        if filled:
            lines.append("已填入的栏目：")
            for section in filled:
                lines.append(
                    f"  {section.title}：{count_zi(draft.sections[section.id])} 字{self._came_from(section.id)}"
                )
        empty = [s.title for s in template.text_sections() if s.heading and not draft.sections.get(s.id, "").strip()]
        if empty:
            lines.append(f"没有内容的栏目：{'、'.join(empty)}，请在编辑时补写。")
        lines.extend(self.notes)
        lines.extend(self.unloaded_templates)
        if draft.unmatched.strip():
            lines.append(
                f"有 {count_zi(draft.unmatched)} 字未能归入任何栏目，已原样保存在草稿的“未归类内容”中，"
                "请移入合适的栏目："
            )
            where = self.origin.get("unmatched", [])
            for text, (line, _offset) in zip(draft.unmatched.split("\n"), where, strict=False):
                lines.append(f"  第 {line} 行：{_preview(text)}")
        return "\n".join(lines)


def _came_from_text(sources: list[Source]) -> str:
    parts = [f"第 {s.line} 行“{_preview(s.heading, 20)}”（{s.reason}）" for s in sources]
    return "，来自" + "、".join(parts) if parts else ""


def _preview(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[:limit] + "……"
