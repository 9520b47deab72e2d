"""A cited title (`《…》`) or a quoted name is quoted as it was issued: no rule's fix rewrites inside it, and 修正全部
(`fix_draft`) leaves it as written. Each fault below is fixed in the writer's own words (so the fix exists and the
test could fail), and left alone inside a title. The fixes kept are a title put right as a whole by its issued
name (`political-term`) and a half-width mark made full-width, as the issued title writes it
(`halfwidth-punctuation`)."""

from __future__ import annotations

import pytest

from appraisal.checks import RULES, Finding, check_section, fix_draft

from .marks import draft_with, template

SECTION = "results.service"
# (rule, a fault its fix puts right): every rule whose fixes 修正全部 applies has one here.
FAULTS = [
    ("number-usage", "二0二五年"),
    ("number-usage", "3千万元"),
    ("number-usage", "1-11月"),
    ("punctuation", "加强学习..."),
    ("repeated-word", "进一步进一步"),
    ("typo", "再接再励"),
    ("de-di-de", "认真的落实"),
]


def _found(rule: str, text: str) -> list[Finding]:
    return [f for f in check_section(draft_with(SECTION, text), template(), SECTION) if f.rule == rule]


def _fixed(text: str) -> str:
    draft = draft_with(SECTION, text)
    fix_draft(draft, template())
    return draft.sections[SECTION]


def test_every_rule_fix_all_applies_has_a_fault_here() -> None:
    fixing = {name for name, rule in RULES.items() if rule.fixable and rule.fix_all}
    fixing -= {"political-term", "halfwidth-punctuation"}
    assert fixing == {rule for rule, _fault in FAULTS}


@pytest.mark.parametrize(("rule", "fault"), FAULTS)
def test_a_fault_is_fixed_in_the_writers_words_and_left_in_a_title(rule: str, fault: str) -> None:
    own = f"今年我们要{fault}，全年完成任务。"
    assert _fixed(own) != own, "the fault is fixed outside a title (else this test proves nothing)"
    assert any(f.fix is not None for f in _found(rule, own))
    cited = f"认真学习《关于{fault}的通知》，全年完成任务。"
    assert _fixed(cited) == cited
    named = f"坚持“{fault}”，全年完成任务。"
    if "." not in fault:  # a quotation holding a sentence's mark is the writer's own words, not a name
        assert _fixed(named) == named


def test_the_finding_stays_without_its_fix() -> None:
    """`再接再励` in a title is still reported, with no fix to apply: the writer looks the title up."""
    text = "学习《关于再接再励的通知》。"
    found = _found("typo", text)
    assert [(f.column, f.fix) for f in found] == [(6, None)]


def test_a_half_width_mark_in_a_title_is_made_full_width() -> None:
    """An issued Chinese title writes its marks full-width: `(试行)` is put right inside the title too, so 修正全部
    settles (a finding left without its fix stayed after every 修正全部)."""
    text = "学习《党内监督条例(试行)》和《,》。"
    assert [(f.column, f.fix) for f in _found("halfwidth-punctuation", text)] == [(10, "（"), (13, "）"), (17, "，")]
    assert _fixed(text) == "学习《党内监督条例（试行）》和《，》。"


def test_marks_an_issued_title_always_writes_are_fixed_inside_it() -> None:
    """A title inside 《》 takes 〈〉 (GB/T 15834 4.15.3) and ends with no sentence mark (B.4): every issued title
    writes `《关于印发〈…〉的通知》`, `《…促进法》`, so these fixes give the title as issued and apply inside it (they
    were left off, and 修正全部 never settled them). Other punctuation fixes stay off inside a title."""
    text = "根据《关于印发<办法>的通知》，学习《乡村振兴促进法。》和《为民服务...》。"
    found = _found("punctuation", text)
    assert [(f.fix, "核对" in f.message) for f in found] == [("〈办法〉", False), ("", False), (None, True)]
    assert _fixed(text) == "根据《关于印发〈办法〉的通知》，学习《乡村振兴促进法》和《为民服务...》。"


def test_a_title_put_right_by_its_issued_name_is_still_fixed() -> None:
    text = "认真学习《中国纪律处分条例》，全年完成任务。"
    assert _fixed(text) == "认真学习《中国共产党纪律处分条例》，全年完成任务。"


def test_a_hyphen_range_in_a_title_is_reported_without_a_fix() -> None:
    """`（2021-2025年）` in a title: an issued title writes `2021—2025年`, and one being drafted is the writer's own
    words, so the range is reported; the writer checks it against the document, so no fix. The same range in the
    writer's own words is reported and fixed."""
    text = "编制《区发展规划（2021-2025年）》和《2023-2024学年工作要点》，规划期为2021-2025年。"
    found = _found("number-usage", text)
    hyphens = [at + 1 for at, character in enumerate(text) if character == "-"]
    assert [(f.column, f.fix) for f in found] == [(hyphens[0], None), (hyphens[1], None), (hyphens[2], "—")]
    assert "与原件核对" in found[0].message and "与原件核对" not in found[2].message
    assert _fixed(text) == text.replace("为2021-2025", "为2021—2025")


def test_every_fix_left_off_inside_quoted_text_says_so_once() -> None:
    """The note comes from `Rule.finding`, where the fix is left off, whatever the rule: a range in a quoted name
    gets it, and a typo inside a title too (number-usage wrote its own note, typo none)."""
    text = "开展“1-11月攻坚”行动，学习《关于再接再励的通知》。"
    rules = ("number-usage", "typo")
    found = [f for f in check_section(draft_with(SECTION, text), template(), SECTION) if f.rule in rules]
    assert [(f.rule, f.fix) for f in found] == [("number-usage", None), ("typo", None)]
    assert found[0].message.endswith("引用的名称请与原件核对，不自动修改。")
    assert found[1].message.endswith("引用的文件名称请与原件核对，不自动修改。")
    assert all(f.message.count("核对") == 1 for f in found)


def test_a_space_in_a_title_or_a_slogan_is_not_reported() -> None:
    text = "学习《中共中央 国务院关于扎实推进乡村全面振兴的意见》，践行“马上就办 真抓实干”，全年 完成任务。"
    found = _found("punctuation", text)
    assert [f.column for f in found] == [text.rindex(" ") + 1]
