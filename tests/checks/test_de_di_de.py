"""`de-di-de`: 的/地/得 mixed up, each shape with hard negatives beside it; the marks (`⟦…⟧`) say where."""

from __future__ import annotations

import pytest

from appraisal.checks import apply_fixes, check_section

from .marks import draft_with, template, unmark

RULE = "de-di-de"


def found(text: str) -> list[tuple[int, int, str | None]]:
    draft = draft_with("results.service", text)
    return [
        (f.column, f.end_column, f.fix) for f in check_section(draft, template(), "results.service") if f.rule == RULE
    ]


@pytest.mark.parametrize(
    ("marked", "right"),
    [
        ("我们要认真⟦的⟧落实各项政策。", "地"),  # adverbial before a verb that takes its object
        ("扎扎实实⟦的⟧开展了主题教育。", "地"),
        ("积极主动⟦的⟧配合各部门工作。", "地"),
        ("各项工作完成⟦的⟧很好。", "得"),  # complement of degree at the end of a clause
        ("个别问题整改落实⟦的⟧不到位，仍需加强。", "得"),
        ("有的问题解决⟦的⟧不彻底，仍需跟踪。", "得"),
        ("个别制度执行⟦的⟧不严格。", "得"),
        ("这里有美丽⟦地⟧风景。", "的"),  # before a plain noun
        ("我们要认真⟦的⟧学习党的理论。", "地"),  # after a modal, the verb goes on to an object
        ("要扎实⟦的⟧推进项目建设。", "地"),
        ("大家积极⟦的⟧参与社区治理，主动服务群众。", "地"),  # a subject, an object of two words
        ("认真⟦的⟧学习贯彻会议精神。", "地"),
        ("较好⟦的⟧完成了各项任务。", "地"),  # two words of degree
        ("全体党员要认真⟦的⟧学习。", "地"),  # a modal before it, the clause ends with the verb
        ("他们积极⟦的⟧参与各项活动。", "地"),  # a subject before it, an object after the verb
        ("理论学习抓⟦的⟧不够深入。", "得"),  # a shortfall as the complement
        ("任务完成⟦的⟧较好。", "得"),
        ("深入社区一线，认真⟦的⟧听取群众意见。", "地"),  # at a clause start, an object of two words
        ("我们要坚定不移⟦的⟧推进改革。", "地"),  # a four-character adverbial
        ("全力以赴⟦的⟧完成全年任务。", "地"),
        ("我们做⟦的⟧还不够。", "得"),
    ],
)
def test_a_mixed_up_de_is_found_and_fixed(marked: str, right: str) -> None:
    text, spans = unmark(marked)
    (_rule, _line, column, end) = spans[0]
    assert found(text) == [(column, end, right)]
    draft = draft_with("results.service", text)
    mine = [f for f in check_section(draft, template(), "results.service") if f.rule == RULE]
    assert apply_fixes(text, mine) == text[: column - 1] + right + text[column:]


@pytest.mark.parametrize(
    "text",
    [
        "我们要认真地落实各项政策。",  # the right forms
        "各项工作完成得很好。",
        "认真的学习态度值得肯定。",  # 的 before a noun-verb used as a noun
        "努力实现全面的发展。",
        "取得了很大的成绩。",
        "有计划地组织学习，热情地服务群众。",
        "深入基层，实地调研，了解当地群众的困难，推动土地流转。",
        "他是个认真的人。",
        "这是我们的不足。",
        "取得的成绩很好。",  # 的 after a verb that makes a noun phrase, then a clause of its own
        "群众的满意度很高。",
        "班子的凝聚力不够。",
        "坚定的理想信念是干部的立身之本。",
        "认真的态度，扎实的基础，积极的参与意识。",  # 的 before a noun, or a verb that modifies a head noun
        "认真的学习态度值得肯定，扎实的工作作风受到好评。",
        "由于他积极的参与，活动很成功。",  # a possessor's noun phrase
        "通过自己认真的学习，提高了能力。",
        "始终坚持科学的决策，要有积极的参与。",  # a verb taking the noun phrase as its object
        "进行深入的调查研究，发挥积极的引导作用。",
        "全面的学习。",
        "积极的推动力量，有效的应对策略，持续的投入资金。",  # noun phrases at the start of a clause
        "我们积极的推动力量。",
        "积极的推动力量正在形成，积极的推动力量形成合力。",  # the noun phrase is the subject
        "将科学的决策落到实处。",  # 将 as 把, before a noun phrase
        "他所做的不够，发展的不够充分，存在的不足。",  # what he did; a noun-verb; a noun
        "感谢大家一如既往的支持，得到了一如既往的支持和帮助，坚定不移的决心，高质量的发展。",
    ],
)
def test_hard_negatives_stay_silent(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("marked", "right"),
    [("发展取⟦的⟧新成效。", "得"), ("我觉⟦的⟧很好。", "得"), ("这是值⟦的⟧肯定的做法。", "得")],
)
def test_de_written_for_the_de_of_a_word(marked: str, right: str) -> None:
    text, spans = unmark(marked)
    assert found(text) == [(spans[0][2], spans[0][3], right)]


