"""How often a Han character follows one or two others in running text: the context that tells `我们` from `我门`
and `再加上` from `在加上`, where a dictionary of words cannot (both characters are words). A trigram model with
interpolated absolute discounting (Ney, Essen and Kneser 1994): the count of a sequence less a constant, the mass
taken away given to the shorter context. The counts come from 3.8 M 字 of edited news and everyday writing
(`tools/build_char_ngrams.py`, `data/LANGUAGE-SOURCES.md`); loaded on first use, never at import.
"""

from __future__ import annotations

import array
import itertools
import logging
import math
import threading
from bisect import bisect_left
from collections import defaultdict
from functools import cache
from importlib import resources
from typing import Literal

from appraisal.checks import prebuilt

log = logging.getLogger(__name__)

EDGE = "|"  # before the first and after the last character of a run of Han characters
DISCOUNT = 0.75
FORMAT = 2  # of the prebuilt copy in the cache folder (2: the arrays mapped, `prebuilt.read_mapped`)
_EDGE_SHARE = 0.05  # the unigram chance of the end of a run
LOG_P_KEPT = 200_000  # terms `score` keeps (~30 MB at most; a check of 3,000 字 asks for ~5,000)
SEEN_KEPT = 20_000  # entries each of the memos of `p`, `_stats` and `triple` keeps (a check of 3,000 字 asks for
# ~5,000 terms, ~2,700 pairs and ~3,500 triples; 230,000 字 of news ~80,000 pairs: ~20 MB, were they all kept)
_NOT_SEEN = (-1, -1, -1)  # a pair `_stats` has not looked up yet (None: looked up, not there)


