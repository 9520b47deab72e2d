"""`typo-in-context`: a misspelling no list holds — a character that leaves a non-word where a character of the same
or a similar sound or shape makes a common word or 成语 (`章显` for `彰显`, `蹉商` for `磋商`, `惯彻` for `贯彻`).

The model (`appraisal.checks.language`): the sentence is split into dictionary words; a character left on its own is
a suspect; each character like it (`Language.similar`) that forms a common word with its neighbours is a candidate,
scored by how much more probable the split becomes (jieba's unigram model) and by how alike the two characters are.
Only a candidate that makes the sentence far more probable is reported, and never where a proper noun stands
(`appraisal.checks.proper_names`: before 片区/村/公司…, next to a title, in quotation marks;
`appraisal.checks.person_names`: a surname and the characters of a given name). A fix is offered only when one
candidate clearly wins; when two are close, the finding names both and fixes nothing.

A character that is a word by itself but sits in the wrong place (`傍边` for `旁边`, `对不气` for `对不起`) is
judged by its neighbours: the counts of character triples in running text (`appraisal.checks.char_ngrams`) must
make the text far more probable with a similar character, and the split into words must gain too; a word of the
dictionary as written (整治, 倒逼), a rare character (笃), text written so twice in the draft and a place's name are
taken as meant.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from appraisal.checks.base import IDLE, WARNING, Context, Field, Finding, Rule
from appraisal.checks.char_ngrams import EDGE, CharNgrams, char_ngrams
from appraisal.checks.confusions import confusions
from appraisal.checks.language import SOUND_TONE, SPLITS, Language, Splits, Token, language, split_line
from appraisal.checks.model_memo import per_model
from appraisal.checks.person_names import person_names
from appraisal.checks.proper_names import IDIOM, PLACE_ENDS, after_a_place, looks_like_a_name, name_position
from appraisal.checks.real_word import ATTESTED, MEMO, PROPER, SELDOM_IN_TEXT, WINDOW, misused, written_twice
from appraisal.checks.typo import listed as typo_listed
from appraisal.checks.writers_choice import (
    a_unit_after_a_determiner,
    a_verb_and_its_particle,
    clauses_in_parallel,
    coined,
    opens_the_next_item,
)

# Characters that make a new word of the one before them (网格化, 必要性, 开放式, 服务型, 覆盖率): a word standing
# before one of them is meant, however well a similar character would make a word with the suffix (网络化).
SUFFIXES = frozenset("化性式型率者界感")
MIN_GAIN = 5.0  # natural-log units: the corrected sentence must be this much more probable (e^5 ≈ 150 times)
SURE = 8.0  # a correction this strong is offered even for a non-word the writer wrote more than once (公作 for 工作)
CLEAR_WIN = 3.0  # the best candidate must beat the next by this much for its fix to be offered
SIMILARITY_WEIGHT = 3.0  # how much a near sound or a similar shape costs against the same sound
# A right word in the wrong place (`对不气` for `对不起`, `我门` for `我们`; not `在加上`, common as written in
# running text): the character pairs around it must become far more probable (CONTEXT_GAIN) and the split of the
# sentence too (CONTEXT_SPLIT_GAIN).
CONTEXT_GAIN = 7.0
CONTEXT_SPLIT_GAIN = 3.0
# A non-word's correction must also fit its neighbours in running text: the character counts must make the text at
# least e^AGREE (4.5) times more probable with it. The dictionary alone takes every word it lacks for a slip
# (`尽锐` → 精锐, foreign names such as `阿尔希波夫` → 波幅); the two models agree on a learner's or a typist's slip.
AGREE = 1.5
# And where the dictionary speaks weakly for a two-character word (below e^WEAK_DICTIONARY), the two together must
# reach e^JOINT: a written character that is a word of its own beside a common word one character away (`于斯` →
# 于是, `之道` → 知道, `上挤着` → 上级) is the writer's unless the counts too speak for the slip (a learner's `劳天`
# for 老天 brings 5.1 + 6.3).
WEAK_DICTIONARY = 7.0
JOINT = 11.0
COINED_BELOW = 10.0  # a correction across the middle of two coined halves is taken as misread below this gain
AGREE_AFTER = 8.0  # e^8: where the written character's own term is against the correction, its followers alone


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


def suspects(
    line: str, model: Language | None = None, document: str = "", shared: Splits | None = None
) -> Iterator[Suspect]:
    """The characters of `line` that are likely misspelt, left to right. `document`: the whole text the line is
    part of. What looks like a name or a coinage — a short run between punctuation, an item of a list, a place
    word, a non-word written twice in the document — is taken as meant unless a common word explains it beyond
    doubt (gain ≥ SURE); a surname next to a title always is. `shared`: the splits of one check (`split_line`)."""
    model = model or language()
    pairs = char_ngrams()
    names = person_names()
    for offset, run, tokens in split_line(model, line, shared):
        found = []
        for at, candidates, in_context in _candidates(model, pairs, run, tokens):
            start, end = _span(line, offset, run, candidates[0])
            if (
                clauses_in_parallel(line, offset + at)
                or (
                    in_context
                    and (
                        written_twice(document, candidates[0][2])  # a pair of words written twice is meant (`同比减支`)
                        or any(ch in PLACE_ENDS for ch in line[offset + at + 1 : offset + at + 3])  # 昌和村, 荻港
                        or a_unit_after_a_determiner(line, offset + at)  # 了解其他镇的做法: not 真的
                    )
                )
            ):
                continue
            if names.in_a_name(line, offset + at):
                continue  # a surname and the characters of a given name: 宫学莉, 刘志辉
            if _halves_coined(model, run, tokens, at, candidates[0]) or opens_the_next_item(line, offset + at):
                continue  # 正风肃纪, 月审季查, 精文减会; 稳字当头、稳中求进
            if name_position(model, line, start, end, offset + at, candidates[0]) or after_a_place(
                tokens, run, candidates[0]
            ):
                continue
            if _rare_and_unlike(model, pairs, run[at], candidates[0][0]):
                continue
            if a_verb_and_its_particle(model, pairs, run, at, candidates[0][2]):
                continue  # 挤着, 卖完
            if (
                candidates[0][3] < SURE
                and (
                    len(run) <= 3  # a name or a term standing alone between punctuation (`虎形、梓树`)
                    or pairs.count(run[at]) < SELDOM_IN_TEXT  # a rare character is chosen: a slip gives a common one
                    or coined(model, candidates[0][2], line[end : end + 1])  # 建强队伍, 全面提效
                    or looks_like_a_name(line, start, end)
                    or (document and written_twice(document, candidates[0][2]))
                )
            ):
                continue
            found.append(Suspect(offset + at, run[at], candidates))
        found.sort(key=lambda suspect: suspect.start)
        # Two suspects side by side are most often one misspelt character and its innocent neighbour (`工司`: 工
        # for 公, not 司 for 事): the one whose correction makes the sentence more probable is kept.
        for suspect in found:
            if not any(0 < abs(other.start - suspect.start) <= 2 and other.gain > suspect.gain for other in found):
                yield suspect


def _candidates(
    model: Language, pairs: CharNgrams, run: str, tokens: list[Token]
) -> Iterator[tuple[int, tuple[tuple[str, str, str, float], ...], bool]]:
    """(offset in `run`, corrections best first) of each suspect character of a run: a character the split leaves
    alone where a similar one makes a common word, or a character whose neighbours fit a similar one far better."""
    for token in tokens:
        at = token.start
        if token.end - at != 1:
            continue
        # A character of a word the dictionary knows is meant (整治, 倒逼, 笃行), however common a word one
        # character away (政治, 倒闭, 独行) is; a character left alone is judged both as a non-word with its
        # neighbours (幸苦) and by the context of running text, whichever says more (but two close words of the
        # dictionary, 做好 and 作好, stay a doubt).
        alone = _judge(model, run, at)
        if _parallel(run, at) and (alone is None or len(alone[0][1]) < IDIOM):
            continue  # a parallel phrase (一户一策) is the writer's, unless a slip left one of a 成语 (实事求事)
        if alone is not None and not _agrees(pairs, run, at, alone[0][0], _needed(alone[0])):
            alone = None
        fitting = _in_context(model, pairs, run, at)
        if fitting is not None and (alone is None or (len(alone) == 1 and fitting[0][3] > alone[0][3])):
            yield at, fitting, alone is None  # a non-word keeps the non-word's rules (公作 written twice is 工作)
        elif alone is not None:
            yield at, alone, False
    yield from _across(model, pairs, run, tokens)


def _across(
    model: Language, pairs: CharNgrams, run: str, tokens: list[Token]
) -> Iterator[tuple[int, tuple[tuple[str, str, str, float], ...], bool]]:
    """The characters of a two-character word that the slip itself made with a neighbour, leaving the next
    character alone (`看点影` for 看电影: 看点|影; `不依定` for 不一定: 不依|定): a similar character makes a word
    with that lone character, and the context model and the split agree as for a character left alone. Only the
    character after the word: one before it is most often a word of its own (`把马让给`, not 马上)."""
    for word, right in pairwise(tokens):
        if word.end - word.start != 2 or word.pos in PROPER:
            continue
        if right.end - right.start == 1 and right.text not in SUFFIXES and not _parallel(run, word.end - 1):
            fitting = _in_context(model, pairs, run, word.end - 1, (word.start, word.end))
            if fitting is not None:
                yield word.end - 1, fitting, True


def _in_context(
    model: Language, pairs: CharNgrams, run: str, at: int, own: tuple[int, int] | None = None
) -> tuple[tuple[str, str, str, float], ...] | None:
    """The corrections of a character that is a word, or part of one, where a similar character fits its neighbours
    far better (`我门`, `对不气`, `先在`): the pairs around it and the split of the sentence both gain."""
    wrong = run[at]
    if pairs.count(wrong) < SELDOM_IN_TEXT:
        return None  # a rare character is typed on purpose (笃行, 暨, 扳起): a slip gives a common one
    similar = model.similar(wrong)
    if not similar:
        return None
    before = (EDGE + run)[max(0, at - 1) : at + 1]  # the two characters before it, EDGE at the start of the run
    after = (run + EDGE)[at + 1 : at + 3]
    best = _fits_better(model, pairs, before, wrong, after)
    if not best:
        return None
    low, high = max(0, at - WINDOW), min(len(run), at + WINDOW + 1)
    window, j = run[low:high], at - low
    cost = model.segment_cost(window)
    scored = []
    for gain, ch in best:
        fixed = window[:j] + ch + window[j + 1 :]
        split = cost - model.segment_cost(fixed)
        if split < CONTEXT_SPLIT_GAIN:
            continue
        word = next(t for t in model.segment(fixed) if t.start <= j < t.end)
        if word.end - word.start < 2 or word.pos in PROPER:
            continue
        mine = None if own is None else (own[0] - low, own[1] - low)  # the word the slip made, in the window
        if mine is not None and mine[0] <= word.start and word.end <= mine[1]:
            continue  # the new word stays inside the written one: real_word's to judge
        if _breaks_a_word(model, window, word.start, word.end, mine):
            continue
        scored.append((ch, word.text, window[word.start : word.end], gain + split))
    scored.sort(key=lambda c: -c[3])
    return tuple(c for c in scored if c[3] >= scored[0][3] - CLEAR_WIN) if scored else None


def _rare_and_unlike(model: Language, pairs: CharNgrams, written: str, right: str) -> bool:
    """Whether a rare character stands where the correction sounds only near it or only looks like it (勠力 for
    努力: lù, nǔ): an input method gives a slip of the same syllable, and a common one first; a rare character that
    shares neither is chosen, however well a common word would fit (勠力同心)."""
    return pairs.count(written) < SELDOM_IN_TEXT and model.similar(written).get(right, 0.0) < SOUND_TONE


def _needed(best: tuple[str, str, str, float]) -> float:
    """The gain the counts of running text must bring to a non-word's best correction (`_agrees`)."""
    return max(AGREE, JOINT - best[3]) if len(best[1]) == 2 and best[3] < WEAK_DICTIONARY else AGREE


