"""`typo-in-context`: a misspelling no list holds — a character that leaves a non-word where a character of the same
or a similar sound or shape makes a common word or 成语 (`章显` for `彰显`, `蹉商` for `磋商`, `惯彻` for `贯彻`).

The model (`appraisal.checks.language`): the sentence is split into dictionary words; a character left on its own is
a suspect; each character like it (`Language.similar`) that forms a common word with its neighbours is a candidate,
scored by how much more probable the split becomes (jieba's unigram model) and by how alike the two characters are.
Only a candidate that makes the sentence far more probable is reported, and never where a proper noun stands
(`appraisal.checks.proper_names`: before 片区/村/公司…, next to a title, in quotation marks). A fix is offered
only when one candidate clearly wins; when two are close, the finding names both and fixes nothing.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from appraisal.checks.base import IDLE, WARNING, Context, Field, Finding, Rule
from appraisal.checks.language import Language, han_runs, language
from appraisal.checks.proper_names import after_a_place, looks_like_a_name, name_position

MIN_GAIN = 5.0  # natural-log units: the corrected sentence must be this much more probable (e^5 ≈ 150 times)
SURE = 8.0  # a correction this strong is offered even for a non-word the writer wrote more than once (公作 for 工作)
CLEAR_WIN = 3.0  # the best candidate must beat the next by this much for its fix to be offered
SIMILARITY_WEIGHT = 3.0  # how much a near sound or a similar shape costs against the same sound
PROPER = frozenset({"ns", "nt", "nz"})  # a place, a body, another name: one name misspelt is as likely another name
WINDOW = 4  # characters either side of a suspect that the local split looks at


@dataclass(frozen=True)
class Suspect:
    start: int  # offset of the character in the line
    wrong: str
    candidates: tuple[tuple[str, str, str, float], ...]  # (right character, the word it makes, the non-word, gain)

    @property
    def gain(self) -> float:
        return self.candidates[0][3]

    @property
    def clear(self) -> bool:
        gains = [gain for _ch, _word, _wrong, gain in self.candidates]
        return len(gains) == 1 or gains[0] - gains[1] >= CLEAR_WIN


def suspects(line: str, model: Language | None = None, document: str = "") -> Iterator[Suspect]:
    """The characters of `line` that are likely misspelt, left to right. `document`: the whole text the line is
    part of. What looks like a name or a coinage — a short run between punctuation, an item of a list, a place
    word, a non-word written twice in the document — is taken as meant unless a common word explains it beyond
    doubt (gain ≥ SURE); a surname next to a title always is."""
    model = model or language()
    for offset, run in han_runs(line):
        found = []
        tokens = model.segment(run)
        for token in tokens:
            if token.end - token.start != 1 or _parallel(run, token.start):
                continue
            candidates = _judge(model, run, token.start)
            if candidates is None:
                continue
            start, end = _span(line, offset, run, candidates[0])
            if name_position(model, line, start, end, offset + token.start, candidates[0]) or after_a_place(
                tokens, run, candidates[0]
            ):
                continue
            if candidates[0][3] < SURE and (
                len(run) <= 3  # a name or a term standing alone between punctuation (`虎形、梓树`)
                or looks_like_a_name(line, start, end)
                or (document and document.count(candidates[0][2]) >= 2)
            ):
                continue
            found.append(Suspect(offset + token.start, run[token.start], candidates))
        # Two suspects side by side are most often one misspelt character and its innocent neighbour (`工司`: 工
        # for 公, not 司 for 事): the one whose correction makes the sentence more probable is kept.
        for suspect in found:
            if not any(0 < abs(other.start - suspect.start) <= 2 and other.gain > suspect.gain for other in found):
                yield suspect


def _parallel(run: str, at: int) -> bool:
    """Whether the character stands in a parallel four-character phrase, `一户一策`, `直评直议`, `通村通组`: its
    words are the writer's coinage, not slips."""
    return any(
        start >= 0 and start + 3 < len(run) and run[start] == run[start + 2] and run[start + 1] != run[start + 3]
        for start in range(at - 3, at + 1)
    )


