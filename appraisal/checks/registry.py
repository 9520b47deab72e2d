"""The rules, by name, in the order their findings are listed. A new rule is one module and one line here."""

from __future__ import annotations

from appraisal.checks.base import Rule
from appraisal.checks.broken_line import BrokenLine
from appraisal.checks.collocation import Collocation
from appraisal.checks.copied_from_last_year import CopiedFromLastYear
from appraisal.checks.de_di_de import DeDiDe
from appraisal.checks.duplicate_sentence import DuplicateSentence
from appraisal.checks.halfwidth_punctuation import HalfwidthPunctuation
from appraisal.checks.heading_in_text import HeadingInText
from appraisal.checks.missing_figure import MissingFigure
from appraisal.checks.missing_figure_in_context import MissingFigureInContext
from appraisal.checks.number_usage import NumberUsage
from appraisal.checks.placeholder import Placeholder
from appraisal.checks.political_term import PoliticalTerm
from appraisal.checks.profile_incomplete import ProfileIncomplete
from appraisal.checks.punctuation import Punctuation
from appraisal.checks.repeated_word import RepeatedWord
from appraisal.checks.section_empty import SectionEmpty
from appraisal.checks.section_too_long import SectionTooLong
from appraisal.checks.section_too_short import SectionTooShort
from appraisal.checks.total_too_long import TotalTooLong
from appraisal.checks.typo import Typo
from appraisal.checks.typo_in_context import TypoInContext
from appraisal.checks.unbalanced_quote import UnbalancedQuote
from appraisal.checks.unverified_fact import UnverifiedFact
from appraisal.checks.user_word import UserWord
from appraisal.checks.wording import Wording
from appraisal.checks.year_mismatch import YearMismatch

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
        MissingFigureInContext(),
        HalfwidthPunctuation(),
        UnbalancedQuote(),
        BrokenLine(),
        DuplicateSentence(),
        CopiedFromLastYear(),
        YearMismatch(),
        HeadingInText(),
        Typo(),
        TypoInContext(),
        DeDiDe(),
        RepeatedWord(),
        Wording(),
        PoliticalTerm(),
        Collocation(),
        NumberUsage(),
        Punctuation(),
        UserWord(),
        UnverifiedFact(),
    )
}
