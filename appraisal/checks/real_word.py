"""A right word in the wrong place: a common word written where a word one character away was meant (`加快经济开展`
for 发展, `认真贯彻落实` typed `认真惯彻落实` is a non-word and `typo_in_context`'s; this module is for the slips
that leave a real word). Used by `typo-in-context` (same rule id, same message).

A dictionary word is suspect when a character of the same or a similar sound or shape (`Language.similar`) makes a
common word and both models of the language agree, far beyond what the two words' own frequencies explain:
- the counts of running text (`char_ngrams`) make the text far more probable with the other word (CONTEXT_GAIN), and
  its neighbours alone account for most of it (NEIGHBOURS: the gain in context less the gain of the two words
  standing alone; without it every rare word next to a frequent one, 公示 and 公司, would be flagged);
- the split into words gains too (SPLIT_GAIN).
The thresholds were set on the development splits only: on 58,000 字 of clean real reports no finding, on 230,000
字 of held-out People's Daily text one (`雾天`), while about 8% of same-sound slips into a real word planted in those
reports are found (`benchmarks/language_rules.py reports … --ime --real-word`; README, issue 20).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from itertools import pairwise
from typing import NamedTuple

from appraisal.checks.char_ngrams import EDGE, CharNgrams, char_ngrams
from appraisal.checks.language import COMMON_WORD, SOUND_TONE, Language, Splits, Token, split_line
from appraisal.checks.model_memo import per_model
from appraisal.checks.person_names import person_names

CONTEXT_GAIN = 6.0  # natural log: the counts of running text make the text e^6 ≈ 400 times more probable
NEIGHBOURS = 6.0  # of which the neighbours, not the two words' own frequencies, bring at least this much
SPLIT_GAIN = 3.0  # and the split into dictionary words gains this much
SIDE = 2  # characters of the phrase on each side of the word that the document must write alike
DOCUMENT_GAIN = 2.0  # where the document writes the correction beside the same neighbours elsewhere: e^2 suffices
# Shared with typo_in_context, which reads real words through this module.
PROPER = frozenset({"nr", "ns", "nt", "nz"})  # a person, a place, a body, another name: a name misspelt is as
# likely another name (崔建 is not 崔健)
WINDOW = 4  # characters either side of a suspect that the local split looks at
ATTESTED = 3  # three characters seen this often in running text are taken as written
SELDOM_IN_TEXT = 20  # a character seen fewer times in the 3.8 M 字 of running text is never taken for a slip there,
# nor in a non-word unless a common word explains it beyond doubt (typo_in_context.SURE)
SEARCHED = 20_000  # a document up to this long is searched for the phrase written otherwise before the corrections
# are worked out (a search of a longer one costs more than working them out)
OCCURRENCES = 50  # of the phrase's longer half looked at in that search
MEMO = 50_000  # entries each memo keeps (the latest used): far more than a long report's suspects
# A variant written for the standard form (`家俱` for 家具, `座落` for 坐落, `关健` for 关键): a dictionary word whose
# character has the sound and the shape of one that makes a word far more frequent (VARIANT_GAP buckets: 2^4 = 16
# times) and that the counts of running text prefer there by e^VARIANT_GAIN. jieba's dictionary is built from web
# text and holds such forms; the neighbours, not a list, tell them from a rarer word meant (相融, 平价, 三份).
VARIANT_GAP = 8
VARIANT_GAIN = 8.0
COUNTS = ("m", "mq", "q")  # a numeral or a measure word (三份 is not 三分)
# Two real words a slip made of one (`检查|院` for 检察院): the word meant has SPAN characters, is at least this
# common (bucket 12: seen 64 times), the split gains e^SPAN_GAIN and the counts of running text agree (e^1.5).
SPAN = (3, 4)
SPAN_WORD = 12
SPAN_GAIN = 9.0
SPAN_AGREE = 1.5
MASK = "某"  # a name left out on purpose (总参某部, 某单位): no slip for 谋

Candidate = tuple[str, str, str, float]  # (right character, the word it makes, the word as written, gain)


def misused(
    line: str, model: Language, shared: Splits | None = None, document: str = ""
) -> Iterator[tuple[int, str, Candidate]]:
    """(offset in `line`, the written character, the correction) of each real word of `line` that is likely a slip
    for a common word one character away, left to right. `document`: the whole text the line is part of."""
    pairs = char_ngrams()
    names = person_names()
    for offset, run, tokens in split_line(model, line, shared):
        for token in tokens:
            size = token.end - token.start
            proper = token.pos in PROPER  # a name: only a variant's slip is judged there (关健)
            if not 2 <= size <= 3 or (proper and not _rare_name(model, token.text)):
                continue
            for i in range(size):
                at = token.start + i
                window, j = run[max(0, at - WINDOW) : at + WINDOW + 1], min(at, WINDOW)
                best = None if proper else _judge(model, pairs, window, j, token.text, i)
                if best is None and size == 2 and model.shaped_alike(run[at]):
                    best = _variant(model, pairs, window, j, token.text, i)
                if best is None and document and not proper:
                    best = _written_elsewhere(model, pairs, window, j, token.text, i, document)
                if best is not None and not names.in_a_name(line, offset + at):
                    yield offset + at, run[at], best
        for at, best in _spanning(model, pairs, run, tokens):
            if not names.in_a_name(line, offset + at):
                yield offset + at, run[at], best


def _written_elsewhere(
    model: Language, pairs: CharNgrams, window: str, j: int, word: str, i: int, document: str
) -> Candidate | None:
    """The correction of a word that the document itself writes elsewhere beside the same neighbours, where the
    phrase as written stands only here (`经济开展` once, `经济发展` elsewhere): the writer's own text is the
    evidence the counts of running text lack; they must still agree, if less strongly (DOCUMENT_GAIN)."""
    start = j - i
    left, right = window[max(0, start - SIDE) : start], window[start + len(word) : start + len(word) + SIDE]
    if len(left) + len(right) < SIDE:
        return None  # at a run's edge the punctuation bounds the phrase: two characters on one side suffice
    if len(document) <= SEARCHED and not _another_between(document, left + word[:i], word[i], word[i + 1 :] + right):
        return None  # no correction is written elsewhere: the weak ones are not worked out (~20% of a check)
    weak = _scored(model, pairs, window, j, word, i, IN_THE_DOCUMENT)
    if not weak or written_twice(document, left + word + right):
        return None
    written = _between(document, left + word[:i], word[i + 1 :] + right)  # one search, not a count per candidate
    best = None
    for ch, other, _word, gain in weak:
        if ch in written and (best is None or gain > best[3]):
            best = (ch, other, word, gain)
    return best


def written_twice(document: str, phrase: str) -> bool:
    """`document.count(phrase) >= 2`, reading only up to the second: a count reads the whole text, and on a 2-MB
    line each weak candidate's count was ~0.6 ms (~30% of checking it; tests/test_fuzz_checker.py)."""
    first = document.find(phrase)
    return first >= 0 and document.find(phrase, first + max(1, len(phrase))) >= 0


