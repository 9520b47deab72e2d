"""The one walk over the template's section tree that every export format shares.

Rules (SPEC §5), so that a Word file and a pasted 登记表 never disagree:

- A text section appears when it has text or is required (an empty required section keeps its heading, so the gap
  shows); an optional section without text is left out. A group appears when any of its children appears.
- Headings are numbered by the exporter per level among the sections that appear: 一、 （一） 1. （1）
  (deeper levels reuse （1））. Sections with `heading = false` (开头语, 结束语) have no heading and take no number.
- Paragraphs are the non-blank lines of the section text with the white space around them removed (the exporters
  add their own indent), and characters that are not allowed in a document (control characters) dropped.
- A run-in level-2 heading (`（一）服务中心实绩。一年来，…`) is carried by the section's first paragraph as `lead`;
  an empty section keeps its heading on a line of its own.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from appraisal.draft import Draft, signed_text
from appraisal.export import ExportOptions
from appraisal.templates import Section, Template
from appraisal.text.lazy_regex import lazy_compile

RUN_IN_LEVEL = 2
# Punctuation that already ends a heading, so no 。 is added before the run-in text.
_CLOSING_PUNCTUATION = "。！？：；…，、.!?:;"
# Characters XML 1.0 (and so Word) does not allow, and stray format characters from pasted text.
_NOT_ALLOWED = lazy_compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff\ufffe\uffff\ud800-\udfff]")

_DIGITS = "零一二三四五六七八九"


def chinese_number(number: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九; larger numbers fall back to Arabic digits."""
    if not 1 <= number <= 99:
        return str(number)
    tens, units = divmod(number, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens] + "十")
    return head + (_DIGITS[units] if units else "")


def heading_number(level: int, index: int) -> str:
    """The number the exporter prints before a heading: 一、 （一） 1. （1）."""
    if level == 1:
        return f"{chinese_number(index)}、"
    if level == 2:
        return f"（{chinese_number(index)}）"
    if level == 3:
        return f"{index}."
    return f"（{index}）"


@dataclass(frozen=True)
class Heading:
    section_id: str
    level: int
    number: str
    title: str

    @property
    def label(self) -> str:
        """`一、品行修养` — number and title as printed."""
        return self.number + self.title

    @property
    def run_in_label(self) -> str:
        """`（一）服务中心实绩。` — as printed in front of the section's first paragraph."""
        ends_closed = self.title.endswith(tuple(_CLOSING_PUNCTUATION))
        return self.label if ends_closed else self.label + "。"


@dataclass(frozen=True)
class Paragraph:
    section_id: str
    text: str
    lead: Heading | None = None  # a run-in heading printed at the start of this paragraph

    @property
    def full_text(self) -> str:
        return (self.lead.run_in_label if self.lead else "") + self.text


Block = Heading | Paragraph


@dataclass(frozen=True)
class Outline:
    """What is printed, in order: the title, headings and paragraphs, and the 落款 (name, date)."""

    title: str
    blocks: tuple[Block, ...]
    name: str
    date_text: (
        str  # the 落款 date as printed: `2026年12月8日` (GB/T 9704 7.3.5), or `2026年12月` as the writer wrote it
    )
    signature: tuple[str, ...] = ()  # the 落款 above the date (the unit, the name: as the template lays it out)
    # Sections without heading that follow a headed section (e.g. 结束语): Markdown marks where they start.
    trailing_unheaded: frozenset[str] = frozenset()

    @property
    def signature_lines(self) -> list[str]:
        """The whole 落款, top to bottom: what the template puts above the date, then the date."""
        return [*self.signature, self.date_text]


def zi_width(text: str) -> float:
    """Width in 字: a half-width character (digits, Latin) is half a 字."""
    return sum(0.5 if ch.isascii() else 1.0 for ch in text)


