"""The facts in a model's proposal that the user never gave it: every figure, date, organisation, person and
quoted 提法 that appears in neither the section's text nor its notes is flagged 未经核实 (unverified).

Deliberately simple and on the cautious side: a fact the sources say differently (三十五 for 35) is flagged too,
since the user has to look at it either way. Positions are 1-based line and column in the proposal, end exclusive,
like the checker's findings, so the editor can highlight them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from appraisal.text.chars import HAN
from appraisal.text.lazy_regex import lazy_compile

_DATE = lazy_compile(
    r"\d{4}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?|\d{1,2}\s*月\s*\d{1,2}\s*日|\d{1,2}\s*月(?:份|底|初|中旬|上旬|下旬)"
    r"|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}"
)
_NUMBER = lazy_compile(r"\d+(?:[,，]\d{3})*(?:\.\d+)?")
_UNIT = lazy_compile(r"\s*(?:%|‰|[^\W\d_]{1,2})?")
_LIST_MARKER = lazy_compile(r"^\s*\d{1,2}[.、．]")
_ORG_SUFFIX = lazy_compile(
    r"委员会|办公室|管理局|人民政府|政府|集团|公司|银行|大学|学院|医院|协会|街道|社区|研究院|研究所|派出所"
    r"|检察院|法院|局|厅|委"
)
_NOT_ORG = {
    "格局", "布局", "全局", "大局", "结局", "开局", "破局", "变局", "当局", "时局", "棋局", "骗局", "饭局", "邮局",
    "客厅", "大厅", "展厅", "餐厅", "编委",
}  # fmt: skip
_PARTICLES = set("的在和与向对为由经了到是及同跟从把被将以并等")
_BEFORE_NAME = _PARTICLES | set("同陪获请让受随")
_PERSON = lazy_compile(rf"([{HAN}]{{2,3}})同志")
_QUOTED = lazy_compile(r"“([^“”\n]{2,20})”")
_CJK = lazy_compile(f"[{HAN}]")
MAX_ORG_PREFIX = 6


@dataclass(frozen=True)
class Unverified:
    """A fact of the proposal found in none of the sources: its kind (数字, 日期, 单位, 人名, 提法), its text, where."""

    kind: str
    text: str
    line: int
    column: int
    end_column: int


def _normal(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _numbers(text: str) -> set[str]:
    return {m.group().replace(",", "").replace("，", "") for m in _NUMBER.finditer(text)}


class _Sources:
    def __init__(self, sources: Sequence[str]) -> None:
        self.text = _normal("\n".join(sources))
        self.numbers = _numbers(self.text)
        for match in re.finditer(r"(\d{4})-(\d{1,2})-(\d{1,2})", self.text):  # a note's date, as words too
            y, m, d = (int(g) for g in match.groups())
            self.text += f"\n{y}年{m}月{d}日"

    def has(self, text: str) -> bool:
        return _normal(text) in self.text


def _organisation(line: str, start: int, end: int, sources: _Sources) -> tuple[int, int] | None:
    """The span of an organisation name ending at `end` (its suffix at `start`), or None when it is a word like 格局
    or is in the sources (with any of its last 1 to MAX_ORG_PREFIX characters before the suffix)."""
    first = start
    while first > 0 and start - first < MAX_ORG_PREFIX and _CJK.match(line[first - 1]):
        if line[first - 1] in _BEFORE_NAME:
            break
        first -= 1
    if first == start or line[start - 1 : end] in _NOT_ORG or line[first:end] in _NOT_ORG:
        return None
    if any(sources.has(line[k:end]) for k in range(first, start)):
        return None
    return first, end


class _Line:
    """One line of the proposal being looked through: its flags, and the spans already taken by a fact."""

    def __init__(self, text: str, number: int) -> None:
        self.text = text
        self.number = number
        self.taken: list[tuple[int, int]] = []
        self.found: list[Unverified] = []

    def free(self, start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in self.taken)

    def take(self, start: int, end: int) -> None:
        self.taken.append((start, end))

    def flag(self, kind: str, start: int, end: int) -> None:
        self.take(start, end)
        self.found.append(Unverified(kind, self.text[start:end], self.number, start + 1, end + 1))


def _line_facts(line: _Line, known: _Sources) -> None:
    text = line.text
    for match in _DATE.finditer(text):
        if known.has(match.group()):
            line.take(*match.span())
        else:
            line.flag("日期", *match.span())
    marker = _LIST_MARKER.match(text)
    for match in _NUMBER.finditer(text):
        if not line.free(*match.span()) or (marker and match.start() < marker.end()):
            continue
        if match.group().replace(",", "").replace("，", "") not in known.numbers:
            unit = _UNIT.match(text, match.end())
            line.flag("数字", match.start(), unit.end() if unit else match.end())
    for match in _PERSON.finditer(text):
        start = match.start()
        if text[start] in _BEFORE_NAME:  # 陪同张明同志: the name is the last two characters
            start += 1
        if line.free(start, match.end()) and not known.has(text[start : match.start(1) + len(match.group(1))]):
            line.flag("人名", start, match.end())
    for match in _ORG_SUFFIX.finditer(text):
        if line.free(*match.span()):
            span = _organisation(text, match.start(), match.end(), known)
            if span is not None and line.free(*span):
                line.flag("单位", *span)
    for match in _QUOTED.finditer(text):
        if line.free(*match.span()) and not known.has(match.group(1)):
            line.flag("提法", *match.span())


def unverified(proposal: str, sources: Sequence[str]) -> list[Unverified]:
    """Each fact in `proposal` that none of `sources` contains, in order of appearance."""
    known = _Sources(sources)
    found: list[Unverified] = []
    for number, text in enumerate(proposal.split("\n"), start=1):
        line = _Line(text, number)
        _line_facts(line, known)
        found.extend(line.found)
    return sorted(found, key=lambda u: (u.line, u.column))


def dropped(original: str, proposal: str) -> list[Unverified]:
    """The facts of `original` (figures, dates, organisations, names, quoted phrases) that `proposal` no longer
    holds: what a writer loses by accepting it, said before they do. Positions are in the original."""
    return unverified(original, [proposal]) if original.strip() else []


def carried(proposal: str, adopted: Sequence[tuple[str, str]], found: Sequence[Unverified]) -> list[Unverified]:
    """`found` with every place in `proposal` of an `adopted` (kind, text) fact the writer has not confirmed yet:
    the section holds it, but only because an earlier proposal put it there, so it is no source for this one."""
    flagged = list(found)
    for number, line in enumerate(proposal.split("\n"), start=1):
        for kind, text in adopted:
            start = line.find(text)
            while start >= 0:
                end = start + len(text)
                if not any(u.line == number and u.column - 1 < end and start < u.end_column - 1 for u in flagged):
                    flagged.append(Unverified(kind, text, number, start + 1, end + 1))
                start = line.find(text, end)
    return sorted(flagged, key=lambda u: (u.line, u.column))
