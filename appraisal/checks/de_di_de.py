"""`de-di-de`: 的, 地 and 得 mixed up, in the three shapes a reviewer marks (GB/T 的地得 usage as taught):

- 的 after an adverbial before a verb: `认真的落实各项政策`, `要扎实的推进项目建设`, `我们积极的参与。` (地), when the
  verb goes on to an object or the phrase stands where a verb must (after a modal such as 要/将/必须, a pronoun
  subject, at the start of a clause) and no noun that heads a noun phrase follows (`认真的学习态度`, `扎实的工作
  作风` are right); after a modal (and a degree word) also an adjective before a verb, the learner's slip
  (`我们可以骄傲的告诉他们`, `会很热烈的欢迎你`);
- 的 before a complement of degree at the end of a clause: `完成的很好。`, `落实的不到位` (得);
- 地 before a plain noun at the end of a clause: `美丽地风景。` (的); after any adjective the tags name where the
  counts of running text also take 的 far better (`很复杂地问题。`);
- 的 for the 得 of a word: `取的了成效` (取得), `觉的` (觉得) — not after a character that is a word of another
  class by itself (`个别所的收入`: an office; `难的是`: an adjective);
- 得 for the 的 of the adverb 真的 before 是 or a degree word: `真得是`, `真得很喜欢` (not `真得走了`, děi: must).

The sentence is split with the dictionary (`appraisal.checks.language`), whose part-of-speech tags tell a verb from
a noun; where they cannot tell (a noun-verb such as 学习, 服务), nothing is reported. The fix is the right character.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from appraisal.checks.base import IDLE, WARNING, Context, Field, Finding, Rule
from appraisal.checks.char_ngrams import EDGE, char_ngrams
from appraisal.checks.language import SPLITS, Language, Splits, Token, language, split_line

CLAUSE_END = frozenset("，。；：！？、,.;:!?）)”’")
QUOTED_OBJECT = frozenset("“《‘「")  # the object of a verb may be a quotation or a title: 落实“四下基层”制度
DEGREE = (
    "很",
    "非常",
    "十分",
    "特别",
    "相当",
    "比较",
    "较为",
    "更加",
    "格外",
    "越来越",
    "太",
    "极为",
    "不够",
    "不太",
    "较",
)
SHORTFALL = (
    "不够",
    "不好",
    "不到位",
    "不理想",
    "不扎实",
    "不深入",
    "不充分",
    "不全面",
    "不细致",
    "不及时",
    "不彻底",
    "不规范",
    "不严格",
    "不明显",
    "不牢固",
)
# What an adverbial verb phrase goes on with: an aspect particle, a measure or a determiner starting its object.
OBJECT_STARTS = ("了", "着", "过", "好", "各", "每", "全", "本", "这", "那", "一", "有关", "相关", "上级", "党的")
NOMINAL = frozenset("所不没未最很更太较挺")  # 所获的荣誉, 不懂的问题, 最难的课: there X的 is right
WORD_WITH_DE = 20  # frequency bucket of X得 (取得, 觉得, 值得) from which X的 is taken for a slip
ALONE_AT_MOST = 32  # and of X alone up to which: 说, 看, 是 are words by themselves (说的, 看的 are right)
COMPLEMENTS = (*SHORTFALL, "不得了", "很好", "很多", "不够", "还不够")
# Complements of degree that only a predicate takes, whatever its tag (jieba tags 高兴 "b"): 高兴的不得了 (得).
EXTREME = ("不得了", "要命")
NOT_A_PREDICATE = ("n", "r", "m", "q", "t", "s", "f")  # nouns, pronouns, numbers… : 他们的不得了 is no complement
# After the adverb 真 a 得 stands for 的 when 是 or a degree word follows: 真得是, 真得很 (真的); 真得走了 is děi.
REALLY_BEFORE = frozenset({"是", "很", "太", "非常", "挺", "十分"})
VERB = frozenset({"v", "vd", "vi", "a"})  # not "vn": 学习, 服务 are nouns as often as verbs; jieba tags 落实 "a"
NOUN = frozenset({"n", "nz"})
# Parts of speech of a character that is a word of its own before 的, not half of X得: 所 (c), 难 (a).
NOT_HALF_OF_DE = ("c", "a", "d", "p", "r", "u")
# Before an adverbial phrase, words after which a verb must come: modals and adverbs (要认真的学习。).
_MODALS = (
    "要 会 能 能够 应 应当 应该 必须 须 需 务必 并 并且 都 也 还 又 始终 一直 仍 仍然 继续 进一步 不断 "
    "从而 均 皆 已 已经 正 正在 切实 努力 力求"
)
MODALS = frozenset(_MODALS.split())
# Subjects: after them the phrase may also be a possessor's noun phrase (由于他积极的参与，…), so a verb is taken
# for one only when an object follows it (他积极的参与各项活动).
_SUBJECTS = "我 我们 本人 他 他们 她 大家 各级 党员 干部 全体 同志 班子"
SUBJECTS = frozenset(_SUBJECTS.split())
# Nouns that head a noun phrase after a verb used as a modifier: 认真的学习态度, 积极的参与意识.
_HEADS = (
    "态度 作风 精神 意识 能力 水平 热情 劲头 干劲 氛围 状态 习惯 方式 方法 过程 效果 成效 成果 力度 机制 "
    "制度 体系 环境 基础 风气 理念 观念 思想 经验 做法 举措 措施 行动 活动 任务 内容 目标 要求 情况 "
    "问题 条件 保障 动力 作用 精力 时间 机会 形式 局面 格局 态势 势头 步伐 节奏 质量 效率 效能 成绩 业绩 "
    "结果 方向 重点 路径 平台 载体 队伍 人员 对象 范围 领域 空间 前景 积极性 主动性 创造性 热潮 行为 "
    "心得 体会 收获 笔记 计划 方案 安排 部署 规划 标准 原则 责任 职责 义务 权利 道路 进程 力量 策略 "
    "资金 办法 途径 手段 思路 对策 模式 渠道 本领 程序 流程 环节 阶段 体制 功能 意义 价值 需求 关系"
)
HEADS = frozenset(_HEADS.split())
# A preposition opens a verb phrase, never a noun after 的: 自觉的用党的理论武装头脑, 认真的按照要求办 (地).
_PREPOSITIONS = "把 将 用 以 按 按照 依照 对 向 为 从 与 同 跟 在 给 根据 围绕 紧扣 通过 对照"
PREPOSITIONS = frozenset(_PREPOSITIONS.split())
# Verbs after which the words before them are a subject, not an object: 积极的推动力量形成合力.
_PREDICATES = "是 有 为 成为 得到 受到 形成 显示 表明 在于 来自"
PREDICATES = frozenset(_PREDICATES.split())
# Two words that together make an adverbial of degree: 较好的完成 (地).
DEGREE_ADVERBIAL = (frozenset({"较", "很", "更", "比较", "较为", "非常", "十分", "更加"}), frozenset({"好", "快"}))
ADVERBIAL = frozenset({"ad", "d", "z"})
NOUN_GOES_ON = ("n", "vn", "c")  # after the noun, words that keep it a noun: 市场竞争, 地位和作用 (not 要求自己)
NOUN_LE = -5.0  # natural log of P(了 | the noun) below which it is taken for a noun (记录 -1.6, 市场 -7.9)
DI_FOR_DE = 6.0  # natural log: the counts of running text take 的 for 地 before a noun this much better (e^6)
# After a modal (and a degree word): the words that stand before a verb as its adverbial, adjectives among them
# (安心, 骄傲, 踊跃), and the modals learners write them after (可以, 将 as "will" besides MODALS).
MODIFIERS = frozenset({"a", "ad", "d", "z"})
LEARNERS_MODALS = frozenset({"可以", "将", "会", "要", "能", "能够", "应该", "应当", "必须", "一定"})
DEGREE_WORDS = frozenset({"很", "非常", "十分", "更", "更加", "特别"})
NOT_AFTER_AN_ADVERBIAL = frozenset({"是", "有", "为", "在", "成为"})  # no verb phrase there: 可以重要的是
# jieba's tags miss these (认真 is "ad", but 积极主动 is "n", 美丽 "ns"): the adjectives 公文 puts before a verb with
# 地 or before a noun with 的, as word classes the tags cannot give.
_ADVERBIAL_WORDS = (
    "认真 积极 主动 积极主动 扎实 深入 全面 切实 有效 严格 坚决 充分 广泛 大力 稳步 持续 "
    "自觉 及时 准确 科学 合理 规范 妥善 密切 紧密 高效 认真负责 努力 尽快 迅速 彻底 全力 "
    "坚定 牢固 深刻 系统 精准 有序 依法 统筹 耐心 热情 细致 认真细致 扎实有效 创造性 不断 "
    "逐步 集中 广泛深入 全面系统 深入细致 全力以赴 千方百计 坚定不移 一丝不苟 不折不扣 尽心尽力 尽职尽责 "
    "雷厉风行 坚持不懈 脚踏实地 一如既往 有条不紊 持之以恒 保质保量 高质量 高标准 高效率 "
)
_ADJECTIVES = (
    "美丽 漂亮 优美 良好 重要 显著 突出 丰富 优秀 先进 坚实 深厚 浓厚 宝贵 难得 独特 "
    "鲜明 崭新 美好 和谐 温馨 整洁 干净 清新 舒适 便捷 完善 健全 广阔 巨大 明显 积极 "
    "深刻 沉重 严重 艰巨 繁重 光荣 "
)
ADVERBIAL_WORDS = frozenset(_ADVERBIAL_WORDS.split())
DE_FOR_DI = 3.0  # natural log: the counts of running text take 地 for 的 before a verb this much better (e^3)
# Verbs that take a noun-verb for their object: after them X的V is a noun phrase (进行了全面的回顾、梳理).
_LIGHT_VERBS = "进行 作 做 作出 做出 给予 给以 予以 加以 开展 实行 实施 有 是 得到 受到 取得 获得 引起 表示 致以 表达"
LIGHT_VERBS = frozenset(_LIGHT_VERBS.split())
# After a verb, with more words after them: a verb phrase, never a noun (成功的建立起了, 具体的了解了他们).
ASPECT_OR_DIRECTION = frozenset({"了", "着", "过", "起", "起来", "出", "到"})
ADJECTIVES = frozenset(_ADJECTIVES.split())


@dataclass(frozen=True)
class Slip:
    start: int  # offset of the wrong character in the line
    wrong: str
    right: str
    phrase: str  # the words around it, for the message
    role: str = ""  # why, when not the usual role of the right character


def slips(line: str, model: Language | None = None, shared: Splits | None = None) -> Iterator[Slip]:
    """The 的/地/得 of `line` that are wrong, left to right. `shared`: the splits of one check (`split_line`)."""
    model = model or language()
    for offset, run, tokens in split_line(model, line, shared):
        clause_end = offset + len(run) >= len(line) or line[offset + len(run)] in CLAUSE_END
        quoted_after = line[offset + len(run) : offset + len(run) + 1] in QUOTED_OBJECT
        for index, token in enumerate(tokens):
            if token.text == "得" and 0 < index < len(tokens) - 1 and tokens[index - 1].text == "真":
                if tokens[index + 1].text in REALLY_BEFORE:
                    phrase = "真得" + tokens[index + 1].text
                    yield Slip(offset + token.start, "得", "的", phrase, "副词“真的”用“的”")
                continue
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
            if index >= 2 and tokens[index - 2].text.endswith("所"):
                continue  # 他所做的不够：what he did, a noun phrase
            found = _judge(token, before, after, clause_end, index + 1 + len(after) == len(tokens))
            if found is None and token.text == "地":
                found = _di_before_a_noun(run, token, before, after, clause_end)
            if found is None and token.text == "的":
                clause_start = offset == 0 or line[offset - 1] in CLAUSE_END
                found = (
                    _adverbial(tokens, index, clause_start, clause_end, quoted_after)
                    or _after_a_modal(tokens, index, clause_end)
                    or _before_a_verb(run, tokens, index)
                )
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
        predicate = before.pos in VERB or before.text in ADJECTIVES
        if rest in EXTREME and len(before.text) >= 2 and not before.pos.startswith(NOT_A_PREDICATE):
            predicate = True
        if (
            predicate
            and clause_end
            and after_reaches_end
            and ((rest.startswith(DEGREE) and len(after) >= 2) or rest in COMPLEMENTS)
        ):
            return "得", before.text + "的" + rest
        if (
            _adverbial_word(before)
            and len(nxt.text) == 2
            and nxt.pos in VERB
            and len(after) >= 2
            and after[1].text.startswith(OBJECT_STARTS)
        ):
            return "地", before.text + "的" + nxt.text
        return None
    if (
        len(before.text) >= 2
        and before.text in ADJECTIVES  # not a doubled one: 踏踏实实地干事, 老老实实地做人 — 干事, 做人 are verbs there
        and nxt.pos in NOUN
        and len(nxt.text) == 2  # not 过日子: 快快乐乐地过日子 is right
        and len(after) == 1
        and clause_end
    ):
        return "的", before.text + "地" + nxt.text
    return None


def _di_before_a_noun(
    run: str, token: Token, before: Token, after: list[Token], clause_end: bool
) -> tuple[str, str] | None:
    """地 between an adjective the tags name (or a doubled one) and a noun that ends the clause or goes on to another
    noun (`很难懂地问题。`, `漂漂亮亮地风景。`, `激烈地市场竞争`, `重要地地位和作用`), where the counts of running text
    take 的 there far better: the tags alone cannot tell a noun from a verb they tag as one (`踏踏实实地干事`,
    `老老实实地做人`: the counts keep 地 there), nor an adverb's 地 before one (`深刻地体会到`: no adjective)."""
    if not (len(before.text) >= 2 and (before.pos in ("a", "an", "z") or _reduplicated(before.text))):
        return None
    if not after or after[0].pos != "n" or len(after[0].text) != 2:
        return None
    pairs = char_ngrams()
    if not (len(after) == 1 and clause_end) and not (
        len(after) >= 2 and after[1].pos.startswith(NOUN_GOES_ON) and pairs.score(after[0].text, "了", "") < NOUN_LE
    ):
        return None  # 清楚地记录数据: a word the counts often see before 了 is a verb there, its object after it
    at = token.start
    if pairs.gain(run[at - 2 : at], "地", (run + EDGE)[at + 1 : at + 3], "的") < DI_FOR_DE:
        return None
    return "的", before.text + "地" + after[0].text


