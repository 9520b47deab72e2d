"""The rules, by name, in the order their findings are listed. A new rule is one module and one line here."""

from __future__ import annotations

from appraisal.checks.base import Rule
from appraisal.checks.copied_from_last_year import CopiedFromLastYear
from appraisal.checks.duplicates import DuplicateSentence
from appraisal.checks.figures import MissingFigure
from appraisal.checks.headings import HeadingInText
from appraisal.checks.length import SectionEmpty, SectionTooLong, SectionTooShort, TotalTooLong
from appraisal.checks.numbers import NumberUsage
from appraisal.checks.placeholder import Placeholder
from appraisal.checks.profile import ProfileIncomplete
from appraisal.checks.punctuation import HalfwidthPunctuation
from appraisal.checks.punctuation_usage import PunctuationUsage
from appraisal.checks.quotes import UnbalancedQuote
from appraisal.checks.typos import Typo
from appraisal.checks.user_words import UserWord
from appraisal.checks.wording import Wording
from appraisal.checks.years import YearMismatch

RULES: dict[str, Rule] = {
    rule.name: rule
    for rule in (
        SectionEmpty(),
        SectionTooShort(),
        SectionTooLong(),
        TotalTooLong(),
        ProfileIncomplete(),
        Placeholder(),
        MissingFigure(),
        HalfwidthPunctuation(),
        UnbalancedQuote(),
        DuplicateSentence(),
        CopiedFromLastYear(),
        YearMismatch(),
        HeadingInText(),
        Typo(),
        Wording(),
        NumberUsage(),
        PunctuationUsage(),
        UserWord(),
    )
}
