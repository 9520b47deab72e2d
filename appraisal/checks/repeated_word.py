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
a fix (it may be a list that lost its 顿号). A word's last character typed once more (`我们们`, `按照照要求`) is
dropped too, unless it is a particle or a preposition that follows any word (`为目的的`, `可以以`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from appraisal.checks.base import IDLE, WARNING, Context, Field, Finding, Rule
from appraisal.checks.language import SPLITS, Language, Splits, Token, language, split_line
from appraisal.checks.lexicon import load_data

PARTICLES = frozenset("的地得了在是和与及对把被将为从向以按")
# Nouns and measures doubled to say "every" (家家户户, 村村, 人人, 年年): after a word ending in them, not a slip.
EVERY = frozenset("家村户人年天月日事处个样条件次时")
# Characters that follow a word ending in themselves as words of their own: aspect, prepositions, adverbs.
AFTER_ANY_WORD = frozenset("着过给跟同于至到也都就才又还再很更最不没要会能可")
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
        for index, (first, second) in enumerate(pairwise(tokens)):
            if first.text != second.text:
                if second.text == first.text[-1] and _last_character_again(
                    first,
                    second,
                    tokens[index - 1].text if index else "",
                    next(iter(tokens[index + 2 : index + 3]), None),
                ):
                    yield Repeat(offset + second.start, second.text, True)
                continue
            word = first.text
            if word == "被" and _a_passive_before_a_noun(tokens[index + 2 : index + 4]):
                continue  # 均被被审计单位采纳: the second 被 makes 被审计单位, the unit audited
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


def _last_character_again(first: Token, second: Token, before: str, after: Token | None) -> bool:
    """A word's last character typed once more as a word of its own: `我们们`, `按照照要求`, `同志志们` — not a
    particle or a preposition that follows any word (`为目的的资本`, `可以以某种方式`), a count said one by one
    (`一件件`, `一块块`), a noun doubled to say "every" (`百姓家家都有`, `贫困村村平`) or the second half of an
    AABB word split in two (`逗逗乐乐`: 逗 / 逗乐 / 乐).
    Only where the character cannot begin what follows: a suffix (`们`), a character after a preposition or a
    conjunction, or one a suffix follows (`志` / `们`). A character that stands as a word or begins the next one
    is written so (工作 / 作总点评, 我省 / 省文明单位, 集镇 / 镇容, 平等 / 等问题, 高中 / 中是)."""
    word = first.text
    bound = second.pos.startswith("k") or first.pos in ("p", "c") or (after is not None and after.pos.startswith("k"))
    return (
        bound
        and len(word) == 2  # not 百姓家家都有, 贫困村村平: a word ending in 家 or 村, then 家家 (every household)
        and second.text == word[1]
        and word[0] != word[1]
        and second.text not in EVERY
        and second.text not in PARTICLES
        and second.text not in AFTER_ANY_WORD
        and not first.pos.startswith(REPEATABLE_POS)
        and before != word[0]  # 逗 / 逗乐 / 乐
    )


def _a_passive_before_a_noun(following: list[Token]) -> bool:
    """Whether the words after a 被 are a verb and a noun: 被 then makes a noun of the one the verb is done to
    (被审计单位, 被帮扶对象, 被巡察单位), and a passive 被 may stand before it (均被被审计单位采纳)."""
    return (
        len(following) == 2
        and following[0].pos.startswith("v")
        and following[1].pos.startswith("n")
        and following[1].end - following[1].start >= 2
    )


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