def _between(document: str, head: str, tail: str) -> set[str]:
    """The characters `document` writes between `head` and `tail` (each place, overlapping ones too): one search
    of the longer of the two."""
    found = set()
    if len(head) >= len(tail):
        at = document.find(head)
        while at >= 0:
            middle = at + len(head)
            if middle < len(document) and document.startswith(tail, middle + 1):
                found.add(document[middle])
            at = document.find(head, at + 1)
    else:
        at = document.find(tail, len(head) + 1)
        while at >= 0:
            if document.startswith(head, at - 1 - len(head)):
                found.add(document[at - 1])
            at = document.find(tail, at + 1)
    return found


def _another_between(document: str, head: str, written: str, tail: str) -> bool:
    """Whether `document` may hold `head`, then one character other than `written`, then `tail` (the phrase with
    another character in the place of the written one): False only when it certainly does not. The longer of the
    two is searched for; past OCCURRENCES of it the answer is yes."""
    if len(head) >= len(tail):
        at = document.find(head)
        for _ in range(OCCURRENCES):
            if at < 0:
                return False
            middle = at + len(head)
            if middle < len(document) and document[middle] != written and document.startswith(tail, middle + 1):
                return True
            at = document.find(head, at + 1)
        return True
    at = document.find(tail, len(head) + 1)
    for _ in range(OCCURRENCES):
        if at < 0:
            return False
        middle = at - 1
        if document[middle] != written and document.startswith(head, middle - len(head)):
            return True
        at = document.find(tail, at + 1)
    return True


