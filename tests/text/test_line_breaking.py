"""禁则 line breaking: what may start or end a line, what is never split, and that nothing is lost or too wide."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from appraisal.text.line_breaking import NO_LINE_END, NO_LINE_START, break_lines, wrap_offsets

TEXT = (
    "本人始终坚持以习近平新时代中国特色社会主义思想为指导，认真学习贯彻党的二十大精神，"
    "牢固树立“四个意识”，坚定“四个自信”。全年完成调研报告5篇（其中2篇获市领导批示），"
    "培训基层统计人员860人次，数据按期上报率达到12.5%，新增高标准农田2860亩，"
    "使用Python和Excel完成数据清洗，《统计法》宣传覆盖全部乡镇。"
)


def test_no_line_starts_with_a_closing_mark_or_ends_with_an_opening_one() -> None:
    for width in range(8, 61):
        lines = break_lines(TEXT, width)
        assert "".join(lines) == TEXT
        for line in lines[1:]:
            assert line[0] not in NO_LINE_START, (width, lines)
        for line in lines[:-1]:
            assert line[-1] not in NO_LINE_END, (width, lines)
            assert cell_len(line) <= width, (width, line)


def test_numbers_with_their_units_and_latin_words_are_not_split() -> None:
    whole = ["12.5%", "2860亩", "860人次", "Python", "Excel", "5篇"]
    for width in range(10, 61):
        lines = break_lines(TEXT, width)
        for word in whole:
            assert any(word in line for line in lines), (width, word, lines)


def test_the_cases_named_in_the_issue() -> None:
    # The naive fold (by cells only) would put the comma, the closing quote and the "%" at the start of a line.
    assert break_lines("一二三四，五六", 8) == ["一二三", "四，五六"]
    assert break_lines("一二三“四个”", 8) == ["一二三", "“四个”"]
    assert break_lines("增长12.5%", 8) == ["增长", "12.5%"]
    assert break_lines("新增2860亩耕地", 9) == ["新增", "2860亩耕", "地"]
    assert break_lines("学会Python编程", 8) == ["学会", "Python编", "程"]


def test_a_word_wider_than_the_line_is_folded_not_hidden() -> None:
    assert break_lines("abcdefghij", 4) == ["abcd", "efgh", "ij"]
    assert break_lines("，，，，，，", 4) == ["，，", "，，", "，，"]
    assert wrap_offsets("汉字", 1) == [1]  # a two-cell character on a one-cell line: on its own line
    assert wrap_offsets("任何文字", 0) == []


def test_a_space_hangs_at_the_end_of_a_line() -> None:
    assert break_lines("one two three", 7) == ["one two ", "three"]


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="中文字，。、“”（）《》%12.5亩 abAB—…\t", max_size=120),
    st.integers(min_value=2, max_value=50),
)
def test_nothing_lost_and_every_line_fits(text: str, width: int) -> None:
    offsets = wrap_offsets(text, width)
    assert offsets == sorted(set(offsets))
    assert all(0 < offset < len(text) for offset in offsets)
    lines = break_lines(text, width)
    assert "".join(lines) == text
    for line in lines:
        visible = line.rstrip(" ")  # one space may hang past the end
        if len(line) > 1 and "\t" not in line:
            assert cell_len(visible) <= width, (line, width)


def test_full_width_square_brackets_follow_the_marks_rules() -> None:
    """History's legend （［-删去］［+增加］） put ］ at the start of a line at 80 columns."""
    from appraisal.text.line_breaking import NO_LINE_END, NO_LINE_START

    assert "］" in NO_LINE_START and "［" in NO_LINE_END


def test_a_path_holding_chinese_is_kept_whole_where_it_fits() -> None:
    from appraisal.text.line_breaking import break_lines

    text = "已导出：/home/li/文档/2026年度总结.docx、/home/li/文档/2026年度总结.txt。"
    lines = break_lines(text, 37)
    for path in ("/home/li/文档/2026年度总结.docx", "/home/li/文档/2026年度总结.txt"):
        assert any(path in line for line in lines), lines  # split between 总 and 结 before
