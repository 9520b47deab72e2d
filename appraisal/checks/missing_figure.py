"""`missing-figure`: a unit or rate with the number in front of it left out — `完成税收亿元`, `同比增长%`, `增幅-%`,
`投资万元`, `一期万平方米`, `46宗、亩`, `路段公里` — the trace of a template's `XX` deleted but never filled in.

A unit needs no number of its own when it is a word or a rate: `万亩千亿`, `万亩平台`, `亿元以上项目`, `万元GDP能耗`,
`亩均`, `每平方米`, `元/平方米`, `（单位：万元）`. A number may be written in Chinese (`三亿元`, `数十万元`,
`近亿元`, `半个百分点`) or stand a space or thin space away (`5 %`). `百分之` is not a unit at all.

Each unit has a kind that says how freely it is used as a word without a number:
- "rate" (`%`, `个百分点`) and "unit" (`万元`, `平方米`, `公里` …): missing unless a known word follows
  (`亿元以上项目`, `公里数`; but `争取资金万元以上，` is missing its number);
- "word" (`亩`, `万亩`, `吨`, `万人次`): so often part of a word (`万亩良田`, `吨钢`) that it is only missing at the
  end of a clause (`流转土地万亩，`) or as an item of a list (`46宗、亩`); a lone `亩` between two words is missing
  its number too (`流转亩土地`, `示范区亩改造`), but not in `亩均`, `亩产`, `田亩`;
- "bare" (`万`, `亿` with no 元): only at the end of a clause (`营收亿，` `融资亿，用于`).

A measure word right after a verb of counting at the end of a clause (`较上年增加家，`) and `多` with nothing in front
of it (`约多平方米`) are missing their number as well; `个人`, `个别`, `多个` are words. The shapes where a number
is missing in the middle of a sentence (`合格率达，`, `建成个服务点`, `接待群众批人次`, `节约资金万余元`, `排名第位`)
are in `figure_shapes`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from appraisal.checks.base import ERROR, Context, Field, Finding, Rule
from appraisal.checks.broken_line import NUMBER_AT_END, breaks_at
from appraisal.checks.chars import CN_NUMERALS, NUMBER_SPACES, is_digit, is_han, is_latin
from appraisal.checks.figure_shapes import gaps
from appraisal.text.lazy_regex import lazy_compile

_UNITS: dict[str, str] = {  # unit → kind; every unit a plain word, so the regex can skip to the characters
    "个百分点": "rate",  # that begin one (an optional 万 in front would make it try every position)
    "百分点": "rate",
    "%": "rate",
    "％": "rate",
    "‰": "rate",
    **{f"{m}{c}元": "money" for m in ("万亿", "万", "亿") for c in ("美", "")},
    **{f"{m}{u}": "unit" for m in ("万", "") for u in ("平方公里", "平方千米", "平方米", "公顷", "立方米", "公里")},
    **{f"{m}{u}": "unit" for m in ("万", "") for u in ("千瓦时", "千瓦")},
    "万人次": "word",
    **{f"{m}{u}": "word" for m in ("万", "") for u in ("亩", "吨")},
    "万亿": "bare",
    "万": "bare",
    "亿": "bare",
}
_UNIT = lazy_compile("|".join(re.escape(unit) for unit in sorted(_UNITS, key=len, reverse=True)))

# Words a unit may be part of without a number (checked on the text right after the unit).
_MONEY_WORDS = lazy_compile(
    r"(?:以上|以下|以内)(?![，。、；：！？,.;:!?）)]|$)|级|项目|户|GDP|产值|增加值|生产总值|营业收入|大关|台阶|规模|企业|关口|俱乐部|村|乡|镇|楼宇|楼|工程"
)
_UNIT_WORDS = lazy_compile(r"以上|以下|以内|级|范围|数|为单位")
# Where a clause ends: the only place a "word" unit is read as a missing number.
_CLAUSE_END = set("，。、；：！？）,.;:!?)")

# A lone 亩 between two words is a word when one of these stands next to it: 亩均, 亩产, 田亩, 垄亩.
_MU_AFTER_WORDS = set("均产数效收平税")
_MU_BEFORE_WORDS = set("田垄畎")
# A measure word straight after a verb of counting, at the end of a clause: `较上年增加家，` `新增项、`.
_COUNTED = lazy_compile(
    r"(?:增加|减少|新增|新建|新设|累计|共计|合计|达到|引进|培育|查处|化解|办结|受理|增长|下降)"
    r"[家个项件人户宗次名所座台辆条篇场批处起](?=[，。、；：！？,.;:!?）)]|$)"
)

_DASHES = "-－—–"
_ELLIPSIS = "…⋯"
_PLACEHOLDER_CHARS = set("XxＸｘ×*＊_＿?？")
# Approximations that stand for a number before 万/亿 (超亿元, 近万元, 上万亩); only with those magnitudes.
_ROUGH = set("近逾超过破上数几")
# Words after which a unit is a rate or a label, not an amount: 每亩, 元/平方米, 按亩, 以万元计, 单位：万元.
_RATE_BEFORE = set("每/／按以")
_LABEL_BEFORE = lazy_compile(r"(?:单位|计量单位|金额单位)\s*(?:[:：]|为|是)?\s*$")
_SPACES = set(NUMBER_SPACES)
_NUMERALS = set(CN_NUMERALS)
_INNER_QUOTES = str.maketrans("“”", "‘’")  # quotes inside the message's own quotes: `“‘吹哨’次”`
_CONTEXT = 64  # characters on each side of a unit that are looked at


def _is_number_end(before: str, unit: str) -> bool:
    """Whether `before` (the text in front of the unit, spaces removed) ends in a number or stands for one."""
    last = before[-1]
    if is_digit(last) or last in _NUMERALS or last in _PLACEHOLDER_CHARS:
        return True
    previous = before[-2] if len(before) > 1 else ""
    if last in "多余来" and previous and (is_digit(previous) or previous in _NUMERALS):
        return True  # 10多万元, 100余万元, 10来万元
    if last in "多半" and unit.startswith("个"):
        return True  # 多个百分点, 半个百分点
    if last == "个" and previous and (is_digit(previous) or previous in _NUMERALS):
        return True  # 4.9个亿, 三个亿: the spoken form of 4.9亿
    if last in "几数" or before.endswith(("多少", "若干")):
        return True
    return last in _ROUGH and unit[0] in "万亿"


def _missing(line: str, start: int, end: int, kind: str) -> int | None:
    """Where the missing number's gap starts (before a dash used as a blank), or None when nothing is missing."""
    unit = line[start:end]
    cut = start
    while cut > 0 and line[cut - 1] in _SPACES:
        cut -= 1
    # Only the words next to the unit decide; a bounded window keeps a huge line linear, not quadratic.
    gap, before = _blank_before(line[max(0, cut - _CONTEXT) : cut], cut, start, unit)
    after = line[end : end + _CONTEXT]
    if before and _figure_there(before, after, unit):
        return None
    if (kind == "money" and _MONEY_WORDS.match(after)) or (kind == "unit" and _UNIT_WORDS.match(after)):
        return None
    clause_end = after == "" or after[0] in _CLAUSE_END
    if kind == "bare":
        return gap if clause_end and before and is_han(before[-1]) else None
    if kind == "word" and not (clause_end or (before and before[-1] == "、") or _lone_mu(unit, before, after)):
        return None
    return gap


