"""`typo-in-context` on a real word written for the word one character away (`appraisal.checks.real_word`): found
where both models of the language agree far beyond the two words' own frequencies, silent on the right words the
development texts showed next to a frequent look-alike (公示/公司, 农林/农村, 两委/两位)."""

from __future__ import annotations

import pytest

from appraisal.checks import language
from appraisal.checks.real_word import misused

from .marks import unmark
from .test_typo_in_context import findings


@pytest.mark.parametrize(
    ("marked", "fix"),
    [
        ("严格⟦直⟧行各项规章制度。", "执"),  # 直行 is a word; 执行 is meant
        ("进一步加大工作⟦粒⟧度，确保按期完成。", "力"),  # 粒度
        ("在县委的正确领⟦到⟧下，各项工作稳步推进。", "导"),  # 领到
        ("全年主要经济⟦治⟧标稳步增长。", "指"),  # 治标
        ("采取集中学习与个人自学相结⟦核⟧的方式。", "合"),  # 结核
        ("持续改善生态⟦幻⟧境，建设美丽乡村。", "环"),  # 幻境
    ],
)
def test_a_real_word_written_for_another_is_found_and_fixed(marked: str, fix: str) -> None:
    """One finding on the written character, its fix the character meant, its message as for a non-word."""
    text, [(_rule, line, column, end)] = unmark(marked)
    (found,) = findings(text)
    assert found[:4] == (line, column, end, fix)
    assert "疑为" in found[4] and f"应为“{fix}”" in found[4]


@pytest.mark.parametrize(
    "text",
    [
        "严格执行各项规章制度。",  # the right forms of the positives above
        "进一步加大工作力度，确保按期完成。",
        "在县委的正确领导下，各项工作稳步推进。",
        "全年主要经济指标稳步增长。",
        "采取集中学习与个人自学相结合的方式。",
        "持续改善生态环境，建设美丽乡村。",
        # Right words next to a frequent look-alike, from the development texts: the counts of running text favour
        # the frequent word (公司, 农村, 两位, 政治, 倒闭) but its neighbours do not.
        "评选结果在单位网站公示，接受群众监督。",
        "推进农林科技发展，加强村“两委”班子建设。",
        "开展食品安全整治百日行动，倒逼责任落实，推行网格化管理。",
        "老区人民的日子越过越红火，真争气。",
        "车辆限行和淘汰黄标车工作有序推进。",
    ],
)
def test_right_words_stay_silent(text: str) -> None:
    assert findings(text) == []


def test_a_name_is_not_corrected() -> None:
    """A real word inside a person's name (a surname and given-name characters) is never taken for a slip."""
    model = language.language()
    assert list(misused("在县委的正确领到下", model)) != []
    assert list(misused("刘领到同志", model)) == []


@pytest.mark.parametrize(
    ("marked", "fix"),
    [
        ("为敬老院添置了床铺、家⟦俱⟧等生活用品。", "具"),  # 家俱: a variant jieba's web-built dictionary holds
        ("法兰西体育场⟦座⟧落在巴黎北郊。", "坐"),  # 座落
        ("对于人民检⟦查⟧院提起公诉的案件，人民法院依法审理。", "察"),  # 检查|院: two real words of 检察院
        ("引导和鼓励职工继承“自⟦立⟧更生，艰苦奋斗”的精神。", "力"),  # 自立|更生 for 自力更生
    ],
)
def test_real_misspellings_of_real_writers_are_found(marked: str, fix: str) -> None:
    """Slips that leave real words (issue 20, /work/realtexts/typo4 dev): a variant for the standard form (a
    dictionary word whose character sounds and looks like the one of a far more frequent word), and two real words a
    slip made of one word of three or four characters."""
    text, [(_rule, line, column, end)] = unmark(marked)
    (found,) = findings(text)
    assert found[:4] == (line, column, end, fix)


@pytest.mark.parametrize(
    "text",
    [
        "为敬老院添置了床铺、家具等生活用品。",
        "法兰西体育场坐落在巴黎北郊。",
        "对于人民检察院提起公诉的案件，人民法院依法审理。",
        "引导和鼓励职工继承“自力更生，艰苦奋斗”的精神。",
        # Rarer words of a frequent look-alike of the same sound and shape, from the development texts.
        "粮油供应优惠卡，享受政府平价供应的粮油和菜篮子产品。",
        "签署的第四份协定，其中三份分别与澳洲、法国签订。",
        "武侠，作为书林中独特的一枝，尤须下点功夫。",
        "贯穿于产品设计、开发、中试和市场开拓的全过程。",
        # Two real words that make a common word with a character of the same syllable, and are meant.
        "各级领导任职前须经过廉政谈话。",  # 领导|任 is not 领导人: the split gains too little
        "本书第四张图表列出了各地数据。",
        "投资建设织造厂，新增就业岗位200个。",
        "总参某部干部刘蒙说，在部队要服从命令。",  # 某 leaves a name out on purpose: not 总参谋部
    ],
)
def test_real_words_that_look_like_such_slips_stay_silent(text: str) -> None:
    assert findings(text) == []
