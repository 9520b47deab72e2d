"""`section-empty`: a required section left empty."""

from __future__ import annotations

from appraisal.checks.base import ERROR
from appraisal.checks.length import SectionLength
from appraisal.draft import SectionState
from appraisal.templates import Section


class SectionEmpty(SectionLength):
    name = "section-empty"
    title = "必填栏目"
    severity = ERROR
    description = "必填栏目没有填写内容。"
    state = SectionState.EMPTY

    def reports_on(self, section: Section) -> bool:
        return section.required

    def message(self, section: Section, chars: int) -> str:
        return f"“{section.title}”尚未填写。"
