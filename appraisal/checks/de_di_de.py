"""`de-di-de`: 的, 地 and 得 mixed up, in the three shapes a reviewer marks (GB/T 的地得 usage as taught):

- 的 before a verb used as an adverbial: `认真的落实各项政策` (地), when the verb goes on to an object;
- 的 before a complement of degree at the end of a clause: `完成的很好。`, `落实的不到位` (得);
- 地 before a plain noun at the end of a clause: `美丽地风景。` (的);
- 的 for the 得 of a word: `取的了成效` (取得), `觉的` (觉得).

The sentence is split with the dictionary (`appraisal.checks.language`), whose part-of-speech tags tell a verb from
a noun; where they cannot tell (a noun-verb such as 学习, 服务), nothing is reported. The fix is the right character.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from appraisal.checks.base import IDLE, WARNING, Context, Field, Finding, Rule
from appraisal.checks.language import Language, Token, han_runs, language

CLAUSE_END = frozenset("，。；：！？、,.;:!?）)”’")
DEGREE = ("很", "非常", "十分", "特别", "相当", "比较", "较为", "更加", "格外", "越来越", "太", "极为")
SHORTFALL = ("不够", "不好", "不到位", "不理想", "不扎实", "不深入", "不充分", "不全面", "不细致", "不及时")
# What an adverbial verb phrase goes on with: an aspect particle, a measure or a determiner starting its object.
OBJECT_STARTS = ("了", "着", "过", "好", "各", "每", "全", "本", "这", "那", "一", "有关", "相关", "上级", "党的")
NOMINAL = frozenset("所不没未最很更太较挺")  # 所获的荣誉, 不懂的问题, 最难的课: there X的 is right
WORD_WITH_DE = 20  # frequency bucket of X得 (取得, 觉得, 值得) from which X的 is taken for a slip
ALONE_AT_MOST = 32  # and of X alone up to which: 说, 看, 是 are words by themselves (说的, 看的 are right)
COMPLEMENTS = (*SHORTFALL, "不得了", "很好", "很多")
VERB = frozenset({"v", "vd", "vi", "a"})  # not "vn": 学习, 服务 are nouns as often as verbs; jieba tags 落实 "a"
NOUN = frozenset({"n", "nz"})
ADVERBIAL = frozenset({"ad", "d", "z"})
# jieba's tags miss these (认真 is "ad", but 积极主动 is "n", 美丽 "ns"): the adjectives 公文 puts before a verb with
# 地 or before a noun with 的, as word classes the tags cannot give.
_ADVERBIAL_WORDS = (
    "认真 积极 主动 积极主动 扎实 深入 全面 切实 有效 严格 坚决 充分 广泛 大力 稳步 持续 "
    "自觉 及时 准确 科学 合理 规范 妥善 密切 紧密 高效 认真负责 努力 尽快 迅速 彻底 全力 "
    "坚定 牢固 深刻 系统 精准 有序 依法 统筹 耐心 热情 细致 认真细致 扎实有效 创造性 不断 "
    "逐步 集中 广泛深入 全面系统 深入细致 "
)
_ADJECTIVES = (
    "美丽 漂亮 优美 良好 重要 显著 突出 丰富 优秀 先进 坚实 深厚 浓厚 宝贵 难得 独特 "
    "鲜明 崭新 美好 和谐 温馨 整洁 干净 清新 舒适 便捷 完善 健全 广阔 巨大 明显 积极 "
    "深刻 沉重 严重 艰巨 繁重 光荣 "
)
ADVERBIAL_WORDS = frozenset(_ADVERBIAL_WORDS.split())
ADJECTIVES = frozenset(_ADJECTIVES.split())


@dataclass(frozen=True)
class Slip:
    start: int  # offset of the wrong character in the line
    wrong: str
    right: str
    phrase: str  # the words around it, for the message


def slips(line: str, model: Language | None = None) -> Iterator[Slip]:
    """The 的/地/得 of `line` that are wrong, left to right."""
    model = model or language()
    for offset, run in han_runs(line):
        tokens = model.segment(run)
        clause_end = offset + len(run) >= len(line) or line[offset + len(run)] in CLAUSE_END
        for index, token in enumerate(tokens):
            if token.text not in ("的", "地") or index == 0:
                continue
            before = tokens[index - 1]
            after = tokens[index + 1 : index + 4]
            if (
                token.text == "的"
                and _word_with_de(model, before.text)
                and (index < 2 or tokens[index - 2].text[-1] not in NOMINAL)
            ):
                yield Slip(offset + token.start, "的", "得", before.text + "的")
                continue
            found = _judge(token, before, after, clause_end, index + 1 + len(after) == len(tokens))
            if found is not None:
                right, phrase = found
                yield Slip(offset + token.start, token.text, right, phrase)


def _judge(
    token: Token, before: Token, after: list[Token], clause_end: bool, after_reaches_end: bool
) -> tuple[str, str] | None:
    if not after:
        return None
    nxt = after[0]
    if token.text == "的":
        rest = "".join(t.text for t in after)
        if (
            (before.pos in VERB or before.text in ADJECTIVES)
            and clause_end
            and after_reaches_end
            and ((rest.startswith(DEGREE) and len(after) >= 2) or rest in COMPLEMENTS)
        ):
            return "得", before.text + "的" + rest
        if (
            len(before.text) >= 2
            and (before.pos in ADVERBIAL or before.text in ADVERBIAL_WORDS or _reduplicated(before.text))
            and len(nxt.text) == 2
            and nxt.pos in VERB
            and len(after) >= 2
            and after[1].text.startswith(OBJECT_STARTS)
        ):
            return "地", before.text + "的" + nxt.text
        return None
    if (
        len(before.text) >= 2
        and (before.text in ADJECTIVES or _reduplicated(before.text))
        and nxt.pos in NOUN
        and len(nxt.text) == 2  # not 过日子: 快快乐乐地过日子 is right
        and len(after) == 1
        and clause_end
    ):
        return "的", before.text + "地" + nxt.text
    return None


def _word_with_de(model: Language, before: str) -> bool:
    """的 written for the 得 of a word, left standing alone by the segmenter: `取的成效` (取得), `觉的` (觉得). The
    character is seldom a word by itself, and with 得 it is a common word."""
    if len(before) != 1:
        return False
    own, with_de = model.bucket(before), model.bucket(before + "得")
    return with_de is not None and with_de >= WORD_WITH_DE and (own is None or own <= ALONE_AT_MOST)


def _reduplicated(word: str) -> bool:
    """AABB: 认认真真, 扎扎实实 — an adjective doubled, which goes before a verb with 地 and a noun with 的."""
    return len(word) == 4 and word[0] == word[1] and word[2] == word[3] and word[0] != word[2]


class DeDiDe(Rule):
    name = "de-di-de"
    title = "的地得"
    severity = WARNING
    family = "language"
    tier = IDLE
    description = "“的”“地”“得”用混，如“认真的落实”（地）、“完成的很好”（得）。"
    fixable = True
    fields = frozenset({"section", "unmatched", "title"})

    def check_field(self, item: Field, ctx: Context) -> Iterable[Finding]:
        model = language()
        for index, line in enumerate(item.lines):
            for slip in slips(line, model):
                if item.is_protected(index, slip.start, slip.start + 1):
                    continue
                role = {"地": "状语后用“地”", "得": "补语前用“得”", "的": "定语后用“的”"}[slip.right]
                message = f"“{slip.phrase}”中的“{slip.wrong}”应为“{slip.right}”（{role}）。"
                yield self.finding(item, index + 1, slip.start + 1, slip.start + 2, message, slip.right)
