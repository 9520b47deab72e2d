"""`number-usage`: GB/T 15835—2011《出版物上数字用法》 in a report.

- A year in Chinese numerals takes 〇 for zero, never a digit, a letter or a circle: `二0二六年`, `二○二六年`,
  `二零二六年` → `二〇二六年` (fixable).
- A Chinese numeral is not written with a digit zero in it: `二0余起`, `三0个` (a slip for 二十 or 20; reported
  without a fix, the writer chooses). `统一0时` (统一 ends before the digit) is fine.
- A year is written in full: `26年度`, `25年12月`, `26年全年` → `2026年度`, `2025年12月`, `2026年全年` (fixable
  when the year is near the report's; a bare `25年` is left alone, it is usually a length of time: `工作25年`).
- Arabic digits are not mixed with 千 or 百 as a magnitude: `3千万元` → `3000万元`, `5百余人` → `500余人` (fixable);
  `3000万元`, `3.5亿元`, `5千米`, `3千瓦` and `百分点` are fine.
- One range mark throughout: once a range of figures is written `3～5个`, a later `3-5个` is flagged (figures with a
  unit or a percent; dates like `2025-12-01`, phone numbers and spans of years such as `2021—2025年`, which take
  the 一字线 by GB/T 15834, are not ranges of figures).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

from appraisal.checks.base import WARNING, Context, Field, Finding, Rule
from appraisal.checks.chars import HAN_UNIFIED
from appraisal.text.lazy_regex import lazy_compile

_CN_DIGITS = "〇一二三四五六七八九"
_ZEROS = "0０○OoＯｏ零"
# Each pattern begins with a character class, lookbehinds after it, so the engine skips to the candidates.
_CN_YEAR = lazy_compile(rf"[{_CN_DIGITS}{_ZEROS}](?<![{_CN_DIGITS}{_ZEROS}十百千万].)[{_CN_DIGITS}{_ZEROS}]{{3}}(?=年)")
_SHORT_YEAR = lazy_compile(
    r"[0-9](?<![0-9０-９.．/\-].)[0-9](?=年(?:度|[0-9]{1,2}月|底|初|末|上半年|下半年|全年|[一二三四]季度|第[一二三四]季度|前三季度))"
)
# A Chinese numeral with a digit zero after it: 二0余起. 一 after another Han character ends a word (统一0时, 唯一0).
_MIXED_ZERO = lazy_compile(rf"[一二三四五六七八九十](?<![{HAN_UNIFIED}]一)[0０](?![0-9０-９])")
_QUOTED_YEAR = lazy_compile(r"[’'‘][0-9]{2}(?=年)")
_MAGNITUDE = lazy_compile(
    r"(?P<number>[0-9](?<![0-9.．].)[0-9]*(?:\.[0-9]+)?)(?P<magnitude>[千百])(?![米瓦克伏帕焦卡赫字分])"
    r"(?=[万亿余多元人个家项件户次名吨亩台辆套])"
)
_RANGE = lazy_compile(
    r"([0-9](?<![0-9.\-－].)[0-9]*(?:\.[0-9]+)?[%％]?)\s*([～~〜—–－\-])\s*([0-9]+(?:\.[0-9]+)?)"
    r"(?=\s*(?:[%％]|万|亿|元|年|个|人|次|家|项|天|小时|分钟|公里|米|吨|亩|岁|倍|月|日|名|户|件))"
)
_RANGE_NAMES = {"～": "浪纹线“～”", "~": "半角“~”", "〜": "波浪线“〜”", "—": "一字线“—”", "–": "短横线“–”"}
_RANGE_NAMES.update({"－": "全角短横线“－”", "-": "短横线“-”"})
_MULTIPLIER = {"千": Decimal(1000), "百": Decimal(100)}


def _year_fix(text: str) -> str | None:
    """`二0二六` → `二〇二六`: only when the other characters are Chinese numerals."""
    if not any(ch in _CN_DIGITS[1:] for ch in text) or not any(ch in _ZEROS for ch in text):
        return None
    return "".join("〇" if ch in _ZEROS else ch for ch in text)


def _magnitude_fix(number: str, magnitude: str) -> str | None:
    try:
        value = Decimal(number) * _MULTIPLIER[magnitude]
    except InvalidOperation:
        return None
    if value != value.to_integral_value():
        return None
    return str(int(value))


def _years(match: re.Match[str]) -> bool:
    """`2021—2025`: a span of years, not a range of figures."""
    return all(len(match.group(g)) == 4 and match.group(g)[:2] in ("19", "20") for g in (1, 3))


def _first_range_mark(ctx: Context) -> str | None:
    """The range mark the report uses first, in document order; cached per check run."""
    return ctx.shared("range-mark", lambda: _find_first_range_mark(ctx))


def _find_first_range_mark(ctx: Context) -> str | None:
    first: str | None = None
    for item in ctx.fields:
        for line in item.lines:
            for match in _RANGE.finditer(line) if any(ch in line for ch in "～~〜—–－-") else ():
                if not _years(match):
                    first = match.group(2)
                    break
            if first is not None:
                break
        if first is not None:
            break
    return first


class NumberUsage(Rule):
    name = "number-usage"
    title = "数字用法"
    severity = WARNING
    family = "numbers"
    description = "数字用法不符合《出版物上数字用法》（GB/T 15835），如“二0二六年”“26年度”“3千万元”。"
    fixable = True
    fields = frozenset({"section", "unmatched", "title"})

    def check_field(self, item: Field, ctx: Context) -> Iterable[Finding]:
        for index, line in enumerate(item.lines):
            if "年" in line:
                yield from self._years(item, ctx, index, line)
            if "0" in line or "０" in line:
                yield from self._mixed_zeros(item, index, line)
            if "千" in line or "百" in line:
                for match in _MAGNITUDE.finditer(line):
                    if item.is_protected(index, match.start(), match.end()):
                        continue
                    magnitude = match.group("magnitude")
                    fix = _magnitude_fix(match.group("number"), magnitude)
                    message = (
                        f"阿拉伯数字不宜与“{magnitude}”连用（GB/T 15835），“{match.group()}”宜写作“{fix}”。"
                        if fix
                        else f"阿拉伯数字不宜与“{magnitude}”连用（GB/T 15835）。"
                    )
                    yield self.finding(item, index + 1, match.start() + 1, match.end() + 1, message, fix)
            if any(ch in line for ch in "～~〜—–－-"):
                yield from self._ranges(item, ctx, index, line)

    def _years(self, item: Field, ctx: Context, index: int, line: str) -> Iterable[Finding]:
        for match in _CN_YEAR.finditer(line):
            fix = _year_fix(match.group())
            if fix is not None:
                message = f"用汉字数字书写年份时，“零”应写作“〇”（GB/T 15835）：“{match.group()}”应为“{fix}”。"
                yield self.finding(item, index + 1, match.start() + 1, match.end() + 1, message, fix)
        for match in (*_SHORT_YEAR.finditer(line), *_QUOTED_YEAR.finditer(line)):
            digits = match.group()[-2:]
            if item.is_protected(index, match.start(), match.end()):
                continue
            full = 2000 + int(digits)
            near = ctx.year is not None and abs(full - ctx.year) <= 5
            fix = str(full) if near else None
            shown = f"，应为“{full}年”" if near else ""
            message = f"年份不能简写（GB/T 15835）：“{match.group()}年”{shown}。"
            yield self.finding(item, index + 1, match.start() + 1, match.end() + 1, message, fix)

    def _mixed_zeros(self, item: Field, index: int, line: str) -> Iterable[Finding]:
        years = [match.span() for match in _CN_YEAR.finditer(line) if _year_fix(match.group()) is not None]
        for match in _MIXED_ZERO.finditer(line):
            start, end = match.span()
            if any(first <= start and end <= last for first, last in years) or item.is_protected(index, start, end):
                continue
            message = f"汉字数字与阿拉伯数字“0”混用（GB/T 15835）：“{match.group()}”应统一写作汉字数字或阿拉伯数字。"
            yield self.finding(item, index + 1, start + 1, end + 1, message)

    def _ranges(self, item: Field, ctx: Context, index: int, line: str) -> Iterable[Finding]:
        first = _first_range_mark(ctx)
        if first is None:
            return
        for match in _RANGE.finditer(line):
            mark = match.group(2)
            if mark == first or _years(match) or item.is_protected(index, match.start(), match.end()):
                continue
            start = match.start(2)
            message = (
                f"数值范围的连接号应全文统一（GB/T 15835），前文用的是{_RANGE_NAMES[first]}，"
                f"这里是{_RANGE_NAMES[mark]}。"
            )
            yield self.finding(item, index + 1, start + 1, start + 2, message)
