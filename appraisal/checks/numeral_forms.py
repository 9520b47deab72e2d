"""More of GB/T 15835—2011《出版物上数字用法》 for `number-usage`: which form of numeral a word or a number takes.

- A fixed word with a numeral in it is written in Chinese numerals (4.2: 定型的词语、缩略语): `8项规定` → `八项规定`,
  `3会1课` → `三会一课`, `星期3` → `星期三`. The words are data (`data/numeral_words.toml`), each with an example and
  a negative; only words with no other literal meaning are listed (`3个代表` may be three representatives).
- A rough number with 几 is written in Chinese numerals (4.2: 概数): `10几个` → `十几个`, `几10万` → `几十万`.
- In a counted number zero is 零, 〇 is for numbering such as a year (4.2.3 … `〇` 用于编号): `一百〇八` → `一百零八`.
- One kind of numeral in one number (4.3 同类别同形式): `十五%` → `15%`, `百分之15` → `15%`.
- The start and end of a time take the 一字线 (GB/T 15834 4.13.3.2), not the short hyphen: `1月-6月` → `1月—6月`
  (`number-usage`'s own hyphen ranges start with a figure: `1-6月`).

Each finding is (start, end, message, fix or None).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from appraisal.checks.chars import is_han
from appraisal.checks.lexicon import load_data
from appraisal.checks.political_facts import chinese_number
from appraisal.text.chars import CN_DIGITS
from appraisal.text.lazy_regex import lazy_compile

Found = tuple[int, int, str, str | None]

_DIGIT_OF = {
    "一": "1",
    "二": "2",
    "两": "2",
    "三": "3",
    "四": "4",
    "五": "5",
    "六": "6",
    "七": "7",
    "八": "8",
    "九": "9",
}
_FULL_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_FULL_DIGIT = lazy_compile("[０-９]")
_TENS = {"10": "十", "20": "二十", "30": "三十", "40": "四十", "50": "五十", "60": "六十", "70": "七十", "80": "八十"}
_TENS |= {"90": "九十", "100": "一百"}
_POWERS = {"10": "十", "100": "百", "1000": "千", "10000": "万"}
# 几 after a round figure (`10几个`, `20几万`) or before a power of ten (`几10万`, `几100人`).
_FEW = lazy_compile(r"几(?P<power>10{1,4})(?![0-9.．])|(?<![0-9.．])(?P<tens>[1-9]0{1,2})几")
# 〇 inside a counted number: after 十/百/千/万/亿 and before a digit (a year has no 十 or 百 in it).
_ROUND_ZERO = lazy_compile("〇(?<=[十百千万亿]〇)(?=[一二三四五六七八九])")
_CN = "〇零一二两三四五六七八九十百"
_CN_PERCENT = lazy_compile(rf"[一二三四五六七八九十](?<![{_CN}点之].)[{_CN}]*(?:点[〇零一二三四五六七八九]+)?[%％]")
_WORDS_PERCENT = lazy_compile(r"百分之(?P<n>[0-9]+(?:\.[0-9]+)?)[%％]?")
# A time's start and end joined by a hyphen after its unit: `1月-6月`, `2021年-2025年`, `3日-5日`.
_TIME_HYPHEN = lazy_compile(r"[-－](?<=[0-9][年月日][-－])(?=[0-9]{1,4}[年月日])")


_NUMBER_GOES_ON = frozenset("0123456789.．")


@dataclass(frozen=True)
class _Context:
    """Where a fixed word with a literal reading is certain (an entry's `before`, `after`, `alone`): after one of
    `before` (`中央八项规定`), before one of `after` (`八项规定精神`), or, with `alone`, before no Chinese character
    (`做到两个维护、`, not `两个维护站点`). An entry with none of them is certain anywhere."""

    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    alone: bool = False

    def holds(self, line: str, start: int, end: int) -> bool:
        if not (self.before or self.after or self.alone):
            return True
        if any(line.endswith(word, 0, start) for word in self.before):
            return True
        if any(line.startswith(word, end) for word in self.after):
            return True
        return self.alone and not is_han(line[end : end + 1])


@cache
def _fixed_words() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str], dict[str, _Context]]:
    """A quick test for a digit that may stand in a fixed word, a pattern finding each fixed word written with an
    Arabic digit for one of its numerals, the words by the digits' form (`8项规定` → `八项规定`) and where each word
    is certain."""
    written: dict[str, str] = {}
    contexts: dict[str, _Context] = {}
    for entry in load_data("numeral_words"):
        context = _Context(tuple(entry.get("before", ())), tuple(entry.get("after", ())), entry.get("alone", False))
        for word in entry["words"]:
            contexts[word] = context
            forms = [""]
            for ch in word:
                digit = _DIGIT_OF.get(ch)
                forms = [form + option for form in forms for option in ((ch, digit) if digit else (ch,))]
            written.update((form, word) for form in forms if form != word)
    words = "|".join(re.escape(form) for form in sorted(written, key=len, reverse=True))
    # A digit with the two characters after it (or the one before and after it, near a word's end: `跑1次`) as one
    # of the forms writes them: a search for these skips to the digits and is seldom met, so the long alternation
    # runs on few lines.
    starts: set[str] = set()
    for form in written:
        at = next(i for i, ch in enumerate(form) if ch.isdigit())
        if len(form) - at >= 3:
            starts.add(re.escape(form[at : at + 3]))
        else:
            starts.add(f"{re.escape(form[at])}(?<={re.escape(form[at - 1 : at + 1])})(?={re.escape(form[at + 1 :])})")
    near = "|".join(sorted(starts))  # full-width digits apart: with them in, the search no longer skips ahead (8x)
    return lazy_compile(near), lazy_compile(rf"(?:{words})(?![0-9０-９])"), written, contexts


def forms(line: str) -> Iterator[Found]:
    """Every finding of this module in one line."""
    near, _pattern, _written, _contexts = _fixed_words()
    if near.search(line) is not None or _FULL_DIGIT.search(line) is not None:
        yield from _words(line)
    if "几" in line:
        yield from _few(line)
    if "-" in line or "－" in line:
        for match in _TIME_HYPHEN.finditer(line):
            message = "时间的起止用一字线“—”，不用短横线（GB/T 15834）。"
            yield match.start(), match.end(), message, "—"
    if "百分之" in line:
        yield from _words_percent(line)
    if "〇" in line:
        for match in _ROUND_ZERO.finditer(line):
            message = "用于计量的数字，“0”的汉字写作“零”，“〇”只用于编号（GB/T 15835）。"
            yield match.start(), match.end(), message, "零"
    if "%" in line or "％" in line:
        yield from _cn_percent(line)


def _words(line: str) -> Iterator[Found]:
    _near, pattern, written, contexts = _fixed_words()
    plain = line.translate(_FULL_DIGITS) if _FULL_DIGIT.search(line) else line
    for match in pattern.finditer(plain):  # the character before is tested here: a lookbehind first is slow
        before = plain[match.start() - 1 : match.start()]
        if before in _NUMBER_GOES_ON:
            continue  # `18项规定`
        word = written[match.group()]
        if (before == "第" and word[0] != "第") or not contexts[word].holds(plain, match.start(), match.end()):
            continue  # `第8项规定` is an item; `出台8项规定和12项制度` counts them
        message = f"“{word}”是定型词语，其中的数字用汉字（GB/T 15835），不写作“{line[match.start() : match.end()]}”。"
        yield match.start(), match.end(), message, word


def _few(line: str) -> Iterator[Found]:
    for match in _FEW.finditer(line):
        if match.group("power"):
            fix: str | None = "几" + _POWERS[match.group("power")]
        else:
            tens = _TENS.get(match.group("tens"))
            fix = tens + "几" if tens else None
        shown = f"，宜写作“{fix}”" if fix else ""
        message = f"带“几”的概数用汉字数字（GB/T 15835）{shown}。"
        yield match.start(), match.end(), message, fix


def _cn_percent(line: str) -> Iterator[Found]:
    for match in _CN_PERCENT.finditer(line):
        value = percent_value(match.group()[:-1])
        fix = f"{value}%" if value is not None else None
        shown = f"，宜写作“{fix}”" if fix else ""
        message = f"百分数中汉字数字与“%”混用（GB/T 15835）{shown}。"
        yield match.start(), match.end(), message, fix


def _words_percent(line: str) -> Iterator[Found]:
    for match in _WORDS_PERCENT.finditer(line):
        fix = f"{match.group('n')}%"
        message = f"“百分之”与阿拉伯数字混用（GB/T 15835），宜写作“{fix}”。"
        yield match.start(), match.end(), message, fix


def percent_value(words: str) -> str | None:
    """`十五` → `15`, `三十五点五` → `35.5`."""
    whole, _, decimals = words.partition("点")
    value = chinese_number(whole.replace("〇", "零"))
    digits = [str(CN_DIGITS.index(ch)) if ch in CN_DIGITS else "0" if ch == "零" else "" for ch in decimals]
    if value is None or "" in digits:
        return None
    return f"{value}.{''.join(digits)}" if digits else str(value)
