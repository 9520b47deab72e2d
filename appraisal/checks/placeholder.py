"""`placeholder`: text left to be filled in — `20XX年`, `XX局`, `**区`, `某某`, `____`, `（此处填写…）`, `【单位名称】`,
brackets holding only blanks (`〔…〕号`, `〔*〕`, `【  】`), `待补充`, `TODO`.

A lone `X` counts when a measure word, unit or organisation suffix follows it (`新增供地X宗`, `X科技公司`) or it
stands for a rank (`排名第X`); `x` runs glued to digits (`下降xx2.3%`) and a year blank fused with a list number
(`120xx年`) count too. In drafts, plain text and Word, `**` is never Markdown emphasis: each `**` is a blank
(`本人任**县人社局副局长，协助**县委组织部`); only in a Markdown file is `**重点**` formatting.

What is not a placeholder: `X` in Latin words (`XXL`, `Xbox`), a lone `X` that is a word (`X光`, `X射线`, `第X代`),
`×` between numbers (`3×4`), `有待补充`, a line of stars, and anything inside a web or mail address.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator

from appraisal.checks.base import ERROR, Context, Field, Finding, Rule
from appraisal.checks.chars import HAN, is_han
from appraisal.text.lazy_regex import lazy_compile

_X = "XxＸｘ×"
# Characters one of which a line must hold for a pattern to be worth running: most lines hold none.
_XS = tuple(_X)
_X_OR_STAR = (*_X, "*", "＊")
# Units and measure words a lone X stands for a number in front of: `X项`, `X.X亿元`, `X月X日`, `X%`, `X宗`.
_AFTER_LONE_X = set("%％‰个项件次名家万亿元月日号天条篇场批户所余期届宗人位处座台辆套吨亩倍轮支类份起栋间株只张部年")
# Units spelt with more than one character that a lone X stands in front of: `X微克/立方米`, `X公斤`.
_UNIT_AFTER_LONE_X = lazy_compile(r"微克|毫克|千克|公斤|平方|立方|公顷|千瓦|兆瓦|公里|千米|小时|分钟|米|克")
# What a lone X stands for the name of: `X科技公司`, `X县`, `X街道`.
_ORGANISATION = lazy_compile(
    r"科技|公司|集团|企业|工厂|单位|部门|学校|医院|银行|中心|协会|商会|合作社|委员会|社区|街道|小区|园区|开发区|学院|大学|"
    r"中学|小学|幼儿园|卫生院|[省市县区镇乡村局厅委办所站]|[河江湖山路街港桥湾](?![水流域])"
)
# A lone X before a title stands for a name: `X书记`, `县委x书记`, `X同志`.
_TITLE = lazy_compile(
    r"同志|书记|省长|市长|县长|区长|镇长|乡长|局长|主任|部长|厅长|处长|科长|委员|主席|经理|校长|院长|所长|站长|队长|组长|村长|"
    r"支书|老师|先生|女士|某"
)
# After `第X` the rank ends: `排名第X，` `第X名` (but `第X代` is a word).
_RANK_END = set("，。、；：！？,.;:!?）)名位批届期次轮")
# How many X blanks a field must already hold before a lone X between two Chinese words counts as one too.
_X_BLANKS_SEEN = 3
# A lone `_` counts next to Chinese, but not inside a file name: `述职报告_终稿.docx`.
_HAN_OR_MARK = lazy_compile(f"[{HAN}，。、；：！？（）“”《》]")
_FILE_NAME = lazy_compile(
    r"[^\s，。；：！？、“”《》（）]{0,40}\.(?:docx?|xlsx?|pptx?|pdf|txt|wps|et|dps|ofd|zip|rar|jpe?g|png)\b", re.I
)
# In a Markdown file, `**重点**` (strong emphasis around at least two characters) is formatting.
_EMPHASIS = lazy_compile(r"\*\*(?=[^\s*])[^*\n]{2,}?(?<=[^\s*])\*\*")
# Brackets that hold nothing but blanks: `〔…〕号`, `〔*〕`, `【  】` (a 文号 or a word left to fill in).
BLANK_BRACKETS = lazy_compile(r"〔[\s\u3000…⋯·.．*＊XxＸｘ×_＿]*〕|【[\s\u3000…⋯·.．*＊XxＸｘ×_＿]*】")


def in_blank_brackets(line: str, start: int, end: int) -> bool:
    """Whether `line[start:end]` stands inside brackets of blanks, which this rule reports (`〔 … 〕号`): other
    rules leave the blanks in them alone."""
    if "〔" not in line and "【" not in line:
        return False
    return any(m.start() < start and end < m.end() for m in BLANK_BRACKETS.finditer(line))


_PATTERNS: list[tuple[str, tuple[str, ...], re.Pattern[str]]] = [  # (kind, triggers, pattern)
    (
        "year",
        _X_OR_STAR,
        lazy_compile(rf"(?<![A-Za-z0-9０-９])(?:20|２０)[0-9０-９]?[{_X}*＊]{{1,2}}(?![A-Za-z0-9０-９])"),
    ),
    # A year blank after a list number: `120xx年` is item 1, `20xx年`.
    ("year", _X_OR_STAR, lazy_compile(rf"(?<=[0-9０-９])(?:20|２０)[{_X}*＊]{{2}}(?=年)")),
    ("x", _XS, lazy_compile(rf"(?<![A-Za-z0-9０-９._])[{_X}]+(?:[.．][{_X}]+)?(?![A-Za-z0-9０-９])")),
    # A range with an X in it: `x-x人次`, `3～x个`, `X至X月`; a sum of Xs: `“x+x+x”工作部署` (but `1+X证书`).
    (
        "range",
        _XS,
        lazy_compile(
            rf"(?<![A-Za-z0-9０-９._])(?:[{_X}]+|[0-9０-９]+)(?:\s*[-－—~～至到]\s*(?:[{_X}]+|[0-9０-９]+))+"
            rf"(?![A-Za-z0-9０-９])|(?<![A-Za-z0-9０-９._+＋])[{_X}]+(?:\s*[+＋]\s*[{_X}]+)+(?![A-Za-z0-9０-９+＋])"
        ),
    ),
    # `下降xx2.3%`: the blank left in front of a figure typed later.
    ("x", _XS, lazy_compile(r"(?<![A-Za-z0-9０-９._])(?:[XxＸｘ]{2,}|×{2,})(?=[0-9０-９])")),
    # A lone X set off by spaces inside Chinese: `与 X 业务工作`, `为推进 X 政治` (but `X 光机`, `X 射线`).
    ("spaced", _XS, lazy_compile(rf"[XxＸｘ](?<=[{HAN}] .)(?= [{HAN}])(?! [光射线])")),
    ("stars", ("*", "＊"), lazy_compile(r"\*{2,}|＊{2,}")),
    # One star for a name: `*街道`, `中共 * 市 * 镇第四届代表大会`.
    ("star", ("*", "＊"), lazy_compile(r"(?<![*＊A-Za-z0-9０-９])[*＊](?![*＊])")),
    ("someone", ("某某",), lazy_compile(r"某某+")),
    ("brackets", ("〔", "【"), BLANK_BRACKETS),
    ("blank", ("_", "＿"), lazy_compile(r"_{2,}|＿+")),
    # One `_` standing for a figure: `走访企业_家`, `增长_%`.
    ("blank", ("_", "＿"), lazy_compile(r"(?<![A-Za-z0-9_])_(?=[%％‰个项件次名家万亿元宗人户])")),
    # A date of blanks: `_月_日`, `2026年_月_日`.
    ("blank", ("_", "＿"), lazy_compile(r"(?:(?:[0-9０-９]{2,4}|_+)年)?_+月_+日|_+年_+月")),
    # A date left blank with spaces: `2014年 月 日`, `    年  月  日`.
    ("blank", ("月",), lazy_compile(r"年[ \u3000]{1,6}月[ \u3000]{1,6}日")),
    # One `_` next to Chinese: `由于_总体`, `写出心得体会_篇` (but `nongye_2026`, `述职报告_终稿.docx`).
    ("lone-blank", ("_",), lazy_compile(r"(?<![A-Za-z0-9_])_(?![A-Za-z0-9_])")),
    (
        "instruction",
        ("（", "(", "【", "["),
        lazy_compile(
            r"[（(【\[]\s*(?:(?:此处|这里|在此|请)\s*(?:填写|填入|填|补充|输入|插入|写明|列举|列出|举例|说明|概括)"
            r"|填写|填入|待填|待补充|待定|待完善|待核实)[^（()）【】\[\]\n]{0,40}[）)】\]]"
        ),
    ),
    (
        "bracket",
        ("【",),
        lazy_compile(
            r"【[^【】\n]{0,30}?(?:填|请|名称|姓名|单位|职务|部门|数字|数据|金额|时间|日期|年份|内容|事例|具体|待|补充|"
            r"输入|此处|XX|xx|××|…|\.{3}|某)[^【】\n]{0,30}】"
        ),
    ),
    ("pending", ("待",), lazy_compile(r"(?<![有尚亟仍还急留亦])待(?:补充|填写|填入|填|核实)")),
    ("todo", ("TODO", "TBD", "FIXME"), lazy_compile(r"(?<![A-Za-z])(?:TODO|TBD|FIXME)(?![A-Za-z])")),
]

# A regex for all the triggers: a line holding none is skipped at once. On the others, which triggers the line holds
# is asked once (`in`, in C), not by a search per pattern (a call of a regex costs more than the twenty `in`s).
_TRIGGERS = tuple(sorted({t for _k, ts, _p in _PATTERNS for t in ts}))
_ANY_TRIGGER = lazy_compile("|".join(re.escape(t) for t in _TRIGGERS))

_MESSAGES = {
    "year": "“{}”是未填写的年份，请填上实际年份。",
    "instruction": "“{}”是模板中的填写提示，请换成实际内容。",
    "bracket": "“{}”是模板中的填写提示，请换成实际内容。",
    "todo": "“{}”表示这里的内容还没有写完。",
    "pending": "“{}”表示这里的内容还没有写完。",
}
_DEFAULT_MESSAGE = "“{}”是未填写的占位符，请填上实际内容。"


def _lone_x(line: str, start: int, end: int) -> bool:
    """Whether a single X stands for a number or a name: a unit, an organisation or a title after it, or a rank."""
    if line[start:end] == "×":
        return False  # 3×4 and the like
    following = line[end : end + 1]
    if following in _AFTER_LONE_X and following != "":
        return True
    if start > 0 and line[start - 1] == "第":
        return following == "" or following in _RANK_END
    if any(p.match(line, end) is not None for p in (_ORGANISATION, _TITLE, _UNIT_AFTER_LONE_X)):
        return True
    # A lower-case x between two Chinese characters is a blank (`与x传媒大学合作`, `一本x故事书`): Chinese words
    # spell the letter upper-case when they hold it (`X光`, `X射线`), and those are kept out anyway.
    return (
        line[start:end] in "xｘ"
        and start > 0
        and is_han(line[start - 1])
        and is_han(following)
        and following not in "光射轴线型"
    )


def _between_words(line: str, start: int, end: int) -> bool:
    """A single upper-case X between two Chinese characters that make no word with it (`X光`, `X射线` do), or a
    single star before a Chinese word (`“*普法”公众号`)."""
    following = line[end : end + 1]
    before = line[start - 1 : start] if start > 0 else ""
    if end - start != 1 or not is_han(following) or following in "光射轴线型":
        return False
    if line[start] in "XＸ":
        return before != "" and is_han(before)
    return line[start] in "*＊" and (before == "" or before in "“‘《（ \u3000" or is_han(before))


def _stars_escaped(item: Field, index: int, start: int, end: int) -> bool:
    """Whether the `**` opening or closing an emphasis at [start, end) were typed as `\\*` (stars, not markup)."""
    return item.is_escaped(index, start, start + 2) or item.is_escaped(index, end - 2, end)


def _in_emphasis(emphasis: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether the stars at [start, end) open or close one of the (ordered, disjoint) emphasis spans."""
    holder = bisect_right(emphasis, start, key=lambda span: span[0]) - 1
    if holder < 0:
        return False
    s, e = emphasis[holder]
    return s <= start and end <= e and (start == s or end == e)


