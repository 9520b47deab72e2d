"""`placeholder`: text left to be filled in — `20XX年`, `XX局`, `**区`, `某某`, `____`, `（此处填写…）`, `【单位名称】`,
`待补充`, `TODO`.

What is not a placeholder: `X` in Latin words (`XXL`, `Xbox`), a lone `X` that is a word (`X光`, `X射线`), `×`
between numbers (`3×4`), Markdown emphasis (`**重点**`), `有待补充`, and anything inside a web or mail address.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable

from appraisal.checks.base import ERROR, Context, Field, Finding, Rule

_X = "XxＸｘ×"
# Units and measure words a lone X stands for a number in front of: `X项`, `X.X亿元`, `X月X日`, `X%`.
_AFTER_LONE_X = set("%％个项件次名家万亿元月日号天条篇场批户所余期届")

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("year", re.compile(rf"(?<![A-Za-z0-9０-９])(?:20|２０)[0-9０-９]?[{_X}*＊]{{1,2}}(?![A-Za-z0-9０-９])")),
    ("x", re.compile(rf"(?<![A-Za-z0-9０-９._])[{_X}]+(?:[.．][{_X}]+)?(?![A-Za-z0-9０-９])")),
    ("stars", re.compile(r"\*{2,}|＊{2,}")),
    ("someone", re.compile(r"某某+")),
    ("blank", re.compile(r"_{2,}|＿+")),
    (
        "instruction",
        re.compile(
            r"[（(【\[]\s*(?:(?:此处|这里|在此|请)\s*(?:填写|填入|填|补充|输入|插入|写明|列举|列出|举例|说明|概括)"
            r"|填写|填入|待填|待补充|待定|待完善|待核实)[^（()）【】\[\]\n]{0,40}[）)】\]]"
        ),
    ),
    (
        "bracket",
        re.compile(
            r"【[^【】\n]{0,30}?(?:填|请|名称|姓名|单位|职务|部门|数字|数据|金额|时间|日期|年份|内容|事例|具体|待|补充|"
            r"输入|此处|XX|xx|××|…|\.{3}|某)[^【】\n]{0,30}】"
        ),
    ),
    ("pending", re.compile(r"(?<![有尚亟仍还急留亦])待(?:补充|填写|填入|填|核实)")),
    ("todo", re.compile(r"(?<![A-Za-z])(?:TODO|TBD|FIXME)(?![A-Za-z])")),
]
# `**重点**`: Markdown strong emphasis around at least two characters is formatting, not a placeholder.
_EMPHASIS = re.compile(r"\*\*(?=[^\s*])[^*\n]{2,}?(?<=[^\s*])\*\*")

_MESSAGES = {
    "year": "“{}”是未填写的年份，请填上实际年份。",
    "instruction": "“{}”是模板中的填写提示，请换成实际内容。",
    "bracket": "“{}”是模板中的填写提示，请换成实际内容。",
    "todo": "“{}”表示这里的内容还没有写完。",
    "pending": "“{}”表示这里的内容还没有写完。",
}
_DEFAULT_MESSAGE = "“{}”是未填写的占位符，请填上实际内容。"


def _wanted(kind: str, match: re.Match[str], line: str, emphasis: list[tuple[int, int]]) -> bool:
    """Filters a pattern cannot express: how many X, what follows a lone X, Markdown emphasis."""
    text = match.group()
    if kind == "x":
        if sum(1 for ch in text if ch in _X) >= 2:
            return True
        following = line[match.end() : match.end() + 1]
        return text != "×" and following != "" and following in _AFTER_LONE_X
    if kind == "stars":
        start, end = match.span()
        # The emphasis spans do not overlap and come in order: only the one starting last at or before `start`
        # can hold the match (a search, so that a line of many `**重点**` stays linear).
        holder = bisect_right(emphasis, (start, len(line) + 1)) - 1
        if holder >= 0:
            s, e = emphasis[holder]
            if s <= start and end <= e and (start == s or end == e):
                return False
        return line.strip(" \t*＊") != ""  # a line of stars is a separator
    if kind == "blank":
        start, end = match.span()
        before, after = line[start - 1 : start], line[end : end + 1]
        return not (before.isascii() and before.isalnum() and after.isascii() and after.isalnum())
    return True


class Placeholder(Rule):
    name = "placeholder"
    severity = ERROR
    description = "文中留有未填写的占位符，如“20XX”“XX局”“某某”“（此处填写……）”“待补充”。"
    fields = frozenset({"section", "unmatched", "title"})

    def check_field(self, item: Field, ctx: Context) -> Iterable[Finding]:
        spans: list[tuple[int, int, int, str]] = []  # line index, start, end, kind
        for index, line in enumerate(item.lines):
            if not line:
                continue
            emphasis = [m.span() for m in _EMPHASIS.finditer(line)] if "**" in line else []
            for kind, pattern in _PATTERNS:
                for match in pattern.finditer(line):
                    if _wanted(kind, match, line, emphasis):
                        spans.append((index, match.start(), match.end(), kind))
        kept: list[tuple[int, int, int, str]] = []
        for index, start, end, kind in sorted(spans, key=lambda s: (s[0], s[1], -s[2])):
            if kept and kept[-1][0] == index and start < kept[-1][2]:
                continue  # inside a longer placeholder already reported (`20**` and its `**`)
            if item.is_protected(index, start, end):
                continue
            kept.append((index, start, end, kind))
        for index, start, end, kind in kept:
            text = item.lines[index][start:end]
            message = _MESSAGES.get(kind, _DEFAULT_MESSAGE).format(text)
            if item.key == "title":
                message = "标题中" + message
            yield self.finding(item, index + 1, start + 1, end + 1, message)
