"""The checker's model of the language: words with their frequency and part of speech, the readings of characters
and characters of similar shape, and a segmenter on top of them. The dictionary rules (`typo-in-context`,
`de-di-de`, `repeated-word`) reason with it; it is loaded on first use (about 0.2 s of CPU), never at import, so
`appraisal check` starts as fast as before and the editor loads it in a worker once typing stops.

A prebuilt copy (Python's marshal format) is kept in the cache folder and rebuilt whenever the data files or the
Python version change. The data are built by `tools/build_language_data.py` from jieba's dictionary (words,
frequencies, parts of speech), pypinyin (readings) and pycorrector's similar-shape groups; see
`data/LANGUAGE-SOURCES.md`.
"""

from __future__ import annotations

import array
import logging
import math
import threading
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator
from functools import cache
from importlib import resources
from itertools import chain
from pathlib import Path
from typing import NamedTuple, TypeVar

from appraisal.checks import prebuilt, word_blanks
from appraisal.checks.chars import HAN_UNIFIED
from appraisal.text.lazy_regex import lazy_compile

log = logging.getLogger(__name__)
T = TypeVar("T")

HAN_RUN = lazy_compile(rf"[{HAN_UNIFIED}]+")  # the block the model's words are written in
MAX_WORD = 4  # the longest word the segmenter tries (`Language._cut` is written out for this length)
SOUND_SAME = 1.0  # the same syllable and tone: 章/彰, 惯/贯
SOUND_TONE = 0.8  # the same syllable in another tone
SOUND_NEAR = 0.5  # an initial or final many speakers merge: zh/z, ch/c, sh/s, n/l; an/ang, en/eng, in/ing
SHAPE = 0.7  # a character of similar shape
_WEIGHTS = (SOUND_SAME, SOUND_TONE, SOUND_NEAR, SOUND_NEAR, SHAPE)  # of the groups `Language._alike` reads
_LIGHTEST_FIRST = sorted(range(len(_WEIGHTS)), key=_WEIGHTS.__getitem__)
_FUZZY_INITIAL = {"z": "zh", "zh": "z", "c": "ch", "ch": "c", "s": "sh", "sh": "s", "n": "l", "l": "n"}
_FUZZY_FINAL = {"an": "ang", "ang": "an", "en": "eng", "eng": "en", "in": "ing", "ing": "in"}
_SYLLABLE = lazy_compile(r"([bpmfdtnlgkhjqxrzcsyw]h?|)([a-z]+?)(\d?)")
RARE_BUCKET = 3  # words seen at most 2^(3/2) ≈ 3 times in jieba's counts: known, but not used to segment
FORMAT = 8  # of the prebuilt copy: a new number when what it holds changes
RECORD = "utf-32-be"  # the rare words' records: bytes in code point order, searched without decoding
RECORD_SIZE = 4 * MAX_WORD  # bytes of a record (UTF-32 takes four a character, NUL-padded to MAX_WORD)
COMMON_WORD = 10  # frequency bucket (round(2·log2 f)) from which a word is common: seen 32 times or more
_UNKNOWN_BUCKET = -2  # a character the dictionary does not know costs as a word seen once in two


class Token(NamedTuple):
    """A word of a split (a tuple: made by the hundred thousand when a long text is checked)."""

    start: int
    end: int
    text: str
    pos: str  # jieba's part of speech ("v", "n", "a", "d"…); "" for a character the dictionary does not know


