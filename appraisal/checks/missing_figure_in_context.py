"""`missing-figure-in-context`: a measure word or unit that needs a numeral and has none, found from the sentence
by the language model rather than from a list of verbs: `全镇个村`, `走访联系点村次。`, `签订责任书份，`,
`选拔人进入`, `开展次特色活动`, `各类学校所。` — the number a writer meant to fill in and never did.

A measure word stands after a numeral (`12个`, `三所`), a demonstrative or a question word (`这个`, `每名`, `各项`,
`几个`), or is part of a word (`个人`, `名单`, `项目`, `户口`, `派出所`). The segmenter and the dictionary's
frequencies decide the last: a measure word the segmenter joins to its neighbours, or that makes a common word with
the character next to it, is a word. What is left is judged by the character trigram model (`char_ngrams`), two ways:
- whether the run of characters is likelier to break before the measure word — where a figure in Arabic digits would
  stand — than to go on through it (`走访联系点村|次`: a number is the usual thing before 次, `村次` is not Chinese);
- whether a small Chinese numeral (两, 三, 几, 十) put in front of it makes the text likelier
  (`全镇三个村` against `全镇个村`).
Both must speak clearly; 人 is a noun as often as a measure word and is only read as one before a verb or at the end
of a clause (`选拔人进入`, `城市特困人，`, not `人与自然`). The shapes `missing-figure` knows by their words (units,
rates, verbs of counting) are left to it: a place it reports is not reported again.

The model is loaded on first use, so the rule runs in the idle tier, off the UI thread, like the other dictionary rules.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Iterable

from appraisal.checks.base import IDLE, WARNING, Context, Field, Finding, Rule
from appraisal.checks.char_ngrams import EDGE, CharNgrams, char_ngrams
from appraisal.checks.chars import CN_NUMERALS, HAN, is_han
from appraisal.checks.language import COMMON_WORD, SPLITS, Language, Split, Splits, Token, language, split_line
from appraisal.checks.missing_figure import MissingFigure
from appraisal.text.lazy_regex import lazy_compile

MEASURES = "个名户件批次家所项条座台辆场期篇套处支类份人位届轮组队栋棵艘架堂"
# Measure words found by the model: preceded by a Han character (a digit before them is the common case).
_MEASURE = lazy_compile(rf"(?<=[{HAN}])(?:余(?=[{MEASURES}])|[{MEASURES}])")
# What may stand before a measure word in place of a number: numerals, demonstratives and question words, a unit
# the measure word makes a compound with (`万台次`, `亩次`, `台套`).
_NOT_A_GAP = set(CN_NUMERALS) | set("这那每各该本此哪某几数多余来首逐整单半两全第其另诸好万亿千百") | set(MEASURES)
_NOT_A_GAP |= set("亩吨米元斤克升度时上下儿")
_CLAUSE_END = set("，。、；：！？）)”,.;:!?")
_OPENERS = set("“《（(")
_NUMERALS = "两三几十"  # the numerals tried in front of the measure word
_COUNTING = "一两三四五六七八九十几"  # the numerals whose followers tell how much a measure word wants one
EVIDENCE = -3.0  # the least summed log-odds (`_evidence`) for a finding
BOUND = math.log(12)  # how much likelier a character is next to the measure word than anywhere: a word (`条线`)


def _context(line: str, at: int) -> tuple[str, str]:
    """The two Han characters before `at` and the one after it (EDGE where the run of Han characters ends)."""
    start = at
    while start > 0 and at - start < 2 and is_han(line[start - 1]):
        start -= 1
    before = line[start:at]
    if len(before) < 2:
        before = EDGE + before
    after = line[at + 1 : at + 2]
    return before[-2:], after if after and is_han(after) else EDGE


def _evidence(grams: CharNgrams, line: str, at: int) -> float:
    """The log-odds, summed, that a number is missing before the measure word at `at`: see the module's docstring."""
    before, after = _context(line, at)
    measure = line[at]
    joined = grams.score(before, measure, after)
    split = math.log(grams.p(before, EDGE)) + grams.score(EDGE, measure, after)
    numeral = max(grams.score(before, n, measure + after) for n in _NUMERALS) - grams.score(before, measure, after[:1])
    affinity = math.log(sum(grams.p(n, measure) for n in _COUNTING) / len(_COUNTING) / grams.p("", measure))
    return split - joined + numeral + affinity


def _bound(grams: CharNgrams, first: str, second: str) -> bool:
    """Whether `second` follows `first` far more often than it occurs anywhere (pointwise mutual information)."""
    return is_han(second) and math.log(grams.p(first, second) / grams.p("", second)) >= BOUND


def _spoken(previous: Token) -> bool:
    """Whether a measure word after `previous` may stand for 一 and the measure word, as spoken Chinese leaves 一 out
    after a one-character verb or after 了, 着, 过 (`有件材料`, `做了件好事`); a report's counting verbs are longer
    (`建成个服务点`)."""
    return (len(previous.text) == 1 and previous.pos.startswith("v")) or previous.text in ("了", "着", "过")


def _suffix(previous: Token, measure: str) -> bool:
    """Whether a measure word ending a clause after `previous` may be a word's last character: after a particle
    (`等次`), and 家 or 人 after a noun or a verb (`评书评话家`, `引水人`)."""
    return previous.pos.startswith("u") or (measure in "家人" and previous.pos[:1] in ("n", "v", "l"))


