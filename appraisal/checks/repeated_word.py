"""`repeated-word`: a word or a particle typed twice by accident (`进一步进一步`, `切实切实`, `的的`, `工作的的重点`).

The sentence is split with the dictionary (`appraisal.checks.language`); two equal words side by side are a slip
unless doubling is how the language uses them. A character doubled inside a word (`清清楚楚`, `的的确确`, `天天`) is
one dictionary word and never split; a number or a measure repeated (`一步一步`, `一个一个`) is a way of speaking.
A two-character word said twice (ABAB) is right only for the verbs that take that reduplication (`商量商量`,
`研究研究`: a short, tentative action), adjectives used as such verbs (`高兴高兴`) and greetings (`恭喜恭喜`): they
are listed in `data/reduplication.toml`, because the dictionary keeps one part of speech per word (商量 is a noun
there) and cannot tell which verbs double; `看着看着` (one thing going on while another happens) is right too.
Adverbs, conjunctions, prepositions, pronouns, modal verbs and verbs of result (`切实`, `进一步`, `以及`, `通过`,
`我们`, `能够`, `确保`) never double: their second copy is dropped. A two-character noun doubled is reported without
a fix (it may be a list that lost its 顿号).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from appraisal.checks.base import IDLE, WARNING, Context, Field, Finding, Rule
from appraisal.checks.language import SPLITS, Language, Splits, language, split_line
from appraisal.checks.lexicon import load_data

PARTICLES = frozenset("的地得了在是和与及对把被将为从向以按")
# Said twice as a way of speaking: numbers and measures (一步一步), state words (雪白雪白), onomatopoeia.
REPEATABLE_POS = ("m", "q", "mq", "z", "o", "e", "y")
NOUN_POS = ("n", "t", "s", "f")  # jieba's nouns, times, places, directions (nr, ns, nt, nz start with n)


@dataclass(frozen=True)
class Repeat:
    start: int  # offset of the second copy in the line
    word: str
    fixable: bool


@cache
def reduplicable() -> frozenset[str]:
    """The two-character words that take ABAB reduplication (`data/reduplication.toml`)."""
    return frozenset(word for entry in load_data("reduplication") for word in entry["words"])


def repeats(line: str, model: Language | None = None, shared: Splits | None = None) -> Iterator[Repeat]:
    """The words of `line` written twice by mistake. `shared`: the splits of one check (`split_line`)."""
    model = model or language()
    doubles = reduplicable()
    for offset, _run, tokens in split_line(model, line, shared):
        for first, second in pairwise(tokens):
            if first.text != second.text:
                continue
            word = first.text
            if len(word) >= 3 or (len(word) == 1 and word in PARTICLES):
                yield Repeat(offset + second.start, word, True)
            elif (
                len(word) == 2
                and word[0] != word[1]
                and word not in doubles
                and word[-1] != "着"  # 看着看着, 说着说着: one thing happening while another goes on
                and not first.pos.startswith(REPEATABLE_POS)
            ):
                yield Repeat(offset + second.start, word, not first.pos.startswith(NOUN_POS))


class RepeatedWord(Rule):
    name = "repeated-word"
    title = "词语重复"
    severity = WARNING
    family = "language"
    tier = IDLE
    description = "同一词语误写两遍，如“进一步进一步”“切实切实”“的的”；“商量商量”“清清楚楚”等叠用不在此列。"
    fixable = True
    fields = frozenset({"section", "unmatched", "title"})

    def check_field(self, item: Field, ctx: Context) -> Iterable[Finding]:
        model = language()
        splits: Splits = ctx.shared(SPLITS, dict)
        for index, line in enumerate(item.lines):
            for repeat in repeats(line, model, splits):
                start, end = repeat.start, repeat.start + len(repeat.word)
                if item.is_protected(index, start, end):
                    continue
                if repeat.fixable:
                    message = f"“{repeat.word}”重复，应删去一个。"
                    yield self.finding(item, index + 1, start + 1, end + 1, message, "")
                else:
                    message = f"“{repeat.word}{repeat.word}”疑为重复，请核对。"
                    yield self.finding(item, index + 1, start + 1, end + 1, message)
