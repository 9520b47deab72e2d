"""What the length rules share: a section's length judged as the editor's section list judges it.

Counted in 字 as offices count them (`count_zi`): CJK characters, letters and digits, not punctuation or spaces.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from appraisal.checks.base import Context, Field, Finding, Rule
from appraisal.draft import SectionState, state_for_count
from appraisal.templates import Section


class SectionLength(Rule):
    """A finding when the section's length is in `state` (`appraisal.draft.state_for_count`, the same
    judgement the editor's section list shows)."""

    state: ClassVar[SectionState]
    family = "length"
    fields = frozenset({"section"})
    positional = False
    about_sections = True

    def check_field(self, item: Field, ctx: Context) -> Iterable[Finding]:
        section = item.section
        if section is not None and state_for_count(section, item.zi) is self.state and self.reports_on(section):
            yield self.finding(item, 1, 1, 1, self.message(section, item.zi))

    def reports_on(self, section: Section) -> bool:
        return True

    def message(self, section: Section, chars: int) -> str:
        raise NotImplementedError