def _blank_before(before: str, cut: int, start: int, unit: str) -> tuple[int, str]:
    """(where the gap starts, the words before it): a dash (`增幅-%`), an ellipsis (`整改率……%`) or a 多 with
    nothing in front of it (`约多平方米`) is the blank itself; `cut` is where the spaces before the unit begin."""
    gap = start
    if before and before[-1] in _DASHES and not (len(before) > 1 and is_digit(before[-2])):
        gap = cut - 1  # `增幅-%`: the dash is the blank
        before = before[:-1]
    elif before and before[-1] in _ELLIPSIS:
        blank = len(before) - len(before.rstrip(_ELLIPSIS))
        gap = cut - blank  # `整改率……%`: the ellipsis is the blank, as in a template's sample phrasing
        before = before[:-blank]
    if before and before[-1] in "多余" and not _is_number_end(before, unit):
        gap = cut - 1  # `约多平方米`: 多 with nothing in front of it
        before = before[:-1]
    return gap, before


def _figure_there(before: str, after: str, unit: str) -> bool:
    """Whether the words before the unit hold its number or make it no amount: a number, a rate (每亩), Latin, a
    label in brackets (`增长率（%）`), a bracket after the number (`5.2（初步统计）%`), `单位：万元`."""
    last = before[-1]
    if _is_number_end(before, unit) or last in _RATE_BEFORE or is_latin(last):
        return True
    if last in "（(" and after[:1] in ("）", ")"):
        return True  # a label: 增长率（%）, 金额（万元）
    if last in ")）":
        return True  # 5.2（初步统计）% and the like: the number is there, just not next to the unit
    return _LABEL_BEFORE.search(before) is not None


