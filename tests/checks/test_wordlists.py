"""The word lists (`appraisal/checks/data/*.toml`): every entry's example is found at its word and its hard
negative is not; the lists are big enough and well formed; the matcher finds the longest word and honours
exceptions."""

from __future__ import annotations

from typing import Any

import pytest

from appraisal.checks import RULES, apply_fixes, check_section
from appraisal.checks.lexicon import Matcher, load_data

from .marks import draft_with, template

TYPOS = load_data("typo")
WORDING = load_data("wording")


def found(rule: str, text: str, year: int | None) -> list[tuple[int, int, str | None]]:
    draft = draft_with("results.service", text, year=year)
    return [
        (f.column, f.end_column, f.fix) for f in check_section(draft, template(), "results.service") if f.rule == rule
    ]


def test_the_lists_are_big_enough_and_unique() -> None:
    assert len(TYPOS) >= 150
    assert len(WORDING) >= 60
    for entries in (TYPOS, WORDING):
        words = [e["wrong"] for e in entries]
        assert len(words) == len(set(words))


@pytest.mark.parametrize("entry", TYPOS, ids=[e["wrong"] for e in TYPOS])
def test_typo_entry(entry: dict[str, Any]) -> None:
    example, negative, wrong = entry["example"], entry["negative"], entry["wrong"]
    start = example.index(wrong)
    fix = entry["right"] if entry.get("fix", True) and isinstance(entry["right"], str) else None
    assert found("typo", example, 2025) == [(start + 1, start + 1 + len(wrong), fix)]
    assert found("typo", negative, 2025) == []
    if fix is not None:
        draft = draft_with("results.service", example)
        typos = [f for f in check_section(draft, template(), "results.service") if f.rule == "typo"]
        assert apply_fixes(example, typos) == example.replace(wrong, fix, 1)


@pytest.mark.parametrize("entry", WORDING, ids=[e["wrong"] for e in WORDING])
def test_wording_entry(entry: dict[str, Any]) -> None:
    example, negative, wrong = entry["example"], entry["negative"], entry["wrong"]
    assert entry["source"] and entry["explanation"].endswith("。")
    year = max(entry["since"], 2025) if "until" not in entry else entry["since"]
    start = example.index(wrong)
    assert found("wording", example, year) == [(start + 1, start + 1 + len(wrong), None)]
    assert found("wording", negative, year) == []
    # Before the change the old form was the right one.
    assert found("wording", example, entry["since"] - 1) == []


def test_a_typo_with_two_right_forms_names_both_and_is_not_fixed() -> None:
    draft = draft_with("results.service", "调研不够深入，以致于项目推进缓慢。")
    (finding,) = [f for f in check_section(draft, template(), "results.service") if f.rule == "typo"]
    assert (finding.message, finding.fix) == ("“以致于”应为“以致”或“以至于”。", None)


def test_wording_message_says_the_right_form_once() -> None:
    draft = draft_with("results.service", "深入推进供给侧改革，全年完成投资3亿元。", year=2024)
    (finding,) = [f for f in check_section(draft, template(), "results.service") if f.rule == "wording"]
    assert finding.message == "提法“供给侧改革”不规范，规范表述为“供给侧结构性改革”。"


def test_wording_message_names_the_right_form_and_the_reason() -> None:
    draft = draft_with("results.service", "深入学习贯彻党的十九大精神，推动工作落实。", year=2024)
    (finding,) = [f for f in check_section(draft, template(), "results.service") if f.rule == "wording"]
    assert finding.message == (
        "提法“学习贯彻党的十九大精神”宜改为“学习贯彻党的二十大精神”。"
        "党的二十大召开后，当年的工作应以党的二十大精神为指导。"
    )
    assert finding.fix is None


@pytest.mark.parametrize(
    "text",
    [
        "党的十九大以来，全区累计引进项目120个。",
        "2020年，全力以赴决战决胜脱贫攻坚，如期完成任务。",
        "原国土资源局的档案已全部移交。",
        "“十四五”期间累计完成投资860亿元。",
        "新冠肺炎疫情期间，我带头下沉社区。",
    ],
)
def test_history_is_never_flagged(text: str) -> None:
    assert found("wording", text, 2026) == []


def test_unknown_year_checks_only_settled_entries() -> None:
    assert found("wording", "深入学习贯彻党的十九大精神。", None) == []
    assert [c for c, _e, _f in found("wording", "深入推进供给侧改革。", None)] == [5]


def test_matcher_longest_word_and_exceptions() -> None:
    words = Matcher([("按排", "a", ["按排名"]), ("做为", "b", []), ("做为民", "c", [])])
    assert [(h.start, h.end, h.entry) for h in words.find("按排名次，按排工作，做为民")] == [(5, 7, "a"), (10, 13, "c")]
    with pytest.raises(ValueError):
        Matcher([("按排", "a", ["排名"])])


def test_matcher_finds_words_anywhere_in_a_long_line() -> None:
    words = Matcher([("台帐", "a", []), ("台账本", "b", []), ("对帐", "c", []), ("帐号", "d", [])])
    line = "甲" * 5000 + "台帐对帐帐号台账本台账"
    assert [(h.start - 5000, h.entry) for h in words.find(line)] == [(0, "a"), (2, "c"), (4, "d"), (6, "b")]
    assert list(Matcher([]).find("台帐")) == []


def test_rules_are_registered() -> None:
    assert (RULES["typo"].severity, RULES["typo"].fixable) == ("warning", True)
    assert (RULES["wording"].severity, RULES["wording"].fixable) == ("warning", False)


def test_a_right_form_with_its_own_quotation_marks_is_nested_in_the_message() -> None:
    """GB/T 15834: quotation marks inside quotation marks are single — “做到‘两个维护’”, not “做到“两个维护””."""
    draft = draft_with("results.service", "坚决做到两个维护，推动工作落实。", year=2026)
    (finding,) = [f for f in check_section(draft, template(), "results.service") if f.rule == "wording"]
    assert finding.message.startswith("提法“做到两个维护”宜改为“做到‘两个维护’”。")