@pytest.mark.parametrize(
    "text",
    [
        "所获的荣誉。",
        "把他不懂的问题再教给他。",
        "学到最难的课。",
        "他说的话很对。",
        "快快乐乐地过日子。",
        "我们要踏踏实实地干事，老老实实地做人。",  # 干事, 做人 tagged as nouns, verbs here
        "明明白白地做事。",
        "个别所的收入偏低。",  # 所 an office, not half of 所得
        "难的是坚持，最难的是创新。",  # 难 an adjective, not half of 难得
    ],
)
def test_de_after_a_word_of_its_own_is_right(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("marked", "right", "why"),
    [
        ("大家一边聊天，高兴⟦的⟧不得了。", "得", "补语前用“得”"),  # 不得了 complements a predicate, tag or no tag
        ("这次能来参加，我真⟦得⟧很高兴。", "的", "副词“真的”用“的”"),  # the adverb 真的 before a degree word
        ("他说的真⟦得⟧是实话。", "的", "副词“真的”用“的”"),
    ],
)
def test_de_before_an_extreme_complement_and_de_of_the_adverb_zhende(marked: str, right: str, why: str) -> None:
    text, spans = unmark(marked)
    (_rule, _line, column, end) = spans[0]
    assert found(text) == [(column, end, right)]
    draft = draft_with("results.service", text)
    (finding,) = [f for f in check_section(draft, template(), "results.service") if f.rule == RULE]
    assert why in finding.message


@pytest.mark.parametrize(
    "text",
    [
        "这次的成绩真的不得了。",  # 真的 is right, and 不得了 after it is no complement of 的
        "他们的不得了。",  # a pronoun: no predicate before the complement
        "做事认真得很，大家都佩服他。",  # 认真得很: 得 after the adjective 认真 is right
        "时间不早了，我真得走了。",  # děi: must
        "这件事真得好好想想。",
    ],
)
def test_zhende_and_extreme_complements_hard_negatives(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    "marked",
    [
        "大家一定将踊跃⟦的⟧支持你。",  # 将 as "will", an adjective tagged as an adverb, a pronoun object
        "我们可以骄傲⟦的⟧告诉他们。",  # 可以, an adjective
        "同学们会很热烈⟦的⟧欢迎你。",  # a degree word between the modal and the adjective
        "我们能清醒⟦的⟧认识到问题。",
        "我们会温和⟦的⟧提醒他。",
        "他一定会愉快⟦的⟧接受。",  # the clause ends with the verb
        "你可以骄傲⟦的⟧讲你的经历。",  # a verb of one character before a pronoun as its object
    ],
)
def test_de_after_an_adjective_a_modal_puts_before_a_verb(marked: str) -> None:
    text, spans = unmark(marked)
    assert found(text) == [(spans[0][2], spans[0][3], "地")]


@pytest.mark.parametrize(
    "text",
    [
        "将丰富的学习资料分发给大家。",  # 将 as 把 before a noun phrase
        "将宝贵的参考意见转给有关部门。",
        "能够取得优异的成绩。",  # the verb comes before the adjective: 的 heads a noun
        "要保持良好的发展势头。",
        "会有很大的改变。",
        "要有积极的参与意识。",  # a verb that heads a noun phrase
        "你可以勇敢的说。",  # a verb of one character with no object: left alone
        "可以重要的是坚持。",
        "会给予必要的支持。",
    ],
)
def test_de_after_an_adjective_after_a_modal_hard_negatives(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("marked", "right"),
    [
        ("认真⟦的⟧贯彻“三重一大”制度，重大事项集体研究。", "地"),
        ("主动⟦的⟧融入《规划纲要》确定的发展格局。", "地"),
        ("要严格⟦的⟧执行《条例》。", "地"),
    ],
)
def test_de_before_a_verb_whose_object_is_a_quotation(marked: str, right: str) -> None:
    """The verb's object opens with “ or 《: the words run out before it, the verb still takes an object."""
    text, spans = unmark(marked)
    assert found(text) == [(column, end, right) for _rule, _line, column, end in spans]


