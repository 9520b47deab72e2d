"""Markdown escapes: the exported .md shows the user's text as typed in a viewer, import takes the escapes out
again, and checking the .md points at the very columns of the file."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from fuzzing import assert_nothing_lost
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from appraisal.checks.documents import check_document, write_fixed_copy
from appraisal.draft import Draft
from appraisal.export import ExportOptions, render
from appraisal.importing import import_document
from appraisal.markdown_escapes import escape_paragraph, file_column, unescape
from appraisal.templates import load_template

VIEWER = MarkdownIt("commonmark").enable("strikethrough")  # raw HTML on, as in most viewers

MARKUP = [*"\\`*_[]<>&#~$!-+.()|=^:;'\"{}@/ \t", "1. ", "- ", "+ ", "> ", "---", "***", "&amp;", "&#35;"]
paragraph = (
    st.lists(
        st.one_of(st.sampled_from(MARKUP), st.sampled_from(list("字词12a")), st.text(max_size=3)),
        min_size=1,
        max_size=12,
    )
    .map("".join)
    .map(lambda text: "".join(ch for ch in text if ch.isprintable() or ch == "\t").strip())
    .filter(bool)
)


@settings(max_examples=400, deadline=None)
@given(paragraph)
def test_an_escaped_paragraph_shows_exactly_its_text(text: str) -> None:
    assert VIEWER.render(escape_paragraph(text)) == f"<p>{html.escape(text, quote=True)}</p>\n".replace("&#x27;", "'")


@settings(max_examples=400, deadline=None)
@given(paragraph)
def test_unescape_gives_back_the_text_and_where_each_escape_was(text: str) -> None:
    written = escape_paragraph(text)
    back, escaped = unescape(written)
    assert back == text
    for position in escaped:
        assert written[file_column(position, escaped)] == "\\"
        assert written[file_column(position, escaped) + 1] == text[position]
    assert len(written) == len(text) + len(escaped)


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("增长3~5个百分点", "增长3~5个百分点"),
        ("增长率<5%", "增长率<5%"),
        ("-3.2%的降幅", "-3.2%的降幅"),
        ("1.加强学习", "1.加强学习"),
        ("C:\\文件夹", "C:\\文件夹"),
        ("A+B方案", "A+B方案"),
        ("#1号楼", "\\#1号楼"),  # a leading #
        ("对*号", "对\\*号"),  # every star
        ("1) 第一项", "1\\) 第一项"),
        ("- 要点", "\\- 要点"),
    ],
)
def test_only_what_a_viewer_would_read_as_markup_is_escaped(text: str, written: str) -> None:
    assert escape_paragraph(text) == written


def test_code_spans_in_a_hand_written_file_keep_their_backslashes() -> None:
    assert unescape(r"见 `C:\*.txt` 与 \*号") == (r"见 `C:\*.txt` 与 *号", (15,))


SPECIAL = (
    "**同志在20**年完成了任务，增长3~5个百分点。\n"
    "1. 以数字加点开头，*星号*、_下划线_、<b>标签</b>、&amp;、`反引号`、C:\\文件夹\\*、[链接](地址)。\n"
    "- 以短横线开头的一段\n"
    "# 以井号开头的一段\n"
    "> 以大于号开头的一段"
)


def _exported(tmp_path: Path, sections: dict[str, str], title: str = "") -> Path:
    template = load_template("cadre-annual")
    draft = Draft.new(template, name="李明", year=2026)
    draft.sections.update(sections)
    if title:
        draft.title = title
    path = tmp_path / "总结.md"
    path.write_bytes(render(draft, template, "md", ExportOptions()))
    return path


def test_export_then_import_gives_back_every_character(tmp_path: Path) -> None:
    path = _exported(tmp_path, {"study": SPECIAL, "conduct": "坚持原则。"}, title="2026年度*个人*总结")
    result = import_document(path, "cadre-annual")
    assert result.draft.sections["study"] == SPECIAL
    assert result.draft.sections["conduct"] == "坚持原则。"
    assert result.draft.title == "2026年度*个人*总结"
    assert not result.draft.unmatched
    assert_nothing_lost(result)


def test_checking_the_exported_file_points_at_the_escaped_stars(tmp_path: Path) -> None:
    """A `**` the user left in the text is a placeholder in the .md too (it was escaped, so it is no emphasis),
    reported at the columns of `\\*\\*` in the file; `**重点**` written by hand in a .md stays emphasis."""
    path = _exported(tmp_path, {"study": "**同志完成了任务。"})
    lines = path.read_text(encoding="utf-8").split("\n")
    number = lines.index(r"\*\*同志完成了任务。") + 1
    stars = [f for f in check_document(path).findings if f.rule == "placeholder"]
    assert [(f.line, f.column, f.end_column) for f in stars] == [(number, 1, 5)]

    hand = tmp_path / "手写.md"
    hand.write_text("# 2026年度个人总结\n\n## 一、品行修养\n\n做好**重点**工作。\n", encoding="utf-8")
    assert not [f for f in check_document(hand).findings if f.rule == "placeholder"]


def test_a_fix_after_escapes_lands_in_the_right_column(tmp_path: Path) -> None:
    path = _exported(tmp_path, {"study": "按*号标注的3项任务,已全部完成。"})
    check = check_document(path)
    comma = [f for f in check.findings if f.fix == "，"]
    assert comma, check.findings
    copy, count = write_fixed_copy(check)
    assert count >= 1
    assert r"按\*号标注的3项任务，已全部完成。" in copy.read_text(encoding="utf-8").split("\n")