def _adverbial(
    tokens: list[Token], index: int, clause_start: bool, clause_end: bool, quoted_after: bool = False
) -> tuple[str, str] | None:
    """的 after an adverbial where a verb phrase must stand: `要扎实的推进项目建设`, `较好的完成任务`; `quoted_after`:
    the words run on into a quotation or a title (`认真的落实“四下基层”制度`)."""
    found = _adverbial_before(tokens, index)
    if found is None or index + 1 >= len(tokens):
        return None
    adverbial, lead = found
    verb = tokens[index + 1]
    if verb.text in PREPOSITIONS and index + 2 < len(tokens):
        return "地", adverbial + "的" + verb.text
    if _verb_phrase_after(tokens, index, lead, clause_start, clause_end or quoted_after, quoted_after):
        return "地", adverbial + "的" + verb.text
    return None


def _adverbial_before(tokens: list[Token], index: int) -> tuple[str, int] | None:
    """The adverbial before the 的 at `index` (`扎实`, or two words of degree: `较好`) and the index of the token
    before it (-1 at the start), or None when the word before 的 is no adverbial."""
    before = tokens[index - 1]
    lead = index - 2
    if before.text in DEGREE_ADVERBIAL[1] and lead >= 0 and tokens[lead].text in DEGREE_ADVERBIAL[0]:
        return tokens[lead].text + before.text, lead - 1
    if _adverbial_word(before):
        return before.text, lead
    return None


