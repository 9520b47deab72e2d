"""A list number as Word writes it in each of its number formats (`w:numFmt`): 3 → 3, 三, 丙, ③, III, c ….

Only the formats a Chinese report may use are written out; any other format is shown in Arabic digits, as Word
itself falls back when a format has no form for a number (㊿ is the last circled number, 癸 the last heavenly stem).
"""

from __future__ import annotations

from collections.abc import Callable

_DIGITS = "〇一二三四五六七八九"
_LEGAL_SIMPLIFIED = ("零壹贰叁肆伍陆柒捌玖", "拾佰仟")
_LEGAL_TRADITIONAL = ("零壹貳參肆伍陸柒捌玖", "拾佰仟")
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def counting(number: int, digits: str = "零一二三四五六七八九", units: str = "十百千", *, legal: bool = False) -> str:
    """A number below 10,000 as Chinese counts it: 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五, 1010 → 一千零一十;
    `legal` (大写) keeps the one before 拾 (壹拾壹). Others in Arabic digits."""
    if not 0 < number < 10_000:
        return str(number)
    places = [int(d) for d in str(number)]
    out: list[str] = []
    zero_pending = False
    for index, digit in enumerate(places):
        place = len(places) - 1 - index
        if digit == 0:
            zero_pending = bool(out)
            continue
        if zero_pending:
            out.append(digits[0])
            zero_pending = False
        if not (digit == 1 and place == 1 and not out and not legal):  # 十一, not 一十一
            out.append(digits[digit])
        if place:
            out.append(units[place - 1])
    return "".join(out)


def _digit_by_digit(number: int) -> str:
    return "".join(_DIGITS[int(d)] for d in str(number))


def _roman(number: int) -> str:
    if not 0 < number < 4000:
        return str(number)
    out = []
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


LONGEST_NUMBER = 31  # the most characters of number Word draws for a paragraph (MS-OI29500 §2.1.283)


def _letter(number: int) -> str:
    """A, B, … Z, AA, BB, … ZZ, AAA: Word repeats the letter rather than counting in base 26, never more times than
    a number it draws is long."""
    if number < 1:
        return str(number)
    repeat, index = divmod(number - 1, 26)
    return chr(ord("A") + index) * min(repeat + 1, LONGEST_NUMBER)


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _circled(number: int) -> str:
    """①…⑳, ㉑…㉟, ㊱…㊿."""
    if 1 <= number <= 20:
        return chr(0x2460 + number - 1)
    if 21 <= number <= 35:
        return chr(0x3251 + number - 21)
    if 36 <= number <= 50:
        return chr(0x32B1 + number - 36)
    return str(number)


def _in_range(first: int, last: int, base: int) -> Callable[[int], str]:
    """Numbers first…last as consecutive characters from `base` (⑴, ⒈, ㊀ …), others in Arabic digits."""
    return lambda n: chr(base + n - first) if first <= n <= last else str(n)


def _from(table: str) -> Callable[[int], str]:
    return lambda n: table[n - 1] if 1 <= n <= len(table) else str(n)


def _sexagenary(number: int) -> str:
    """甲子, 乙丑, … 癸亥: the sixty-year cycle."""
    return _STEMS[(number - 1) % 10] + _BRANCHES[(number - 1) % 12] if 1 <= number <= 60 else str(number)


_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalHalfWidth": str,
    "decimalZero": lambda n: f"{n:02d}" if 0 <= n < 10 else str(n),
    "decimalFullWidth": lambda n: str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９")),
    "decimalEnclosedCircle": _circled,
    "decimalEnclosedCircleChinese": _circled,
    "decimalEnclosedParen": _in_range(1, 20, 0x2474),
    "decimalEnclosedFullstop": _in_range(1, 20, 0x2488),
    "ideographEnclosedCircle": _in_range(1, 10, 0x3280),
    "upperRoman": _roman,
    "lowerRoman": lambda n: _roman(n).lower(),
    "upperLetter": _letter,
    "lowerLetter": lambda n: _letter(n).lower(),
    "ordinal": _ordinal,
    "chineseCounting": counting,
    "chineseCountingThousand": counting,
    "japaneseCounting": counting,
    "taiwaneseCounting": counting,
    "taiwaneseCountingThousand": counting,
    "chineseLegalSimplified": lambda n: counting(n, *_LEGAL_SIMPLIFIED, legal=True),
    "ideographLegalTraditional": lambda n: counting(n, *_LEGAL_TRADITIONAL, legal=True),
    "ideographDigital": _digit_by_digit,
    "japaneseDigitalTenThousand": _digit_by_digit,
    "taiwaneseDigital": _digit_by_digit,
    "ideographTraditional": _from(_STEMS),
    "ideographZodiac": _from(_BRANCHES),
    "ideographZodiacTraditional": _sexagenary,
    "none": lambda n: "",
}
_FORMATS["decimalFullWidth2"] = _FORMATS["decimalFullWidth"]


def format_number(number: int, number_format: str) -> str:
    """`number` as the format `number_format` (a `w:numFmt` value) writes it; Arabic digits for a format not
    known here."""
    return _FORMATS.get(number_format, str)(number)