def _agrees(pairs: CharNgrams, run: str, at: int, right: str, needed: float = AGREE) -> bool:
    """Whether the counts of running text make `run` at least e^`needed` times more probable with `right` at `at`."""
    before = (EDGE + run)[max(0, at - 1) : at + 1]
    after = (run + EDGE)[at + 1 : at + 3]
    if pairs.gain(before, run[at], after, right) >= needed:
        return True
    # The character before can make the written one likely by a word it often starts (舆论宣 → 宣传), which is how
    # the slip came about: then what follows must take the correction far better (舆论宣染 → 渲染).
    return pairs.gain_after(before, run[at], after, right) >= AGREE_AFTER


# Parts of speech of the characters that bind words rather than make them (的, 在, 和, 我, 吗, 啊, 哗): a four-character
# stretch holding one is prose, not a coined phrase.
FUNCTION_TAGS = ("u", "p", "c", "r", "y", "e", "o")
BINDING = 34  # and those the language uses as a word as often as this bucket (是, 有, 一, 上, 要, 也: 一是, 二是)


def _halves_coined(model: Language, run: str, tokens: list[Token], at: int, best: tuple[str, str, str, float]) -> bool:
    """Whether the correction cuts across the middle of four characters of two coined halves, neither of them a word
    (`正风肃纪` read as 风俗, `月审季查` as 审计, `直补快办`, `精文减会`, `深学细悟`): present-day 公文 writes such
    phrases by the hundred, each half a verb and its object or an adverb and its verb abridged; a writer types each
    half as a unit, so a slip falls inside a half, and a word made of the last character of one and the first of
    the other is a misreading (below COINED_BELOW). A correction inside a half (`清沟排渍` as 排字, `汇商` as 会商)
    is taken as meant below SURE, as a term standing alone is. The four characters are words of the split as
    written, each half two of them, none a character that binds words (的, 在, 和), and they stand as a unit
    (`_a_unit_ends`); a correction into a longer word (`再接再励` → 再接再厉) is still a slip."""
    if len(best[1]) != 2:
        return False
    pair = run.find(best[2], max(0, at - 1))  # the two characters the correction makes a word of
    starting = {token.start: token for token in tokens}
    ending = {token.end: token for token in tokens}
    for start, below in ((pair - 1, COINED_BELOW), (pair, SURE), (pair - 2, SURE)):
        frame = run[start : start + 4]
        if (
            start >= 0
            and best[3] < below
            and len(frame) == 4
            and start + 2 in starting
            and _a_unit_ends(ending.get(start), start == 0)
            and _a_unit_ends(starting.get(start + 4), start + 4 == len(run))
            and frame[:2] not in model
            and frame[2:] not in model
            and not any(model.pos(ch).startswith(FUNCTION_TAGS) or (model.bucket(ch) or 0) >= BINDING for ch in frame)
        ):
            return True
    return False


