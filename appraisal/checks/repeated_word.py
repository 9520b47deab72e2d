"""`repeated-word`: a word or a particle typed twice by accident (`进一步进一步`, `的的`, `工作的的重点`).

The sentence is split with the dictionary (`appraisal.checks.language`); two equal words side by side are a slip
unless doubling is how the language uses them: a verb or an adjective said twice (`讨论讨论`, `研究研究`), a
character doubled inside a word (`清清楚楚`, `的的确确`, `不了了之` are single dictionary words and never split), a
measure or a number repeated (`一步一步`, `一次一次`). A word of three or more characters, or one of the particles
below, doubled, is fixed by dropping the second; a two-character noun doubled is reported without a fix.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import pairwise

from appraisal.checks.base import IDLE, WARNING, Context, Field, Finding, Rule
from appraisal.checks.language import Language, han_runs, language

PARTICLES = frozenset("的地得了在是和与及对把被将为从向以按")
REDUPLICABLE = ("v", "a", "ad", "an", "vd", "vi", "vn", "z", "m", "q", "mq", "d")


@dataclass(frozen=True)
class Repeat:
    start: int  # offset of the second copy in the line
    word: str
    fixable: bool


def repeats(line: str, model: Language | None = None) -> Iterator[Repeat]:
    model = model or language()
    for offset, run in han_runs(line):
        tokens = model.segment(run)
        for first, second in pairwise(tokens):
            if first.text != second.text:
                continue
            word = first.text
            if len(word) >= 3 or (len(word) == 1 and word in PARTICLES):
                yield Repeat(offset + second.start, word, True)
            elif len(word) == 2 and word[0] != word[1] and not first.pos.startswith(REDUPLICABLE):
                yield Repeat(offset + second.start, word, False)


class RepeatedWord(Rule):
    name = "repeated-word"
    title = "词语重复"
    severity = WARNING
    family = "language"
    tier = IDLE
    description = "同一词语误写两遍，如“进一步进一步”“的的”；“讨论讨论”“清清楚楚”等叠用不在此列。"
    fixable = True
    fields = frozenset({"section", "unmatched", "title"})

    def check_field(self, item: Field, ctx: Context) -> Iterable[Finding]:
        model = language()
        for index, line in enumerate(item.lines):
            for repeat in repeats(line, model):
                start, end = repeat.start, repeat.start + len(repeat.word)
                if item.is_protected(index, start, end):
                    continue
                if repeat.fixable:
                    message = f"“{repeat.word}”重复，应删去一个。"
                    yield self.finding(item, index + 1, start + 1, end + 1, message, "")
                else:
                    message = f"“{repeat.word}{repeat.word}”疑为重复，请核对。"
                    yield self.finding(item, index + 1, start + 1, end + 1, message)
