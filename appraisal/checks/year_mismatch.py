"""`year-mismatch`: a year that should be the 考核年度 but is not — most often last year's report reused.

Only years the context ties to the year under review are checked; history (`2019年以来`, `2021年被评为…`,
`较2024年增长`, `2024年全年为…`), appraisals (`2022年度工作考核`) and plans are left alone:
- "this year" (must be the 考核年度): right after 今年 / 本年度 / 本年 (`今年（2025年）`), or opening the report
  (`2025年，在局党组的领导下…` at the start of the first paragraph — unless that sentence tells a history:
  `2021年，我调任…`, `2019年以来`);
- a report of the year (the 考核年度, the year before or the year after): `2025年度工作总结`, `2024年度述职报告`;
- the title (the 考核年度, or the year after, as in `2026年工作总结和2027年工作计划`);
- the year named right after 去年 / 明年 (`明年（2026年）` in a 2026 report is wrong);
- a sentence of what the writer will do that opens with the year under review or one before it (`2025年，我将…` in a
  2025 report: the plans are for 2026), unless the report is a half-year one;
- a sentence or paragraph of the body that opens with a date (`2025年12月，完成…`, `2025年度，本人分管的…`): it
  one or two years before the 考核年度 is last year's text left in, unless the sentence tells a history
  (`2024年，我调任…`, `2024年3月，组织安排我到…工作`); older years are history and later ones plans. A document
  checked on its own that says it reviews the year before (`一、2025年工作回顾` under a title of 2026, a speech
  that is `总结2025年政府工作`) is not reported for sentences opening with that year.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from appraisal.checks.base import WARNING, Context, Field, Finding, Rule
from appraisal.text.lazy_regex import lazy_compile

# The year's first digit comes first (the lookbehind after it), so the engine skips to the 1s and 2s.
_YEAR = lazy_compile(r"(?P<year>[12１２](?<![0-9０-９].)[0-9０-９]{3})(?![0-9０-９])\s*(?P<suffix>年度|年)")
_THIS_YEAR_BEFORE = lazy_compile(r"(?:今年|本年度|本年)(?:是|为|即)?\s*[（(]?\s*$")
# Last or next year named with its number: `去年（2025年）`, `明年即2026年` in a 2026 report.
_OTHER_YEAR_BEFORE = lazy_compile(r"(?P<word>去年|上年度|上一年|明年|下一年|来年)(?:是|为|即)?\s*[（(]?\s*$")
# What the writer will do, right after a year opening a sentence: `2025年，我将…`, `2025年，我们要…`.
_PLAN_AFTER = lazy_compile(
    r"\s*[，,]?\s*(?:我|本人|我们|我局|我委|我办|我单位|我镇|我乡|我街道|全局|全镇|全乡|全县|全区|全市|全院|全校)?"
    r"\s*(?:将|要|计划|力争|拟|准备|打算)(?!来|领|军|帅|士)"
)
_OFFSETS = {"去年": -1, "上年度": -1, "上一年": -1, "明年": 1, "下一年": 1, "来年": 1}
# A document given early in a year that says it reviews the year before: `一、2025年工作回顾`, `总结2025年政府工作`,
# `“十四五”时期及2025年工作回顾`, `2025年及“十四五”工作回顾` (a 2026 government report, a speech at a 2026 meeting).
_REVIEWED = lazy_compile(
    r"(?P<year>(?:19|20)[0-9]{2})\s*年度?(?:及[^，。；\n]{1,12}?)?(?:主要|重点)?工作(?:回顾|总结|情况|完成情况|推进情况)"
    r"|(?:总结|回顾)(?P<named>(?:19|20)[0-9]{2})\s*年"
)
_REPORT_AFTER = lazy_compile(r"\s*(?:个人)?(?:工作)?(?:总结|述职|述廉)")
_OPENING_AFTER = lazy_compile(r"\s*(?:[，,]|是)")
_HISTORY = lazy_compile(r"以来|调任|任职|担任|到任|任命|来到|参加工作|入职|调入|调至|提拔")
# A date opening a sentence: `2025年12月，` `2025年度，` `2025年上半年，` (after the year and its 年).
_DATED_AFTER = lazy_compile(
    r"(?:[0-9０-９]{1,2}月(?:[0-9０-９]{1,2}日)?(?:初|中旬|上旬|下旬|底|末|份)?|[上下]半年|初|底|末)?\s*[，,]"
)
# What a dated sentence about the past says: it is history, not last year's text left in.
# A sentence opening with a year and going straight on to what was done, with no comma: `2025年共组织专家论证会21次`,
# `2025年全年完成…`, `2025年累计办理…` — a deed, not a figure given as the base of a comparison (`2024年全年外贸进出口
# 总额为80.1亿元，今年继续保持增长`: no verb of doing, and the sentence turns to 今年).
_DOING_AFTER = lazy_compile(
    r"(?:全年|年内)?(?:共|累计|先后|又|还|再|新)?"
    r"(?:组织|开展|完成|召开|举办|新增|新建|建成|实施|推进|争取|办理|办结|查处|受理|接待|走访|培训|发放|落实|牵头|带领|"
    r"参加|参与|指导|协调|推动|投入|拆除|整改|排查|化解|承办|主持|起草|撰写|制定|出台|审核|审查|检查|督办|调处|收集|"
    r"帮助|解决|引进|签约|培育|创建|打造|获得|荣获|举行|召集|部署|处理|走访|慰问|帮扶|救助|节约|收回|追缴)"
)
_THIS_YEAR_IN_SENTENCE = lazy_compile(r"今年|本年|同比|相比|较上年|较去年|比上年|比去年")
_PAST = lazy_compile(
    r"以来|调任|任职|担任|到任|任命|来到|参加工作|入职|调入|调至|提拔|被评为|荣获|获评|被授予|当选|开始|至今|曾"
    r"|安排我|安排本人|挂职|交流到|交流任职|转岗|到[^，。；]{0,12}工作"
)
_SENTENCE_ENDS = "。！？；!?;"
_LEADING_SPACE = lazy_compile(r"\s*")
_CONTEXT = 32  # characters before a year in which 今年 / 本年度 is looked for


def _sentence_end(line: str, start: int) -> int:
    """Where the sentence running from `start` ends (its 。), or the end of the line."""
    end = line.find("。", start)
    return len(line) if end < 0 else end


def _reviews_last_year(ctx: Context) -> bool:
    """Whether a checked document says it reviews the year before the one it was found to be about: a report or
    speech given in January does (only for documents; a draft's 考核年度 is what it reviews)."""
    if not ctx.document or ctx.year is None:
        return False
    last = ctx.year - 1
    return ctx.shared("reviews-last-year", lambda: _says_it_reviews(ctx, last))


def _says_it_reviews(ctx: Context, year: int) -> bool:
    for text in (*(item.text for item in ctx.fields), *ctx.headings):
        if "年" in text:
            for match in _REVIEWED.finditer(text):
                if int(match.group("year") or match.group("named")) == year:
                    return True
    return False


def _opens_sentence(line: str, start: int) -> bool:
    """Whether `start` opens a paragraph or a sentence (spaces before it aside)."""
    while start > 0 and line[start - 1].isspace():
        start -= 1
    return start == 0 or line[start - 1] in _SENTENCE_ENDS


def _half_year(ctx: Context) -> bool:
    """A half-year summary plans the rest of the same year (`下半年工作打算`): its plans are not next year's."""
    return ctx.shared(
        "half-year",
        lambda: (
            any("半年" in text for text in (ctx.draft.title or "", *ctx.headings))
            or any("上半年工作" in f.text or "下半年工作" in f.text for f in ctx.fields)
        ),
    )


def _opening(ctx: Context) -> tuple[str, int] | None:
    """The field key and line index of the report's first paragraph (the first non-blank line of the sections)."""
    for item in ctx.fields:
        if item.section is None:
            continue
        for index, line in enumerate(item.lines):
            if line.strip():
                return item.key, index
    return None


class YearMismatch(Rule):
    name = "year-mismatch"
    title = "年份"
    severity = WARNING
    family = "facts"
    description = "本应是考核年度的年份写成了别的年份，常见于沿用往年的总结。"
    fields = frozenset({"section", "unmatched", "title"})

    def check_field(self, item: Field, ctx: Context) -> Iterable[Finding]:
        year = ctx.year
        if year is None or "年" not in item.text:
            return
        opening = _opening(ctx) if item.section is not None else None
        for index, line in enumerate(item.lines):
            for match in _YEAR.finditer(line):
                found = int(match.group("year"))
                if not 1900 <= found <= 2100:
                    continue
                message = self._judge(item, ctx, line, match, found, year, opening == (item.key, index))
                if message is not None:
                    yield self.finding(item, index + 1, match.start() + 1, match.end() + 1, message)

    @staticmethod
    def _opens_dated_sentence(line: str, match: re.Match[str]) -> bool:
        """`2025年12月，完成…` at the start of a paragraph or a sentence, telling no history."""
        if not _opens_sentence(line, match.start()):
            return False
        end = match.end()
        if match.group("suffix") == "年":
            dated = _DATED_AFTER.match(line, end)
            if dated is None:
                dated = _DOING_AFTER.match(line, end)
                if dated is not None and _THIS_YEAR_IN_SENTENCE.search(line, end, _sentence_end(line, end)):
                    return False
        else:
            dated = _OPENING_AFTER.match(line, end)
            dated = dated if dated is not None and dated.group().strip() in "，," else None
        return dated is not None and not _PAST.search(line, dated.end(), _sentence_end(line, dated.end()))

    @staticmethod
    def _opens_plan(line: str, match: re.Match[str]) -> bool:
        """`2025年，我将继续…` at the start of a sentence: what the writer means to do that year."""
        return (
            _opens_sentence(line, match.start())
            and match.group("suffix") == "年"
            and _PLAN_AFTER.match(line, match.end()) is not None
        )

    def _judge(
        self, item: Field, ctx: Context, line: str, match: re.Match[str], found: int, year: int, first_line: bool
    ) -> str | None:
        """The message for a year out of place, or None when it is fine or not about the year under review."""
        token = match.group()
        if item.key == "title":
            return None if found in (year, year + 1) else f"标题中的“{token}”与考核年度 {year} 年不符。"
        # Positions, not slices of the rest of the line: a huge line with many years stays linear.
        end = match.end()
        this_year = _THIS_YEAR_BEFORE.search(line, max(0, match.start() - _CONTEXT), match.start()) is not None or (
            first_line
            and _LEADING_SPACE.fullmatch(line, 0, match.start()) is not None
            and _OPENING_AFTER.match(line, end) is not None
            and not _HISTORY.search(line, end, _sentence_end(line, end))
        )
        if this_year:
            return None if found == year else f"这里指的是本年度，但写的是“{token}”，与考核年度 {year} 年不符。"
        other = _OTHER_YEAR_BEFORE.search(line, max(0, match.start() - _CONTEXT), match.start())
        if other is not None and found != year + _OFFSETS[other.group("word")]:
            meant = year + _OFFSETS[other.group("word")]
            return f"“{other.group('word')}”应是{meant}年，这里写的是“{token}”（考核年度为 {year} 年）。"
        if found == year - 1 and _reviews_last_year(ctx):
            return None
        if year - 2 <= found < year and self._opens_dated_sentence(line, match):
            return f"这句以“{token}”开头，与考核年度 {year} 年不符，可能是往年的内容没有改。"
        planned = year if _reviews_last_year(ctx) else year + 1  # a January report's plans are for its own year
        if planned - 2 <= found < planned and self._opens_plan(line, match) and not _half_year(ctx):
            return f"这句讲下一步的打算，写的却是“{token}”；考核年度为 {year} 年，打算应是 {planned} 年的。"
        work = _REPORT_AFTER.match(line, end) if match.group("suffix") == "年度" else None
        if work is None or found in (year - 1, year, year + 1):
            return None
        return f"“{token}{work.group().strip()}”与考核年度 {year} 年不符。"
