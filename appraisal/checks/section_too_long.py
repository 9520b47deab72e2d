"""`section-too-long`: a section longer than the template's suggested maximum."""

from __future__ import annotations

from appraisal.checks.base import WARNING
from appraisal.checks.length import SectionLength
from appraisal.draft import SectionState
from appraisal.templates import Section


class SectionTooLong(SectionLength):
    name = "section-too-long"
    title = "栏目字数偏多"
    severity = WARNING
    description = "栏目字数多于模板建议的最多字数。"
    state = SectionState.LONG

    def message(self, section: Section, chars: int) -> str:
        return f"“{section.title}”有 {chars} 字，建议不超过 {section.max_chars} 字。"
