"""`halfwidth-punctuation`: `, ; : ? ! ( )` typed with the input method in English mode, inside Chinese text.

A mark is flagged only when Chinese stands on its left and Chinese, a digit or the end of the line on its right
(`工作:` `时间:2026年`), so numbers (`1,234`), times (`8:30`), ratios (`1:1`), Latin text (`Python, Java`) and
addresses are left alone. Parentheses go by pairs: a pair is Chinese when what it encloses has Chinese in it and it
touches Chinese text (`在2026年(含)`, `(一)`); `f(x)` and `(1)` stay as they are. The fix puts the full-width mark
in place of the half-width one and the spaces typed around it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import accumulate

from appraisal.checks.base import WARNING, Context, Field, Finding, Rule
from appraisal.checks.chars import is_chinese, is_digit, is_han

FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_MARKS = re.compile(r"[,;:?!()]")
_SPACES = " \t\u00a0\u3000"


def _mark_findings(line: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, mark) of the flagged marks of `, ; : ? !`, the span taking in the spaces around them."""
    for match in re.finditer(r"[,;:?!]", line):
        start = end = match.start()
        end += 1
        while start > 0 and line[start - 1] in _SPACES:
            start -= 1
        while end < len(line) and line[end] in _SPACES:
            end += 1
        if start == 0 or not is_chinese(line[start - 1]):
            continue
        if end < len(line):
            right = line[end]
            if not (is_chinese(right) or is_digit(right)):
                continue
        elif not is_han(line[start - 1]) and line[start - 1] not in "”’）》":
            continue
        yield start, end, match.group()


def _paren_findings(line: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, mark) of the half-width parentheses that belong to Chinese text."""
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    lone: list[int] = []
    for index, ch in enumerate(line):
        if ch == "(":
            stack.append(index)
        elif ch == ")":
            if stack:
                pairs.append((stack.pop(), index))
            else:
                lone.append(index)
    lone.extend(stack)
    han_before = list(accumulate((is_han(ch) for ch in line), initial=0)) if pairs else []  # Han chars in line[:i]
    for open_at, close_at in pairs:
        left = line[open_at - 1] if open_at > 0 else ""
        right = line[close_at + 1] if close_at + 1 < len(line) else ""
        if left == "]":
            continue  # a Markdown link: [文字](地址)
        touches = left == "" or is_chinese(left) or right == "" or is_chinese(right)
        if touches and han_before[close_at] > han_before[open_at + 1]:  # Han characters inside the pair
            yield open_at, open_at + 1, "("
            yield close_at, close_at + 1, ")"
    for index in lone:
        left = line[index - 1] if index > 0 else ""
        right = line[index + 1] if index + 1 < len(line) else ""
        if left and right and is_chinese(left) and is_chinese(right):
            yield index, index + 1, line[index]


class HalfwidthPunctuation(Rule):
    name = "halfwidth-punctuation"
    severity = WARNING
    description = "中文里夹用了半角标点（, ; : ? ! ( )），应改为全角。"
    fixable = True

    def check_field(self, item: Field, ctx: Context) -> Iterable[Finding]:
        for index, line in enumerate(item.lines):
            if not _MARKS.search(line):
                continue
            found = list(_mark_findings(line))
            if "(" in line or ")" in line:
                found.extend(_paren_findings(line))
            for start, end, mark in sorted(found):
                if item.is_protected(index, start, end):
                    continue
                full = FULL_WIDTH[mark]
                yield self.finding(
                    item, index + 1, start + 1, end + 1, f"中文里的半角“{mark}”应改为全角“{full}”。", full
                )