@pytest.mark.parametrize(
    "text",
    [
        "进行了积极的探索“党建+网格”模式。",  # a noun phrase after a verb: 进行了……探索
        "这是认真的学习“两会”精神的成果。",
        "他们积极的参与“创城”活动赢得了好评。",  # after a subject, a verb phrase only with an object of two words
        "有益的尝试“一村一品”取得了成效。",
    ],
)
def test_de_before_a_quotation_hard_negatives(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    "marked",
    [
        "这是一个很复杂⟦地⟧问题。",  # an adjective the tags name, a noun ending the clause
        "这是非常艰难⟦地⟧任务。",
        "窗外是漂漂亮亮⟦地⟧风景。",  # a doubled adjective
    ],
)
def test_di_before_a_noun_the_counts_take_for_de(marked: str) -> None:
    text, spans = unmark(marked)
    assert found(text) == [(spans[0][2], spans[0][3], "的")]


@pytest.mark.parametrize(
    "text",
    [
        "我们要踏踏实实地干事，老老实实地做人。",  # tagged as nouns, verbs here: the counts keep 地
        "他静静地思考。",
        "大家认真地学习。",
        "把土地流转给种植大户，实地调研。",  # 地 of a word
        "清楚地记录数据。",  # 记录 (tagged a noun) takes 了 often: a verb, 数据 its object
        "我们严格地要求自己。",
        "深刻地体会到问题的严重性。",  # an adverb, not an adjective
        "科学地规划产业布局。",
    ],
)
def test_di_before_a_noun_hard_negatives(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    "marked",
    [
        "我们积极稳妥⟦的⟧推进各项改革。",  # 积极稳妥: no tag names it an adverbial, the counts take 地
        "全体干部出色⟦的⟧完成了年度任务。",
        "他动情⟦的⟧说：“要把群众的事办好。”",
        "窗口诚心实意⟦的⟧做好服务工作。",
        "我们最大限度⟦的⟧减少了群众跑腿次数。",
        "工作组具体⟦的⟧了解了群众的困难。",  # an aspect particle and more words after the verb
        "我们成功⟦的⟧建立起了长效机制。",
        "认真⟦的⟧学习和贯彻会议精神。",  # two verbs joined, an object after them
    ],
)
def test_de_before_a_verb_a_tag_does_not_name(marked: str) -> None:
    text, spans = unmark(marked)
    (_rule, _line, column, end) = spans[0]
    assert found(text) == [(column, end, "地")]


@pytest.mark.parametrize(
    "text",
    [
        "对全年工作进行了全面的回顾、梳理和总结。",  # after 进行: a noun phrase, its object
        "认真的态度是做好工作的前提。",
        "扎实的推进措施让项目按期完工。",
        "上级部门给予了有力的支持。",
        "群众的支持是我们最大的力量。",
        "这是他所说的话。",
        "全体干部出色地完成了年度任务。",
        "这就是最好的证明了。",
        "原先的考虑是先试点再推开。",  # the subject of 是
        "对问题有较全面、深入的考察和分析。",  # two noun-verbs joined, no object
        "院里开满了五角形的散发着清香的花朵。",  # after a noun: a noun phrase
    ],
)
def test_de_before_a_verb_a_tag_does_not_name_hard_negatives(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    "marked",
    [
        "面对激烈⟦地⟧市场竞争，我们迎难而上。",  # the noun goes on to another noun
        "这项工作具有重要⟦地⟧地位和作用。",  # or to a conjunction
    ],
)
def test_di_before_a_noun_inside_a_clause(marked: str) -> None:
    text, spans = unmark(marked)
    assert found(text) == [(spans[0][2], spans[0][3], "的")]
