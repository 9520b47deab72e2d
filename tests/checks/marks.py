"""Test texts with the expected findings marked in them: `同比增长⟦%⟧` expects a finding on `%`, and in a full
report `⟦missing-figure:亿元⟧` names the rule too. The positions are worked out from where the marks were put by
hand, not from the checker, so a test compares the checker with an independent statement of what it should find."""

from __future__ import annotations

import re

from appraisal.checks import check_draft, check_section
from appraisal.draft import Draft
from appraisal.templates import Template, load_template

MARK = re.compile(r"⟦(?:(?P<rule>[a-z-]+):)?(?P<text>[^⟦⟧]*)⟧")

Expected = tuple[str | None, int, int, int]  # (rule or None, line, column, end_column)


def unmark(marked: str) -> tuple[str, list[Expected]]:
    """The text without marks, and (rule, line, column, end_column) of each mark, 1-based, end exclusive."""
    plain: list[str] = []
    spans: list[Expected] = []
    for number, line in enumerate(marked.split("\n"), start=1):
        out = ""
        position = 0
        for match in MARK.finditer(line):
            out += line[position : match.start()]
            column = len(out) + 1
            out += match.group("text")
            spans.append((match.group("rule"), number, column, column + len(match.group("text"))))
            position = match.end()
        out += line[position:]
        plain.append(out)
    return "\n".join(plain), spans


def template() -> Template:
    return load_template("cadre-annual")


def draft_with(section: str, text: str, *, year: int | None = 2025, **others: str) -> Draft:
    draft = Draft.new(template(), name="周明远", unit="某区商务局", position="副局长", year=year)
    draft.profile.year = year  # Draft.new puts the default year in place of None
    draft.sections[section] = text
    for key, value in others.items():
        draft.sections[key.replace("__", ".")] = value
    return draft


def spans_of(rule: str, marked: str, *, section: str = "results.service", year: int | None = 2025, **others: str):  # type: ignore[no-untyped-def]
    """(found, expected): the rule's findings in the section as (line, column, end_column), and the marked ones."""
    text, expected = unmark(marked)
    draft = draft_with(section, text, year=year, **others)
    found = [(f.line, f.column, f.end_column) for f in check_section(draft, template(), section) if f.rule == rule]
    return found, [(line, column, end) for _rule, line, column, end in expected]


def fixes_of(rule: str, text: str, section: str = "results.service") -> list[tuple[int, int, int, str | None]]:
    """The rule's findings on `text` put in one section, as (line, column, end_column, fix)."""
    draft = draft_with(section, text)
    return [
        (f.line, f.column, f.end_column, f.fix) for f in check_section(draft, template(), section) if f.rule == rule
    ]


FILLERS = "认真学习贯彻落实各项部署"  # one character per section, so no two sections repeat a sentence


def full_draft(**texts: str) -> Draft:
    """Every section filled to its minimum with plain text, then `texts` on top."""
    tpl = template()
    draft = Draft.new(tpl, name="周明远", unit="某区商务局", position="副局长", year=2025)
    for section, filler in zip(tpl.text_sections(), FILLERS, strict=True):
        draft.sections[section.id] = filler * max(section.min_chars, 10)
    for key, value in texts.items():
        draft.sections[key.replace("__", ".")] = value
    return draft


def findings(draft: Draft, *rules: str) -> list[tuple[str, str | None, int, int, int]]:
    return [
        (f.rule, f.section, f.line, f.column, f.end_column) for f in check_draft(draft, template()) if f.rule in rules
    ]
