"""Plain mode (`appraisal fill DRAFT --plain`): the sections as line prompts, for screen readers, poor terminals
and scripts. No Textual, no cursor addressing: just lines in and lines out.

Each section shows its title and current length; the answer is the lines up to a line holding a single `.`.
An answer of just `.` keeps the current text. The draft is saved after every section, so end of input (EOF) or
Ctrl+C loses nothing already answered; a partial answer cut off by EOF is kept too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from appraisal.app.session import EditSession
from appraisal.checks import Finding
from appraisal.checks.positions import group
from appraisal.draft import count_zi
from appraisal.errors import AppraisalError
from appraisal.service import Service
from appraisal.templates import Section, Template
from appraisal.text.lazy_regex import lazy_compile

END_MARK = "."


def _limits(section: Section) -> str:
    need = "必填" if section.required else "选填"
    if section.max_chars:
        return f"{need}，建议 {section.min_chars}–{section.max_chars} 字"
    return f"{need}，建议不少于 {section.min_chars} 字" if section.min_chars else need


NOT_UTF8 = "输入的文字不是 UTF-8 编码，本栏未保存（之前各栏已保存），请把输入转换为 UTF-8 后重试。"
_UNDECODED = lazy_compile("[\udc80-\udcff]")  # bytes Python could not decode, kept as `surrogateescape` marks


def _read_answer(lines: Iterable[str]) -> tuple[list[str] | None, bool]:
    """The answer's lines (None for "keep"), and whether input ended before the `.` line. Input that is not
    UTF-8 (GBK piped in on Linux) is refused rather than saved as garbage or ended with a traceback."""
    answer: list[str] = []
    try:
        for raw in lines:
            if _UNDECODED.search(raw):
                raise AppraisalError(NOT_UTF8)
            line = raw.rstrip("\r\n")
            if line.strip() == END_MARK:
                return (answer if any(part.strip() for part in answer) else None), False
            answer.append(line.rstrip())
    except UnicodeDecodeError as exc:
        raise AppraisalError(NOT_UTF8) from exc
    return (answer if any(part.strip() for part in answer) else None), True


def _findings(found: list[Finding]) -> list[str]:
    """The checker's findings in the section just answered, one line each (identical ones of a paragraph once,
    with their count), placed as 第N段第M字 in its text."""
    if not found:
        return ["本栏未发现问题。"]
    lines = [f"本栏有 {len(found)} 处需要注意："]
    for entry in group(found):
        where = entry.place()
        count = entry.count_words()
        message = f"{count}：{entry.first.message}" if count else entry.first.message
        lines.append(f"  {entry.first.severity.label} {where + '：' if where else ''}{message}")
    return lines


def fill_plain(
    path: Path,
    stdin: TextIO,
    stdout: TextIO,
    *,
    only: list[str] | None = None,
    show_text: bool = False,
    service: Service | None = None,
) -> int:
    """Ask for each text section in turn; returns the number of sections changed. After each answer the
    checker's findings in that section are listed (with the user's settings in `service`)."""
    service = service or Service()
    session = EditSession(path)  # locked, fitted to its template
    try:
        prompts = _Prompts(path, session, service, stdout)
        sections = _chosen_sections(session.template, only)
        prompts.say(f"草稿：{path}")
        prompts.say(f"共 {len(sections)} 个栏目。每栏输入若干行，单独一行“.”结束；只输入“.”保留原文。")
        changed = 0
        lines = iter(stdin.readline, "")
        for number, section in enumerate(sections, start=1):
            prompts.ask(section, f"[{number}/{len(sections)}]", show_text=show_text)
            answer, ended = _read_answer(lines)
            changed += prompts.take(section, answer)
            if ended:
                prompts.say("输入已结束。")
                break
        prompts.say(f"完成：修改了 {changed} 个栏目，草稿已保存在 {path}。", flush=True)
        return changed
    finally:
        session.close()


def _chosen_sections(template: Template, only: list[str] | None) -> list[Section]:
    """The text sections asked for, in the template's order: all, or those `only` names (ids or Chinese names;
    a group: its parts)."""
    sections = template.text_sections()
    if not only:
        return sections
    named = [template.named_section(name) for name in only]
    wanted = {part.id for section in named for part in (section.children or (section,))}
    return [s for s in sections if s.id in wanted]


@dataclass(frozen=True)
class _Prompts:
    """One run of plain mode: the draft being filled, the checker's settings, where the prompts go."""

    path: Path
    session: EditSession
    service: Service
    out: TextIO

    def say(self, line: str, *, flush: bool = False) -> None:
        print(line, file=self.out, flush=flush)

    def ask(self, section: Section, counter: str, *, show_text: bool) -> None:
        """The section's place, title, limits and current length (and its text, with `show_text`)."""
        placed = self.session.template.placed(section.id)
        current = self.session.draft.sections.get(section.id, "")
        where = f"{placed.parent.title} › " if placed.parent else ""
        self.say("")
        self.say(f"{counter} {where}{section.title}（{_limits(section)}）")
        self.say(f"当前 {count_zi(current)} 字。")
        if show_text and current:
            self.say(current)
        self.say("请输入：", flush=True)

    def take(self, section: Section, answer: list[str] | None) -> bool:
        """The answer saved when it changes the text, then the checker's findings in the section; whether the
        section changed. None keeps the text."""
        if answer is None:
            self.say("保留原文。")
            return False
        session, draft = self.session, self.session.draft
        text = "\n".join(line.strip() for line in answer if line.strip())
        changed = text != draft.sections.get(section.id, "")
        if changed:
            session.set_text(section.id, text)
            if not session.save():
                raise AppraisalError(session.error or f"保存草稿 {self.path} 失败。")
            self.say(f"已保存，本栏 {count_zi(text)} 字。")
        for line in _findings(self.service.check_section(draft, session.template, section.id)):
            self.say(line)
        return changed
