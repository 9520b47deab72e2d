"""`typo`: common misspellings in 公文 — 成语 and fixed phrases people get wrong (`再接再励`, `按步就班`, `做为`), from
the curated list in `data/typo.toml`, and right words in the wrong context (`截止2026年底` → 截至, `必需坚持` → 必须)
from `data/confusions.toml` (`appraisal.checks.confusions`). Each entry names the right form, which is the fix
(several right forms, as `以致于` → `以致` or `以至于`, are named and nothing is fixed); an entry may list longer
phrases in which its letters are right (`按排名` is not `按排`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from appraisal.checks.base import WARNING, Context, Field, Finding, Rule
from appraisal.checks.confusions import find_confusions
from appraisal.checks.lexicon import Matcher, load_data


@dataclass(frozen=True)
class TypoEntry:
    wrong: str
    right: tuple[str, ...]  # more than one: the right form depends on the meaning, and nothing is fixed
    fix: bool

    @property
    def replacement(self) -> str | None:
        return self.right[0] if self.fix and len(self.right) == 1 else None


def _entry(raw: dict[str, Any]) -> TypoEntry:
    right = raw["right"]
    return TypoEntry(raw["wrong"], (right,) if isinstance(right, str) else tuple(right), raw.get("fix", True))


@cache
def matcher() -> Matcher[TypoEntry]:
    """The typo list, compiled once per process."""
    return Matcher([(raw["wrong"], _entry(raw), raw.get("exceptions", ())) for raw in load_data("typo")])


class Typo(Rule):
    name = "typo"
    title = "错别字"
    severity = WARNING
    family = "language"
    description = (
        "常见错别字，如“再接再励”（再接再厉）、“按步就班”（按部就班）；语境中用混的词，如“截止2026年底”（截至）。"
    )
    fixable = True
    fields = frozenset({"section", "unmatched", "title"})

    def check_field(self, item: Field, ctx: Context) -> Iterable[Finding]:
        words = matcher()
        for index, hit in words.find_in(item):
            entry = hit.entry
            if item.is_protected(index, hit.start, hit.end):
                continue
            message = f"“{entry.wrong}”应为“{'”或“'.join(entry.right)}”。"
            yield self.finding(item, index + 1, hit.start + 1, hit.end + 1, message, entry.replacement)
        for index, line in enumerate(item.lines):
            for confused in find_confusions(line):
                if item.is_protected(index, confused.start, confused.end):
                    continue
                wrong, right = line[confused.start : confused.end], confused.entry.right
                message = f"“{wrong}”应为“{right}”：{confused.entry.explanation}"
                yield self.finding(item, index + 1, confused.start + 1, confused.end + 1, message, right)
