"""The rules, by name, in the order their findings are listed. A new rule is one module and one line here."""

from __future__ import annotations

from appraisal.checks.base import Rule
from appraisal.checks.length import SectionEmpty, SectionTooLong, SectionTooShort, TotalTooLong
from appraisal.checks.profile import ProfileIncomplete

RULES: dict[str, Rule] = {
    rule.name: rule
    for rule in (
        SectionEmpty(),
        SectionTooShort(),
        SectionTooLong(),
        TotalTooLong(),
        ProfileIncomplete(),
    )
}
