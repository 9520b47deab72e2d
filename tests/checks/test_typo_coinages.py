"""`typo-in-context` and the phrases present-day 公文 coins by the hundred, known by their shape, not by a list: four
characters of two coined halves (`正风肃纪`, `月审季查`), a character the writer repeats at the head of the next item
(`稳字当头、稳中求进`). Each was flagged before on clean real text (the sentences are ours, in the words of the
public reports where the shapes were seen); each shape has a slip beside it that is still found."""

from __future__ import annotations

import pytest

from appraisal.checks import check_section
from appraisal.checks.typo_in_context import suspects

from .marks import draft_with, template, unmark

RULE = "typo-in-context"


def findings(text: str) -> list[tuple[int, int, int, str | None]]:
    draft = draft_with("results.service", text)
    return [
        (f.line, f.column, f.end_column, f.fix)
        for f in check_section(draft, template(), "results.service")
        if f.rule == RULE
    ]


@pytest.mark.parametrize(
    "text",
    [
        # Flagged before: 文件, 审计/稽查, 不快, 风俗, 学习/细语, 会商: each half a verb and its object, or an
        # adverb and its verb, abridged; neither half is a word, and the correction reads across the middle
        # (文减, 审季, 补快, 风肃, 学细) or is no more than likely inside a half (细悟, 汇商).
        "严格落实精文减会要求，减少发文数量。",
        "全面推行月审季查制度。",
        "推行直补快办，群众满意。",
        "将述责述廉与正风肃纪反腐贯通起来。",
        "深学细悟习近平新时代中国特色社会主义思想。",
        "汇商引税成效明显。",
    ],
)
def test_four_characters_of_two_coined_halves_stay_silent(text: str) -> None:
    assert findings(text) == []


@pytest.mark.parametrize(
    ("marked", "fix"),
    [
        ("认真贯彻落⟦时⟧各项政策。", "实"),  # one half is a word (落时 | 各项): a slip
        ("全面⟦惯⟧彻落实会议精神。", "贯"),
        ("这项工作要精心⟦册⟧划。", "策"),  # 精心 is a word: the other half is the slip's
        ("坚持优⟦界⟧构强，保障有力。", "结"),  # across the middle, but 结构 explains it beyond doubt
    ],
)
def test_a_slip_beside_a_word_in_four_characters_is_still_found(marked: str, fix: str) -> None:
    text, spans = unmark(marked)
    (_rule, line, column, end) = spans[0]
    assert findings(text) == [(line, column, end, fix)]


def test_a_character_repeated_at_the_head_of_the_next_item_is_chosen() -> None:
    """Flagged before (文字): 稳 opens the next item, 稳中求进; the writer repeats it on purpose."""
    assert findings("坚持稳字当头、稳中求进。") == []
    assert findings("我们稳字当头,稳中求进。") == []  # a half-width comma, as in text pasted from a web page
    text, spans = unmark("坚持⟦稳⟧字工作、严格把关。")  # nothing repeats it: still a doubt worth a look
    assert [f[1] for f in findings(text)] == [spans[0][2]]


def test_a_verb_and_a_noun_the_dictionary_knows_as_an_abbreviation_is_a_coinage() -> None:
    """Flagged before (书法): 述法, reporting on the rule of law beside 述职, 述廉; the dictionary tags 法 an
    abbreviation, not a noun."""
    assert findings("实现年度述法全覆盖，完善党政主要负责人述法工作。") == []


def test_a_quality_and_a_bound_noun_is_a_coinage() -> None:
    """Flagged before (性质): 新质 (新质生产力, 新质战斗力), an adjective and a noun that never stands alone (质), made
    as 优质 and 高质 are; a slip leaves a word the writer meant one character away, seldom this shape."""
    assert findings("不断提升公安机关新质战斗力。") == []  # once: a non-word written twice is taken as meant anyway
    text, spans = unmark("要认真⟦惯⟧彻落实。")  # a verb character still corrected beside it
    assert [f[1] for f in findings(text)] == [spans[0][2]]


@pytest.mark.parametrize(
    "text",
    ["要坚持解放思想、实事求事的思想路线。", "本着客观公正、实事求事的原则，对全体中层干部进行测评。"],
)
def test_a_slip_that_leaves_a_chengyu_in_a_series_shape_is_still_found(text: str) -> None:
    """事求事 has the shape of a series (一户一策, 述职述廉) but the correction makes a 成语 the dictionary holds."""
    assert [(x.wrong, x.candidates[0][1]) for x in suspects(text)] == [("事", "实事求是")]
