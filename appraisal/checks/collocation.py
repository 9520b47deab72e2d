"""`collocation`: the 语病 a reviewer marks — words that do not go together (`丰富…视野`, `加强…力度`), meaning said
twice (`大约…左右`), two constructions run together (`原因是由于`), a subject lost behind a preposition (`通过…，使…`),
a two-sided word answered by a one-sided one (`能否…是…的保证`), a negation that says the opposite (`防止…不再发生`).

The mistakes are data (`data/collocation.toml`), each entry with an example it finds and a hard negative it must
not: two kinds in code, vale-style. A "pair" is a first word followed, inside the same clause (no ，。、；：！？ in
between), by a second word within a few characters, unless a word of `not_between` stands between them (`丰富了知识、
开阔了视野`) or one of `not_after` follows (`提高作风建设水平`). A "pattern" is a regular expression over the line,
run only when one of its trigger words is there. Silent unless the words are in the one clause: precision first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

from appraisal.checks.base import WARNING, Context, Field, Finding, Rule
from appraisal.checks.lexicon import load_data
from appraisal.text.lazy_regex import lazy_compile

_CLAUSE_ENDS = set("，。、；：！？,.;:!?…（）()“”\n")
_IN_CLAUSE = "[^" + "".join(re.escape(ch) for ch in sorted(_CLAUSE_ENDS)) + "]"


@dataclass(frozen=True)
class _Pair:
    second: tuple[str, ...]
    gap: int
    not_between: tuple[str, ...]
    not_after: tuple[str, ...]
    not_before: tuple[str, ...]
    message: str
    # The second word after at most `gap` characters of the clause, the nearest first (then in the order of
    # `second`): the scan `_pair_end` made character by character in Python, done by the regex engine.
    seek: re.Pattern[str]


@dataclass(frozen=True)
class _Pattern:
    trigger: tuple[str, ...]
    pattern: re.Pattern[str]
    message: str
    twice: bool  # the pattern repeats its trigger word (`完成……完成`, a `\1`): run only where one stands twice


@dataclass(frozen=True)
class _Entries:
    firsts: re.Pattern[str] | None  # every pair's first word, longest first
    pairs: dict[str, list[_Pair]]  # first word → the pairs it begins
    patterns: list[_Pattern]
    # Every pattern's trigger words, longest first: a search from each place one starts says which patterns to
    # run, instead of a test per pattern and word.
    triggers: re.Pattern[str] | None
    run: dict[str, tuple[int, ...]]  # a trigger word found → the patterns it and the words it begins with trigger


@cache
def entries() -> _Entries:
    """The list, compiled once per process."""
    pairs: dict[str, list[_Pair]] = {}
    patterns: list[_Pattern] = []
    for raw in load_data("collocation"):
        if raw["kind"] == "pair":
            pair = _Pair(
                tuple(raw["second"]),
                raw["gap"],
                tuple(raw.get("not_between", ())),
                tuple(raw.get("not_after", ())),
                tuple(raw.get("not_before", ())),
                raw["message"],
                _seek(tuple(raw["second"]), raw["gap"]),
            )
            for first in raw["first"]:
                pairs.setdefault(first, []).append(pair)
        elif raw["kind"] == "pattern":
            twice = re.search(r"\\[1-9]", raw["pattern"]) is not None  # a back-reference: a word said twice
            patterns.append(_Pattern(tuple(raw["trigger"]), lazy_compile(raw["pattern"]), raw["message"], twice))
        else:
            raise ValueError(f"unknown collocation kind {raw['kind']!r}")
    words = sorted(pairs, key=len, reverse=True)
    firsts = lazy_compile("|".join(re.escape(w) for w in words)) if words else None
    triggers = sorted({word for entry in patterns for word in entry.trigger}, key=lambda word: (-len(word), word))
    # Where trigger words start, the search finds only the longest one starting there: the shorter ones that begin
    # it are there too, so each word found stands for itself and for them.
    run = {
        word: tuple(i for i, entry in enumerate(patterns) if any(word.startswith(t) for t in entry.trigger))
        for word in triggers
    }
    found = lazy_compile("|".join(re.escape(w) for w in triggers)) if triggers else None
    return _Entries(firsts, pairs, patterns, found, run)


@cache
def _seek(second: tuple[str, ...], gap: int) -> re.Pattern[str]:
    """Matched where the first word ends: up to `gap` characters of the clause, as few as can be, then the first
    of `second` found there (a lazy repeat and an alternation try them in the order the scan did)."""
    words = "|".join(re.escape(word) for word in second)
    return lazy_compile(f"{_IN_CLAUSE}{{0,{gap}}}?({words})")


def _pair_end(line: str, start: int, pair: _Pair) -> int | None:
    """Where the second word of `pair` ends when it follows the first word (ending at `start`) in its clause."""
    found = pair.seek.match(line, start)
    if found is None:
        return None
    if pair.not_between:
        between = line[start : found.start(1)]
        if any(word in between for word in pair.not_between):
            return None
    end = found.end()
    if any(line.startswith(word, end) for word in pair.not_after):
        return None
    return end


def _governed_before(line: str, start: int, pair: _Pair) -> bool:
    """Whether a word of `not_before` stands earlier in the clause of the first word (at `start`): the second word
    is then that word's object, the first one's only inside what describes it (急需提高的是……推动……销售的能力)."""
    if not pair.not_before:
        return False
    opens = start
    while opens > 0 and line[opens - 1] not in _CLAUSE_ENDS:
        opens -= 1
    before = line[opens:start]
    return any(word in before for word in pair.not_before)


def find(line: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, message) of each 语病 in `line`."""
    known = entries()
    if known.firsts is not None:
        for match in known.firsts.finditer(line):
            for pair in known.pairs[match.group()]:
                end = _pair_end(line, match.end(), pair)
                if end is not None and not _governed_before(line, match.start(), pair):
                    yield match.start(), end, pair.message
                    break
    if known.triggers is not None:
        for index in sorted(_triggered(line, known.triggers, known.run)):
            entry = known.patterns[index]
            if entry.twice and not any(line.count(word) > 1 for word in entry.trigger):
                continue
            for found in entry.pattern.finditer(line):
                start = found.start() + len(found.group()) - len(found.group().lstrip())
                yield start, found.end(), entry.message


def _triggered(line: str, triggers: re.Pattern[str], run: dict[str, tuple[int, ...]]) -> set[int]:
    """The patterns whose trigger words are in `line`."""
    to_run: set[int] = set()
    word = triggers.search(line)
    while word is not None:  # on from the next character, not from the word's end: trigger words may overlap
        to_run.update(run[word.group()])
        word = triggers.search(line, word.start() + 1)
    return to_run


class Collocation(Rule):
    name = "collocation"
    title = "搭配与语病"
    severity = WARNING
    family = "language"
    description = "搭配不当、语义重复、句式杂糅等语病，如“丰富视野”“大约……左右”“原因是由于”。"

    def check_field(self, item: Field, ctx: Context) -> Iterable[Finding]:
        for index, line in enumerate(item.lines):
            if not line:
                continue
            for start, end, message in sorted(find(line)):
                yield self.finding(item, index + 1, start + 1, end + 1, message)