def _span(line: str, offset: int, run: str, best: tuple[str, str, str, float]) -> tuple[int, int]:
    start = offset + run.find(best[2])
    return start, start + len(best[2])


def _judge(model: Language, run: str, at: int) -> tuple[tuple[str, str, str, float], ...] | None:
    low, high = max(0, at - WINDOW), min(len(run), at + WINDOW + 1)
    key = (id(model), run[low:high], at - low)
    scored = _judged.get(key)
    if scored is None:
        if len(_judged) > 50_000:
            _judged.clear()
        scored = _judged[key] = _score(model, run[low:high], at - low)
    if not scored or scored[0][3] < MIN_GAIN:
        return None
    return tuple(c for c in scored if c[3] >= scored[0][3] - CLEAR_WIN)


# Reports repeat their phrases: the candidates of a character in a window of text are worked out once.
_judged: dict[tuple[int, str, int], list[tuple[str, str, str, float]]] = {}


def _score(model: Language, window: str, j: int) -> list[tuple[str, str, str, float]]:
    """The corrections of the character at `j` of `window`, best first, each with the gain it brings."""
    similar = model.similar(window[j])
    if not similar:
        return []
    spans = [
        (start, end)
        for start in range(max(0, j - 3), j + 1)
        for end in range(max(j + 1, start + 2), min(len(window), start + 4) + 1)
    ]
    if any(model.rare(window[start:end]) for start, end in spans):
        return []  # the character is part of a word the dictionary knows, if seldom (a name, a term)
    words: dict[str, tuple[str, str]] = {}
    for start, end in spans:
        if window[start:end] in model:
            continue
        left, right = window[start:j], window[j + 1 : end]
        for ch in model.common_among(left, similar, right):
            if model.pos(left + ch + right) not in PROPER:
                words.setdefault(ch, (left + ch + right, window[start:end]))
    before = model.segment_cost(window) if words else 0.0
    scored = []
    for ch, (word, non_word) in words.items():
        fixed = window[:j] + ch + window[j + 1 :]
        gain = before - model.segment_cost(fixed) + SIMILARITY_WEIGHT * math.log(similar[ch])
        scored.append((ch, word, non_word, gain))
    scored.sort(key=lambda c: -c[3])
    return scored


class TypoInContext(Rule):
    name = "typo-in-context"
    title = "疑似错别字"
    severity = WARNING
    family = "language"
    tier = IDLE
    description = "词典中没有的字组，换一个音近或形近的字即成常用词语，如“章显”（彰显）、“惯彻”（贯彻）。"
    fixable = True
    fix_all = False  # right most times, not always: the writer applies each fix on the review screen
    fields = frozenset({"section", "unmatched", "title"})

    def check_field(self, item: Field, ctx: Context) -> Iterable[Finding]:
        model = language()
        document = ctx.cache.get("typo-in-context.text")
        if not isinstance(document, str):
            document = ctx.cache["typo-in-context.text"] = "\n".join(f.text for f in ctx.fields)
        for index, line in enumerate(item.lines):
            for suspect in suspects(line, model, document):
                at = suspect.start
                if item.is_protected(index, at, at + 1):
                    continue
                right, word, wrong_word, _gain = suspect.candidates[0]
                if suspect.clear:
                    message = f"“{wrong_word}”疑为“{word}”之误，“{suspect.wrong}”应为“{right}”。"
                    yield self.finding(item, index + 1, at + 1, at + 2, message, right)
                else:
                    options = "”或“".join(w for _c, w, _n, _g in suspect.candidates[:3])
                    message = f"“{wrong_word}”疑有错字，可能是“{options}”，请核对。"
                    yield self.finding(item, index + 1, at + 1, at + 2, message)
