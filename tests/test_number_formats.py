"""Word's number formats (`w:numFmt`) as Word writes them."""

from __future__ import annotations

import pytest

from appraisal.importing.number_formats import counting, format_number


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (1, "一"),
        (9, "九"),
        (10, "十"),
        (11, "十一"),
        (20, "二十"),
        (21, "二十一"),
        (99, "九十九"),
        (100, "一百"),
        (105, "一百零五"),
        (110, "一百一十"),
        (1010, "一千零一十"),
        (2006, "二千零六"),
        (12000, "12000"),
    ],
)
def test_chinese_counting(number: int, expected: str) -> None:
    assert counting(number) == expected
    assert format_number(number, "chineseCounting") == expected
    assert format_number(number, "chineseCountingThousand") == expected


@pytest.mark.parametrize(
    ("number", "fmt", "expected"),
    [
        (3, "decimal", "3"),
        (3, "decimalZero", "03"),
        (12, "decimalZero", "12"),
        (12, "decimalFullWidth", "１２"),
        (1, "decimalEnclosedCircle", "①"),
        (20, "decimalEnclosedCircle", "⑳"),
        (21, "decimalEnclosedCircle", "㉑"),
        (50, "decimalEnclosedCircle", "㊿"),
        (51, "decimalEnclosedCircle", "51"),
        (1, "decimalEnclosedParen", "⑴"),
        (2, "decimalEnclosedFullstop", "⒉"),
        (3, "ideographEnclosedCircle", "㊂"),
        (4, "upperRoman", "IV"),
        (1994, "upperRoman", "MCMXCIV"),
        (9, "lowerRoman", "ix"),
        (1, "upperLetter", "A"),
        (26, "upperLetter", "Z"),
        (27, "upperLetter", "AA"),
        (28, "lowerLetter", "bb"),
        (2, "ordinal", "2nd"),
        (11, "ordinal", "11th"),
        (23, "ordinal", "23rd"),
        (3, "ideographTraditional", "丙"),
        (10, "ideographTraditional", "癸"),
        (11, "ideographTraditional", "11"),
        (3, "ideographZodiac", "寅"),
        (1, "ideographZodiacTraditional", "甲子"),
        (11, "ideographZodiacTraditional", "甲戌"),
        (10, "ideographDigital", "一〇"),
        (11, "chineseLegalSimplified", "壹拾壹"),
        (203, "chineseLegalSimplified", "贰佰零叁"),
        (3, "ideographLegalTraditional", "參"),
        (12, "taiwaneseCounting", "十二"),
        (5, "none", ""),
        (5, "someFormatNotKnown", "5"),
    ],
)
def test_formats(number: int, fmt: str, expected: str) -> None:
    assert format_number(number, fmt) == expected


def test_a_letter_number_is_never_longer_than_word_draws() -> None:
    """Word repeats a letter (Z, ZZ, ZZZ …) but draws no number longer than 31 characters."""
    assert format_number(26 * 31, "upperLetter") == "Z" * 31
    assert format_number(2_000_000_000, "upperLetter") == "X" * 31
    assert format_number(2_000_000_000, "lowerLetter") == "x" * 31
