"""The user's word lists: `extra_words` are flagged as `user-word` with the user's message; no rule flags text
inside an `allowed_words` entry — in a section as the user types, in the whole draft, in the fixes, in a document."""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType

import pytest

from appraisal.checks import RULES, CheckOptions, check_draft, check_section, fix_draft
from appraisal.checks.documents import check_document

from .marks import draft_with, template, unmark


def options(extra: dict[str, str] | None = None, allowed: tuple[str, ...] = ()) -> CheckOptions:
    return CheckOptions(extra_words=MappingProxyType(extra or {}), allowed_words=frozenset(allowed))


def spans(text: str, opts: CheckOptions, rule: str) -> list[tuple[int, int, int]]:
    draft = draft_with("results.service", text)
    return [
        (f.line, f.column, f.end_column)
        for f in check_section(draft, template(), "results.service", opts)
        if f.rule == rule
    ]


def test_extra_words_are_flagged_with_the_users_message() -> None:
    text, expected = unmark("充分发挥⟦抓手⟧作用，打通⟦最后一公里⟧。\n以⟦抓手⟧带全局。")
    opts = options({"抓手": "“抓手”是套话，请写明具体措施", "最后一公里": ""})
    draft = draft_with("results.service", text)
    found = [f for f in check_section(draft, template(), "results.service", opts) if f.rule == "user-word"]
    assert [(f.line, f.column, f.end_column) for f in found] == [(line, c, e) for _r, line, c, e in expected]
    assert found[0].message == "“抓手”是套话，请写明具体措施。"
    assert found[1].message == "“最后一公里”是自定义检查词。"
    assert found[0].severity == "warning" and found[0].fix is None
    assert spans(text, options(), "user-word") == []


def test_empty_words_and_words_across_lines_are_ignored() -> None:
    opts = options({"": "空", "品行\n修养": "跨行", "抓手": "套话"}, allowed=("", "甲\n乙"))
    assert spans("发挥抓手作用。\n品行\n修养", opts, "user-word") == [(1, 3, 5)]


def test_extra_words_in_the_title() -> None:
    draft = draft_with("results.service", "全年完成各项任务。")
    draft.title = "2025年度抓手工作总结"
    found = [f for f in check_draft(draft, template(), options({"抓手": "套话"})) if f.rule == "user-word"]
    assert [(f.section, f.column) for f in found] == [(None, 7)]


# (rule, a text with a finding of that rule, the word the user allows there)
ALLOWED = [
    ("placeholder", "协调XX科技公司落户经开区，完成注册登记。", "XX科技"),
    ("typo", "推行按步就班工作法，全年培训120人次。", "按步就班"),
    ("wording", "深入推进供给侧改革，全年完成投资3亿元。", "供给侧改革"),
    ("missing-figure", "建成示范区亩改造项目，带动周边发展。", "区亩改造"),
    ("missing-figure-in-context", "各村签订环境卫生责任书份。", "责任书份"),
    ("halfwidth-punctuation", "上线惠民,惠企服务平台，注册企业1200家。", "惠民,惠企"),
    ("number-usage", "引进5百元超市连锁品牌，新增门店12家。", "5百元超市"),
    ("punctuation", "开展爱心 驿站志愿服务，全年服务1200人次。", "爱心 驿站"),
    ("political-term", "组织学习《中国共产党纪律处份条例》。", "中国共产党纪律处份条例"),
    ("collocation", "外出考察丰富了视野，增长了见识。", "丰富了视野"),
    ("broken-line", "对照“四\n风”问题深入自查。", "对照“四"),
    ("user-word", "发挥抓手作用，全年完成投资3亿元。", "抓手作用"),
    ("typo-in-context", "双方就合作事项进行了友好蹉商。", "蹉商"),
    ("de-di-de", "我们要认真的落实各项政策。", "认真的落实"),
    ("repeated-word", "要进一步进一步加强管理。", "进一步进一步"),
]


@pytest.mark.parametrize(("rule", "text", "word"), ALLOWED, ids=[a[0] for a in ALLOWED])
def test_allowed_words_silence_every_rule(rule: str, text: str, word: str) -> None:
    extra = {"抓手": "套话"}
    assert spans(text, options(extra), rule), "the text has a finding of the rule without the allowed word"
    assert spans(text, options(extra, (word,)), rule) == []
    draft = draft_with("results.service", text)
    assert [f for f in check_draft(draft, template(), options(extra, (word,))) if f.rule == rule] == []


def test_every_word_rule_is_covered() -> None:
    positional = {name for name, rule in RULES.items() if rule.positional and not rule.whole_draft}
    assert positional - {a[0] for a in ALLOWED} <= {
        "unbalanced-quote",
        "duplicate-sentence",
        "year-mismatch",
        "heading-in-text",
        "unverified-fact",  # flags only what the draft records as adopted from the drafting help, never a word
    }


def test_an_allowed_word_is_not_fixed() -> None:
    draft = draft_with("results.service", "推行按步就班工作法，坚持问题导向,狠抓落实。")
    assert fix_draft(draft, template(), options(allowed=("按步就班",))) == 1
    assert draft.sections["results.service"] == "推行按步就班工作法，坚持问题导向，狠抓落实。"


def test_allowed_words_only_silence_text_inside_them() -> None:
    """An allowed word does not hide a longer finding around it, nor the same mistake elsewhere."""
    text = "推行按步就班工作法。按步就班不可取。"
    assert spans(text, options(allowed=("按步就班工作法",)), "typo") == [(1, 11, 15)]


def test_allowed_words_in_a_document(tmp_path: Path) -> None:
    path = tmp_path / "总结.txt"
    path.write_text("一、品行修养\n全年推行按步就班工作法，再接再励。\n", encoding="utf-8")
    found = [f.column for f in check_document(path, options(allowed=("按步就班",))).findings if f.rule == "typo"]
    assert found == [13]