class Bar(NamedTuple):
    """How strongly the two models must take a correction: the gain by the counts of running text (`context`), the
    part of it the neighbours bring beyond the two words' own frequencies (`neighbours`; None: not asked), the gain
    of the split into words (`split`), and whether three characters common as written are taken as meant."""

    context: float
    neighbours: float | None
    split: float
    attested: bool


ON_ITS_OWN = Bar(CONTEXT_GAIN, NEIGHBOURS, SPLIT_GAIN, True)  # a word judged by the models alone
IN_THE_DOCUMENT = Bar(DOCUMENT_GAIN, None, 0.0, False)  # a correction the document writes elsewhere (weaker)


@per_model(MEMO, models=2)  # reports repeat their phrases: a word in its window judged once
def _scored(
    model: Language, pairs: CharNgrams, window: str, j: int, word: str, i: int, bar: Bar
) -> tuple[Candidate, ...]:
    """The corrections of the character at `j` of `window` (the `i`th of the dictionary word `word`) that both
    models take as strongly as `bar` asks, in the order of `Language.similar`."""
    wrong = window[j]
    if pairs.count(wrong) < SELDOM_IN_TEXT:
        return ()
    before = (EDGE + window)[max(0, j - 1) : j + 1]
    after = (window + EDGE)[j + 1 : j + 3]
    if bar.attested and pairs.triple(before[-1] + wrong + after[0]) >= ATTESTED:
        return ()
    alone = EDGE + word + EDGE  # the word with nothing around it: what its own frequency says
    alone_before, alone_after = alone[max(0, i - 1) : i + 1], alone[i + 2 : i + 4]
    left, right = word[:i], word[i + 1 :]
    cost = None
    scored = []
    for ch in model.common_among(left, model.similar(wrong), right):
        other = left + ch + right
        if model.pos(other) in PROPER:
            continue
        gain = pairs.gain(before, wrong, after, ch)
        if gain < bar.context or (
            bar.neighbours is not None and gain - pairs.gain(alone_before, wrong, alone_after, ch) < bar.neighbours
        ):
            continue
        if cost is None:
            cost = model.segment_cost(window)
        fixed = window[:j] + ch + window[j + 1 :]
        split = cost - model.segment_cost(fixed)
        if split >= bar.split and _splits_as(model, fixed, j - i, other):
            scored.append((ch, other, word, gain + split))
    return tuple(scored)


def _judge(model: Language, pairs: CharNgrams, window: str, j: int, word: str, i: int) -> Candidate | None:
    """The best correction of the character at `j` of `window` (the `i`th of the dictionary word `word`), or None."""
    scored = _scored(model, pairs, window, j, word, i, ON_ITS_OWN)
    return max(scored, key=lambda c: c[3]) if scored else None


def _spanning(model: Language, pairs: CharNgrams, run: str, tokens: list[Token]) -> Iterator[tuple[int, Candidate]]:
    """A slip that split a word of three or four characters into two real words (`检查|院` for 检察院, `自立|更生`
    for 自力更生, `一如|继往`): a character of the same syllable makes the two one common word, the split gains
    beyond SPAN_GAIN and the counts of running text agree."""
    index = _span_words(model)
    for first, second in pairwise(tokens):
        size = second.end - first.start
        if not SPAN[0] <= size <= SPAN[1] or max(first.end - first.start, second.end - second.start) < 2:
            continue
        span = run[first.start : second.end]
        for k in range(size):
            if span[:k] + "\0" + span[k + 1 :] not in index:
                continue  # no common word of the span's other characters: most spans, one look-up each
            at = first.start + k
            best = _span_judge(model, pairs, run[max(0, at - WINDOW) : at + WINDOW + 1], min(at, WINDOW), span, k)
            if best is not None:
                yield at, best


