"""What a person's name is made of: a surname and one or two characters that names use far more often than running
text does (`宫学莉`, `刘志辉`, `张敏杰`: 莉, 辉, 杰 are name characters; 的, 们, 在 are not). Learned from the names
tagged in the People's Daily of January 1998 (`data/person_names.txt`, built by `tools/build_char_ngrams.py`), so a
colleague's name needs no title beside it (`proper_names._a_persons_name` knows those by position) to stay silent.
"""

from __future__ import annotations

import math
import threading
from functools import cache
from importlib import resources

from appraisal.checks.char_ngrams import CharNgrams, char_ngrams
from appraisal.checks.chars import is_han_unified
from appraisal.checks.proper_names import SURNAMES

MIN_SURNAME = 3  # a surname seen fewer times among the tagged names is not taken for one
NAME_LIKE = 1.5  # mean log-ratio of a given name's characters (in names against in running text) from which the
# characters after a surname are taken for a name: e^1.5 ≈ 4.5 times as frequent in names
NAME_LIKE_ALONE = 2.5  # the same for a one-character given name (曹志), which a slip makes as easily


class PersonNames:
    def __init__(self, surnames: dict[str, int], given: dict[str, int]):
        self._surnames = surnames
        self._given = given
        self._given_total = sum(given.values())
        self._text: CharNgrams | None = None

    def surname(self, ch: str) -> bool:
        return self._surnames.get(ch, 0) >= MIN_SURNAME or ch in SURNAMES

    def likeness(self, ch: str) -> float:
        """log of how much more often `ch` stands in given names than in running text."""
        text = self._text = self._text or char_ngrams()
        in_names = (self._given.get(ch, 0) + 0.1) / self._given_total
        in_text = (text.count(ch) + 1) / text.total
        return math.log(in_names / in_text)

    def looks_like_a_name(self, given: str) -> bool:
        """Whether the one or two characters after a surname look like a given name."""
        if not given or not all(is_han_unified(ch) for ch in given):  # the block the tagged names are written in
            return False
        likeness = [self.likeness(ch) for ch in given]
        if len(given) == 1:
            return likeness[0] >= NAME_LIKE_ALONE
        return min(likeness) >= 0 and sum(likeness) / len(likeness) >= NAME_LIKE

    def in_a_name(self, line: str, at: int) -> bool:
        """Whether the character at `at` of `line` is part of a surname and a given name (`宫学莉` at 学 or 莉)."""
        for first in range(max(0, at - 2), at + 1):
            if not self.surname(line[first]):
                continue
            for length in (2, 1):
                given = line[first + 1 : first + 1 + length]
                if first + length >= at and len(given) == length and self.looks_like_a_name(given):
                    return True
        return False


def _parse(text: str) -> PersonNames:
    surnames: dict[str, int] = {}
    given: dict[str, int] = {}
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        fields = line.split("\t")
        if fields[0] == "=":
            given[fields[1]] = int(fields[2])
        else:
            surnames[fields[0]] = int(fields[1])
    return PersonNames(surnames, given)


_lock = threading.Lock()


@cache
def _load() -> PersonNames:
    return _parse(resources.files("appraisal.checks").joinpath("data", "person_names.txt").read_text(encoding="utf-8"))


def person_names() -> PersonNames:
    with _lock:
        return _load()
