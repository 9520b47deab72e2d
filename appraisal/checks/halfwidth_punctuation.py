"""`halfwidth-punctuation`: `, . ; : ? ! ( )` typed with the input method in English mode, inside Chinese text.

A mark is flagged when Chinese stands on its left and Chinese, a digit or the end of the line on its right
(`工作:` `时间:2026年`), or when it is glued between a figure, a Latin letter, a placeholder or `)` and Chinese
(`下降3.4%;全年`, `GDP,增长`), so numbers (`1,234`), times (`8:30`), ratios (`1:1`), Latin text (`Python, Java`) and
addresses are left alone. A doubled mark (`,,`) becomes one. `.` ends a Chinese sentence only after Chinese and
before Chinese or the end of the line (`完成任务.下一步`; never `3.5`, `总结.docx`); after a Chinese list number
(`一.加强学习`) it is a 顿号. The title is checked too.

Parentheses go by pairs: a pair is Chinese when what it encloses has Chinese in it and it touches Chinese text
(`在2026年(含)`, `(一)`); `f(x)` and `(1)` stay as they are. The fix puts the full-width mark in place of the
half-width one and the spaces typed around it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import accumulate

from appraisal.checks.base import WARNING, Context, Field, Finding, Rule
from appraisal.checks.chars import is_chinese, is_digit, is_han, is_latin
from appraisal.text.lazy_regex import lazy_compile

FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）", ".": "。"}
_MARKS = lazy_compile(r"[,;:?!().]")
_RUNS = lazy_compile(r"([,;:?!])\1*")
# A lone `.` (`..` and `...` are the `punctuation` rule's ellipses).
_DOT = lazy_compile(r"\.(?<!\.\.)(?!\.)")
_SPACES = " \t\u00a0\u3000"
# What may stand glued on the left of a mark that is followed by Chinese: a figure, a Latin letter, a blank, `)`.
_GLUED_LEFT = set("%％‰)*＊_") | set("0123456789０１２３４５６７８９")
# A Chinese list number in front of `.`: `一.` `（二）.` is a heading's 顿号.
_LIST_NUMBER = lazy_compile(r"\s*[一二三四五六七八九十]+$")


def _mark_findings(line: str) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, mark, replacement) of the flagged marks of `, ; : ? !` (runs of one mark included), the span
    taking in the spaces around them."""
    for match in _RUNS.finditer(line):
        start, end = match.span()
        while start > 0 and line[start - 1] in _SPACES:
            start -= 1
        while end < len(line) and line[end] in _SPACES:
            end += 1
        if start > 0 and _in_chinese(line, start, end, glued=(start, end) == match.span()):
            mark = match.group(1)
            full = FULL_WIDTH[mark] * (len(match.group()) if mark in "?!" else 1)
            yield start, end, match.group(), full


def _in_chinese(line: str, start: int, end: int, *, glued: bool) -> bool:
    """Whether a mark (with the spaces around it, `line[start:end]`, start > 0) stands in Chinese: Chinese on its
    left and Chinese, a digit or the line's end on its right; or, without spaces, between a figure, a Latin letter
    or a blank and Chinese (`下降3.4%;全年`, `GDP,增长`)."""
    left = line[start - 1]
    if not is_chinese(left):
        return glued and end < len(line) and is_han(line[end]) and (left in _GLUED_LEFT or is_latin(left))
    if end < len(line):
        return is_chinese(line[end]) or is_digit(line[end])
    return is_han(left) or left in "”’）》"


def _dot_findings(line: str) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, mark, replacement) of a `.` ending a Chinese sentence, or following a Chinese list number."""
    for match in _DOT.finditer(line):
        start, end = match.span()
        if start == 0 or not (is_han(line[start - 1]) or line[start - 1] in "”’）》"):
            continue
        while end < len(line) and line[end] in _SPACES:
            end += 1
        if end < len(line) and not is_chinese(line[end]):
            continue
        if _LIST_NUMBER.match(line, 0, start):
            yield start, end, ".", "、"
        else:
            yield start, end, ".", "。"


def _paren_findings(line: str) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, mark, replacement) of the half-width parentheses that belong to Chinese text."""
    pairs, lone = _pair_up(line)
    han_before = list(accumulate((is_han(ch) for ch in line), initial=0)) if pairs else []  # Han chars in line[:i]
    for open_at, close_at in pairs:
        if _chinese_pair(line, open_at, close_at, han_before):
            yield open_at, open_at + 1, "(", "（"
            yield close_at, close_at + 1, ")", "）"
    for index in lone:
        if _chinese_lone(line, index):
            yield index, index + 1, line[index], FULL_WIDTH[line[index]]


def _pair_up(line: str) -> tuple[list[tuple[int, int]], list[int]]:
    """The parentheses that pair up, (open, close) in the order they close, and those that do not: the closing
    ones, then the opening ones."""
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    lone: list[int] = []
    for index, ch in enumerate(line):
        if ch == "(":
            stack.append(index)
        elif ch == ")" and stack:
            pairs.append((stack.pop(), index))
        elif ch == ")":
            lone.append(index)
    return pairs, lone + stack


def _chinese_pair(line: str, open_at: int, close_at: int, han_before: list[int]) -> bool:
    """A pair that touches Chinese text and holds Chinese (`han_before[i]`: Han characters in `line[:i]`)."""
    left, right = _around(line, open_at, close_at + 1)
    if left == "]":
        return False  # a Markdown link: [文字](地址)
    touches = left == "" or is_chinese(left) or right == "" or is_chinese(right)
    return touches and han_before[close_at] > han_before[open_at + 1]


def _chinese_lone(line: str, index: int) -> bool:
    """A parenthesis without its pair, after Chinese and before Chinese, a mark or the line's end."""
    left, right = _around(line, index, index + 1)
    return bool(left) and is_chinese(left) and (right == "" or is_chinese(right) or right in ",;:.?!")


def _around(line: str, start: int, end: int) -> tuple[str, str]:
    """The characters just before `start` and at `end`; "" past the line's ends."""
    return (line[start - 1] if start > 0 else "", line[end] if end < len(line) else "")


def _message(mark: str, full: str) -> str:
    if full == "、":
        return "中文序号后的半角“.”应改为顿号“、”。"
    if len(mark) > 1 and full != FULL_WIDTH[mark[0]] * len(mark):
        return f"半角“{mark}”重复，应改为一个全角“{full}”。"
    return f"中文里的半角“{mark}”应改为全角“{full}”。"


class HalfwidthPunctuation(Rule):
    name = "halfwidth-punctuation"
    title = "半角标点"
    severity = WARNING
    family = "punctuation"
    description = "中文里夹用了半角标点（, . ; : ? ! ( )），应改为全角。"
    fixable = True
    fixes_marks = True  # `《党内监督条例(试行)》` → `（试行）`: the title as issued
    fields = frozenset({"section", "unmatched", "title"})

    def check_field(self, item: Field, ctx: Context) -> Iterable[Finding]:
        for index, line in enumerate(item.lines):
            if not _MARKS.search(line):
                continue
            found = list(_mark_findings(line))
            if "." in line:
                found.extend(_dot_findings(line))
            if "(" in line or ")" in line:
                found.extend(_paren_findings(line))
            for start, end, mark, full in sorted(found):
                if item.is_protected(index, start, end):
                    continue
                message = ("标题中" if item.key == "title" else "") + _message(mark, full)
                yield self.finding(item, index + 1, start + 1, end + 1, message, full)
