"""`copied-from-last-year`: a section nearly the same as last year's draft of the same person and template."""

from __future__ import annotations

from pathlib import Path

import pytest

from appraisal.checks import RULES, check_draft, check_section
from appraisal.draft import Draft
from appraisal.service import Service
from appraisal.store import create_draft
from appraisal.templates import load_template

TEMPLATE = load_template("cadre-annual")
RULE = "copied-from-last-year"

LAST = (
    "2025年，本人牵头推进营商环境优化工作，全年走访企业86家。"
    "协调解决企业融资、用地等难题21个，企业满意度明显提升。"
    "完成招商引资项目签约12个，总投资额达到35亿元。"
    "建立重点企业服务专员制度，推动政策兑现落地见效。"
)


def _draft(year: int, text: str, name: str = "张三", template: str = "cadre-annual") -> Draft:
    draft = Draft(template=template)
    draft.profile.name = name
    draft.profile.year = year
    draft.sections["results.service"] = text
    return draft


def _copied(draft: Draft, last: Draft | None) -> list[str]:
    return [f.message for f in check_draft(draft, TEMPLATE, last_year=last) if f.rule == RULE]


LAST_YEAR = _draft(2025, LAST)

POSITIVES = [
    LAST.replace("2025年", "2026年"),  # only the year changed
    LAST,
    LAST.replace("86家", "90家"),  # 3 of 4 sentences unchanged: 75%
    LAST.replace("。", "。\n"),  # the same sentences in other paragraphs
    "新的一句，本人今年组织开展专题调研5次。" + LAST.replace("2025年", "2026年"),  # 4 of 5 unchanged: 80%
]

NEGATIVES = [
    LAST.replace("86家", "90家").replace("21个", "30个"),  # 2 of 4 unchanged: 50%
    "2026年，本人牵头推进政务服务改革，全年办理事项12万件。群众满意率达到99%，获评省级示范窗口。",
    "",
    "建立重点企业服务专员制度，推动政策兑现落地见效。",  # one sentence only: a stock line, not a copied section
]


@pytest.mark.parametrize("text", POSITIVES)
def test_a_section_nearly_unchanged_is_flagged(text: str) -> None:
    (message,) = _copied(_draft(2026, text), LAST_YEAR)
    assert message.startswith("“服务中心实绩”与去年的总结几乎相同")


@pytest.mark.parametrize("text", NEGATIVES)
def test_a_section_rewritten_is_not_flagged(text: str) -> None:
    assert _copied(_draft(2026, text), LAST_YEAR) == []


def test_only_last_year_of_the_same_person_and_template_counts() -> None:
    copied = LAST.replace("2025年", "2026年")
    assert _copied(_draft(2026, copied), None) == []
    assert _copied(_draft(2026, copied, name="李四"), LAST_YEAR) == []
    other_template = _draft(2025, LAST, template="civil-servant")
    assert _copied(_draft(2026, copied), other_template) == []
    assert len(_copied(_draft(2026, copied, name=""), LAST_YEAR)) == 1  # unnamed: assumed the same person


def test_it_runs_live_on_one_section_and_is_a_warning() -> None:
    findings = check_section(_draft(2026, LAST), TEMPLATE, "results.service", last_year=LAST_YEAR)
    assert [f.rule for f in findings if f.rule == RULE] == [RULE]
    assert (RULES[RULE].severity, RULES[RULE].fixable) == ("warning", False)


def test_check_of_a_saved_draft_finds_last_year_by_itself(tmp_path: Path) -> None:
    create_draft(_draft(2025, LAST))
    this_year = create_draft(_draft(2026, LAST.replace("2025年", "2026年")))
    checked = Service().check_draft_file(this_year)
    assert [f.section for f in checked.findings if f.rule == RULE] == ["results.service"]