def _a_unit_ends(neighbour: Token | None, edge: bool) -> bool:
    """Whether the phrase beside `neighbour` stands as a unit: at the edge of the run, or beside a word of its own
    (two characters or more) or a character that binds words (与正风肃纪, 以清沟排渍); not inside a string of single
    characters (是很客爱, 要讲政脂), where a slip leaves its neighbours alone."""
    if edge:
        return True
    return neighbour is not None and (neighbour.end - neighbour.start >= 2 or neighbour.pos.startswith(("p", "c", "u")))


@per_model(MEMO, models=2)  # the characters around a suspect repeat in a report: worked out once
def _fits_better(
    model: Language, pairs: CharNgrams, before: str, wrong: str, after: str
) -> tuple[tuple[float, str], ...]:
    """(gain, character) of the characters like `wrong` that fit between `before` and `after` far better."""
    if pairs.triple(before[-1] + wrong + after[0]) >= ATTESTED:
        return ()  # the three characters as written are common in running text
    similar = model.similar(wrong)
    options = pairs.following(before[-1], similar) & pairs.preceding(after[0], similar)
    if not options:
        return ()
    as_written = pairs.score(before, wrong, after)
    best = []
    for ch in (ch for ch in similar if ch in options):  # in the order of `similar`, never of a set: ties stay put
        gain = pairs.score(before, ch, after) - as_written + SIMILARITY_WEIGHT * math.log(similar[ch])
        if gain >= CONTEXT_GAIN:
            best.append((gain, ch))
    return tuple(best)