def _lone_mu(unit: str, before: str, after: str) -> bool:
    """`流转亩土地`: a lone 亩 between two words that do not make a word with it."""
    return (
        unit == "亩"
        and before != ""
        and is_han(before[-1])
        and before[-1] not in _MU_BEFORE_WORDS
        and after != ""
        and is_han(after[0])
        and after[0] not in _MU_AFTER_WORDS
    )


def _snippet(line: str, gap: int, end: int) -> str:
    """A few words before the gap, for the message: `同比增长%`."""
    start = gap
    while start > 0 and gap - start < 4 and (is_han(line[start - 1]) or is_digit(line[start - 1])):
        start -= 1
    return line[start:end]


def _before_figure(item: Field, ctx: Context, index: int) -> bool:
    """Whether a break after line `index` leads to a count opening the next line (`Break.before_figure`)."""
    return any(b.before_figure for b in breaks_at(item, ctx).get(index, ()))


class MissingFigure(Rule):
    name = "missing-figure"
    title = "缺少数字"
    severity = ERROR
    family = "completeness"
    description = "单位或比率前缺少数字，如“同比增长%”“完成投资万元”。"
    marks_gap = True  # the number goes in front of the unit: the editor puts the cursor there, selecting nothing

    def check_field(self, item: Field, ctx: Context) -> Iterable[Finding]:
        for index, line in enumerate(item.lines):
            for match in _UNIT.finditer(line):
                start = match.start()
                if start > 0 and (is_digit(line[start - 1]) or line[start - 1] in _NUMERALS):
                    continue  # the common case, decided without looking further: `12亿元`, `三万亩`
                if index > 0 and not line[:start].strip() and NUMBER_AT_END.search(item.lines[index - 1]):
                    continue  # `3860` / `万元，…`, `12.23 万` / `平方米`: an amount broken across lines (broken-line)
                gap = _missing(line, start, match.end(), _UNITS[match.group()])
                if gap is None or item.is_protected(index, gap, match.end()):
                    continue
                snippet = _snippet(line, gap, match.end())
                yield self.finding(item, index + 1, gap + 1, match.end() + 1, f"“{snippet}”中缺少具体数字。")
            reported = set()
            for match in _COUNTED.finditer(line):
                gap = match.end() - 1
                reported.add(gap)
                snippet = _snippet(line, gap, match.end())
                yield self.finding(item, index + 1, gap + 1, match.end() + 1, f"“{snippet}”中缺少具体数字。")
            for gap, start, end in gaps(line):
                if gap in reported or item.is_protected(index, start, end):
                    continue
                if gap == len(line.rstrip()) and _before_figure(item, ctx, index):
                    continue  # `完成率达到` / `100%以上。`: a sentence broken before its figure (broken-line)
                reported.add(gap)
                # The finding starts at the gap (the editor puts the cursor there): `合格率达，` covers the mark after
                # the gap; at the end of the line, where nothing follows, the word before it.
                if gap < end:
                    column, end_column = gap, end
                else:
                    column, end_column = (gap, gap + 1) if gap < len(line) else (gap - 1, gap)
                yield self.finding(
                    item,
                    index + 1,
                    column + 1,
                    end_column + 1,
                    f"“{line[start:end].translate(_INNER_QUOTES)}”中缺少具体数字。",
                )
