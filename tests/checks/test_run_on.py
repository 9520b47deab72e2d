"""`punctuation`'s commas that join two sentences (`run_on`): an item of a list that is a sentence of its own, closed
by a comma before 二是; a new subject (我, 本人, 我局, 我中心 …) after a statement closed by a count; a connective
that opens a new sentence (此外，同时，) after a comma. The negatives are
what a writer does right and looks alike: short items joined by commas, an adverbial the subject belongs to, a
contrast or what someone says running across commas, a numbered item run into its paragraph, edited news."""

from __future__ import annotations

import pytest

from appraisal.checks.run_on import commas

from .marks import spans_of

POSITIVES = [
    # an enumeration of sentences
    "不足主要有：一是调查研究不够深入，掌握基层情况不全面⟦，⟧二是创新意识不强，工作方法比较单一⟦，⟧三是标准不高。",
    "下一步：一是抓好学习，每月集中学习1次⟦，⟧二是抓好队伍。",
    "首先，要统一思想，提高认识⟦，⟧其次，要加强领导。",
    "第一，压实责任，层层签订责任书⟦，⟧第二，强化考核。",
    "一是加强理论学习。全年参加集中学习12次⟦，⟧二是改进工作作风。",  # the item before holds a full stop
    # a new subject after a statement closed by a count
    "全年完成项目评审36个⟦，⟧我带队深入企业调研15次。",
    "组织业务培训6期，培训干部320人次⟦，⟧本人亲自授课2次。",
    "协助企业解决融资难题9件⟦，⟧我局被评为全市服务企业先进单位。",
    "办理群众来信来访86件，办结率98.5%⟦，⟧我中心连续三年保持零投诉。",
    # a connective that opens a new sentence
    "圆满完成了年度目标任务⟦，⟧此外，还牵头开展了三项专项整治。",
    "组建了一支志愿服务队伍⟦，⟧同时，他们还坚持每月下乡服务。",
]

NEGATIVES = [
    # short items joined by commas, or items closed by ；
    "具体做法：一是加强组织领导，二是完善工作机制，三是强化督导考核。",
    "一是加强组织领导；二是完善工作机制，三是强化督导考核。",
    "一是理论学习不够深入，有的政策理解得不够透彻；二是基层调研不够经常；三是办法不多。",
    "一是：加强理论学习，二是：改进工作作风。一是不足。今后将加强学习，提高能力。",
    # an adverbial the subject belongs to
    "为压实责任，镇党委与各村党组织书记签订责任书12份，年终逐项考核。",
    "经过3年努力，全局项目开工率达到92.5%，比上年提高3.1个百分点。",
    "对一时难以解决的问题，我们及时向县政府报告。",
    "在县委的领导下，本人认真履行职责，较好完成了任务。",
    "今年1至10月，全镇完成固定资产投资9.6亿元。",
    "2026年，我局新增市场主体5860户，同比增长9.8%。",
    "五年来，我镇累计投入资金2.3亿元，建成道路86公里。",
    "回顾这些成就，我们更加坚定了干事创业的信心。",
    "全年检查企业120家，发现问题36个，整改到位36个。",  # one subject, counts joined
    "完成项目36个后，我们又谋划了一批新项目。",
    # a contrast, a cause, what is said, across commas
    "虽然工作中遇到过困难，但是始终守住了底线，我们将继续努力。",
    "他说，近来各方关系都有积极进展，我们也希望合作取得更大的发展。",
    "党的历史经验表明，典型工作与全局工作密不可分，全局工作指导典型工作。",
    "这个初生的“婴儿”虽不成熟，却得到了读者的厚爱，我们在此表示谢意。",
    # the subject is not a new one, or not a subject
    "累计安置下岗职工10.53万人次，全市再就业率达50.6%。",
    "直接带动消费4.3亿元，全区实现社会消费品零售总额186亿元。",
    "排查各类隐患126处，全县全年未发生较大以上安全事故。",
    "新建蔬菜大棚260个，我的体会是要抓住产业不放。",
    "解决群众急难愁盼问题23个，我和同事们都很高兴。",
    # a connective inside the sentence, or answering 不仅
    "在抓好疫情防控的同时，全力推进复工复产，同时抓好安全生产。",
    "这项工作不仅提高了效率，同时，也赢得了群众的信任。",
    "总之，我们要继续努力。此外，还要加强学习。",
    # a numbered item run into its paragraph; a comma inside a quotation
    "1.坚持高质量发展，推动产业结构优化升级，我们将加大科技创新力度。",
    "他强调：“完成任务36个，我们还要再加把劲，把工作做实。”",
]


@pytest.mark.parametrize("marked", POSITIVES)
def test_a_comma_joining_two_sentences_is_found(marked: str) -> None:
    found, expected = spans_of("punctuation", marked)
    assert expected
    assert found == expected


@pytest.mark.parametrize("marked", NEGATIVES)
def test_a_comma_inside_one_sentence_is_not(marked: str) -> None:
    found, expected = spans_of("punctuation", marked)
    assert expected == []
    assert found == []


def test_which_mark_belongs_there_is_left_to_the_writer() -> None:
    """。 or ；: both can be right, so `fix all` must not choose."""
    assert [fix for _start, _end, _message, fix in commas("全年完成项目评审36个，我带队深入企业调研15次。")] == [None]
