"""What the fuzz tests share: hostile text, the budget of examples, and the "nothing lost" and "points at the right
characters" checks.

The committed budgets keep each fuzz test to a few seconds. `APPRAISAL_FUZZ_SCALE=50 uv run pytest tests/test_fuzz_*`
runs fifty times as many examples, for a long local session.
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from appraisal.importing import ImportResult

SCALE = max(1, int(os.environ.get("APPRAISAL_FUZZ_SCALE", "1")))
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "check"


def fuzz(max_examples: int) -> settings:
    """Hypothesis settings for a fuzz test: no deadline (the machine is shared), `max_examples` × SCALE."""
    return settings(
        max_examples=max_examples * SCALE,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large],
    )


# Characters that break naive text handling: controls and escapes, every kind of line and paragraph separator,
# byte-order marks in the middle, zero-width and direction marks, combining marks, astral characters.
NASTY = [
    "\x00",
    "\x1b[31m",
    "\x1b]0;标题\x07",
    "\x1b[2J",
    "\r",
    "\r\n",
    "\n",
    "\n\n",
    "\u2028",
    "\u2029",
    "\x85",
    "\x0b",
    "\x0c",
    "\x1c",
    "\t",
    "\x7f",
    "\ufeff",
    "\u200b",
    "\u200c",
    "\u200d",
    "\u2060",
    "\u200e",
    "\u202e",
    "\u00a0",
    "\u3000",
    "\u2009",
    "e\u0301",
    "\ufffd",
    "\uffff",
    "\U0001f600",
    "\U0001f468\u200d\U0001f469\u200d\U0001f467",
    "\U00020000",
    "\U0002a6d6",
    "&lt;",
    "<script>alert(1)</script>",
    "\\",
    "`",
]
SURROGATES = ["\ud800", "\udbff", "\udc00", "\udfff", "\udcff"]

# Pieces of a real report: headings in several forms, sentences that trigger each rule, particulars, a 落款.
REPORT = [
    "2026年度个人总结",
    "一、品行修养",
    "二、理论学习",
    "（一）服务中心实绩。",
    "三、四项主要工作实绩",
    "## 廉政建设",
    "# 2026年述职报告",
    "、依法行政",
    "最需要提高的一个方面能力",
    "姓名：张三　单位：某区商务局",
    "张三",
    "2026年12月20日",
    "特此报告，请予评议。",
    "本人始终坚持把政治建设摆在首位，",
    "全年完成税收亿元，同比增长%。",
    "XX局",
    "20XX年",
    "某某",
    "____",
    "（此处填写具体事例）",
    "【单位名称】",
    "待补充",
    "TODO",
    "工作,学习;思考:",
    "(含)",
    "“引号没有关上",
    "《书名",
    "今年（2023年）",
    "2023年度工作总结",
    "一年来，我紧紧围绕全局中心工作，完成重点项目12个。",
    "http://www.example.gov.cn/a,b",
    "**重点**",
    "1.",
    "---",
]

report_like = st.lists(st.sampled_from(REPORT), max_size=12).map("".join)


def nasty_text(*, surrogates: bool = False, max_pieces: int = 30) -> st.SearchStrategy[str]:
    """Text mixing report phrases, hostile characters and arbitrary text; lone surrogates only where a str can
    carry them (a draft read from JSON), never in a file's bytes."""
    pieces = [st.sampled_from(REPORT), st.sampled_from(NASTY), st.text(max_size=8)]
    if surrogates:
        pieces.append(st.sampled_from(SURROGATES))
    return st.lists(st.one_of(*pieces), max_size=max_pieces).map("".join)


def field_places(result: ImportResult) -> list[tuple[str, int, int]]:
    """Where each character of the draft's text fields stands in the document, as (field, 1-based line, 0-based
    column), after checking that the document holds that very character there (Markdown escapes counted, see
    `ImportResult.place`), that each line of a field has an origin, and that every field with text has one."""
    lines = result.document.lines
    fields = {"title": result.draft.title, "unmatched": result.draft.unmatched, **result.draft.sections}
    places: list[tuple[str, int, int]] = []
    for key, where in result.origin.items():
        text_lines = fields[key].split("\n")
        assert len(text_lines) == len(where), key
        escaped = result.escapes.get(key, [()] * len(where))
        for index, text_line in enumerate(text_lines):
            for column, ch in enumerate(text_line):
                if not result.from_document(key, index, column):
                    continue  # the separator between a table row's cells (`importing.table_rows`)
                line, at = result.place(key, index, column)
                at += column in escaped[index]  # `place` gives an escaped character's backslash
                assert lines[line - 1][at : at + 1] == ch, (key, line, at, ch)
                places.append((key, line, at))
    for key, text in fields.items():
        if text and key != "title":
            assert key in result.origin, key
    return places


def assert_nothing_lost(result: ImportResult) -> None:
    """Every non-white-space character of the document is in the draft, or is a heading or marker the template
    replaces: each character is accounted for exactly once, at a place that holds that very character."""
    lines = result.document.lines
    covered: dict[tuple[int, int], str] = {}
    for key, line, column in field_places(result):
        assert (line, column) not in covered, f"line {line} column {column} used twice"
        covered[(line, column)] = key
    profile = result.draft.profile
    extra = profile.model_extra or {}
    for span in result.structure:
        for column in range(span.start, span.end):
            assert (span.line, column) not in covered, f"line {span.line} column {column} used twice"
            covered[(span.line, column)] = span.role
        if span.role.startswith("profile."):
            name = span.role.removeprefix("profile.")
            value = getattr(profile, name, None) if name != "date" else extra.get("date")
            assert lines[span.line - 1][span.start : span.end] == value
        if span.role == "heading":
            assert span.end - span.start <= 100, "a heading that long would swallow body text"
        if span.role == "escape":
            assert lines[span.line - 1][span.start : span.end] == "\\", "only a Markdown backslash is an escape"
    for number, line in enumerate(lines, start=1):
        for column, ch in enumerate(line):
            if not ch.isspace():
                assert (number, column) in covered, f"line {number} column {column} {ch!r} was dropped"


def draft_characters(result: ImportResult) -> Counter[str]:
    """The non-white-space characters of the draft's text fields (title, sections, unmatched); the profile's are
    accounted for by their spans (`assert_nothing_lost`)."""
    draft = result.draft
    title = draft.title if "title" in result.origin else ""  # else the template's default, not the document's
    texts = [title, draft.unmatched, *draft.sections.values()]
    return Counter(ch for text in texts for ch in text if not ch.isspace())


def one_clear_sentence(message: str) -> None:
    """The shape of every error a user sees: one line of Chinese, no Python repr, no traceback."""
    assert message.strip(), "empty message"
    assert "\n" not in message.strip()
    assert any("\u4e00" <= ch <= "\u9fff" for ch in message), message
    assert "Traceback" not in message and "Error" not in message, message