def _counts(measure: str, word: Token) -> bool:
    """Whether `word` after the measure word fits it: what it counts — a noun, a verb of two characters or more
    (`研讨`, `增至`; not after 所, which is a particle before a verb: `所束缚`), a modifier (`重大`), `以上` — or,
    after 人, a verb (`选拔人进入`)."""
    if measure == "人":
        return word.pos.startswith("v")
    if word.pos[:1] == "v":  # `家增至`, `组健身路径`; not `户办`, `所束缚`
        return len(word.text) > 1 and measure != "所"
    return word.pos[:1] in ("n", "a", "b", "j", "l", "i", "x", "f", "z", "")


class _Words:
    """The words of one line as the segmenter splits it, found by position (a bisection: a line of two million
    characters holds a hundred thousand measure words)."""

    def __init__(self, split: Split):
        self._split = split
        self._starts = [offset for offset, _run, _tokens in split]
        self._token_starts: dict[int, list[int]] = {}

    def around(self, at: int, length: int) -> tuple[int, Token | None, Token | None] | None:
        """Where the word before the measure word at `at` (`length` characters: 余 and a measure word may be one
        word or two) begins in the line, and the words before and after it in its run (None at the run's ends); None
        when the segmenter joins the measure word to its neighbours."""
        run = bisect_right(self._starts, at) - 1
        if run < 0:
            return None
        offset, _text, tokens = self._split[run]
        starts = self._token_starts.get(run)
        if starts is None:
            starts = self._token_starts[run] = [offset + token.start for token in tokens]
        index = bisect_right(starts, at) - 1
        if index < 0 or starts[index] != at:
            return None  # inside a word, or outside the run
        token, end = tokens[index], index + 1
        if token.end - token.start != length:  # `余名` as one word or two
            if length == 1 or token.end - token.start != 1 or end == len(tokens):
                return None
            if tokens[end].end - tokens[end].start != 1:
                return None
            end += 1
        previous = tokens[index - 1] if index > 0 else None
        following = tokens[end] if end < len(tokens) else None
        return (offset + previous.start if previous else at), previous, following


def gaps(line: str, model: Language, grams: CharNgrams, splits: Splits) -> Iterable[tuple[int, int]]:
    """Where in `line` a number is missing before a measure word, by the model, and where the word before it
    begins (for the message)."""
    for at, start in candidates(line, model, grams, splits):
        if _evidence(grams, line, at) > EVIDENCE:
            yield at, start


def candidates(line: str, model: Language, grams: CharNgrams, splits: Splits) -> Iterable[tuple[int, int]]:
    """The measure words of `line` with no number before them that the dictionary and the segmenter leave as measure
    words, for the character model to judge (`gaps`)."""
    words_of_line: _Words | None = None
    for match in _MEASURE.finditer(line):
        at = match.start()
        before = line[at - 1]
        about = line[at] == "余"
        measure = line[at + 1] if about else line[at]
        after = line[at + 2 : at + 3] if about else line[at + 1 : at + 2]
        if before in _NOT_A_GAP or after == measure or (about and before == "其"):
            continue  # `三个`, `每名`, `万台次`, `件件`, `其余人`
        if before in MEASURES and (measure in "次套" or (before == measure and after not in _CLAUSE_END)):
            continue  # a compound unit (`人次`, `台套`), a reduplication (`人人参与`; not `示范户户。`)
        if not after or not (is_han(after) or after in _CLAUSE_END or after in _OPENERS):
            continue  # the end of a line (a sentence broken across lines), a figure or a Latin word after it
        if (model.bucket(measure + after) or 0) >= COMMON_WORD and after != "次" and measure != "人":
            continue  # a common word with the character after it: `套用` (人 is left to the segmenter: `人参加`)
        if _bound(grams, before, line[at]) or _bound(grams, measure, after):
            continue  # two characters that go together far more often than chance: a word the dictionary lacks
        if words_of_line is None:
            words_of_line = _Words(split_line(model, line, splits))
        words = words_of_line.around(at, 2 if about else 1)
        if words is None:
            continue
        start, previous, following = words
        if previous is not None and previous.pos[:1] in ("m", "r", "q"):
            continue  # `多少家`, `哪个`
        if previous is not None and following is not None and _spoken(previous):
            continue  # `做了件好事`, `有位客商`, `骑着辆旧车`: 一 left out after a short verb, as Chinese speaks
        if following is not None and not _counts(measure, following):
            continue  # `以户办`, `人与自然`: a measure word is followed by what it counts or ends the clause
        if following is None and after not in _CLAUSE_END and after not in _OPENERS:
            continue
        if following is None and previous is not None and _suffix(previous, measure):
            continue  # `优秀等次，`, `评书评话家，`, `引水人，`: at a clause's end a measure word may end a word
        yield at, start


class MissingFigureInContext(Rule):
    name = "missing-figure-in-context"
    title = "缺少数字"
    severity = WARNING
    family = "completeness"
    tier = IDLE
    description = "量词前缺少数字（据上下文判断），如“全镇个村”“签订责任书份”。"
    marks_gap = True

    def check_field(self, item: Field, ctx: Context) -> Iterable[Finding]:
        known: set[tuple[int, int]] | None = None  # missing-figure's own places, asked only once a gap is found
        model, grams = language(), char_ngrams()
        splits: Splits = ctx.shared(SPLITS, dict)
        for index, line in enumerate(item.lines):
            if not _MEASURE.search(line):
                continue
            for at, start in gaps(line, model, grams, splits):
                if known is None:
                    found = MissingFigure().check_field(item, ctx)
                    known = {(f.line, column) for f in found for column in range(f.column, f.end_column)}
                if (index + 1, at + 1) in known or item.is_protected(index, at, at + 1):
                    continue
                end = at + 2 if line[at] == "余" else at + 1
                yield self.finding(item, index + 1, at + 1, end + 1, f"“{line[start:end]}”中缺少具体数字。")