def _wanted(kind: str, match: re.Match[str], line: str) -> bool:
    """Filters a pattern cannot express: how many X, what follows a lone X or star, a line of stars."""
    wanted = _FILTERS.get(kind)
    return wanted is None or wanted(match, line)


def _x_wanted(match: re.Match[str], line: str) -> bool:
    """Two Xs or more are a blank; one, when a unit, a name or a rank goes with it (`_lone_x`)."""
    if sum(1 for ch in match.group() if ch in _X) >= 2:
        return True
    return _lone_x(line, match.start(), match.end())


def _range_wanted(match: re.Match[str], _line: str) -> bool:
    return any(ch in _X for ch in match.group())  # `3～5个` is a range of figures


def _star_wanted(match: re.Match[str], line: str) -> bool:
    """One star before a measure word or unit (`开展法治专题学习*次`, `新建道路*公里`), or a name (`*街道`)."""
    following = line[match.end() :].lstrip(" \u3000")
    if following[:1] in _AFTER_LONE_X and following[:1] != "":
        return True
    return any(p.match(following) is not None for p in (_UNIT_AFTER_LONE_X, _ORGANISATION, _TITLE))


def _stars_wanted(_match: re.Match[str], line: str) -> bool:
    return line.strip(" \t*＊") != ""  # a line of stars is a separator


