"""`wording`: non-standard or outdated 提法 (`第二个百年目标`, `学习贯彻党的十九大精神` in a report for 2023), from the
versioned list in `data/wording.toml`. Each entry names the years (考核年度) it applies to, the right form or an
explanation, and the document that changed it.

Precision first: a historical reference is never flagged — a form right after `原` / `前` (`原国土资源局`), followed
by `以来` / `期间` / `之后` (`党的十九大以来`), in a sentence that names a year before the change (`2020年是…`), or
inside one of the entry's exceptions. A document whose year is unknown is checked only against the entries settled
for years (since 2018 or earlier).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from appraisal.checks.base import WARNING, Context, Field, Finding, Rule
from appraisal.checks.lexicon import Matcher, load_data
from appraisal.text.lazy_regex import lazy_compile
from appraisal.text.patterns import YEAR_NIAN
from appraisal.text.quotes import quoted

SETTLED = 2018  # with no year known, only entries in force since this year or earlier are checked
_HISTORY_AFTER = lazy_compile(r"以来|期间|时期|之前|以前|之后|以后|前|后|当时|时")
_HISTORY_BEFORE = set("原前旧")
_YEAR = YEAR_NIAN
_SENTENCE_ENDS = "。！？；"


@dataclass(frozen=True)
class WordingEntry:
    wrong: str
    right: str | None
    explanation: str
    since: int
    until: int | None

    def applies(self, year: int | None) -> bool:
        if year is None:
            return self.since <= SETTLED and self.until is None
        return self.since <= year and (self.until is None or year <= self.until)

    @property
    def message(self) -> str:
        wrong = quoted(self.wrong)
        if self.right and f"“{self.right}”" in self.explanation:
            return f"提法{wrong}不规范，{self.explanation}"  # the explanation names the right form itself
        if self.right:
            return f"提法{wrong}宜改为{quoted(self.right)}。{self.explanation}"
        return f"提法{wrong}不宜使用。{self.explanation}"


@cache
def matcher() -> Matcher[WordingEntry]:
    """The list of 提法, compiled once per process."""
    entries = []
    for raw in load_data("wording"):
        entry = WordingEntry(raw["wrong"], raw.get("right"), raw["explanation"], raw["since"], raw.get("until"))
        entries.append((raw["wrong"], entry, raw.get("exceptions", ())))
    return Matcher(entries)


def _historical(line: str, start: int, end: int, since: int) -> bool:
    """Whether the words at [start, end) are told as history, not as this year's work."""
    if start > 0 and line[start - 1] in _HISTORY_BEFORE:
        return True
    if _HISTORY_AFTER.match(line, end):
        return True
    sentence = max(line.rfind(ch, 0, start) for ch in _SENTENCE_ENDS) + 1
    return any(int(m.group(1)) < since for m in _YEAR.finditer(line, sentence, start))


class Wording(Rule):
    name = "wording"
    title = "规范提法"
    severity = WARNING
    family = "wording"
    description = "不规范或已过时的提法，如“第二个百年目标”（第二个百年奋斗目标）。"
    fields = frozenset({"section", "unmatched", "title"})

    def check_field(self, item: Field, ctx: Context) -> Iterable[Finding]:
        words = matcher()
        for index, hit in words.find_in(item):
            entry = hit.entry
            if entry.applies(ctx.year) and not _historical(item.lines[index], hit.start, hit.end, entry.since):
                yield self.finding(item, index + 1, hit.start + 1, hit.end + 1, entry.message)