def _adverbial_word(token: Token) -> bool:
    """A word of two or more characters that goes before a verb with 地: tagged so, listed, or doubled (AABB)."""
    return len(token.text) >= 2 and (
        token.pos in ADVERBIAL or token.text in ADVERBIAL_WORDS or _reduplicated(token.text)
    )


def _verb_phrase_after(
    tokens: list[Token], index: int, lead: int, clause_start: bool, clause_end: bool, quoted_after: bool = False
) -> bool:
    """Whether the 的 at `index` is followed by a verb phrase: a plain verb, and the words before the adverbial (the
    token at `lead`, -1 for none) or after the verb ask for a verb there. A plain verb right before a quotation or a
    title at a clause's start takes it for its object (`积极的探索“党建+网格”模式`)."""
    rest = tokens[index + 2 :]
    if not _plain_verb(tokens[index + 1], rest):
        return False
    if quoted_after and not rest and lead < 0 and clause_start:
        return True
    if rest and rest[0].text.startswith(OBJECT_STARTS):
        return True
    lead_text = tokens[lead].text if lead >= 0 else ""
    if lead_text in MODALS:
        return bool(rest) or clause_end
    if lead_text in SUBJECTS:
        return len(rest) >= 2  # the verb must go on to an object of more than one word: 他们积极的参与各项活动
    return lead < 0 and clause_start and _goes_on_from_verb(rest)


