"""`typo-in-context`: a slip that made a two-character word with its neighbour and left the next character alone
(`看点影` for 看电影: 看点|影), judged as a character left alone is — the counts of running text and the split must
both take a similar character that makes a word with that lone character. The sentences are ours."""

from __future__ import annotations

import pytest

from .marks import fixes_of, unmark


def findings(text: str) -> list[tuple[int, int, str | None]]:
    return [(column, end, fix) for _line, column, end, fix in fixes_of("typo-in-context", text)]


@pytest.mark.parametrize(
    ("marked", "fix"),
    [
        ("我们两个人周末一起看⟦点⟧影。", "电"),  # 看点|影 → 看|电影
        ("现在正处在新旧体制的过⟦度⟧期。", "渡"),  # 过度|期 → 过渡期
    ],
)
def test_a_slip_that_made_a_word_with_its_neighbour_is_found(marked: str, fix: str) -> None:
    text, spans = unmark(marked)
    assert findings(text) == [(spans[0][2], spans[0][3], fix)]


@pytest.mark.parametrize(
    "text",
    [
        "我们周末一起看电影。",  # the right forms
        "现在正处在新旧体制的过渡期。",
        "我们就近去医院。",  # 就近 is meant
        "他们在会上看点球大战。",
        "我们的看点在于创新。",
        # The lone character before the word (a word of its own there), not after it, stays silent.
        "他有时看到警卫员走累了，就把马让给警卫员骑。",  # not 马上
        "他的团也真争气，他请了客也舒心。",  # not 真正
        "甚至会闪现出一种风险降临的幻觉。",  # not 会上
    ],
)
def test_a_word_with_a_lone_character_beside_it_hard_negatives(text: str) -> None:
    assert findings(text) == []


def test_a_word_before_a_suffix_is_meant() -> None:
    assert findings("开展食品安全整治百日行动，推行网格化管理，提高服务型政府的必要性。") == []


def test_clauses_that_open_with_a_pronoun_are_no_series() -> None:
    """Clauses that open alike are a series whose second characters the writer chose (不负…、不辱…), but not
    when they open with a pronoun: a writer's sentences about himself."""
    text = "我但然同意了，他说没关系，我只要等一等。"
    assert [(column, end) for column, end, _fix in findings(text)] == [(2, 3)]  # 当然, 坦然: a doubt
    assert findings("不负人民重托、不辱发展使命、不改初心本色。") == []