class Language:
    """Words (frequency bucket, part of speech), character readings and shapes, as read from the data files."""

    def __init__(
        self,
        words: dict[str, int],
        tags: list[str],
        readings: dict[str, str],
        rare_readings: dict[str, str],
        log_total: float,
        rare_words: bytes,
        sounds: tuple[dict[str, str], dict[str, str], dict[str, str]],
        pairs: tuple[dict[str, str], dict[str, str]] | None = None,
    ):
        """`readings`: the usual reading of each common character (those offered as corrections);
        `rare_readings`: of the others. `log_total`: the log of the dictionary's total frequency. `rare_words`: words
        seen at most RARE_BUCKET times as sorted records of MAX_WORD characters (padded with NUL) encoded in RECORD
        (`_records`; kept so in the prebuilt copy: decoding 780,000 characters took 2–5 ms of every check):
        known, so never taken for slips, but kept out of the segmenter and out of memory as objects. `sounds`: the
        common characters by reading, by syllable and by similar shape (`_sounds`). `pairs`: for each character,
        those that make a common two-character word before it and after it (`_common_pairs`; made from `words` when not
        given)."""
        self._words = words  # word → bucket * 64 + index of its part of speech in `tags`
        self._tags = tags
        self._readings = readings
        self._rare_readings = rare_readings
        self._by_tone, self._by_syllable, self._shape_of = sounds
        self._log_total = log_total
        step = math.log(2) / 2
        # -log P of a word by its dictionary value (bucket * 64 + tag), computed as `cost` does
        self._costs = [log_total - value // 64 * step for value in range(max(words.values(), default=0) + 1)]
        self._unknown_cost = log_total - _UNKNOWN_BUCKET * step
        self._rare_words = rare_words
        self._rare_seen: dict[str, bool] = {}  # the answers of `rare`, a binary search each
        self._similar: dict[str, dict[str, float]] = {}
        self._shaped: dict[str, str] = {}
        self._common_before, self._common_after = pairs if pairs is not None else _common_pairs(words)
        self._copy: Path | None = None  # the prebuilt copy of the shipped model (`_load`); None for another model
        self._blanks: bytes | None = None  # the blanks a common word fills (`word_blanks`), read on first use

    def kept(self, kind: str, params: str, make: Callable[[], T], fits: Callable[[object], bool]) -> T:
        """`make()`: a table a rule works out from the whole model (~25 ms), kept in the cache folder beside the
        model's prebuilt copy for the next process, named by `kind`, by `params` (what else it depends on) and by
        the copy. `fits`: whether a value read back is such a table (a damaged copy is made again). A model not
        loaded from the shipped data makes it every time."""
        if self._copy is None:
            return make()
        path = self._copy.with_name(f"{kind}-{params}-{self._copy.name.removeprefix('language-')}")
        found = prebuilt.read(path, kind, lambda value: value if fits(value) else None)
        if found is None:
            found = make()
            prebuilt.keep(path, kind, found)
        return found

    # ---------------------------------------------------------------- words

    def __contains__(self, word: str) -> bool:
        return word in self._words or self.rare(word)

    def rare(self, word: str) -> bool:
        """Whether `word` is one of the words the dictionary saw only a few times (kept out of the segmenter)."""
        if not 1 < len(word) <= MAX_WORD:
            return False
        known = self._rare_seen.get(word)
        if known is None:
            if len(self._rare_seen) > 100_000:
                self._rare_seen.clear()
            known = self._rare_seen[word] = self._search_rare(word)
        return known

    def _search_rare(self, word: str) -> bool:
        """A binary search of the records: their bytes compare as the characters' code points do."""
        key = word.ljust(MAX_WORD, "\0").encode(RECORD, "surrogatepass")  # any text a caller asks about
        records, size = self._rare_words, RECORD_SIZE
        low, high = 0, len(records) // size
        while low < high:
            middle = (low + high) // 2
            if records[middle * size : (middle + 1) * size] < key:
                low = middle + 1
            else:
                high = middle
        return records[low * size : (low + 1) * size] == key

    def bucket(self, word: str) -> int | None:
        """round(2·log2 frequency) of a word the dictionary knows, else None."""
        value = self._words.get(word)
        return None if value is None else value // 64

    def pos(self, word: str) -> str:
        value = self._words.get(word)
        return "" if value is None else self._tags[value % 64]

    def cost(self, word: str) -> float | None:
        """-log P(word) in the dictionary's unigram model; None for a word it does not know."""
        value = self._words.get(word)
        return None if value is None else self._log_total - value // 64 * (math.log(2) / 2)

    def segment(self, text: str) -> list[Token]:
        """The most probable split of a run of Han characters into dictionary words (jieba's unigram model); a
        character the dictionary does not know is a token of its own."""
        _cost, back, values = self._cut(text)
        tags = self._tags
        tokens: list[Token] = []
        end = len(text)
        while end > 0:
            start = end - back[end]
            value = values[end]
            tokens.append(Token(start, end, text[start:end], "" if value is None else tags[value % 64]))
            end = start
        tokens.reverse()
        return tokens

    def segment_cost(self, text: str) -> float:
        return self._cut(text)[0]

    def _cut(self, text: str) -> tuple[float, list[int], list[int | None]]:
        """The cost of the best split of `text`, and for each end of a word in it the length of that word and its
        dictionary value (None: a character the dictionary does not know). Of two splits that cost the same the
        one whose last word is shorter wins. The lengths are written out (one look-up each): this loop is most of
        the time of the dictionary rules."""
        get, costs = self._words.get, self._costs
        unknown = self._unknown_cost
        n = len(text)
        best = [0.0] * (n + 1)
        back = [1] * (n + 1)
        values: list[int | None] = [None] * (n + 1)
        for end in range(1, n + 1):
            value = get(text[end - 1])
            low = best[end - 1] + (unknown if value is None else costs[value])
            length = 1
            if end > 1:
                found = get(text[end - 2 : end])
                if found is not None:
                    total = best[end - 2] + costs[found]
                    if total < low:
                        low, length, value = total, 2, found
                if end > 2:
                    found = get(text[end - 3 : end])
                    if found is not None:
                        total = best[end - 3] + costs[found]
                        if total < low:
                            low, length, value = total, 3, found
                    if end > 3:
                        found = get(text[end - 4 : end])
                        if found is not None:
                            total = best[end - 4] + costs[found]
                            if total < low:
                                low, length, value = total, 4, found
            best[end] = low
            back[end] = length
            values[end] = value
        return best[n], back, values

    def common(self, word: str) -> bool:
        """Whether `word` is a common word (frequency bucket ≥ COMMON_WORD), one a writer may have meant."""
        return self._words.get(word, -1) >= COMMON_WORD * 64

    def common_among(self, left: str, characters: Collection[str], right: str) -> list[str]:
        """Those of `characters` (read twice: a collection) that make a common word between `left` and `right` (the
        inner loop of the typo rule: one dictionary look-up each, unless no common word fills the blank)."""
        get, least = self._words.get, COMMON_WORD * 64
        if len(left) + len(right) == 1:  # a two-character word (~60% of ~120,000 look-ups in a check of 3,000 字):
            # the characters that make a common one with `right` (or `left`) are one string, searched in place
            fits = self._common_before.get(right, "") if right else self._common_after.get(left, "")
            if not fits:
                return []
            found = list(filter(fits.__contains__, characters))  # each searched in C, not in a Python loop
            return found if all(len(ch) == 1 for ch in found) else [ch for ch in found if len(ch) == 1]
        if (
            len(left) + len(right) + 1 in word_blanks.SIZES
            and not word_blanks.may_fill(self._blanks or self._blank_filter(), left, right)
            and not any(map((1).__ne__, map(len, characters)))  # each a character: the word would fill this blank
        ):
            return []  # no common word of three or four characters has this blank (most of ~1,300 asked a check)
        if not left:  # one string joined a look-up instead of two
            return [ch for ch in characters if get(ch + right, -1) >= least]
        if not right:
            return [ch for ch in characters if get(left + ch, -1) >= least]
        return [ch for ch in characters if get(left + ch + right, -1) >= least]

    def _blank_filter(self) -> bytes:
        """The filter of the blanks the common words of `word_blanks.SIZES` characters fill, kept beside the copy."""
        self._blanks = self.kept(
            "common-blanks",
            f"{COMMON_WORD}.{word_blanks.BITS}.1",
            lambda: word_blanks.make(
                self.words_of(range(word_blanks.SIZES[0], word_blanks.SIZES[-1] + 1), COMMON_WORD)
            ),
            word_blanks.sound,
        )
        return self._blanks

    # ---------------------------------------------------------------- characters

    def known_char(self, ch: str) -> bool:
        return ch in self._readings

    def words_of(self, sizes: range, least: int) -> Iterator[str]:
        """The words of `sizes` characters the dictionary knows at frequency bucket `least` or above."""
        least *= 64
        return (word for word, value in self._words.items() if len(word) in sizes and value >= least)

    def shaped_alike(self, ch: str) -> str:
        """The common characters of a shape like `ch`'s (`具` for `俱`, `坐` for `座`), as one string."""
        found = self._shaped.get(ch)
        if found is None:
            found = self._shaped[ch] = "".join(other for other in self._shape_of.get(ch, "") if other in self._readings)
        return found

    def similar(self, ch: str) -> dict[str, float]:
        """The characters a writer may have meant instead of `ch`, each with how alike the two are (1.0: the same
        sound; lower: another tone, a near sound, a similar shape). Only common characters are offered."""
        found = self._similar.get(ch)
        if found is None:
            found = self._similar[ch] = self._alike(ch)
        return found

    def _alike(self, ch: str) -> dict[str, float]:
        """`similar` worked out: each character in the order it first appears among those of the same reading, the
        same syllable, a near syllable and a similar shape, with the highest of the weights of the groups it is in.
        Made in C (a few dict operations over strings) rather than a Python loop per character (~1,000 characters
        a check, ~15 µs each)."""
        by_syllable = self._by_syllable
        spelling = self._readings.get(ch) or self._rare_readings.get(ch)
        if spelling:
            initial, final, _tone = _split(spelling)
            same = self._by_tone.get(spelling, "")
            tone = by_syllable.get(initial + final, "")
            near = by_syllable.get(_FUZZY_INITIAL.get(initial, "\0") + final, "")
            near_final = by_syllable.get(initial + _FUZZY_FINAL.get(final, "\0"), "")
        else:
            same = tone = near = near_final = ""
        shaped = "".join(filter(self._readings.__contains__, self._shape_of.get(ch, "")))
        groups = (same, tone, near, near_final, shaped)
        found = dict.fromkeys(chain(*groups), 0.0)  # the order: each character at its first place
        for index in _LIGHTEST_FIRST:  # a character's heaviest group is the last to set its weight
            found.update(dict.fromkeys(groups[index], _WEIGHTS[index]))
        found.pop(ch, None)
        return found


def _split(spelling: str) -> tuple[str, str, str]:
    match = _SYLLABLE.fullmatch(spelling)
    return match.groups() if match else ("", spelling, "")  # type: ignore[return-value]


def han_runs(line: str) -> Iterator[tuple[int, str]]:
    """(start, text) of every run of Han characters in a line."""
    for match in HAN_RUN.finditer(line):
        yield match.start(), match.group()


Split = list[tuple[int, str, list[Token]]]
"""(offset, run, words) of each run of Han characters of a line."""
Splits = dict[int, tuple[str, Split]]
"""The splits of the lines a check run has read, by the line's id (the line kept beside its split)."""
SPLITS = "language.splits"  # where a check run keeps them (`Context.shared(SPLITS, dict)`)


def split_line(model: Language, line: str, shared: Splits | None = None) -> Split:
    """The runs of Han characters of `line`, each split into words. `shared`: the splits of the lines one check run
    has read: the dictionary rules (typo-in-context, de-di-de, repeated-word) read the same lines, and each line is
    split once per run (a line is known by the object itself, kept beside its split). The words are shared: never
    change them."""
    if shared is not None:
        kept = shared.get(id(line))
        if kept is not None and kept[0] is line:
            return kept[1]
    split = [(offset, run, model.segment(run)) for offset, run in han_runs(line)]
    if shared is not None:
        shared[id(line)] = (line, split)
    return split


_lock = threading.Lock()


@cache
def _load() -> Language:
    """The model from the prebuilt copy in the cache folder when there is one for these data files and this Python
    (0.2 s of CPU), else from the data files (0.6 s), writing the prebuilt copy for the next process."""
    data = resources.files("appraisal.checks").joinpath("data")
    files = [data.joinpath("words.txt.gz"), data.joinpath("chars.txt")]
    path = prebuilt.copy_path("language", FORMAT, files)
    kept = prebuilt.read(path, "dictionary", _from_parts)
    if kept is not None:
        kept._copy = path
        return kept
    words_gz, chars = (file.read_bytes() for file in files)
    model = _parse(words_gz, chars.decode("utf-8"))
    prebuilt.keep(path, "language", _parts(model))
    model._copy = path
    return model


def _parts(model: Language) -> tuple[object, ...]:
    """What the prebuilt copy keeps: every table the model reads, made once (`_from_parts` reads them)."""
    return (
        *_pack_words(model._words),
        model._tags,
        model._readings,
        model._rare_readings,
        model._log_total,
        model._rare_words,
        model._by_tone,
        model._by_syllable,
        model._shape_of,
        model._common_before,
        model._common_after,
    )


def _from_parts(parts: object) -> Language | None:
    """The model from the parts of a prebuilt copy (None: not a copy of this format)."""
    if not (isinstance(parts, tuple) and len(parts) == 12):
        return None
    text, values, tags, readings, rare_readings, log_total, rare_words, by_tone, by_syllable, shape_of, *pairs = parts
    kinds = (bytes, bytes, list, dict, dict, float, bytes, dict, dict, dict, dict, dict)
    if not all(isinstance(part, kind) for part, kind in zip(parts, kinds, strict=True)):
        return None
    if len(rare_words) % RECORD_SIZE:
        return None  # records cut short: `rare` would search them out of step
    before, after = pairs
    return Language(
        _unpack_words(text, values),
        tags,
        readings,
        rare_readings,
        log_total,
        rare_words,
        (by_tone, by_syllable, shape_of),
        (before, after),
    )


def _pack_words(words: dict[str, int]) -> tuple[bytes, bytes]:
    """The words of the prebuilt copy as one UTF-16 text (a word a line) and their values as machine integers:
    the dictionary is made again from them in about 70% of the time marshal takes to read it as a dict (one
    string split and one zip instead of 146,000 UTF-8 decodings)."""
    return "\n".join(words).encode("utf-16-le"), array.array("i", words.values()).tobytes()


def _unpack_words(text: bytes, values: bytes) -> dict[str, int]:
    numbers = array.array("i")
    numbers.frombytes(values)
    words = text.decode("utf-16-le").split("\n") if text else []
    if len(words) != len(numbers):
        raise ValueError("the prebuilt dictionary's words and values differ in number")
    return dict(zip(words, numbers, strict=True))


def _parse(words_gz: bytes, chars: str) -> Language:
    import gzip  # only when the prebuilt copy is made (the data files are gzipped)

    words: dict[str, int] = {}
    tags: list[str] = []
    index: dict[str, int] = {}
    for line in gzip.decompress(words_gz).decode("utf-8").splitlines():
        bucket, tag, listed = line.split("\t")
        if tag not in index:
            index[tag] = len(tags)
            tags.append(tag)
        words.update(dict.fromkeys(listed.split(" "), int(bucket) * 64 + index[tag]))
    readings: dict[str, str] = {}
    rare_readings: dict[str, str] = {}
    shapes: list[str] = []
    for line in chars.splitlines():
        if line.startswith("#"):
            continue
        first, _, rest = line.partition("\t")
        if first == "=":
            shapes.append(rest)
        else:
            spellings, _, rare = rest.partition("\t")
            # the usual reading only: a rare one (提 dī, 不 fǒu) would make noise, not typos
            (rare_readings if rare else readings)[first] = spellings.split(" ")[0]
    log_total = math.log(sum(2 ** (value // 64 / 2) for value in words.values()))
    seldom = sorted(word for word, value in words.items() if len(word) > 1 and value // 64 <= RARE_BUCKET)
    for word in seldom:
        del words[word]
    return Language(words, tags, readings, rare_readings, log_total, _records(seldom), _sounds(readings, shapes))


def _records(words: Iterable[str]) -> bytes:
    """Sorted words of up to MAX_WORD characters as the rare words' records (`Language`): NUL-padded, in RECORD."""
    return "".join(word.ljust(MAX_WORD, "\0") for word in words).encode(RECORD)


def _common_pairs(words: dict[str, int]) -> tuple[dict[str, str], dict[str, str]]:
    """For each character, the characters that make a common two-character word (`Language.common`) before it and
    after it, each as one string in the dictionary's order."""
    before: dict[str, list[str]] = defaultdict(list)
    after: dict[str, list[str]] = defaultdict(list)
    least = COMMON_WORD * 64
    for word, value in words.items():
        if len(word) == 2 and value >= least:
            before[word[1]].append(word[0])
            after[word[0]].append(word[1])
    return {ch: "".join(chs) for ch, chs in before.items()}, {ch: "".join(chs) for ch, chs in after.items()}


def _sounds(readings: dict[str, str], shapes: list[str]) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """The common characters by reading (`zhang1` → 章彰…), by syllable without its tone (`zhang`) and, for each
    character in a group of similar shape, the others of its group: each as one string, in code point order."""
    by_tone: dict[str, set[str]] = defaultdict(set)
    by_syllable: dict[str, set[str]] = defaultdict(set)
    shape_of: dict[str, set[str]] = defaultdict(set)
    for group in shapes:
        for ch in group:
            shape_of[ch].update(c for c in group if c != ch)
    for ch, spelling in readings.items():
        by_tone[spelling].add(ch)
        by_syllable[spelling.rstrip("012345")].add(ch)
    tone, syllable, shape = (
        {key: "".join(sorted(chs)) for key, chs in table.items()} for table in (by_tone, by_syllable, shape_of)
    )
    return tone, syllable, shape


def language() -> Language:
    """The model, loaded once per process (thread-safe: the editor's worker and a check may ask at once)."""
    with _lock:
        return _load()