def _plain_verb(verb: Token, rest: list[Token]) -> bool:
    """A verb of two characters (not a noun-verb such as 服务) and the words after it not a noun that heads a noun
    phrase (认真的学习态度)."""
    if len(verb.text) != 2 or verb.pos not in VERB or verb.text in HEADS:
        return False
    return not rest or not (rest[0].text in HEADS or rest[0].text in ("的", "地", "得") or rest[0].pos.startswith("y"))


def _goes_on_from_verb(rest: list[Token]) -> bool:
    """At the start of a clause the verb goes on to a second verb (认真的学习贯彻…) or to an object of two words that
    is not the subject of what follows (认真的听取群众意见; but 积极的推动力量正在形成, and `有效的应对策略` are noun
    phrases). Two verbs joined by a conjunction need an object after them (认真的学习和贯彻会议精神; but `深入的考察
    和分析。` is a noun phrase)."""
    if not rest or rest[0].text in PREDICATES:
        return False  # 原先的考虑是…: a noun phrase, the subject of 是
    if rest[0].pos == "v":
        return True
    if rest[0].pos.startswith("c"):
        return len(rest) >= 3 and rest[1].pos == "v"
    return len(rest) >= 2 and not rest[1].pos.startswith(("d", "p", "c", "u")) and rest[1].text not in PREDICATES