def _breaks_a_word(model: Language, window: str, start: int, end: int, mine: tuple[int, int] | None = None) -> bool:
    """Whether the word a correction makes cuts through a word of the sentence as written (`下了课以后`: 可以
    would take the first character of 以后; `调解室`: 解释 the last of 调解). `mine`: the span of the word the
    suspect character is part of, which the correction may cut (the slip made it)."""
    return any(
        token.end - token.start > 1
        and (token.start, token.end) != mine
        and token.start < end
        and start < token.end  # the two overlap
        and not start <= token.start < token.end <= end  # and the word as written is not inside the new one
        for token in model.segment(window)
    )


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
    scored = _score(model, run[low:high], at - low)
    if not scored or scored[0][3] < MIN_GAIN:
        return None
    return tuple(c for c in scored if c[3] >= scored[0][3] - CLEAR_WIN)


@per_model(MEMO)  # reports repeat their phrases: a character's candidates in a window worked out once
def _score(model: Language, window: str, j: int) -> tuple[tuple[str, str, str, float], ...]:
    """The corrections of the character at `j` of `window`, best first, each with the gain it brings."""
    similar = model.similar(window[j])
    if not similar:
        return ()
    spans = [
        (start, end)
        for start in range(max(0, j - 3), j + 1)
        for end in range(max(j + 1, start + 2), min(len(window), start + 4) + 1)
    ]
    if any(model.rare(window[start:end]) for start, end in spans):
        return ()  # the character is part of a word the dictionary knows, if seldom (a name, a term)
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
    return tuple(scored)


