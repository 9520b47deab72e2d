"""The writer's choices that `typo-in-context` leaves alone: a character that looks like a slip beside a common word
but that the writer chose — a coined pair (`建强`, `提效`), a unit after a determiner (`其他镇`), the head of
parallel items or clauses (`稳字当头、稳中求进`, `不负…、不辱…`), a verb with its aspect or result (`挤着`, `卖完`).
Each is a test on the line or run around one suspect character."""

from __future__ import annotations

from appraisal.checks.char_ngrams import CharNgrams
from appraisal.checks.language import Language
from appraisal.checks.real_word import ATTESTED

# The results a verb of present-day 公文 takes to make a compound word of its own (建强, 筑牢, 压实, 做细, 配强, 擦亮,
# 拧紧, 织密): the dictionary lacks most, and a slip seldom leaves a verb before one of them.
RESULTS = frozenset("强牢实细优稳严深准精亮透紧密")


def coined(model: Language, non_word: str, after: str) -> bool:
    """Whether the non-word is a two-character coinage of present-day 公文 (a slip seldom leaves one): a verb and the
    result it reaches before an object (`建强队伍`, `守牢底线`; an adjective goes on with 的: `建强的意志` is 坚强),
    or a verb and its object abridged (`提效` 提高效率, `减贫` 减少贫困, `引税` 引进税源, `述法` 述职述法)."""
    if len(non_word) != 2:
        return False
    if model.pos(non_word[0]) == "a" and model.pos(non_word[1]) == "ng":
        return True  # 新质: a bound noun (质) takes a quality to make a noun, as 优质, 高质 do
    if not model.pos(non_word[0]).startswith("v"):
        return False
    if non_word[1] in RESULTS:
        return after not in ("的", "地")
    return model.pos(non_word[1]).startswith(("n", "j"))  # j: a noun the dictionary knows as an abbreviation (法)


# Administrative units that stand as nouns after a determiner or a pronoun (其他镇, 各村, 全县, 我镇, 我们村, 贵市).
UNITS = frozenset("省市县区乡镇村组")
DETERMINERS = (
    "其他",
    "其它",
    "各",
    "全",
    "本",
    "该",
    "邻",
    "每",
    "外",
    "两",
    "三",
    "几",
    "多",
    "一些",
    "有的",
    "我",
    "们",
    "贵",
)


def a_unit_after_a_determiner(line: str, at: int) -> bool:
    """Whether the character at `at` is an administrative unit after a determiner (`了解其他镇的做法`): a noun of its
    own there, not a slip for a word that sounds like it (真的)."""
    return line[at] in UNITS and line[:at].endswith(DETERMINERS)


def opens_the_next_item(line: str, at: int) -> bool:
    """Whether the character opens the next item of the list its own item ends (`坚持稳字当头、稳中求进`): the writer
    repeats it at the head of parallel items on purpose; a slip seldom falls on the very character that follows.
    The same two characters again (`惯彻、惯彻到底`) are a slip written twice, not a series."""
    ends = [line.find(mark, at) for mark in "、，；,;"]  # half-width marks too: text pasted from web pages
    end = min((e for e in ends if e > at), default=-1)
    return 0 < end - at <= 4 and line[end + 1 : end + 2] == line[at] and line[end + 1 : end + 3] != line[at : at + 2]


# What follows a verb to mark its aspect or result (挤着, 卖完, 记住): the verb before one is a verb phrase as written.
PARTICLES = frozenset("着完住")


def a_verb_and_its_particle(model: Language, pairs: CharNgrams, run: str, at: int, written: str) -> bool:
    """Whether the character is a verb with its aspect or result after it (`船上挤着八九个人`, `脸上沾着`, `已经卖完`):
    a verb by the dictionary's tag or a pair running text writes (it tags few single characters), the particle no
    word's first character (`完成`, `住房`, `着力`). Which verb the writer chose is no slip the counts can tell (挤 or
    级, 沾 or 贴, 卖 or 读). Not so when the character ends a word the slip broke (`围饶着` → `围绕着`, `工做着` →
    `工作着`): the correction is a word, not another verb."""
    if not run.startswith(written, at):
        return False  # the character ends a word the slip broke (围饶 → 围绕), not a verb standing alone
    return (
        run[at + 1 : at + 2] in PARTICLES
        and not (at + 3 <= len(run) and run[at + 1 : at + 3] in model)
        and (model.pos(run[at]).startswith("v") or pairs.count(run[at : at + 2]) >= ATTESTED)
    )


PRONOUNS = frozenset("我你他她它您咱")


def clauses_in_parallel(line: str, at: int) -> bool:
    """Whether the character after the first of clauses that start alike (`不负人民重托、不辱发展使命、不改…`):
    the writer chose each second character, a series is no slip."""
    head = line[at - 1 : at]
    if not head or head in PRONOUNS or line[at - 2 : at - 1] not in ("", "、", "，", "；"):
        return False  # clauses that open with 我 or 他 are sentences of one writer, not a series
    return sum(line.count(mark + head) for mark in "、，；") + (line[:1] == head) >= 2