def _after_a_modal(tokens: list[Token], index: int, clause_end: bool) -> tuple[str, str] | None:
    """的 after an adjective that a modal, or a modal and a degree word, puts before a verb (the learner's slip):
    `我们可以骄傲的告诉他们`, `会很热烈的欢迎你`, `一定将踊跃的支持你` (地). After a modal a verb must follow, so the
    adjective is its adverbial; a verb that heads a noun phrase (`要有积极的参与意识`), a noun-verb (jieba's "vn")
    and 将 as 把 before a noun phrase (`将丰富的学习资料分发`) stay silent. jieba tags some adjectives as verbs or
    nouns (安心, 乐意): those are not reached."""
    before = tokens[index - 1]
    lead = index - 2
    if lead >= 1 and tokens[lead].text in DEGREE_WORDS:
        lead -= 1  # 会很乐意的担任
    if lead < 0 or tokens[lead].text not in LEARNERS_MODALS or index + 1 >= len(tokens):
        return None
    if not (len(before.text) >= 2 and (before.pos in MODIFIERS or _reduplicated(before.text))):
        return None
    verb, rest = tokens[index + 1], tokens[index + 2 :]
    if verb.pos != "v" or verb.text in HEADS or verb.text in NOT_AFTER_AN_ADVERBIAL:
        return None
    if rest and (rest[0].text in HEADS or rest[0].text in ("的", "地", "得") or rest[0].pos.startswith("y")):
        return None
    if tokens[lead].text == "将" and rest and rest[0].pos.startswith("n"):
        return None  # 将 as 把 before a noun phrase: 将丰富的学习资料分发给大家
    if len(verb.text) == 1 and not (rest and rest[0].pos == "r"):
        return None  # a verb of one character only before a pronoun as its object: 骄傲的讲你的经历
    if rest or clause_end:
        return "地", before.text + "的" + verb.text
    return None


