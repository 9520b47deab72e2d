"""`unbalanced-quote`: a “ without ”, a ‘ without ’, a 《 without 》, a （ without ）, or a quote turned the wrong
way (`“…“`, `”…”`), within one paragraph (a line of section text). A quotation broken across two paragraphs is
`broken-line`'s, reported there once.

Chinese nests “‘’” and 《〈〉》 and never “ inside “, so a second “ while one is open is a closing quote typed the
wrong way round. A half-width `)` closes a `（` here (its width is `halfwidth-punctuation`'s business), a straight
quote closes an open “ or ‘ (`‘菜篮子'`: its shape is `punctuation`'s), and a ’ between Latin letters is an
apostrophe (`Xi’an`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from appraisal.checks.base import WARNING, Context, Field, Finding, Rule
from appraisal.checks.broken_line import explained
from appraisal.checks.chars import is_latin
from appraisal.checks.paired_marks import in_turn
from appraisal.text.lazy_regex import lazy_compile

_CLOSER = {"“": "”", "‘": "’", "《": "》", "（": "）", "(": "）"}
_OPENERS = {"”": ("“",), "’": ("‘",), "》": ("《",), "）": ("（", "("), ")": ("（", "(")}
_SAME_NOT_NESTED = {"“", "‘", "《"}  # opening one of these while it is open means the writer meant to close it
_NAMES = {
    "“": "左引号“",
    "”": "右引号”",
    "‘": "左单引号‘",
    "’": "右单引号’",
    "《": "左书名号《",
    "》": "右书名号》",
    "（": "左括号（",
    "）": "右括号）",
}
_NESTED = {
    "“": "双引号里面又用了双引号，里层应改用单引号‘’。",
    "‘": "单引号里面又用了单引号，里层应改用双引号“”。",
    "《": "书名号里面又用了书名号，里层应改用〈〉。",
}
# A list marker before a lone closing parenthesis: `1）加强学习`, `一是…；2）…`.
_ENUMERATOR = lazy_compile(r"(?:^|[\s。；;：:，,、])[0-9０-９一二三四五六七八九十a-zA-Z]{1,2}$")
_ANY = lazy_compile("[“”‘’《》（）()'\"]")
_STRAIGHT = {"'": "’", '"': "”"}  # a straight quote closes an open Chinese one (`‘菜篮子'`: `punctuation` fixes it)


class Problem(NamedTuple):
    at: int  # 0-based index in the line
    message: str
    left_open: bool = False  # an opening mark with no closing one (`“…`): a quotation may go on in the next paragraph


class _Marks:
    """The marks of one line read left to right: those open so far, and counts of the marks met and still ahead
    (kept, not recomputed per mark, so the line is read in linear time)."""

    def __init__(self, line: str) -> None:
        self.line = line
        self.stack: list[tuple[str, int]] = []
        # Only read by key and counted up: a defaultdict answers a missing key in C, a Counter in Python (13,000
        # calls of its `__missing__` on the 100,000-字 benchmark).
        self.depth: defaultdict[str, int] = defaultdict(int)  # how many of each mark are open on the stack
        self.seen: defaultdict[str, int] = defaultdict(int)  # marks met so far, the current one included
        self.totals: dict[str, int] = {}

    def ahead(self, mark: str) -> int:
        """How many of `mark` follow the current position in the line."""
        if mark not in self.totals:
            line = self.line
            self.totals[mark] = line.count(mark) + sum(line.count(q) for q, full in _STRAIGHT.items() if full == mark)
        return self.totals[mark] - self.seen[mark]

    def push(self, opened: str, at: int) -> None:
        self.stack.append((opened, at))
        self.depth[opened] += 1

    def pop(self) -> tuple[str, int]:
        opened, at = self.stack.pop()
        self.depth[opened] -= 1
        return opened, at

    def close(self, kinds: tuple[str, ...]) -> Iterator[Problem]:
        """Close the innermost open mark of one of `kinds`; those opened inside it are left open."""
        while self.stack[-1][0] not in kinds:
            yield from _unclosed(*self.pop())
        self.pop()

    def opening(self, ch: str, index: int) -> Iterator[Problem]:
        """An opening mark: pushed, unless one of its kind is open (Chinese never nests “ in “)."""
        if ch not in _SAME_NOT_NESTED or not self.depth[ch]:
            self.push(ch, index)
            return
        closer = _CLOSER[ch]
        spare = self.ahead(closer) - self.ahead(ch)  # closers left over for the marks already open
        if spare >= 2:  # “…“…”…”: closers for both, so this one is nested
            yield Problem(index, _NESTED[ch])
            self.push(ch, index)
        elif spare == 1:  # “…  “…”: this one has its closer; the one open before has none
            while True:
                opened, at = self.pop()
                yield from _unclosed(opened, at)
                if opened == ch:
                    break
            self.push(ch, index)
        else:  # “…“ with nothing after: this is the closer, turned the wrong way
            yield from self.close((ch,))
            yield Problem(index, f"这里应为{_NAMES[closer]}，写成了{_NAMES[ch]}。")

    def closing(self, ch: str, index: int) -> Iterator[Problem]:
        """A closing mark: it closes an open one of its kind, or is a list marker, turned, or left unopened."""
        kinds = _OPENERS[ch]
        if any(self.depth[kind] for kind in kinds):
            yield from self.close(kinds)
            return
        line = self.line
        if ch == ")" or (ch == "）" and _ENUMERATOR.search(line, max(0, index - 3), index)):
            return  # `1)`, `1）`, `a）`: a list marker, not half of a pair; or Latin text
        opener = kinds[0]
        following = line.find(ch, index + 1) if ch in "”’》" else -1
        if following >= 0 and line.find(opener, index + 1, following) < 0:
            yield Problem(index, f"这里应为{_NAMES[opener]}，写成了{_NAMES[ch]}。")
            self.push(opener, index)  # the next one closes it
        else:
            yield Problem(index, f"{_NAMES[ch]}没有对应的{_NAMES[opener]}。")


def _unclosed(opened: str, at: int) -> Iterator[Problem]:
    if opened != "(":
        yield Problem(at, f"{_NAMES[opened]}没有对应的{_NAMES[_CLOSER[opened]]}。", left_open=True)


def _problems(line: str) -> Iterator[Problem]:
    """Every unbalanced or wrongly turned mark in the line.

    Half-width parentheses only pair with full-width ones here: on their own they are not reported.
    """
    marks = _Marks(line)
    for match in _ANY.finditer(line):
        ch, index = match.group(), match.start()
        if ch in _STRAIGHT:
            ch = _STRAIGHT[ch]
            marks.seen[ch] += 1
            if not marks.depth[_OPENERS[ch][0]]:
                continue  # straight quotes among themselves are `punctuation`'s
        else:
            marks.seen[ch] += 1
        if ch == "’" and 0 < index < len(line) - 1 and is_latin(line[index - 1]) and is_latin(line[index + 1]):
            continue  # an apostrophe: Xi’an
        yield from marks.opening(ch, index) if ch in _CLOSER else marks.closing(ch, index)
    for opened, at in marks.stack:
        yield from _unclosed(opened, at)


# Marks in pairs one after another (`paired_marks`): nothing to report (’ is left out: between letters it is an
# apostrophe).
_PAIRS_IN_TURN = in_turn(("“”", "《》", "（）"))


def _sorted_problems(line: str) -> list[Problem]:
    marks = _ANY.findall(line)
    if not marks or _PAIRS_IN_TURN(marks):
        return []
    return sorted(_problems(line))


class UnbalancedQuote(Rule):
    name = "unbalanced-quote"
    title = "引号括号配对"
    severity = WARNING
    family = "punctuation"
    description = "同一段中的引号、书名号或括号不配对，或引号方向用反。"

    def check_field(self, item: Field, ctx: Context) -> Iterable[Finding]:
        broken = explained(item, ctx) if len(item.lines) > 1 else set()  # `broken-line` reports those
        problems = [_sorted_problems(line) for line in item.lines]
        continued = _quoted_over_paragraphs(item.lines, problems)
        for index, found in enumerate(problems):
            for at, message, _left_open in found:
                if (index, at) in broken or (index, at) in continued or item.is_protected(index, at, at + 1):
                    continue
                yield self.finding(item, index + 1, at + 1, at + 2, message)


def _opening_quote(line: str) -> int | None:
    """Where the “ stands that opens `line` (after its indent), if one does."""
    start = len(line) - len(line.lstrip())
    return start if line[start : start + 1] == "“" else None


def _quoted_over_paragraphs(lines: list[str], problems: list[list[Problem]]) -> set[tuple[int, int]]:
    """The opening “ left open at the start of a paragraph because the quotation goes on in the next one: a
    quotation of several paragraphs opens each with “ and closes only the last (GB/T 15834, 4.1.3.4). Such a run
    counts only when its last paragraph's opening “ is closed."""
    exempt: set[tuple[int, int]] = set()
    run: list[tuple[int, int]] = []
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        at = _opening_quote(line)
        if at is None:
            run = []
            continue
        open_at_start = any(p.at == at and p.left_open for p in problems[index])  # the “ at `at`
        if open_at_start:
            run.append((index, at))
        else:
            if run:
                exempt.update(run)
            run = []
    return exempt