class CharNgrams:
    """Counts of characters, pairs and triples of characters, and the log-probability of one after others. The
    counts sit in sorted machine arrays searched by bisection (12 MB for 450,000 sequences, where Python dicts
    took 120 MB)."""

    def __init__(
        self,
        chars: dict[str, tuple[int, int, int]],
        pair_keys: bytes | memoryview,
        pair_stats: bytes | memoryview,
        triple_keys: bytes | memoryview,
        triple_counts: bytes | memoryview,
        after: dict[str, str],
        before: dict[str, str],
    ):
        """`chars`: character → (its count, how often a character follows it, after how many kinds); pairs and
        triples as sorted keys (`_key`) with their counts (pairs: count, how often followed, by how many kinds);
        `after`/`before`: the characters seen right after/before each one. Pairs seen once and triples seen less
        than three times are left out. The arrays are copied from bytes, used in place from a memoryview (the
        prebuilt copy mapped into memory)."""
        self._chars = chars
        self._pair_keys = _array("q", pair_keys)
        self._pair_stats = _array("i", pair_stats)
        self._triple_keys = _array("q", triple_keys)
        self._triple_counts = _array("i", triple_counts)
        self._after = after
        self._before = before
        counts = [(ch, stats[0]) for ch, stats in chars.items() if ch != EDGE]
        self.total = sum(count for _ch, count in counts)  # characters counted
        total = self.total + 0.5 * len(counts)
        self._unigram = {ch: (count + 0.5) / total for ch, count in counts}
        self._unigram[EDGE] = _EDGE_SHARE
        self._unknown = 0.5 / total
        self._log_p: dict[str, float] = {}  # log P(last character | the others) by the characters, for `score`
        # P(last character | the others) by the characters (`p`: a term's lower orders are asked again by the
        # terms that share them), and the stats of each pair looked up (`_stats`: a bisection of the keys), each
        # kept up to SEEN_KEPT entries.
        self._p: dict[str, float] = {}
        self._pairs_seen: dict[str, tuple[int, int, int] | None] = {}
        self._triples_seen: dict[str, int] = {}  # and the count of each triple (`triple`: a quarter are asked again)

    def parts(
        self,
    ) -> tuple[dict[str, tuple[int, int, int]], bytes, bytes, bytes, bytes, dict[str, str], dict[str, str]]:
        """What the prebuilt copy keeps, in the order of the constructor's parameters."""
        return (
            self._chars,
            self._pair_keys.tobytes(),
            self._pair_stats.tobytes(),
            self._triple_keys.tobytes(),
            self._triple_counts.tobytes(),
            self._after,
            self._before,
        )

    def count(self, gram: str) -> int:
        """How often a character or a pair was seen (0 for a pair seen once or never)."""
        stats = self._stats(gram)
        return stats[0] if stats else 0

    def following(self, first: str, among: dict[str, float]) -> frozenset[str]:
        """Those of `among` (characters) seen at least twice right after `first`. Each is looked for in the string
        of `first`'s followers: `among` holds a few dozen, the string up to 2,800, and a set made of it cost 30 ms
        of a check."""
        return frozenset(filter(self._after.get(first, "").__contains__, among))  # filtered in C

    def preceding(self, second: str, among: dict[str, float]) -> frozenset[str]:
        """Those of `among` (characters) seen at least twice right before `second`."""
        return frozenset(filter(self._before.get(second, "").__contains__, among))

    def _stats(self, gram: str) -> tuple[int, int, int] | None:
        if len(gram) == 1:
            return self._chars.get(gram)
        seen = self._pairs_seen
        kept = seen.get(gram, _NOT_SEEN)  # one look-up: the editor's worker may empty it meanwhile
        if kept is not _NOT_SEEN:
            return kept
        keys, key = self._pair_keys, _key(gram)
        at = bisect_left(keys, key)
        if at == len(keys) or keys[at] != key:
            found = None
        else:
            stats = self._pair_stats
            found = stats[3 * at], stats[3 * at + 1], stats[3 * at + 2]
        if len(seen) > SEEN_KEPT:
            seen.clear()
        seen[gram] = found
        return found

    def triple(self, gram: str) -> int:
        """How often three characters were seen (0 for fewer than three times)."""
        seen = self._triples_seen
        count = seen.get(gram)
        if count is None:
            keys, key = self._triple_keys, _key(gram)
            at = bisect_left(keys, key)
            count = self._triple_counts[at] if at < len(keys) and keys[at] == key else 0
            if len(seen) > SEEN_KEPT:
                seen.clear()
            seen[gram] = count
        return count

    def p(self, context: str, ch: str) -> float:
        """P(ch | context), `context` the one or two characters before it ("" for none)."""
        if not context:
            return self._unigram.get(ch, self._unknown)
        gram = context + ch
        known = self._p.get(gram)
        if known is not None:
            return known
        lower = self.p(context[1:], ch)
        stats = self._stats(context)
        if stats is None or not stats[1]:
            found = lower
        else:
            _count, starts, kinds = stats
            seen = self.triple(gram) if len(context) == 2 else self.count(gram)
            found = max(seen - DISCOUNT, 0) / starts + DISCOUNT * kinds / starts * lower
        if len(self._p) > SEEN_KEPT:
            self._p.clear()
        self._p[gram] = found
        return found

    def gain(self, before: str, wrong: str, after: str, meant: str) -> float:
        """How much more probable (natural log) the text is with `meant` than with `wrong` between the two
        characters `before` and the two `after` (EDGE where the run ends, fewer beyond it)."""
        return self.score(before, meant, after) - self.score(before, wrong, after)

    def gain_after(self, before: str, wrong: str, after: str, meant: str) -> float:
        """`gain` without the character's own term: how much better the two characters after it follow `meant`."""
        return self.score(before, meant, after, first=1) - self.score(before, wrong, after, first=1)

    def score(self, before: str, ch: str, after: str, first: int = 0) -> float:
        """log P of `ch` and of the two characters after it, each given the two before it (from the `first`th)."""
        text = before + ch + after
        at = len(before)
        total = 0.0
        known = self._log_p  # a check asks for the same few thousand terms ~20,000 times (each two bisections)
        if len(known) > LOG_P_KEPT:
            known.clear()
        for end in range(at + first, min(at + 3, len(text))):  # the character and the two after it, in context
            gram = text[max(0, end - 2) : end + 1]
            term = known.get(gram)
            if term is None:
                term = known[gram] = math.log(self.p(gram[:-1], gram[-1]))
            total += term
        return total


