"""Words confused in context (`data/confusions.toml`, reported as `typo`): every entry's example is found at its
word and fixed, its negative is silent, and the hard cases around each pair stay silent."""

from __future__ import annotations

from typing import Any

import pytest

from appraisal.checks import apply_fixes, check_section
from appraisal.checks.lexicon import load_data

from .marks import draft_with, template, unmark

ENTRIES = load_data("confusions")


def typos(text: str) -> list[tuple[int, int, str | None]]:
    draft = draft_with("results.service", text, year=2026)
    return [
        (f.column, f.end_column, f.fix) for f in check_section(draft, template(), "results.service") if f.rule == "typo"
    ]


@pytest.mark.parametrize("entry", ENTRIES, ids=[e["pattern"][:12] for e in ENTRIES])
def test_confusion_entry(entry: dict[str, Any]) -> None:
    example, negative, wrong, right = entry["example"], entry["negative"], entry["wrong"], entry["right"]
    assert entry["source"] and entry["explanation"].endswith("。")
    found = typos(example)
    assert found and all(fix == right for _column, _end, fix in found)
    assert found[0][0] == example.index(wrong) + 1
    assert typos(negative) == []
    draft = draft_with("results.service", example)
    mine = [f for f in check_section(draft, template(), "results.service") if f.rule == "typo"]
    assert apply_fixes(example, mine) == example.replace(wrong, right)


@pytest.mark.parametrize(
    "marked",
    [
        "⟦截止⟧目前，已完成年度任务的96%。",
        "⟦截止⟧今年10月底，累计完成投资12亿元。",
        "⟦截止⟧上年末，全区共有市场主体3.2万户。",
        "⟦截止⟧二〇二六年六月，共接待群众1200人次。",
        "⟦截止到⟧目前，已办结信访件32件。",
        "如实⟦反应⟧基层群众的诉求，及时⟦反应⟧问题。",
        "各单位⟦必需⟧把安全生产放在首位。",
        "为乡村振兴⟦做出⟧了重要贡献，⟦做出⟧新的部署。",
        "为实现全年目标⟦做出⟧了一定贡献。",
        "带领企业⟦度过⟧了暂时的难关。",
        "在扶贫一线⟦渡过⟧了难忘的三年时光。",
    ],
)
def test_a_confused_word_is_found(marked: str) -> None:
    text, spans = unmark(marked)
    assert [(column, end) for column, end, _fix in typos(text)] == [(s[2], s[3]) for s in spans]


@pytest.mark.parametrize(
    "text",
    [
        "截至2026年10月底，全区共有市场主体3.2万户；报名截止后不再受理。",
        "申报截止日期为12月31日，逾期不予受理，截止时间为17时。",
        "群众对这项政策反应强烈，药品不良反应情况要及时上报，快速反应。",
        "生活必需品供应充足，这是发展所必需的，必需物资储备到位。",
        "全体干部为全区发展作出积极贡献，车间做出了新产品，做出成绩。",
        "做好各项工作，作好准备，作好表率。",
        "度过了忙碌的一年，渡过了难关，渡过长江。",
        "年度过半，任务过半。",
        "保障项目必需资金，购置必需设备，做出表率，做出调整，快速反应到位。",
    ],
)
def test_the_right_word_in_its_context_is_silent(text: str) -> None:
    assert typos(text) == []
