"""The character classes the rules share: defined in `appraisal.text.chars`, kept importable here."""

from appraisal.text.chars import (
    CHINESE,
    CJK_PUNCTUATION,
    CN_NUMERALS,
    DIGITS,
    HAN,
    HAN_UNIFIED,
    NUMBER_SPACES,
    is_chinese,
    is_digit,
    is_han,
    is_han_unified,
    is_latin,
)

__all__ = [
    "CHINESE",
    "CJK_PUNCTUATION",
    "CN_NUMERALS",
    "DIGITS",
    "HAN",
    "HAN_UNIFIED",
    "NUMBER_SPACES",
    "is_chinese",
    "is_digit",
    "is_han",
    "is_han_unified",
    "is_latin",
]