def _before_a_verb(run: str, tokens: list[Token], index: int) -> tuple[str, str] | None:
    """的 between a word of two or more characters and a verb that goes on with an aspect particle or a direction
    and more words (`出色的完成了各项任务`, `成功的建立起了`), or where the counts of running text take 地 far better
    (`积极稳妥的推进各项工作`, `动情的说：`) — the words the tags do not name as adverbials (出色, 动情, 最大限度).
    After a noun the aspect alone is no sign (`五角形的散发着浓香的花束` is a noun phrase). Silent before a noun-verb
    (jieba's "vn": 健康的发展), a verb that heads a noun phrase, two verbs joined with no object (`深入的考察和分析。`),
    after a pronoun, and after a verb that takes a noun-verb for its object (`进行了全面的回顾`)."""
    before = tokens[index - 1]
    if len(before.text) < 2 or before.pos.startswith("r") or index + 1 >= len(tokens):
        return None
    verb, rest = tokens[index + 1], tokens[index + 2 :]
    if verb.pos != "v" or verb.text in HEADS or verb.text in NOT_AFTER_AN_ADVERBIAL:
        return None
    if rest and (rest[0].text in HEADS or rest[0].text in ("的", "地", "得")):
        return None
    if rest and rest[0].pos.startswith("c") and not (len(rest) >= 3 and rest[1].pos == "v"):
        return None  # 深入的考察和分析。: two noun-verbs joined, no object after them
    if any(t.text in LIGHT_VERBS for t in tokens[max(0, index - 4) : index - 1]):
        return None
    if len(rest) >= 2 and rest[0].text in ASPECT_OR_DIRECTION and not before.pos.startswith("n"):
        return "地", before.text + "的" + verb.text
    at = tokens[index].start
    if char_ngrams().gain(run[at - 2 : at], "的", (run + EDGE)[at + 1 : at + 3], "地") < DE_FOR_DI:
        return None
    return "地", before.text + "的" + verb.text


def _word_with_de(model: Language, before: str) -> bool:
    """的 written for the 得 of a word, left standing alone by the segmenter: `取的成效` (取得), `觉的` (觉得). The
    character is seldom a word by itself, and with 得 it is a common word."""
    if len(before) != 1:
        return False
    own, with_de = model.bucket(before), model.bucket(before + "得")
    if own is not None and model.pos(before).startswith(NOT_HALF_OF_DE):
        return False
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
        splits: Splits = ctx.shared(SPLITS, dict)
        for index, line in enumerate(item.lines):
            for slip in slips(line, model, splits):
                if item.is_protected(index, slip.start, slip.start + 1):
                    continue
                role = slip.role or {"地": "状语后用“地”", "得": "补语前用“得”", "的": "定语后用“的”"}[slip.right]
                message = f"“{slip.phrase}”中的“{slip.wrong}”应为“{slip.right}”（{role}）。"
                yield self.finding(item, index + 1, slip.start + 1, slip.start + 2, message, slip.right)
