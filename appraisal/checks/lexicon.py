"""Word lists as data: the TOML files under `appraisal/checks/data/`, and one matcher that finds all their words.

A list grows to thousands of entries without slowing the typing path: its words are compiled into one regular
expression shaped as a trie (`做为|作风` becomes `(?:做为|作风)` factored by common prefixes), so the regex engine
skips every position whose character begins no word, and tries only the words that begin with the character there.

An entry may carry `exceptions`: longer phrases that contain the word and are right (`当做为` for no one, but
`看作为`, `叫做为难`…). A match inside one of them, at the same place, is not reported.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any, Generic, TypeVar

T = TypeVar("T")


def load_data(name: str) -> list[dict[str, Any]]:
    """The `[[entry]]` tables of `appraisal/checks/data/<name>.toml`."""
    text = resources.files("appraisal.checks").joinpath("data", f"{name}.toml").read_text(encoding="utf-8")
    return list(tomllib.loads(text)["entry"])


def trie_pattern(words: Iterable[str]) -> str:
    """A regex source that matches any of `words`, longest first where one begins another, factored as a trie."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def render(node: dict[str, Any]) -> str:
        end = "" in node
        branches = [re.escape(ch) + render(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and len(branches[0]) == 1 else "(?:" + "|".join(branches) + ")"
        if len(branches) == 1 and not end:
            return branches[0]
        return body + "?" if end else body

    return render(trie)


@dataclass(frozen=True)
class Hit(Generic[T]):
    start: int
    end: int
    entry: T


class Matcher(Generic[T]):
    """Finds the words of a list in a line, each with its entry; exceptions (longer right phrases) are skipped."""

    def __init__(self, entries: Sequence[tuple[str, T, Sequence[str]]]) -> None:
        """`entries`: (word, entry, exceptions) — the word to find, what to report, phrases it is right inside."""
        self._entries: dict[str, T] = {}
        self._exceptions: dict[str, list[tuple[int, str]]] = {}
        for word, entry, exceptions in entries:
            if not word:
                raise ValueError("empty word in a word list")
            self._entries[word] = entry
            for phrase in exceptions:
                offset = phrase.find(word)
                if offset < 0:
                    raise ValueError(f"exception {phrase!r} does not contain {word!r}")
                self._exceptions.setdefault(word, []).append((offset, phrase))
        self._pattern = re.compile(trie_pattern(self._entries)) if self._entries else None

    def __len__(self) -> int:
        return len(self._entries)

    def find(self, line: str) -> Iterator[Hit[T]]:
        """The words in `line`, left to right, not overlapping, the longest at each place."""
        if self._pattern is None:
            return
        for match in self._pattern.finditer(line):
            word = match.group()
            start, end = match.span()
            if any(
                line.startswith(phrase, start - offset) and start >= offset
                for offset, phrase in self._exceptions.get(word, ())
            ):
                continue
            yield Hit(start, end, self._entries[word])
