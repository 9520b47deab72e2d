"""Properties over arbitrary text: the checker never fails, positions stay inside the text, and fixes only ever
swap half-width marks (and the spaces typed around them, or a doubled mark) for full-width ones (`.` for `。`, or
`、` after a Chinese list number) and fix punctuation (`...` → `……`, straight quotes, spaces inside Chinese);
every fix settles: fixing again finds nothing more to fix."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from appraisal.checks import RULES, CheckOptions, apply_fixes, check_draft, check_section, fix_draft

from .marks import draft_with, template

ALPHABET = list("学习工作党建年度万亿元亩公里平方米百分点个%％-—…XxＸ×*＊_＿某待补充TODO")
ALPHABET += list("，。、；：？！“”‘’《》（）【】,;:?!()  　\t\n0123456789.abcABC/@:")
ALPHABET += ["http://a.cn/x", "2024年", "2025年度", "今年（", "三、", "（一）", "服务中心实绩", "党建工作", "𠀀"]
# The word lists and the GB/T rules: words, exceptions, years, magnitudes, ranges, page numbers, quotes.
ALPHABET += ["再接再励", "按排名", "按排", "“十七”大", "党的十九大", "以来", "二0二五", "3千", "5百", "3～5", "3-5个"]
ALPHABET += ["-2-", '"', "。。", "，，", "‚", "25年度", "’26年"]

texts = st.lists(st.sampled_from(ALPHABET), max_size=80).map("".join)
TEMPLATE = template()
_MARKS = re.compile(r"[,.．;:?!()，。、；：？！（）…\"“”‘’‚‛„‟\s]")


@settings(max_examples=300, deadline=None)
@given(texts, texts)
def test_findings_stay_inside_the_text(first: str, second: str) -> None:
    draft = draft_with("conduct", first, study=second)
    for section_id, text in (("conduct", first), ("study", second)):
        lines = text.split("\n")
        for f in check_section(draft, TEMPLATE, section_id):
            assert f.section == section_id
            assert 1 <= f.line <= len(lines)
            assert 1 <= f.column <= f.end_column <= len(lines[f.line - 1]) + 1
            if RULES[f.rule].positional:
                assert f.column < f.end_column
            assert f.message.endswith("。")
    check_draft(draft, TEMPLATE)  # the whole-draft rules and the document order do not fail either


@settings(max_examples=300, deadline=None)
@given(texts)
@example("《,》")  # a half-width mark in a cited title: found and, once, not fixed (64a1a30)
def test_fixes_only_swap_marks_and_settle(text: str) -> None:
    """The fixes of the mark rules (half-width marks, GB/T 15834 punctuation); the word and number rules, whose
    fixes change letters and digits, have their own property below."""
    draft = draft_with("conduct", text)
    words = frozenset(name for name, rule in RULES.items() if rule.family in ("language", "numbers"))
    marks_only = CheckOptions(disabled=words)
    for _ in range(len(text) + 1):
        if fix_draft(draft, TEMPLATE, marks_only) == 0:
            break
    fixed = draft.sections["conduct"]
    assert [f for f in check_section(draft, TEMPLATE, "conduct") if f.rule == "halfwidth-punctuation"] == []
    assert _MARKS.sub("", fixed) == _MARKS.sub("", text)
    assert fixed.count("\n") == text.count("\n")


@settings(max_examples=200, deadline=None)
@given(texts)
def test_every_fix_settles(text: str) -> None:
    draft = draft_with("conduct", text)
    for _ in range(len(text) + 2):
        if fix_draft(draft, TEMPLATE) == 0:
            break
    left = [f for f in check_section(draft, TEMPLATE, "conduct") if f.fix is not None]
    assert [f for f in left if RULES[f.rule].fix_all] == []  # the others wait for the writer, one at a time
    assert draft.sections["conduct"].count("\n") == text.count("\n")


@settings(max_examples=200, deadline=None)
@given(texts)
def test_apply_fixes_with_no_fixes_is_identity(text: str) -> None:
    draft = draft_with("conduct", text)
    unfixable = [f for f in check_section(draft, TEMPLATE, "conduct") if f.fix is None]
    assert apply_fixes(text, unfixable) == text
