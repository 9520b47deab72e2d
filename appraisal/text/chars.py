"""Character classes, as regex fragments and as tests: the one definition of a Han character (CJK Unified
Ideographs, Extension A, the compatibility ideographs and the supplementary ideograph planes) and of the everyday
block alone, used by the checker, the importer, the reviewer, the drafting help and the editor."""

from __future__ import annotations

# Han characters (the BMP blocks and the supplementary ideograph planes).
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"
# The CJK Unified Ideographs block alone (U+4E00–U+9FFF): the characters of everyday text. For a pattern that
# means "a common Chinese character" (a name, a word, the 不 of A不A) and for what a data set is written in (the
# tagged names, the language model's words): a rare character outside it is taken for none there, on purpose.
HAN_UNIFIED = "\u4e00-\u9fff"
# Chinese (full-width) punctuation that may stand next to Chinese text.
CJK_PUNCTUATION = "，。、；：？！“”‘’《》〈〉（）【】〔〕「」『』…—·～"
# What counts as "Chinese" around a half-width mark: Han characters and Chinese punctuation.
CHINESE = HAN + CJK_PUNCTUATION

# Digits a number may be written with, and the Chinese numerals (十 and 百 included: 三十, 数百).
DIGITS = "0-9０-９"
CN_NUMERALS = "〇零一二两三四五六七八九十百千万亿"
# The ten Chinese digits in order: `CN_DIGITS.index(ch)` is a digit's value (〇 for zero, as in a year).
CN_DIGITS = "〇一二三四五六七八九"
# Spaces that may stand between a number and its unit: space, no-break space, thin spaces, ideographic space.
NUMBER_SPACES = " \u00a0\u2009\u202f\u2006\u2005\u3000"


def is_han(ch: str) -> bool:
    """Whether `ch` is in HAN (the same ranges, without a regex; False for an empty string)."""
    if len(ch) != 1:
        return False
    code = ord(ch)
    return (
        0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x3FFFF
    )


def is_han_unified(ch: str) -> bool:
    """Whether `ch` is in HAN_UNIFIED (a range test, no regex; False for an empty string)."""
    return "\u4e00" <= ch <= "\u9fff" and len(ch) == 1


def is_chinese(ch: str) -> bool:
    return is_han(ch) or ch in CJK_PUNCTUATION


def is_latin(ch: str) -> bool:
    return ch.isascii() and ch.isalpha()


def is_digit(ch: str) -> bool:
    return "0" <= ch <= "9" or "０" <= ch <= "９"
