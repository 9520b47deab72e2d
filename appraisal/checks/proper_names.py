"""Where a non-word is a proper noun, not a slip: the positions a name takes in a report. The dictionary cannot know
the names of a writer's villages, companies and colleagues, and most are made of common characters (`丰云片区`,
`荣兴片区`, `隆西物业`, `局长姜川峰`), so a character of the same sound often turns them into a common word. What
tells a name is where it stands:

- before a place or organisation word (`片区`, `街道`, `村`, `公司`, `医院`, `合作社`…): a place or a body's name,
  up to three characters, or a firm's name before its trade (`锦花纺纱厂`);
- after a title or before one (`局长姜川峰`, `董时子镇长`, `魏经大一行`, `王晓萍说`): a person's name, a common surname
  and one or two characters;
- right after a place name the dictionary tags (`江苏凯迪亚新型材料`): a brand;
- a short item of a list whose other items are names closed by a place or trade word (`新亚酒店、嘉怡家纺`);
- between quotation marks (`“晨读夜研”`), in a numbered abbreviation (`五督八必`), in a series of coinages on one
  head (`述职、述廉、述学、述法`).

`typo-in-context` stays silent there whatever the gain (`name_position`, `after_a_place`): a slip right before a
place word (`参家镇党委`) is missed, the price of never calling a village a typo. `looks_like_a_name` gives the
weaker sign (an item of a list) that a correction beyond doubt overrides.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from appraisal.checks.chars import HAN_UNIFIED, is_han_unified
from appraisal.checks.language import Language, Token
from appraisal.text.lazy_regex import lazy_compile

SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔"
    "钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊"
    "葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉"
    "骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏"
    "宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝傅赖洪阎凤"
)
# Titles and posts before or after a name; the verbs of saying and the words of company that follow one.
_POSTS = (
    "书记 支书 局长 镇长 乡长 县长 区长 市长 省长 村长 主任 部长 厅长 处长 科长 股长 所长 站长 院长 校长 园长 行长 "
    "社长 馆长 队长 台长 主席 委员 代表 同志 记者 组长 经理 总经理 董事 董事长 总裁 总监 老师 教授 医生 护士长 "
    "主持 调研员 专员 干事 会计 师傅 先生 女士 副"
)
TITLES = tuple(_POSTS.split())
_SAYING = "说 表示 指出 强调 介绍 认为 讲话 批示 等人 等同志 一行 带队 主持 参加 出席 摄"  # 摄: a photo's credit
AFTER_A_NAME = TITLES + tuple(_SAYING.split())
NUMERALS = frozenset("一二三四五六七八九十百千万两双")
# Words that close the name of a place, a site or a body (longest first where one starts another).
_NAME_ENDS = (
    "片区 街道 社区 小区 园区 开发区 新区 景区 校区 厂区 矿区 林区 社区 居委会 村委会 管委会 组 大道 广场 花园 家园 "
    "公园 山庄 庄园 农庄 农场 林场 牧场 渔场 水库 大桥 大厦 商城 商场 超市 市场 酒店 宾馆 饭店 公寓 "
    "公司 集团 工厂 有限 股份 实业 置业 物业 物流 科技 银行 信用社 合作社 协会 商会 基地 "
    "医院 卫生院 卫生所 诊所 学校 学院 大学 中学 小学 幼儿园 书院 "
    "组团 码头 机场 车站 隧道 高速 工业园 产业园 新城 古镇 大街"
)
NAME_ENDS = tuple(sorted(set(_NAME_ENDS.split()), key=len, reverse=True))
# Single characters that close a name right after it (`乐诚寺`, `荻港`, `旌城`, `纺织厂`, an abbreviation such as
# `佛职院`); not further on, where they are as often the start of the next word.
PLACE_ENDS = frozenset("村镇乡县区市省州城寺庙岭山峰河江湖溪桥路街巷港湾岛庄屯寨坡沟峪园场坝塘洲苑厂线院馆局")
# Measure words of reports after a figure that jieba tags otherwise (宗 "nr", 件 "zg", 栋 "zg"): 59宗小型 is not 中小型.
MEASURE_WORDS = frozenset("宗件起户处座栋间套笔项名次批场条个家所台辆亩吨元例份张本篇期轮届支只头株棵片块段幢")
# Characters that close the abbreviated name of a government body two characters after a non-word (住建部, 发改委,
# 教育厅, 县委办): only there, where the non-word ends inside the abbreviation (`据住建部官网`: not 居住).
BODY_ENDS = frozenset("部委厅办署")
BODY_PAIR_AT_MOST = 14  # frequency bucket (round(2·log2 f)) of that pair from which it is a word: 支部 17, 干部 26
NOT_IN_A_NAME = frozenset("的地得了着过和与及或在是有等对为把被从向到于以将就也都又还再很最更所之其这那各每全本该此我")
QUOTES = lazy_compile(r"[“\"‘「《]([^”\"’」》]{1,8})[”\"’」》]")  # a short quoted phrase: a slogan or a name

IDIOM = 4  # characters of a 成语 or a fixed phrase the dictionary holds (实事求是)
Best = tuple[str, str, str, float]  # (right character, the word it makes, the non-word, gain)


class _Suspect(NamedTuple):
    """A non-word `line[start:end]`, its suspect character at `at`, and the best correction found for it: the four
    places where a name (or a phrase the writer made) stands are asked of it."""

    model: Language
    line: str
    start: int
    end: int
    at: int
    best: Best

    @property
    def non_word(self) -> str:
        return self.line[self.start : self.end]

    def where_a_name_stands(self) -> bool:
        return self.a_count() or self.a_place_or_body() or self.a_person_or_list_item() or self.a_coinage()

    def a_count(self) -> bool:
        """A numbered abbreviation (五督八必, 四搭举措), or a measure word after a figure (占地220亩的: not 目的)."""
        line, at = self.line, self.at
        if any(ch in NUMERALS for ch in self.non_word) or line[self.start - 1 : self.start] in NUMERALS:
            return True
        return line[at - 1 : at].isdigit() and (self.model.pos(line[at]) == "q" or line[at] in MEASURE_WORDS)

    def a_place_or_body(self) -> bool:
        """The name of a firm before its trade, of a place closed by a place word (乐诚寺, 荻港, 旌城), of a
        government body (住建部), or of a place or body before the word that closes it (康丰公司: not 分公司)."""
        line, end = self.line, self.end
        return (
            _before_a_trade(self.model, line, end)
            or self.non_word[-1] in PLACE_ENDS
            or _before_a_body(self.model, line, end)
            or _before_a_name_end(line, end)
            or _before_a_name_end(line, self.at + 1)
        )

    def a_person_or_list_item(self) -> bool:
        """A person's name (after or before a title, or before the word after a name: `王树青摄`, not 青蛇), or an
        item of a list of names."""
        line, at = self.line, self.at
        if (
            _a_persons_name(line, at)
            or _a_person_after_a_unit(self.model, line, at)
            or _a_name_in_a_list(line, at)
            or _a_firm_in_a_list(line, self.start, self.end)
            or _a_counted_list(line, self.start, self.end)
        ):
            return True
        return line.startswith(AFTER_A_NAME, at) and _a_persons_name(line, at - 1)

    def a_coinage(self) -> bool:
        """A phrase the writer made: in quotation marks (“智汇良策”, “晨读夜研”), in a series or parallel items on
        one head, in a frame, or a slogan."""
        line, at = self.line, self.at
        idiom = len(self.best[1]) >= IDIOM  # a slip that left a 成语 in a series' shape (实事求事的) is still one
        return (
            any(m.start(1) <= self.start and self.end <= m.end(1) for m in QUOTES.finditer(line))
            or (
                not idiom
                and (_in_a_series(line, at) or _in_parallel_items(line, at) or _in_a_frame(line, at, self.best))
            )
            or _a_slogan(self.model, line, at)
        )


def name_position(model: Language, line: str, start: int, end: int, at: int, best: Best) -> bool:
    """Whether the non-word `line[start:end]` (the suspect character at `at`) stands where a name stands."""
    return _Suspect(model, line, start, end, at, best).where_a_name_stands()


# Single characters that open each half of a four-character slogan (深学细悟, 精建细管, 严管厚爱, 早谋快干).
_MODIFIERS = frozenset("深细精严厚实真勤常早快全广优强准稳勇善巧活")
CLAUSE_END = frozenset("、，。；：！？,;:!?）)”")


def _a_slogan(model: Language, line: str, at: int) -> bool:
    """A four-character slogan at the end of a clause whose halves open alike, a modifier each (`坚持深学细悟、`,
    `做到精建细管，`): the writer made the phrase; gluing its halves into a word (学习, 精简) is no correction."""
    for start in range(max(0, at - 3), at + 1):
        phrase = line[start : start + 4]
        if len(phrase) < 4 or not is_han_unified(phrase[0]) or not all(is_han_unified(ch) for ch in phrase):
            continue
        if line[start + 4 : start + 5] not in CLAUSE_END and start + 4 != len(line):
            continue
        first, third = phrase[0], phrase[2]
        if first != third and all(ch in _MODIFIERS or model.pos(ch) in ("a", "ad") for ch in (first, third)):
            return True
    return False


def _before_a_body(model: Language, line: str, end: int) -> bool:
    """The non-word ends inside the abbreviated name of a government body, closed one character later (`据住建部`,
    `据住建部门`): the character between and the closing one make no common word (干部, 全部, 内部 close no body;
    jieba knows 建部 only as a seldom name)."""
    pair = line[end : end + 2]
    return pair[-1:] in BODY_ENDS and is_han_unified(pair[0]) and (model.bucket(pair) or 0) < BODY_PAIR_AT_MOST


def _before_a_name_end(line: str, end: int) -> bool:
    """A place or body's name of at most three characters: the non-word followed, directly or after one more
    character of the name, by a word that closes one (`丰云片区`, `荣兴片区`, `江盛水库`, `隆青中学`, `廖皇寺`,
    `锦黄线`). The character between is not a word of its own (`全市`, `本县`, `一线` close no name)."""
    if line[end : end + 1] in PLACE_ENDS:
        return True
    inner = line[end : end + 1]
    if not (is_han_unified(inner) and inner not in NOT_IN_A_NAME and inner not in NUMERALS):
        return line.startswith(NAME_ENDS, end)
    return (
        line.startswith(NAME_ENDS, end) or line.startswith(NAME_ENDS, end + 1) or line[end + 1 : end + 2] in PLACE_ENDS
    )


def _before_a_trade(model: Language, line: str, end: int) -> bool:
    """A firm's name: the non-word followed by its trade, a noun, and a word that closes a body's name
    (`锦花纺纱厂`, `华盛金属公司`)."""
    trade = line[end : end + 2]
    return model.pos(trade) == "n" and (line.startswith(NAME_ENDS, end + 2) or line[end + 2 : end + 3] == "厂")


def _a_persons_name(line: str, at: int) -> bool:
    """The character at `at` belongs to a person's name: a surname and one or two characters, after a title
    (`局长姜川峰`, `经理任量做`) or before a title, a verb of saying or `一行` (`董时子镇长`, `王晓萍说`)."""
    for first in range(at - 2, at + 1):
        if first < 0 or line[first] not in SURNAMES:
            continue
        for length in (2, 3):
            last = first + length
            if last <= at or not all(is_han_unified(ch) for ch in line[first:last]):
                continue
            if line[:first].endswith(TITLES) or line.startswith(AFTER_A_NAME, last):
                return True
    return False


# The last character of a body or an office a person is introduced by (`市财政局李明`, `XX局张三`, `办公室王芳`).
UNIT_ENDS = frozenset("局厅处科股委办院所站队部室校社行司")


def _a_person_after_a_unit(model: Language, line: str, at: int) -> bool:
    """The character at `at` is a surname right after the name of a unit and before one or two characters of a given
    name (`XX局张三`, `县教育局王芳`): a person introduced by the body they work for, not a slip for a title (局长).
    A slip leaves the title's words after it (`局张在会上`, `局张主持会议`): a function character, or a word of the
    dictionary that starts right after the surname, is no given name."""
    if line[at] not in SURNAMES or line[at - 1 : at] not in UNIT_ENDS:
        return False
    given = line[at + 1 : at + 3]
    if not given or not is_han_unified(given[0]) or given[0] in NOT_IN_A_NAME:
        return False
    following = next((t for t in model.segment(line[at + 1 : at + 5]) if t.start == 0), None)
    return following is not None and (following.end == 1 or following.pos == "nr")


def _a_name_in_a_list(line: str, at: int) -> bool:
    """The character is in an item of two or three characters of a list (by 顿号) that starts with a surname: a list
    of people (`卢国纪、许连捷、叶宝山等`)."""
    for first in range(max(0, at - 2), at + 1):
        if line[first] not in SURNAMES:
            continue
        for end in (first + 2, first + 3):
            if end <= at or not all(is_han_unified(ch) for ch in line[first:end]):
                continue
            if line[end : end + 1] == "、" or (line[first - 1 : first] == "、" and line[end : end + 1] in "等，。；"):
                return True
    return False


LIST_ITEM = 6  # characters of an item of a list of firms or places (`新亚酒店`, `嘉怡家纺`)
_CLAUSE = lazy_compile(r"[^，。；：！？,;:!?（）()“”]+")


def _a_firm_in_a_list(line: str, start: int, end: int) -> bool:
    """The non-word is in a short item of a list (by 顿号) whose other items are names closed by a place or trade
    word (`新亚酒店、嘉怡家纺、永辉超市等`): the items of such a list are names too."""
    for clause in _CLAUSE.finditer(line):
        if not clause.start() <= start < end <= clause.end():
            continue
        items, at = [], clause.start()
        for item in clause.group().split("、"):
            items.append((at, item.split("等")[0]))  # the last item ends at 等 (`…、永辉超市等商户`)
            at += len(item) + 1
        if len(items) < 2:
            return False
        for first, item in items:
            if first <= start and end <= first + len(item):
                others = [other for other_first, other in items if other_first != first]
                return len(item) <= LIST_ITEM and any(other.endswith(NAME_ENDS) for other in others)
    return False


_COUNTED = lazy_compile(r"([0-9]+|[一二两三四五六七八九十]+)[个家所座处]")
_COUNT = {ch: n for n, ch in enumerate("零一二三四五六七八九十", start=0)} | {"两": 2}


def _a_counted_list(line: str, start: int, end: int) -> bool:
    """The non-word is an item of a list (by 顿号) that the writer counts right after it (`联系禾丰、柳岸、新桥、东埠4个
    社区`, `东山、西山、新盛3个片区`): as many items as the count, each a name of what is counted."""
    for clause in _CLAUSE.finditer(line):
        if not clause.start() <= start < end <= clause.end():
            continue
        items = clause.group().split("、")
        count = _COUNTED.search(items[-1])
        if len(items) < 2 or count is None:
            return False
        counted = items[-1][count.end() :]
        items[-1] = items[-1][: count.start()]
        number = count.group(1)
        told = int(number) if number.isdigit() else _COUNT.get(number, 0)
        first = clause.start() + clause.group().rfind("、", 0, start - clause.start()) + 1
        return (
            told == len(items)
            and (counted[:1] in PLACE_ENDS or counted.startswith(NAME_ENDS))  # places or bodies are counted
            and len(line[first:end]) <= LIST_ITEM
            and all(items[1:])
        )
    return False


def _in_a_series(line: str, at: int) -> bool:
    """A coinage in a series on one head: the two characters from the suspect's head share it with another pair
    beside them or across a 顿号 (`述职、述廉、述学、述法`, `述学述法`, `完成述学、述法`); a word written twice
    (`惯彻、惯彻`) is no series."""
    for head in (at - 1, at):
        unit = line[max(head, 0) : head + 2]
        if head < 0 or len(unit) < 2 or not is_han_unified(unit[1]):
            continue
        before = (
            line[max(head - 2, 0) : head],
            line[max(head - 3, 0) : head - 1] if line[head - 1 : head] == "、" else "",
        )
        after = line[head + 2 : head + 4], line[head + 3 : head + 5] if line[head + 2 : head + 3] == "、" else ""
        if any(len(pair) == 2 and pair[0] == unit[0] and pair != unit for pair in (*before, *after)):
            return True
    return False


def _in_parallel_items(line: str, at: int) -> bool:
    """Items of a series that open with different characters before the same two (`知责于心、担责于身、履责于行`):
    the suspect opens one or is part of the two they share, three items open so, two of them after a 顿号, comma or
    semicolon."""
    for shared in (line[at + 1 : at + 3], line[at : at + 2]):
        if len(shared) < 2 or not all(is_han_unified(ch) for ch in shared):
            continue
        items = list(re.finditer(f"([{HAN_UNIFIED}]){re.escape(shared)}", line))
        listed = [m for m in items if line[m.start() - 1 : m.start()] in ("、", "，", "；", ",", ";")]
        if len({m.group(1) for m in items}) >= 3 and len(listed) >= 2:
            return True
    return False


def _in_a_frame(line: str, at: int, best: Best) -> bool:
    """A coinage in a repeated frame: the characters around the suspect recur elsewhere in the line around other
    characters, none of them the correction (`以为民为宗旨，以育民为中心，以安民为保障`: not 渔民). The same frame
    around the correction (`惯彻落实…贯彻落实`) is a slip."""
    wrong, meant = line[at], {best[0]}
    for left, right in ((line[at - 1 : at], line[at + 1 : at + 3]), (line[max(at - 2, 0) : at], line[at + 1 : at + 2])):
        if len(left) + len(right) < 3 or not all(is_han_unified(c) for c in left + right):
            continue
        frame = re.compile(re.escape(left) + f"([{HAN_UNIFIED}])" + re.escape(right))
        fillers = {m.group(1) for m in frame.finditer(line)} - {wrong}
        if fillers and not fillers & meant:
            return True
    return False


def after_a_place(tokens: list[Token], run: str, best: Best) -> bool:
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


def looks_like_a_name(line: str, start: int, end: int) -> bool:
    """A name the dictionary does not know: an item of a list (next to a 顿号: `虎形、梓树、东坡`)."""
    return line[start - 1 : start] == "、" or line[end : end + 1] == "、"
