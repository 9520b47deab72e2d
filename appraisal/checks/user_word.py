"""The user's own word lists (`config.toml` `[checks]`): `extra_words` (word → message) are flagged as `user-word`,
and no rule flags text inside one of the `allowed_words` (a unit really called `XX科技`, a local term a rule takes
for a typo).

Both lists go through the same trie-shaped matcher as the built-in lists, built once per distinct list.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from functools import lru_cache

from appraisal.checks.base import WARNING, Context, Field, Finding, Rule
from appraisal.checks.lexicon import Matcher


@lru_cache(maxsize=8)
def _matcher(words: tuple[tuple[str, str], ...]) -> Matcher[str]:
    # A word is found within a line: an empty one, or one spanning lines, could never be meant.
    return Matcher([(word, message, ()) for word, message in words if word and "\n" not in word and "\r" not in word])


def extra_matcher(extra: Mapping[str, str]) -> Matcher[str]:
    """The user's extra words, each with its message."""
    return _matcher(tuple(sorted(extra.items())))


def allowed_matcher(allowed: Collection[str]) -> Matcher[str]:
    return _matcher(tuple(sorted((word, word) for word in allowed)))


def unflagged(item: Field, allowed: Collection[str], findings: Iterable[Finding]) -> list[Finding]:
    """The findings whose flagged text does not lie inside an occurrence of an allowed word on its line. Findings
    about the whole field (no span) are kept."""
    words = allowed_matcher(allowed)
    spans: dict[int, list[tuple[int, int]]] = {}
    kept = []
    for f in findings:
        if f.column == f.end_column or not 1 <= f.line <= len(item.lines):
            kept.append(f)
            continue
        line_spans = spans.get(f.line)
        if line_spans is None:
            line_spans = spans[f.line] = [(h.start + 1, h.end + 1) for h in words.find(item.lines[f.line - 1])]
        if not any(start <= f.column and f.end_column <= end for start, end in line_spans):
            kept.append(f)
    return kept


def _message(word: str, message: str) -> str:
    message = message.strip()
    if not message:
        return f"“{word}”是自定义检查词。"
    return message if message.endswith(("。", "！", "？")) else message + "。"


class UserWord(Rule):
    name = "user-word"
    title = "自定义检查词"
    severity = WARNING
    family = "wording"
    description = "设置文件中自定义的检查词（[checks] extra_words）。"
    fields = frozenset({"section", "unmatched", "title"})

    def check_field(self, item: Field, ctx: Context) -> Iterable[Finding]:
        extra = ctx.options.extra_words
        if not extra:
            return
        words = extra_matcher(extra)
        for index, hit in words.find_in(item):
            word = item.lines[index][hit.start : hit.end]
            yield self.finding(item, index + 1, hit.start + 1, hit.end + 1, _message(word, hit.entry))
