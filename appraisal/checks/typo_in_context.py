"""`typo-in-context`: a misspelling no list holds — a character that leaves a non-word where a character of the same
or a similar sound or shape makes a common word or 成语 (`章显` for `彰显`, `蹉商` for `磋商`, `惯彻` for `贯彻`).

The model (`appraisal.checks.language`): the sentence is split into dictionary words; a character left on its own is
a suspect; each character like it (`Language.similar`) that forms a common word with its neighbours is a candidate,
scored by how much more probable the split becomes (jieba's unigram model) and by how alike the two characters are.
A rare proper noun stays silent because the gain it would need is large: only a candidate that makes the sentence
far more probable is reported. A fix is offered only when one candidate clearly wins; when two are close, the
finding names both and fixes nothing.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from appraisal.checks.base import IDLE, WARNING, Context, Field, Finding, Rule
from appraisal.checks.language import Language, Token, han_runs, language

MIN_GAIN = 5.0  # natural-log units: the corrected sentence must be this much more probable (e^5 ≈ 150 times)
SURE = 8.0  # a correction this strong is offered even for a non-word the writer wrote more than once (公作 for 工作)
CLEAR_WIN = 3.0  # the best candidate must beat the next by this much for its fix to be offered
SIMILARITY_WEIGHT = 3.0  # how much a near sound or a similar shape costs against the same sound
# Names the dictionary cannot know: a common surname next to a title, a place word closing a name.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔"
    "钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊"
    "葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉"
    "骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏"
    "宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝傅赖洪阎凤"
)
_TITLES = (
    "书记 局长 镇长 乡长 县长 区长 市长 省长 主任 部长 厅长 处长 科长 所长 院长 校长 主席 委员 代表 同志 记者 "
    "组长 经理 董事长 老师 教授 主持 说 表示 指出 强调 介绍 认为 讲话 批示"
)
TITLES = tuple(_TITLES.split())  # and the verbs of saying that follow a name: 王晓萍说
NUMERALS = frozenset("一二三四五六七八九十百千万两双")
PLACE_ENDS = frozenset("村镇乡县区市省州城寺庙岭山峰河江湖溪桥路街巷港湾岛庄屯寨坡沟峪园场坝塘洲")
QUOTES = re.compile(r"[“\"‘「《]([^”\"’」》]{1,8})[”\"’」》]")  # a short quoted phrase: a slogan or a name
WINDOW = 4  # characters either side of a suspect that the local split looks at


@dataclass(frozen=True)
class Suspect:
    start: int  # offset of the character in the line
    wrong: str
    candidates: tuple[tuple[str, str, str, float], ...]  # (right character, the word it makes, the non-word, gain)

    @property
    def gain(self) -> float:
        return self.candidates[0][3]

    @property
    def clear(self) -> bool:
        gains = [gain for _ch, _word, _wrong, gain in self.candidates]
        return len(gains) == 1 or gains[0] - gains[1] >= CLEAR_WIN


def suspects(line: str, model: Language | None = None, document: str = "") -> Iterator[Suspect]:
    """The characters of `line` that are likely misspelt, left to right. `document`: the whole text the line is
    part of. What looks like a name or a coinage — a short run between punctuation, an item of a list, a place
    word, a non-word written twice in the document — is taken as meant unless a common word explains it beyond
    doubt (gain ≥ SURE); a surname next to a title always is."""
    model = model or language()
    for offset, run in han_runs(line):
        found = []
        tokens = model.segment(run)
        for token in tokens:
            if token.end - token.start != 1 or _parallel(run, token.start):
                continue
            candidates = _judge(model, run, token.start)
            if (
                candidates is None
                or _named(line, offset, run, candidates[0])
                or _after_a_place(tokens, run, candidates[0])
            ):
                continue
            if candidates[0][3] < SURE and (
                len(run) <= 3  # a name or a term standing alone between punctuation (`虎形、梓树`)
                or _looks_like_a_name(line, offset, run, candidates[0])
                or (document and document.count(candidates[0][2]) >= 2)
            ):
                continue
            found.append(Suspect(offset + token.start, run[token.start], candidates))
        # Two suspects side by side are most often one misspelt character and its innocent neighbour (`工司`: 工
        # for 公, not 司 for 事): the one whose correction makes the sentence more probable is kept.
        for suspect in found:
            if not any(0 < abs(other.start - suspect.start) <= 2 and other.gain > suspect.gain for other in found):
                yield suspect


def _parallel(run: str, at: int) -> bool:
    """Whether the character stands in a parallel four-character phrase, `一户一策`, `直评直议`, `通村通组`: its
    words are the writer's coinage, not slips."""
    return any(
        start >= 0 and start + 3 < len(run) and run[start] == run[start + 2] and run[start + 1] != run[start + 3]
        for start in range(at - 3, at + 1)
    )


def _after_a_place(tokens: list[Token], run: str, best: tuple[str, str, str, float]) -> bool:
    """A brand or a body's name right after a place name (`江苏凯迪亚新型材料`): the dictionary tags the place."""
    at = run.find(best[2])
    for _ in range(3):  # the place may be followed by one or two characters of the name (`江苏凯` 迪亚)
        before = next((t for t in tokens if t.end == at), None)
        if before is None:
            return False
        if len(before.text) >= 2:
            return before.pos in ("ns", "nt")
        at = before.start
    return False


