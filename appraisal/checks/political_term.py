"""`political-term`: congresses, plenums, five-year plans, anniversaries and the names of Party rules and laws
checked against the year the report is about (`political_facts`, data with a source for every fact):

- a meeting that had not been held yet (`二十届四中全会` in a 2024 report), or never was (`十九届八中全会`);
- the guiding list of a congress and its plenums (`党的二十大和二十届二中、三中全会精神`) that leaves out the latest
  plenum held before the year began, or names a Central Committee whose term has ended (also one plenum alone:
  `学习贯彻党的十九届六中全会精神` in a 2026 report);
- a stage of a five-year plan put in the wrong year (`“十四五”规划开局之年` in a 2026 report, `十二五开端` in 2021),
  and the first year of carrying out a congress's spirit (`全面贯彻党的二十大精神的开局之年` is 2023);
- a session of the 全国人大 or 全国政协 not yet held in the year meant (`十四届全国人大四次会议` in a 2025 report), or
  one whose spirit is studied two or more years after it;
- an anniversary counted wrong for its year (`今年是建党104周年` in 2026);
- a rule or law in 《》 under a wrong name (`《中国共产党纪律处份条例》`, `《中国纪律处分条例》`), replaced by
  another (`《信访条例》` after 2022) or not yet issued.

The year a mention is about is the year its own sentence names before it (`2021年是“十四五”开局之年`), or 今年 /
去年 / 明年 counted from the report's year, else the report's year. Silent where history is told (`党的十九大以来`,
`迎接党的二十一大召开`, `在庆祝中国共产党成立100周年大会上的讲话`) or the report's year is unknown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from appraisal.checks.base import WARNING, Context, Field, Finding, Rule
from appraisal.checks.political_facts import Document, Facts, Meeting, chinese_number, facts, ordinal
from appraisal.text.lazy_regex import lazy_compile
from appraisal.text.patterns import YEAR_NIAN

_TERM = r"十[五六七八九]|二十一?"
_CONGRESS = lazy_compile(
    rf"(?:党的)?(?P<term>{_TERM})大(?=精神|以来|召开|报告|胜利|代表|和|、|及|的|期间|上|提出|作出|确定)"
)
_PLENUMS = lazy_compile(
    rf"(?:(?:党的)?(?P<congress>{_TERM})大(?:和|、|及|以及)?)?(?P<term>{_TERM})届"
    r"(?P<list>(?:[一二三四五六七八九]中[、，,和及与]*)+)全会"
)
# A plenum named without its Central Committee: `党的四中全会` (but `十九届四中全会`, `省委九届九次全会`).
_NO_TERM = lazy_compile(r"(?<![届次])(?<=党的)[一二三四五六七八九]中全会")
_PLENUM_NUMBER = lazy_compile(r"([一二三四五六七八九])中")
# A plan's first and last years (the longer word first: the engine takes the first alternative that matches).
_START_STAGES = ("开局之年", "开局年", "开端之年", "开端", "起步之年", "第一年", "首年")
_END_STAGES = ("收官之年", "收官年", "最后一年")
_PLAN = lazy_compile(
    r"[“\"〝]?十(?P<n>[一二三四五])五[”\"〞]?(?:规划|时期)?的?"
    rf"(?P<stage>{'|'.join(_START_STAGES + _END_STAGES)})"
)
# The first year of carrying out a congress's spirit: `全面贯彻党的二十大精神的开局之年` is 2023, the year after it.
_CONGRESS_FIRST_YEAR = lazy_compile(
    rf"贯彻(?:落实)?党的(?P<term>{_TERM})大精神的?(?:开局之年|开局年|开局起步之年|第一年|首年)"
)
# A year of a plan called one of its working years: `“十四五”规划的关键之年`, `实施“十四五”规划的攻坚之年`.
_PLAN_YEAR = lazy_compile(
    r"[“\"〝]?十(?P<n>[一二三四五])五[”\"〞]?(?:规划)?[^，。；、]{0,10}?"
    r"(?:关键|攻坚|冲刺|决胜|重要|承上启下|全面实施|深入实施)[^，。；、]{0,4}?(?:之年|一年)"
)
# A plan named as still being carried out or still to be finished: `深入实施“十四五”规划`, `确保“十四五”圆满收官`
# (in 2026 the 14th plan has ended); history (`“十四五”期间`, `“十四五”以来`) is left to the caller.
_PLAN_AS_CURRENT = lazy_compile(
    r"(?:确保|力争|奋力|全力|深入实施|全面实施|扎实推进|深入推进|全面落实|贯彻落实|抓好落实)[^，。；、]{0,4}?"
    r"[“\"〝]?十(?P<n>[一二三四五])五(?![”\"〞]?(?:以来|期间|时期|末|初))[”\"〞]?"
)
# A session of the 全国人大 or the 全国政协: `十四届全国人大三次会议`, `全国政协十四届三次会议`.
_NPC_TERM = r"十[一二三四五六七八九]|二十"
_SESSION = lazy_compile(
    rf"(?P<t1>{_NPC_TERM})届全国(?:人大|人民代表大会)第?(?P<n1>[一二三四五六七八九])次(?:全体)?会议"
    rf"|全国政协(?P<t2>{_NPC_TERM})届(?P<n2>[一二三四五六七八九])次会议"
    rf"|(?P<t3>{_NPC_TERM})届全国政协第?(?P<n3>[一二三四五六七八九])次会议"
)
_SESSIONS_PER_TERM = 5
_TITLE = lazy_compile(r"《(?P<title>[^《》\n]{2,60})》")
_YEAR = YEAR_NIAN
_RELATIVE = {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "明年": 1}
_FUTURE = lazy_compile(r"迎接|喜迎|即将|筹备|前夕|将于|将要|预计|准备|迎来|召开前|召开之前")
_HISTORY_AFTER = lazy_compile(r"以来|期间|时期|之后|以后|当时|时")
_OLD_BEFORE = set("原曾旧")
_SPEECH_AFTER = lazy_compile(r"(?:庆祝)?(?:大会|纪念大会|座谈会|活动)?上的(?:重要)?讲话|大会上|讲话")
_CELEBRATING = lazy_compile(r"之际|庆祝|纪念|喜迎|迎来|适逢|正值|恰逢|今年是|今年恰逢|本年是")
_SENTENCE_ENDS = "。！？；!?;"


@dataclass(frozen=True)
class _Said:
    start: int
    end: int
    message: str
    fix: str | None = None


def _sentence_start(line: str, position: int) -> int:
    return max(line.rfind(ch, 0, position) for ch in _SENTENCE_ENDS) + 1


def _year_meant(line: str, position: int, report_year: int | None) -> tuple[int | None, bool]:
    """The year the words at `position` are about and whether the sentence named it (a year, 今年, 去年…)."""
    start = _sentence_start(line, position)
    years = [int(m.group(1)) for m in _YEAR.finditer(line, start, position)]
    if years:
        return years[-1], True
    before = line[start:position]
    for word, offset in _RELATIVE.items():
        if word in before and report_year is not None:
            return report_year + offset, True
    return report_year, False


def _anniversary_pattern(names: Iterable[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    return lazy_compile(rf"(?P<name>{alternatives})的?(?P<n>[0-9]{{1,3}}|[一二三四五六七八九十百零〇两]{{1,6}})周年")


class PoliticalTerm(Rule):
    name = "political-term"
    title = "政治术语"
    severity = WARNING
    family = "facts"
    fixable = True
    fixes_titles = True  # `《中国纪律处分条例》` → its issued name, from `political_facts`
    description = "党的会议、五年规划、纪念日和党内法规名称与报告年度不符或写错，如2026年度报告中的“十四五”开局之年。"
    fields = frozenset({"section", "unmatched", "title"})

    def __init__(self) -> None:
        self._anniversary: re.Pattern[str] | None = None

    def check_field(self, item: Field, ctx: Context) -> Iterable[Finding]:
        known = facts()
        if self._anniversary is None:
            self._anniversary = _anniversary_pattern(known.anniversaries)
        year = ctx.year
        for index, line in enumerate(item.lines):
            # Each kind is looked for only on a line holding its words (most lines hold none of them).
            said: list[_Said] = []
            if "大" in line or "全会" in line:
                said.extend(self._meetings(line, year, known))
            if "五" in line:
                said.extend(self._plans(line, year, known))
            if "精神的" in line or "精神开局" in line:
                said.extend(self._congress_first_years(line, year, known))
            if "全国" in line and "次" in line:
                said.extend(_sessions(line, year, known))
            if "周年" in line:
                said.extend(self._anniversaries(line, year, known, self._anniversary))
            if "《" in line:
                said.extend(self._documents(line, year, known))
            for s in sorted(said, key=lambda s: s.start):
                yield self.finding(item, index + 1, s.start + 1, s.end + 1, s.message, s.fix)

    @staticmethod
    def _meetings(line: str, report_year: int | None, known: Facts) -> Iterator[_Said]:
        covered: list[tuple[int, int]] = []
        for match in _PLENUMS.finditer(line):
            covered.append(match.span())
            term = chinese_number(match.group("term")) or 0
            numbers = [chinese_number(n) or 0 for n in _PLENUM_NUMBER.findall(match.group("list"))]
            not_held = list(_not_held(line, match, [(term, n) for n in numbers], report_year, known))
            yield from not_held
            listed = bool(match.group("congress")) or len(numbers) > 1
            stale = _stale_list(line, match, term, max(numbers), report_year, known, listed=listed)
            if stale is not None and (listed or not not_held):
                yield stale
        for match in _NO_TERM.finditer(line):
            yield _Said(match.start(), match.end(), f"“{match.group()}”前应写明届次，如“党的二十届{match.group()}”。")
        for match in _CONGRESS.finditer(line):
            if any(s <= match.start() < e for s, e in covered):
                continue
            term = chinese_number(match.group("term")) or 0
            yield from _not_held(line, match, [(term, 0)], report_year, known)

    @staticmethod
    def _plans(line: str, report_year: int | None, known: Facts) -> Iterator[_Said]:
        taken: set[int] = set()  # where the plans reported by stage or by working year are named
        for match in _PLAN.finditer(line):
            taken.add(match.start("n"))
            plan = known.plans.get(10 + (chinese_number(match.group("n")) or 0))
            if plan is None:
                continue
            year, _named = _year_meant(line, match.start(), report_year)
            if year is None:
                continue
            stage = match.group("stage")
            right = plan[0] if stage in _START_STAGES else plan[1]
            if year != right:
                yield _Said(match.start(), match.end(), f"{match.group()}是{right}年，不是{year}年。")
        for match in _PLAN_YEAR.finditer(line):
            taken.add(match.start("n"))
            plan = known.plans.get(10 + (chinese_number(match.group("n")) or 0))
            year, _named = _year_meant(line, match.start(), report_year)
            if plan is not None and year is not None and year > plan[1]:
                message = f"“十{match.group('n')}五”规划期为{plan[0]}—{plan[1]}年，{year}年已不在其中。"
                yield _Said(match.start(), match.end(), message)
        yield from _plan_as_current(line, report_year, known, taken)

    @staticmethod
    def _congress_first_years(line: str, report_year: int | None, known: Facts) -> Iterator[_Said]:
        """`2026年是全面贯彻党的二十大精神的开局之年`: that first year is the one after the congress (2023)."""
        for match in _CONGRESS_FIRST_YEAR.finditer(line):
            congress = known.meetings.get((chinese_number(match.group("term")) or 0, 0))
            year, _named = _year_meant(line, match.start(), report_year)
            if congress is None or year is None or year == congress.year + 1:
                continue
            first = congress.year + 1
            message = f"{match.group()}是{first}年（{congress.name}于{congress.year}年召开），不是{year}年。"
            yield _Said(match.start(), match.end(), message)

    @staticmethod
    def _anniversaries(line: str, report_year: int | None, known: Facts, pattern: re.Pattern[str]) -> Iterator[_Said]:
        for match in pattern.finditer(line):
            count = chinese_number(match.group("n"))
            if not count:
                continue
            year, named = _year_meant(line, match.start(), report_year)
            sentence = line[_sentence_start(line, match.start()) : match.start()]
            if year is None or not (named or _CELEBRATING.search(sentence)):
                continue
            if not named and _SPEECH_AFTER.match(line, match.end()):
                continue  # `在庆祝中国共产党成立100周年大会上的讲话`: a speech of that year, cited
            right = year - known.anniversaries[match.group("name")]
            if right != count and right > 0:
                yield _Said(
                    match.start(), match.end(), f"{year}年是{match.group('name')}{right}周年，不是{count}周年。"
                )

    @staticmethod
    def _documents(line: str, report_year: int | None, known: Facts) -> Iterator[_Said]:
        for match in _TITLE.finditer(line):
            title = match.group("title").replace("(", "（").replace(")", "）").replace(" ", "")
            start, end = match.start("title"), match.end("title")
            document = known.documents.get(title)
            if document is not None:
                said = _document_in_time(line, match, document, report_year)
                if said is not None:
                    yield said
                continue
            meant = known.wrong_titles.get(title) or _by_core(title, known)
            if meant is not None:
                yield _Said(start, end, f"名称应为《{meant.title}》。", meant.title)


def _sessions(line: str, report_year: int | None, known: Facts) -> Iterator[_Said]:
    """A session of the 全国人大 or 全国政协 that a term never had (a sixth), that had not been held in the year
    meant, or whose spirit is studied two years after it (a session is held every March)."""
    for match in _SESSION.finditer(line):
        term_words = match.group("t1") or match.group("t2") or match.group("t3")
        number = chinese_number(match.group("n1") or match.group("n2") or match.group("n3")) or 0
        first = known.sessions.get(chinese_number(term_words) or 0)
        year, _named = _year_meant(line, match.start(), report_year)
        if first is None or year is None:
            continue
        held = first + number - 1
        sentence = line[_sentence_start(line, match.start()) : match.start()]
        if number > _SESSIONS_PER_TERM:
            yield _Said(match.start(), match.end(), f"每届全国人大、全国政协共举行五次会议，没有“{match.group()}”。")
        elif year < held and not (_FUTURE.search(sentence) or _FUTURE.match(line, match.end())):
            yield _Said(match.start(), match.end(), f"{match.group()}于{held}年召开，{year}年时尚未召开。")
        elif (
            year >= held + 2
            and line.startswith("精神", match.end())
            and not _HISTORY_AFTER.match(line, match.end() + 2)
        ):
            message = f"{match.group()}于{held}年召开，{year}年度应学习贯彻当年的全国两会精神。"
            yield _Said(match.start(), match.end(), message)


def _plan_as_current(line: str, report_year: int | None, known: Facts, taken: set[int]) -> Iterator[_Said]:
    """A plan whose period has ended named as still being carried out (`深入实施“十四五”规划` in 2026)."""
    for match in _PLAN_AS_CURRENT.finditer(line):
        plan = known.plans.get(10 + (chinese_number(match.group("n")) or 0))
        year, _named = _year_meant(line, match.start(), report_year)
        if plan is None or year is None or year <= plan[1] or match.start("n") in taken:
            continue
        message = f"“十{match.group('n')}五”规划期为{plan[0]}—{plan[1]}年，{year}年已不在其中，不宜再写作当年的任务。"
        yield _Said(match.start(), match.end(), message)


def _not_held(
    line: str, match: re.Match[str], meetings: list[tuple[int, int]], report_year: int | None, known: Facts
) -> Iterator[_Said]:
    """Meetings named as held that had not been held in the year meant, or never were."""
    sentence = line[_sentence_start(line, match.start()) : match.start()]
    future = _FUTURE.search(sentence) or _FUTURE.match(line, match.end())
    year, _named = _year_meant(line, match.start(), report_year)
    for term, plenum in meetings:
        name = Meeting(term, plenum, 0, 0).name
        held = known.plenums_per_term.get(term)
        if plenum and held is not None and plenum > held:
            message = f"{ordinal(term)}届中央委员会共召开{ordinal(held)}次全会，没有“{name}”。"
            yield _Said(match.start(), match.end(), message)
            continue
        if future or year is None:
            continue
        meeting = known.meetings.get((term, plenum))
        if meeting is not None:
            if year < meeting.year:
                message = f"{name}于{meeting.year}年{meeting.month}月召开，{year}年时尚未召开。"
                yield _Said(match.start(), match.end(), message)
        elif plenum == 0 and year < known.congress_not_before.get(term, 0):
            message = f"{name}最早于{known.congress_not_before[term]}年召开，{year}年时尚未召开。"
            yield _Said(match.start(), match.end(), message)
        elif plenum and term >= known.first_term and year <= known.known_until:
            yield _Said(match.start(), match.end(), f"{name}在{year}年时尚未召开。")


def _stale_list(
    line: str, match: re.Match[str], term: int, highest: int, report_year: int | None, known: Facts, *, listed: bool
) -> _Said | None:
    """A congress-and-plenums list given as this year's guide that stops short of the latest plenum; one plenum
    alone (`listed` False: `学习贯彻党的十九届六中全会精神`) only when its Central Committee's term has ended (a
    plenum of the current term is still studied on its own: `二十届三中全会精神` in 2026)."""
    if not line.startswith("精神", match.end()) or _HISTORY_AFTER.match(line, match.end() + 2):
        return None
    year, _named = _year_meant(line, match.start(), report_year)
    latest = known.latest_before(year) if year is not None else None
    if latest is None or (term, highest) >= (latest.term, latest.plenum):
        return None
    if term == latest.term:
        if not listed:
            return None
        return _Said(
            match.start(),
            match.end(),
            f"{latest.name}已于{latest.year}年{latest.month}月召开，{year}年度应写到{latest.name}精神。",
        )
    message = f"{year}年时中央委员会已是{ordinal(latest.term)}届，最近召开的全会是{latest.name}。"
    return _Said(match.start(), match.end(), message)


def _document_in_time(line: str, match: re.Match[str], document: Document, report_year: int | None) -> _Said | None:
    """A right title cited in a year it did not yet, or no longer, exist under that name."""
    year, named = _year_meant(line, match.start(), report_year)
    if year is None:
        return None
    title = f"《{document.title}》"
    if year < document.since:
        return _Said(match.start(), match.end(), f"{title}于{document.since}年才印发（施行），{year}年时尚无此名称。")
    if document.until is None or year <= document.until or named:
        return None
    start = match.start()
    if (start > 0 and line[start - 1] in _OLD_BEFORE) or _HISTORY_AFTER.match(line, match.end()):
        return None
    return _Said(
        match.start(), match.end(), f"{title}已于{document.until}年被《{document.replaced_by}》取代，请引用现行名称。"
    )


def _by_core(title: str, known: Facts) -> Document | None:
    """`中国纪律处分条例`, `党的纪律处分条例`: a known title with a wrong beginning (a bare abbreviation is fine)."""
    for wrong in ("中国", "党的", "共产党"):
        if title.startswith(wrong) and not title.startswith(("中国共产党", "中华人民共和国")):
            return known.cores.get(title[len(wrong) :])
    return None