def _blank_wanted(match: re.Match[str], line: str) -> bool:
    """Underscores between ASCII letters or digits join a name (`a__b`), they are no blank."""
    start, end = match.span()
    before, after = line[start - 1 : start], line[end : end + 1]
    return not (before.isascii() and before.isalnum() and after.isascii() and after.isalnum())


def _lone_blank_wanted(match: re.Match[str], line: str) -> bool:
    """One `_` next to Chinese, not in a file name (`述职报告_终稿.docx`)."""
    start, end = match.span()
    chinese = _HAN_OR_MARK.match(line[start - 1 : start] or "。") or _HAN_OR_MARK.match(line[end : end + 1] or "。")
    return chinese is not None and _FILE_NAME.match(line, end) is None


_FILTERS: dict[str, Callable[[re.Match[str], str], bool]] = {
    "x": _x_wanted,
    "range": _range_wanted,
    "star": _star_wanted,
    "stars": _stars_wanted,
    "blank": _blank_wanted,
    "lone-blank": _lone_blank_wanted,
}

Hit = tuple[int, int, int, str]  # line index, start, end, kind


def _matches(line: str) -> Iterator[tuple[str, re.Match[str]]]:
    """Every pattern's matches in a line, pattern by pattern; patterns whose triggers the line lacks are not run."""
    present = {trigger for trigger in _TRIGGERS if trigger in line}
    for kind, triggers, pattern in _PATTERNS:
        if not present.isdisjoint(triggers):
            for match in pattern.finditer(line):
                yield kind, match