def _key(gram: str) -> int:
    """A pair or a triple of characters as one integer (each character below U+10000 takes 16 bits): their UTF-16
    code units read as one big-endian number, in C; a character beyond U+FFFF (two units) as the loop makes it."""
    units = gram.encode("utf-16-be", "surrogatepass")
    if len(units) == 2 * len(gram):
        return int.from_bytes(units, "big")
    key = 0
    for ch in gram:
        key = key << 16 | ord(ch)
    return key


def _array(kind: Literal["q", "i"], blob: bytes | memoryview) -> array.array[int] | memoryview[int]:
    if isinstance(blob, memoryview):
        return blob.cast(kind)  # read in place: only the pages looked at are ever loaded
    numbers = array.array(kind)
    numbers.frombytes(blob)
    return numbers


def _parse(blob: bytes) -> CharNgrams:
    """The data file lists characters, then pairs, then triples, each group sorted (so their keys are too)."""
    import gzip  # only when the prebuilt copy is made (the data files are gzipped)

    chars: dict[str, tuple[int, int, int]] = {}
    pair_keys, pair_stats = array.array("q"), array.array("i")
    triple_keys, triple_counts = array.array("q"), array.array("i")
    after: dict[str, list[str]] = defaultdict(list)
    before: dict[str, list[str]] = defaultdict(list)
    for line in gzip.decompress(blob).decode("utf-8").splitlines():
        gram, *numbers = line.split("\t")
        if len(gram) == 1:
            chars[gram] = (int(numbers[0]), int(numbers[1]), int(numbers[2]))
        elif len(gram) == 2:
            pair_keys.append(_key(gram))
            pair_stats.extend(map(int, numbers))
            after[gram[0]].append(gram[1])
            before[gram[1]].append(gram[0])
        else:
            triple_keys.append(_key(gram))
            triple_counts.append(int(numbers[0]))
    if any(a >= b for keys in (pair_keys, triple_keys) for a, b in itertools.pairwise(keys)):
        raise ValueError("the character counts are not sorted")
    return CharNgrams(
        chars,
        pair_keys.tobytes(),
        pair_stats.tobytes(),
        triple_keys.tobytes(),
        triple_counts.tobytes(),
        {ch: "".join(chs) for ch, chs in after.items()},
        {ch: "".join(chs) for ch, chs in before.items()},
    )


def _from_mapped(head: object, arrays: list[memoryview]) -> CharNgrams | None:
    """The counts from a prebuilt copy: the head (chars, after, before) and the four arrays of `CharNgrams.parts`
    (None: not a copy of this format)."""
    if not (isinstance(head, tuple) and len(head) == 3 and all(isinstance(part, dict) for part in head)):
        return None
    if len(arrays) != 4 or any(len(blob) % size for blob, size in zip(arrays, (8, 4, 8, 4), strict=True)):
        return None
    pair_keys, pair_stats, triple_keys, triple_counts = arrays
    if len(pair_stats) != 3 * len(pair_keys) // 2 or len(triple_counts) != len(triple_keys) // 2:
        return None  # the stats of each pair (three) and the count of each triple (one) beside the keys
    chars, after, before = head
    return CharNgrams(chars, pair_keys, pair_stats, triple_keys, triple_counts, after, before)


_lock = threading.Lock()


@cache
def _load() -> CharNgrams:
    """From the prebuilt copy in the cache folder when there is one for this data file and this Python, else from
    the data file, writing the prebuilt copy for the next process (as `language._load`)."""
    data = resources.files("appraisal.checks").joinpath("data", "char_ngrams.txt.gz")
    path = prebuilt.copy_path("char-ngrams", FORMAT, [data])
    kept = prebuilt.read_mapped(path, "character counts", _from_mapped)
    if kept is not None:
        return kept
    model = _parse(data.read_bytes())
    chars, *arrays, after, before = model.parts()
    prebuilt.keep_mapped(path, "char-ngrams", (chars, after, before), arrays)
    return model


def char_ngrams() -> CharNgrams:
    """The counts, loaded once per process (thread-safe: the editor's worker and a check may ask at once)."""
    with _lock:
        return _load()
