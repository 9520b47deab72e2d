"""`typo`: common misspellings in 公文 — 成语 and fixed phrases people get wrong (`再接再励`, `按步就班`, `做为`), from
the curated list in `data/typo.toml`, and right words in the wrong context (`截止2026年底` → 截至, `必需坚持` → 必须)
from `data/confusions.toml` (`appraisal.checks.confusions`). Each entry names the right form, which is the fix
(several right forms, as `以致于` → `以致` or `以至于`, are named and nothing is fixed); an entry may list longer
phrases in which its letters are right (`按排名` is not `按排`)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
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


@dataclass(frozen=True)
class Listed:
    """A slip the list or the confusions data names in a field: line `index`, `start`..`end` in it."""

    index: int
    start: int
    end: int
    message: str
    fix: str | None


def listed(item: Field, ctx: Context) -> list[Listed]:
    """What this rule reports in `item`, protected text included, worked out once per field and check run
    (`typo-in-context` asks too: it leaves these to this rule)."""
    return ctx.shared(f"typo:{id(item)}", lambda: list(_find(item)))


def _find(item: Field) -> Iterator[Listed]:
    for index, hit in matcher().find_in(item):
        entry = hit.entry
        message = f"“{entry.wrong}”应为“{'”或“'.join(entry.right)}”。"
        yield Listed(index, hit.start, hit.end, message, entry.replacement)
    for index, line in enumerate(item.lines):
        for confused in find_confusions(line):
            wrong, right = line[confused.start : confused.end], confused.entry.right
            message = f"“{wrong}”应为“{right}”：{confused.entry.explanation}"
            yield Listed(index, confused.start, confused.end, message, right)


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
        for slip in listed(item, ctx):
            if not item.is_protected(slip.index, slip.start, slip.end):
                yield self.finding(item, slip.index + 1, slip.start + 1, slip.end + 1, slip.message, slip.fix)