def signature_indents(lines: list[str], right: float) -> list[float]:
    """How far each 落款 line ends from the right margin, in 字: the widest `right` 字 from it, the others centred
    over it (GB/T 9704 7.3.5: the date 4 字 from the right edge, the name centred above it)."""
    widest = max(zi_width(line) for line in lines)
    return [right + (widest - zi_width(line)) / 2 for line in lines]


def paragraphs_of(text: str) -> list[str]:
    """The paragraphs of a section's text: its non-blank lines, trimmed, with disallowed characters removed."""
    lines = (_NOT_ALLOWED.sub("", line).strip() for line in text.splitlines())
    return [line for line in lines if line]


def resolve_run_in(template: Template, options: ExportOptions) -> bool:
    """The caller's choice (which `appraisal.service` fills from the user's settings), else the template's."""
    return template.run_in_headings if options.run_in_headings is None else options.run_in_headings


_LINE_BREAKS = lazy_compile(r"\s*[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]\s*")


def one_line(text: str) -> str:
    """A title or name on one line: a line break pasted into it would end the Markdown heading (the rest of the
    title becoming a paragraph, or a code block when it starts with a tab) and split the Word title."""
    return _LINE_BREAKS.sub(" ", _NOT_ALLOWED.sub("", text)).strip()


def document_title(draft: Draft, template: Template) -> str:
    title = one_line(draft.title)
    return title or template.default_title(draft.profile.year).strip()


def build_outline(draft: Draft, template: Template, options: ExportOptions | None = None) -> Outline:
    """Walk the template once and decide everything that is printed."""
    options = options or ExportOptions()
    run_in = resolve_run_in(template, options)
    texts = {section_id: paragraphs_of(text) for section_id, text in draft.sections.items()}

    def appears(section: Section) -> bool:
        if section.is_group:
            return any(appears(child) for child in section.children)
        return bool(texts.get(section.id)) or section.required

    blocks: list[Block] = []
    trailing: set[str] = set()
    seen_heading = False

    def visit(sections: tuple[Section, ...], level: int) -> None:
        nonlocal seen_heading
        index = 0
        for section in sections:
            if not appears(section):
                continue
            heading: Heading | None = None
            if section.heading:
                index += 1
                heading = Heading(section.id, level, heading_number(level, index), section.title)
                seen_heading = True
            elif seen_heading:
                trailing.add(section.id)
            if section.is_group:
                if heading:
                    blocks.append(heading)
                visit(section.children, level + 1)
                continue
            paragraphs = texts.get(section.id, [])
            lead = heading if heading and run_in and level == RUN_IN_LEVEL and paragraphs else None
            if heading and lead is None:
                blocks.append(heading)
            for position, text in enumerate(paragraphs):
                blocks.append(Paragraph(section.id, text, lead if position == 0 else None))

    visit(template.sections, 1)
    name = one_line(draft.profile.name)
    profile = {"name": name, "unit": one_line(draft.profile.unit)}
    signature = tuple(profile[key] for key in template.signature_fields() if profile[key])
    return Outline(
        title=document_title(draft, template),
        blocks=tuple(blocks),
        name=name,
        date_text=signing_date(draft, options),
        signature=signature or ((name,) if name else ()),  # a unit's report without its unit: signed by the writer
        trailing_unheaded=frozenset(trailing),
    )


def signing_date(draft: Draft, options: ExportOptions) -> str:
    """The 落款 date printed: the one the user asked for; else the draft's (taken from the imported document or
    typed under 个人信息) as far as it was written — `2026年12月` stays without a day, nothing is made up; else
    today, the day the report is handed in."""
    if options.date is not None:
        return _day_text(options.date)
    signed = draft.profile.signed
    if signed:
        return signed_text(signed) or one_line(signed)
    return _day_text(dt.date.today())


def _day_text(day: dt.date) -> str:
    """`2026年12月8日`: Arabic digits, no leading zeros (GB/T 9704 7.3.5)."""
    return f"{day.year}年{day.month}月{day.day}日"
