"""`number-usage`: GB/T 15835—2011《出版物上数字用法》 (and the range marks of GB/T 15834—2011) in a report.

- A year in Chinese numerals takes 〇 for zero, never a digit, a letter or a circle: `二0二六年`, `二○二六年`,
  `二零二六年` → `二〇二六年` (fixable).
- A Chinese numeral is not written with a digit zero in it: `二0余起`, `三0个` (a slip for 二十 or 20; reported
  without a fix, the writer chooses). `统一0时` (统一 ends before the digit) is fine.
- A year is written in full: `26年度`, `25年12月`, `26年全年` → `2026年度`, `2025年12月`, `2026年全年` (fixable
  when the year is near the report's; a bare `25年` is left alone, it is usually a length of time: `工作25年`).
- Arabic digits are not mixed with 千 or 百 as a magnitude: `3千万元` → `3000万元`, `5百余人` → `500余人` (fixable);
  `3000万元`, `3.5亿元`, `5千米`, `3千瓦` and `百分点` are fine.
- A range of figures takes the 浪纹线 or the 一字线, never the short hyphen (GB/T 15835 5.1.x, GB/T 15834 4.13):
  `1-11月` → `1—11月` (the start and end of a time), `30-50户` → `30～50户` (a range of values) (fixable). Dates
  (`2025-12-01`), telephone numbers, codes (`GB/T 15835-2011`) and a larger first figure are not ranges. Inside a cited
  title or a quoted name (`《…规划（2021-2025年）》`) the range is reported with no fix: an issued title writes
  `2021—2025年`, but the writer checks it against the document (a title being drafted is the writer's own).
- One range mark throughout: once a range of values is written `3～5个`, a later `3—5个` is flagged (ranges of
  values and spans of time are compared apart: `1—11月` beside `3～5个` is right, GB/T 15834 gives each its mark).
- One kind of numeral in one date: `2025年十二月`, `二〇二五年12月` (GB/T 15835 4.3: 同类别同形式).
- `百分之十五` in a paragraph that writes its other percentages `15%` → `15%` (GB/T 15835 4.1.1 and 4.3,
  同类别同形式; fixable). A paragraph with no `%` is left alone (`办结率达到百分之九十以上`), and so is `百分之百`.
- 余 and 多 go with round figures: `12余人`, `1523多户`, `2.5余亩` are a figure and an approximation at once;
  `约100余人`, `近10余年` say the approximation twice (`节约100余万元`, `最近10余年` are fine).
- Which form of numeral a fixed word, a rough number with 几, a zero or a percentage takes, and the mark between a
  time's start and end after its unit (`8项规定`, `10几个`, `一百〇八`, `十五%`, `1月-6月`): `numeral_forms`.
- A figure and its measure word split across two lines (`收集诉求32` / `条，`), as text copied from a PDF is: a
  break `broken-line` finds (`broken_line.breaks`) and leaves to this rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

from appraisal.checks.base import WARNING, Context, Field, Finding, Rule
from appraisal.checks.broken_line import breaks_at
from appraisal.checks.chars import HAN_UNIFIED, is_han_unified
from appraisal.checks.numeral_forms import forms, percent_value
from appraisal.text.chars import CN_DIGITS
from appraisal.text.lazy_regex import lazy_compile
from appraisal.text.patterns import MEASURES

_ZEROS = "0０○OoＯｏ零"
# Each pattern begins with a character class, lookbehinds after it, so the engine skips to the candidates.
_CN_YEAR = lazy_compile(rf"[{CN_DIGITS}{_ZEROS}](?<![{CN_DIGITS}{_ZEROS}十百千万].)[{CN_DIGITS}{_ZEROS}]{{3}}(?=年)")
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
    r"([0-9](?<![0-9.\-－].)[0-9]*(?:\.[0-9]+)?[%％]?)\s*([～~〜—–])\s*([0-9]+(?:\.[0-9]+)?)"
    r"(?=\s*(?:[%％]|万|亿|元|年|个|人|次|家|项|天|小时|分钟|公里|米|吨|亩|岁|倍|月|日|名|户|件))"
)
_RANGE_MARK = lazy_compile("[～~〜—–]")  # whether a line holds a range mark at all (a search in C)
_RANGE_NAMES = {"～": "浪纹线“～”", "~": "半角“~”", "〜": "波浪线“〜”", "—": "一字线“—”", "–": "短横线“–”"}
_TIME_UNITS = ("月", "日", "号")
_MEASURES = MEASURES
# A range written with the short hyphen: `1-11月`, `30-50户`. Not after a letter, a digit, a dot or a colon (codes,
# version numbers, clock times, `GB/T 15835-2011`), and only before a unit (a date or a phone number goes on).
_HYPHEN_RANGE = lazy_compile(
    r"(?P<low>[0-9](?<![0-9A-Za-z.．:：/\\\-－_#].)[0-9]*(?:\.[0-9]+)?)(?P<mark>[-－])(?P<high>[0-9]+(?:\.[0-9]+)?)"
    rf"(?=\s*(?P<unit>{_MEASURES}))"
)
# One date, two kinds of numeral: `2025年十二月`, `二〇二五年12月`, `12月三十一日`, `十二月31日`.
_MIXED_DATE = lazy_compile(
    r"[0-9](?<![0-9].)[0-9]{3}年[一二三四五六七八九十]{1,2}月"
    rf"|[{CN_DIGITS}](?<![{CN_DIGITS}].)[{CN_DIGITS}]{{3}}年[0-9]{{1,2}}月"
    r"|[0-9](?<![0-9].)[0-9]?月[一二三四五六七八九十]{1,3}日"
    r"|[一二三四五六七八九十](?<![〇一二三四五六七八九十].)[一二三四五六七八九十]?月[0-9]{1,2}日"
)
_CN_MONTH = lazy_compile(r"[一二三四五六七八九十]+(?=月)")
_MONTHS = frozenset(["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"])
_PERCENT_WORDS = lazy_compile(r"百分之(?P<n>[零〇一二两三四五六七八九十]+(?:点[零〇一二三四五六七八九]+)?)(?![百千万])")
# 余 or 多 right after a figure, then a unit: `12余人`, `2.5余亩`, `100余万元` (the round ones are fine).
_APPROXIMATE = lazy_compile(
    rf"(?P<number>[0-9](?<![0-9.．].)[0-9]*(?:\.[0-9]+)?)(?P<mark>[余多])(?=[万亿]?{_MEASURES})"
)
# 约 and 近 as words of their own (节约, 最近 are other words).
_ABOUT_WORDS = ("约", "近")
_NOT_ABOUT = frozenset(
    [
        "节约",
        "制约",
        "签约",
        "履约",
        "特约",
        "预约",
        "集约",
        "简约",
        "合约",
        "违约",
        "公约",
        "条约",
        "规约",
        "邀约",
        "相约",
        "隐约",
        "婉约",
        "最近",
        "附近",
        "临近",
        "就近",
        "靠近",
        "邻近",
        "亲近",
        "贴近",
        "走近",
        "拉近",
        "相近",
        "新近",
    ]
)
_MULTIPLIER = {"千": Decimal(1000), "百": Decimal(100)}


def _year_fix(text: str) -> str | None:
    """`二0二六` → `二〇二六`: only when the other characters are Chinese numerals."""
    if not any(ch in CN_DIGITS[1:] for ch in text) or not any(ch in _ZEROS for ch in text):
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


def _is_time(line: str, start: int, end: int, low: str, high: str) -> bool:
    """Whether the range [start, end) is the start and end of a time or of a sequence (`1—11月`, `2021—2025年`,
    `第21—30条`, `1—5号楼`), which takes the 一字线 (GB/T 15834 4.13.3.2), not a range of values (`30～50户`)."""
    unit = line[end : end + 2].lstrip()[:1]
    if unit == "年":
        return all(len(n) == 4 and n[:2] in ("19", "20") for n in (low.rstrip("%％"), high))
    return unit in _TIME_UNITS or line.startswith("季度", end) or (start > 0 and line[start - 1] == "第")


def _first_range_mark(ctx: Context, time: bool) -> str | None:
    """The range mark the report uses first for spans of time or for ranges of values; cached per check run."""
    marks = ctx.shared("range-marks", lambda: _find_first_range_marks(ctx))
    return marks[time]


def _find_first_range_marks(ctx: Context) -> dict[bool, str | None]:
    first: dict[bool, str | None] = {True: None, False: None}
    for item in ctx.fields:
        for line in item.lines:
            if _RANGE_MARK.search(line) is None:
                continue
            for match in _RANGE.finditer(line):
                time = _is_time(line, match.start(), match.end(), match.group(1), match.group(3))
                if not _years(match) and first[time] is None:
                    first[time] = match.group(2)
            if first[True] is not None and first[False] is not None:
                return first
    return first


def _too_exact(number: str) -> bool:
    """A figure too exact for 余 or 多: a decimal (`2.5余亩`), or a whole number not ending in 0 (`12余人`)."""
    if "." in number or "．" in number:
        return True
    return len(number) >= 2 and number[-1] != "0"


def _said_twice(line: str, start: int) -> str | None:
    """The 约 / 近 right before a figure that already carries 余 or 多 (`约100余人`), unless it ends a word."""
    if start == 0 or line[start - 1] not in _ABOUT_WORDS:
        return None
    if line[max(0, start - 2) : start] in _NOT_ABOUT:
        return None
    return line[start - 1]


class NumberUsage(Rule):
    name = "number-usage"
    title = "数字用法"
    severity = WARNING
    family = "numbers"
    description = "数字用法不符合《出版物上数字用法》（GB/T 15835），如“二0二六年”“26年度”“3千万元”“1-11月”。"
    fixable = True
    fields = frozenset({"section", "unmatched", "title"})

    def check_field(self, item: Field, ctx: Context) -> Iterable[Finding]:
        for index, line in enumerate(item.lines):
            if "年" in line:
                yield from self._years(item, ctx, index, line)
            if "0" in line or "０" in line:
                yield from self._mixed_zeros(item, index, line)
            if "千" in line or "百" in line:
                yield from self._magnitudes(item, index, line)
            if "-" in line or "－" in line:
                yield from self._hyphen_ranges(item, index, line)
            if _RANGE_MARK.search(line) is not None:
                yield from self._ranges(item, ctx, index, line)
            if "月" in line:
                yield from self._mixed_dates(item, index, line)
            if "百分之" in line and ("%" in line or "％" in line):
                yield from self._percent_words(item, index, line)
            if "余" in line or "多" in line:
                yield from self._approximations(item, index, line)
            if index + 1 < len(item.lines) and line.rstrip()[-1:].isdigit():
                yield from self._split_figure(item, ctx, index, line)
            for start, end, message, fix in forms(line):
                if not item.is_protected(index, start, end):
                    yield self.finding(item, index + 1, start + 1, end + 1, message, fix)

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

    def _magnitudes(self, item: Field, index: int, line: str) -> Iterable[Finding]:
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

    def _hyphen_ranges(self, item: Field, index: int, line: str) -> Iterable[Finding]:
        for match in _HYPHEN_RANGE.finditer(line):
            low, high = Decimal(match.group("low")), Decimal(match.group("high"))
            start = match.start("mark")
            if low >= high or item.is_protected(index, match.start(), match.end()):
                continue
            time = _is_time(line, match.start(), match.end(), match.group("low"), match.group("high"))
            mark = "—" if time else "～"
            shown = f"{match.group('low')}{mark}{match.group('high')}{match.group('unit')}"
            kind = "时间、序号的起止用一字线" if time else "数值范围用浪纹线"
            message = f"数值范围不用短横线“{match.group('mark')}”，{kind}，宜写作“{shown}”（GB/T 15835、GB/T 15834）。"
            yield self.finding(item, index + 1, start + 1, start + 2, message, mark)

    def _ranges(self, item: Field, ctx: Context, index: int, line: str) -> Iterable[Finding]:
        for match in _RANGE.finditer(line):
            time = _is_time(line, match.start(), match.end(), match.group(1), match.group(3))
            first = _first_range_mark(ctx, time)
            mark = match.group(2)
            if first is None or mark == first or _years(match) or item.is_protected(index, match.start(), match.end()):
                continue
            start = match.start(2)
            message = (
                f"数值范围的连接号应全文统一（GB/T 15835），前文用的是{_RANGE_NAMES[first]}，"
                f"这里是{_RANGE_NAMES[mark]}。"
            )
            yield self.finding(item, index + 1, start + 1, start + 2, message)

    def _mixed_dates(self, item: Field, index: int, line: str) -> Iterable[Finding]:
        for match in _MIXED_DATE.finditer(line):
            month = _CN_MONTH.search(match.group())
            if month is not None and month.group() not in _MONTHS:
                continue  # `2025年一二月份`: two months as a rough time, not a date
            message = f"同一个日期中汉字数字与阿拉伯数字混用（GB/T 15835）：“{match.group()}”宜统一写法。"
            yield self.finding(item, index + 1, match.start() + 1, match.end() + 1, message)

    def _percent_words(self, item: Field, index: int, line: str) -> Iterable[Finding]:
        for match in _PERCENT_WORDS.finditer(line):
            value = percent_value(match.group("n"))
            fix = f"{value}%" if value is not None else None
            shown = f"，宜写作“{fix}”" if fix else ""
            message = f"同一段的百分数用“%”书写，“{match.group()}”也应写作阿拉伯数字（GB/T 15835）{shown}。"
            yield self.finding(item, index + 1, match.start() + 1, match.end() + 1, message, fix)

    def _approximations(self, item: Field, index: int, line: str) -> Iterable[Finding]:
        for match in _APPROXIMATE.finditer(line):
            number, mark = match.group("number"), match.group("mark")
            after = match.end()
            if mark == "多" and line.startswith("元", after) and is_han_unified(line[after + 1 : after + 2]):
                continue  # `12多元化`: 多元 is a word
            about = _said_twice(line, match.start())
            if about is not None:
                start = match.start() - 1
                message = f"“{about}”与“{mark}”都表示约数，不宜同用：“{line[start : match.end()]}”。"
            elif _too_exact(number):
                start = match.start()
                message = (
                    f"“{mark}”表示约数，宜跟在整十、整百等整数之后（如“10{mark}”），“{number}{mark}”既确切又约略。"
                )
            else:
                continue
            if not item.is_protected(index, start, match.end()):
                yield self.finding(item, index + 1, start + 1, match.end() + 1, message)

    def _split_figure(self, item: Field, ctx: Context, index: int, line: str) -> Iterable[Finding]:
        """A figure split from its measure word across two lines: a break `broken-line` finds and leaves to this
        rule, which names the figure (`收集诉求32` / `条，`); not when another break is reported there."""
        here = breaks_at(item, ctx).get(index, ())
        if len(here) != 1 or not here[0].unit:
            return
        number = line[here[0].start :].strip()
        message = f"数字“{number}”与后面的“{here[0].unit}”被断在两行（像是从PDF复制时断开的），请把两行接上。"
        yield self.finding(item, index + 1, here[0].start + 1, here[0].start + 1 + len(number), message)
