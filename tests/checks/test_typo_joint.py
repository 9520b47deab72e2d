"""`typo-in-context` and a written character that is a word of its own: a two-character correction of a non-word is
reported only when the dictionary and the counts of running text together speak for it (`JOINT`), and a verb with
its aspect or result after it (`挤着`, `卖完`) is the writer's choice of verb. Each sentence below was flagged before
(the shapes were seen on clean held-out news and reports; the sentences are ours); learners' and typists' slips of
the same kinds are still found."""

from __future__ import annotations

import pytest

from appraisal.checks import check_section

from .marks import draft_with, template

RULE = "typo-in-context"


def findings(text: str) -> list[tuple[int, str | None]]:
    draft = draft_with("results.service", text)
    return [(f.column, f.fix) for f in check_section(draft, template(), "results.service") if f.rule == RULE]


@pytest.mark.parametrize(
    "text",
    [
        # A character of the written language beside a common word one character away (于是, 知道, 植物): the
        # dictionary alone spoke for the slip, the counts of running text hardly.
        "他生长于斯，对这里的山山水水感情很深。",
        "这也合于尊老爱幼之道，应当提倡。",
        "这是对人生崇尚之物的礼赞。",
        # A verb and its aspect or result: 上级, 贴着, 读完, 沿着, 记住 were offered.
        "早高峰的公交车上挤着四十多个乘客。",
        "他的鞋上沾着泥，刚从田里回来。",
        "门票已经卖完，请改日再来。",
        "他咽着泪水说完了这件事。",
        "工作人员和群众一起挤住在临时板房里。",
    ],
)
def test_a_character_the_writer_chose_stays_silent(text: str) -> None:
    assert findings(text) == []


@pytest.mark.parametrize(
    ("text", "fix"),
    [
        ("我不能参家你的舞会。", "加"),  # both models speak for 参加 (9.3 and 7.3)
        ("要他请一个朋友谊起去看。", "一"),
        ("我门一起去看电影。", "们"),
        ("隋着“南菜北运”增加，价格稳定。", "随"),  # 着 after a character that is no verb: still a slip
        ("他的工做完成得很好。", "作"),  # 完 opening a word (完成) is no result of 做
        # The character ends a word the slip broke, so no verb stands alone before 着 (review of aeba197)
        ("紧紧围饶着中心工作开展各项工作。", "绕"),
        ("干部们努力工做着，任务全部完成。", "作"),
    ],
)
def test_slips_of_the_same_shapes_are_still_found(text: str, fix: str) -> None:
    assert [f for _column, f in findings(text)] == [fix]
