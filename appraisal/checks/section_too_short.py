"""`section-too-short`: a section shorter than the template's suggested minimum."""

from __future__ import annotations

from appraisal.checks.base import WARNING
from appraisal.checks.length import SectionLength
from appraisal.draft import SectionState
from appraisal.templates import Section


class SectionTooShort(SectionLength):
    name = "section-too-short"
    title = "栏目字数偏少"
    severity = WARNING
    description = "栏目字数少于模板建议的最少字数。"
    state = SectionState.SHORT

    def message(self, section: Section, chars: int) -> str:
        return f"“{section.title}”只有 {chars} 字，建议不少于 {section.min_chars} 字。"