@per_model(1)
def _span_words(model: Language) -> dict[str, str]:
    """The common words of SPAN characters by each of their characters left out (`检\0院` → 察): one look-up tells
    which characters make a word of a span (~12,000 words, ~25 ms to work out: kept beside the model's copy)."""
    params = f"{SPAN[0]}.{SPAN[1]}.{SPAN_WORD}.1"  # and 1: the format of the table
    return model.kept("span-words", params, lambda: _span_words_of(model), lambda value: isinstance(value, dict))


def _span_words_of(model: Language) -> dict[str, str]:
    found: dict[str, str] = {}
    for word in model.words_of(range(SPAN[0], SPAN[1] + 1), SPAN_WORD):
        for k in range(len(word)):
            key = word[:k] + "\0" + word[k + 1 :]
            found[key] = found.get(key, "") + word[k]
    return found


@per_model(MEMO, models=2)
def _span_judge(model: Language, pairs: CharNgrams, window: str, j: int, span: str, k: int) -> Candidate | None:
    wrong = window[j]
    fits = _span_words(model)[span[:k] + "\0" + span[k + 1 :]]
    if pairs.count(wrong) < SELDOM_IN_TEXT or wrong == MASK:
        return None
    before = (EDGE + window)[max(0, j - 1) : j + 1]
    after = (window + EDGE)[j + 1 : j + 3]
    alike = model.similar(wrong)
    cost = None
    best = None
    for ch in fits:
        word = span[:k] + ch + span[k + 1 :]
        if alike.get(ch, 0.0) < SOUND_TONE or model.pos(word) in PROPER:
            continue
        if pairs.gain(before, wrong, after, ch) < SPAN_AGREE:
            continue
        if cost is None:
            cost = model.segment_cost(window)
        gain = cost - model.segment_cost(window[:j] + ch + window[j + 1 :]) + 3 * math.log(alike[ch])
        if gain >= SPAN_GAIN and (best is None or gain > best[3]):
            best = (ch, word, span, gain)
    return best


def _rare_name(model: Language, word: str) -> bool:
    """Whether a word the dictionary tags as a name is rare enough to be a variant's slip (`关健` is tagged a
    person's name, seen a few times): only a variant is judged there (VARIANT_GAP)."""
    return len(word) == 2 and (model.bucket(word) or 0) < COMMON_WORD


@per_model(MEMO, models=2)
def _variant(model: Language, pairs: CharNgrams, window: str, j: int, word: str, i: int) -> Candidate | None:
    """The standard form of a dictionary word written as a variant (`家俱` for 家具), or None."""
    wrong = window[j]
    shaped = model.shaped_alike(wrong)
    written = model.bucket(word)
    if not shaped or written is None or model.pos(word) in COUNTS:
        return None
    before = (EDGE + window)[max(0, j - 1) : j + 1]
    after = (window + EDGE)[j + 1 : j + 3]
    alike = model.similar(wrong)
    best = None
    for ch in shaped:
        other = word[:i] + ch + word[i + 1 :]
        if alike.get(ch, 0.0) < SOUND_TONE or (model.bucket(other) or 0) - written < VARIANT_GAP:
            continue
        gain = pairs.gain(before, wrong, after, ch)
        if gain >= VARIANT_GAIN and (best is None or gain > best[3]):
            best = (ch, other, word, gain)
    return best


def _splits_as(model: Language, text: str, start: int, word: str) -> bool:
    """Whether the split of the corrected text has `word` at `start`: the gain comes from the word the finding
    names, not from another the new character makes with a neighbour (`真争气` → 真正|气 is no 正气)."""
    return any(token.start == start and token.text == word for token in model.segment(text))