def _emphasis(item: Field, index: int, line: str) -> list[tuple[int, int]]:
    """The spans of `**重点**` emphasis in a line of a Markdown file (not those typed as `\\*\\*`)."""
    if "**" not in line:
        return []
    return [m.span() for m in _EMPHASIS.finditer(line) if not _stars_escaped(item, index, *m.span())]


def _hits(item: Field, markdown: bool) -> tuple[list[Hit], list[Hit]]:
    """The placeholders in a field, and the doubtful ones: a lone X or star between Chinese words, a blank only in
    a text that has other X blanks."""
    hits: list[Hit] = []
    doubtful: list[Hit] = []
    for index, line in enumerate(item.lines):
        if not line or _ANY_TRIGGER.search(line) is None:
            continue
        emphasis = _emphasis(item, index, line) if markdown else []
        for kind, match in _matches(line):
            if emphasis and kind == "stars" and _in_emphasis(emphasis, *match.span()):
                continue
            if _wanted(kind, match, line):
                hits.append((index, match.start(), match.end(), kind))
            elif kind in ("x", "star") and _between_words(line, match.start(), match.end()):
                doubtful.append((index, match.start(), match.end(), kind))
    return hits, doubtful


def _outermost(item: Field, hits: list[Hit]) -> list[Hit]:
    """The hits in order, those inside a longer one (`20**` and its `**`) or in protected text left out."""
    kept: list[Hit] = []
    for index, start, end, kind in sorted(hits, key=lambda s: (s[0], s[1], -s[2])):
        if kept and kept[-1][0] == index and start < kept[-1][2]:
            continue
        if not item.is_protected(index, start, end):
            kept.append((index, start, end, kind))
    return kept


class Placeholder(Rule):
    name = "placeholder"
    title = "占位符"
    severity = ERROR
    family = "completeness"
    description = "文中留有未填写的占位符，如“20XX”“XX局”“某某”“（此处填写……）”“待补充”。"
    fields = frozenset({"section", "unmatched", "title"})

    def check_field(self, item: Field, ctx: Context) -> Iterable[Finding]:
        hits, doubtful = _hits(item, ctx.markdown)
        if sum(1 for hit in hits if hit[3] in ("x", "range", "star")) >= _X_BLANKS_SEEN:
            hits.extend(doubtful)  # a text full of X blanks: `对X系列重要指示`, `建设X绿色发展示范县` are blanks too
        for index, start, end, kind in _outermost(item, hits):
            message = _MESSAGES.get(kind, _DEFAULT_MESSAGE).format(item.lines[index][start:end])
            if item.key == "title":
                message = "标题中" + message
            yield self.finding(item, index + 1, start + 1, end + 1, message)
