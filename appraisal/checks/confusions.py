"""Words confused in context, for `typo`: both words are right words, and the sentence says which one belongs
(`截止2026年10月底` → 截至, `反应群众的问题` → 反映, `必需坚持` → 必须, `度过难关` → 渡过). Each entry in
`data/confusions.toml` is a pattern whose match is the wrong word, its context written as look-arounds, with the
right word, the reason, a source, an example and a negative. A pattern is tried only on a line that holds its word,
and compiled the first time the list is used.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from appraisal.checks.lexicon import load_data
from appraisal.text.lazy_regex import lazy_compile


@dataclass(frozen=True)
class Confusion:
    wrong: str
    right: str
    pattern: re.Pattern[str]
    explanation: str


@dataclass(frozen=True)
class ConfusionHit:
    start: int
    end: int
    entry: Confusion


@cache
def confusions() -> tuple[Confusion, ...]:
    """The entries of `data/confusions.toml`, compiled once per process."""
    return tuple(
        Confusion(raw["wrong"], raw["right"], lazy_compile(raw["pattern"]), raw["explanation"])
        for raw in load_data("confusions")
    )


def find_confusions(line: str) -> Iterator[ConfusionHit]:
    """The confused words of `line`, left to right."""
    hits = [
        ConfusionHit(match.start(), match.end(), entry)
        for entry in confusions()
        if entry.wrong in line
        for match in entry.pattern.finditer(line)
    ]
    yield from sorted(hits, key=lambda hit: hit.start)