def _span(line: str, offset: int, run: str, best: tuple[str, str, str, float]) -> tuple[int, int]:
    start = offset + run.find(best[2])
    return start, start + len(best[2])


def _named(line: str, offset: int, run: str, best: tuple[str, str, str, float]) -> bool:
    """What is certainly not a slip: a person's name the dictionary does not know, a surname after or before a
    title or a verb of saying (`局长王世龙`, `王晓萍说`); a numbered abbreviation (`五督八必`, `四搭举措`); a name
    closed by a place word (`乐诚寺`, `荻港`, `旌城`)."""
    start, end = _span(line, offset, run, best)
    non_word = best[2]
    if any(ch in NUMERALS for ch in non_word) or line[start - 1 : start] in NUMERALS:
        return True
    if non_word[-1] in PLACE_ENDS or line[end : end + 1] in PLACE_ENDS:
        return True
    if non_word[0] in SURNAMES and (line[:start].endswith(TITLES) or line[end:].startswith(TITLES)):
        return True
    # a given name: the characters after a surname that follows a title (`书记傅明先`) or comes before a verb of
    # saying (`王晓萍说`)
    for back in (1, 2):
        if line[start - back : start - back + 1] in SURNAMES and (
            line[: start - back].endswith(TITLES)
            or line[start + 1 :].startswith(TITLES)
            or line[end:].startswith(TITLES)
        ):
            return True
    # a coinage or a name in quotation marks: “智汇良策”, “晨读夜研”
    return any(m.start(1) <= start and end <= m.end(1) for m in QUOTES.finditer(line))


def _looks_like_a_name(line: str, offset: int, run: str, best: tuple[str, str, str, float]) -> bool:
    """A name the dictionary does not know: an item of a list (next to a 顿号: `虎形、梓树、东坡`)."""
    start, end = _span(line, offset, run, best)
    return line[start - 1 : start] == "、" or line[end : end + 1] == "、"


def _judge(model: Language, run: str, at: int) -> tuple[tuple[str, str, str, float], ...] | None:
    low, high = max(0, at - WINDOW), min(len(run), at + WINDOW + 1)
    key = (id(model), run[low:high], at - low)
    scored = _judged.get(key)
    if scored is None:
        if len(_judged) > 50_000:
            _judged.clear()
        scored = _judged[key] = _score(model, run[low:high], at - low)
    if not scored or scored[0][3] < MIN_GAIN:
        return None
    return tuple(c for c in scored if c[3] >= scored[0][3] - CLEAR_WIN)


# Reports repeat their phrases: the candidates of a character in a window of text are worked out once.
_judged: dict[tuple[int, str, int], list[tuple[str, str, str, float]]] = {}


def _score(model: Language, window: str, j: int) -> list[tuple[str, str, str, float]]:
    """The corrections of the character at `j` of `window`, best first, each with the gain it brings."""
    similar = model.similar(window[j])
    if not similar:
        return []
    spans = [
        (start, end)
        for start in range(max(0, j - 3), j + 1)
        for end in range(max(j + 1, start + 2), min(len(window), start + 4) + 1)
    ]
    if any(model.rare(window[start:end]) for start, end in spans):
        return []  # the character is part of a word the dictionary knows, if seldom (a name, a term)
    words: dict[str, tuple[str, str]] = {}
    for start, end in spans:
        if window[start:end] in model:
            continue
        left, right = window[start:j], window[j + 1 : end]
        for ch in model.common_among(left, similar, right):
            words.setdefault(ch, (left + ch + right, window[start:end]))
    before = model.segment_cost(window) if words else 0.0
    scored = []
    for ch, (word, non_word) in words.items():
        fixed = window[:j] + ch + window[j + 1 :]
        gain = before - model.segment_cost(fixed) + SIMILARITY_WEIGHT * math.log(similar[ch])
        scored.append((ch, word, non_word, gain))
    scored.sort(key=lambda c: -c[3])
    return scored


class TypoInContext(Rule):
    name = "typo-in-context"
    title = "疑似错别字"
    severity = WARNING
    family = "language"
    tier = IDLE
    description = "词典中没有的字组，换一个音近或形近的字即成常用词语，如“章显”（彰显）、“惯彻”（贯彻）。"
    fixable = True
    fix_all = False  # right most times, not always: the writer applies each fix on the review screen
    fields = frozenset({"section", "unmatched", "title"})

    def check_field(self, item: Field, ctx: Context) -> Iterable[Finding]:
        model = language()
        document = ctx.cache.get("typo-in-context.text")
        if not isinstance(document, str):
            document = ctx.cache["typo-in-context.text"] = "\n".join(f.text for f in ctx.fields)
        for index, line in enumerate(item.lines):
            for suspect in suspects(line, model, document):
                at = suspect.start
                if item.is_protected(index, at, at + 1):
                    continue
                right, word, wrong_word, _gain = suspect.candidates[0]
                if suspect.clear:
                    message = f"“{wrong_word}”疑为“{word}”之误，“{suspect.wrong}”应为“{right}”。"
                    yield self.finding(item, index + 1, at + 1, at + 2, message, right)
                else:
                    options = "”或“".join(w for _c, w, _n, _g in suspect.candidates[:3])
                    message = f"“{wrong_word}”疑有错字，可能是“{options}”，请核对。"
                    yield self.finding(item, index + 1, at + 1, at + 2, message)
