"""Length rules: a required section left empty, a section outside its limits, a report over the template's total.

Counted in 字 as offices count them (`count_zi`): CJK characters, letters and digits, not punctuation or spaces.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from appraisal.checks.base import ERROR, WARNING, Context, Field, Finding, Rule
from appraisal.draft import SectionState, state_for_count
from appraisal.templates import Section


class _SectionLength(Rule):
    """A finding when the section's length is in `state` (`appraisal.draft.state_for_count`, the same
    judgement the editor's section list shows)."""

    state: ClassVar[SectionState]
    fields = frozenset({"section"})
    positional = False

    def check_field(self, item: Field, ctx: Context) -> Iterable[Finding]:
        section = item.section
        if section is not None and state_for_count(section, item.zi) is self.state and self.reports_on(section):
            yield self.finding(item, 1, 1, 1, self.message(section, item.zi))

    def reports_on(self, section: Section) -> bool:
        return True

    def message(self, section: Section, chars: int) -> str:
        raise NotImplementedError


class SectionEmpty(_SectionLength):
    name = "section-empty"
    title = "必填栏目"
    severity = ERROR
    description = "必填栏目没有填写内容。"
    state = SectionState.EMPTY

    def reports_on(self, section: Section) -> bool:
        return section.required

    def message(self, section: Section, chars: int) -> str:
        return f"“{section.title}”尚未填写。"


class SectionTooShort(_SectionLength):
    name = "section-too-short"
    title = "栏目字数偏少"
    severity = WARNING
    description = "栏目字数少于模板建议的最少字数。"
    state = SectionState.SHORT

    def message(self, section: Section, chars: int) -> str:
        return f"“{section.title}”只有 {chars} 字，建议不少于 {section.min_chars} 字。"


class SectionTooLong(_SectionLength):
    name = "section-too-long"
    title = "栏目字数偏多"
    severity = WARNING
    description = "栏目字数多于模板建议的最多字数。"
    state = SectionState.LONG

    def message(self, section: Section, chars: int) -> str:
        return f"“{section.title}”有 {chars} 字，建议不超过 {section.max_chars} 字。"


class TotalTooLong(Rule):
    name = "total-too-long"
    title = "全文字数"
    severity = WARNING
    description = "全文字数超过模板规定的总字数。"
    whole_draft = True
    positional = False

    def check_draft(self, ctx: Context) -> Iterable[Finding]:
        limit = ctx.template.max_chars
        if limit is None:
            return
        total = sum(f.zi for f in ctx.section_fields.values())
        if total > limit:
            yield self.finding(None, 1, 1, 1, f"全文共 {total} 字，超过了 {limit} 字的上限，请适当精简。")