@cache
def _decided_by_context() -> frozenset[tuple[str, str]]:
    """The (written, right) pairs of `data/confusions.toml`: its pattern says in which context the written word is
    wrong, so where the pattern does not match the word is the writer's (`客人已来` in a report that writes
    `2025年以来` elsewhere) and this rule does not overrule it."""
    return frozenset((entry.wrong, entry.right) for entry in confusions())


def _listed_spans(item: Field, ctx: Context) -> dict[int, list[tuple[int, int]]]:
    """Where `typo`'s list of common misspellings and confused words already reports in `item`, by line: one slip
    gets one finding, the list's (it names the right form with certainty). None where `typo` is switched off:
    then the slip is this rule's to report."""
    spans: dict[int, list[tuple[int, int]]] = {}
    if "typo" in ctx.options.disabled:
        return spans
    for slip in typo_listed(item, ctx):
        spans.setdefault(slip.index, []).append((slip.start, slip.end))
    return spans


class TypoInContext(Rule):
    name = "typo-in-context"
    title = "疑似错别字"
    severity = WARNING
    family = "language"
    tier = IDLE
    description = (
        "词典中没有的字组，换一个音近或形近的字即成常用词语，如“章显”（彰显）、“惯彻”（贯彻）；"
        "或上下文明显要求另一个音近、形近的常用词，如“严格直行制度”（执行）。"
    )
    fixable = True
    fix_all = False  # right most times, not always: the writer applies each fix on the review screen
    fields = frozenset({"section", "unmatched", "title"})

    def check_field(self, item: Field, ctx: Context) -> Iterable[Finding]:
        model = language()
        document = ctx.shared("typo-in-context.text", lambda: "\n".join(f.text for f in ctx.fields))
        listed = _listed_spans(item, ctx)
        splits: Splits = ctx.shared(SPLITS, dict)
        # the confusions list's pairs are the list's to judge — unless `typo` is off: then this rule reports them
        decided = frozenset() if "typo" in ctx.options.disabled else _decided_by_context()
        for index, line in enumerate(item.lines):
            found = list(suspects(line, model, document, splits))
            found += [  # a real word one character from the word meant (经济开展): `real_word`
                Suspect(at, wrong, (best,))
                for at, wrong, best in misused(line, model, splits, document)
                if not any(abs(at - other.start) <= 2 for other in found)
            ]
            for suspect in sorted(found, key=lambda suspect: suspect.start):
                at = suspect.start
                if item.is_protected(index, at, at + 1) or any(s <= at < e for s, e in listed.get(index, ())):
                    continue
                right, word, wrong_word, _gain = suspect.candidates[0]
                if (wrong_word, word) in decided:
                    continue
                if suspect.clear:
                    message = f"“{wrong_word}”疑为“{word}”之误，“{suspect.wrong}”应为“{right}”。"
                    yield self.finding(item, index + 1, at + 1, at + 2, message, right)
                else:
                    options = "”或“".join(w for _c, w, _n, _g in suspect.candidates[:3])
                    message = f"“{wrong_word}”疑有错字，可能是“{options}”，请核对。"
                    yield self.finding(item, index + 1, at + 1, at + 2, message)
