"""Word's automatic list numbers in the imported text: the `一、` `（一）` `1.` Word draws before a numbered paragraph
is read from the numbering part, counted as Word counts, put before the paragraph's text, and used to find the
headings (a `一、品行修养` numbered by Word is a heading as a typed one is)."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from fuzzing import assert_nothing_lost, fuzz
from hypothesis import given
from hypothesis import strategies as st
from word_numbering import abstract, lvl, num, numbered_docx, numbering_xml

from appraisal.checks.documents import check_document, write_fixed_copy
from appraisal.importing import import_document, read_document

OUTLINE = abstract(
    1,
    lvl(0, "chineseCounting", "%1、"),
    lvl(1, "chineseCounting", "（%2）"),
    lvl(2, "decimal", "%3."),
    lvl(3, "decimal", "（%4）"),
    lvl(4, "decimalEnclosedCircle", "%5"),
)


def lines(path: Path) -> list[str]:
    return read_document(path).lines


def test_a_multilevel_chinese_outline_is_numbered_as_word_draws_it(tmp_path: Path) -> None:
    rows = [
        ("品行修养", None, ("1", 0)),
        ("政治品质", None, ("1", 1)),
        ("道德品行", None, ("1", 1)),
        ("学习", None, ("1", 2)),
        ("实践", None, ("1", 2)),
        ("细目", None, ("1", 3)),
        ("要点", None, ("1", 4)),
        "没有编号的一段。",
        ("工作实绩", None, ("1", 0)),
        ("分管工作", None, ("1", 1)),
        ("项目", None, ("1", 2)),
    ]
    path = numbered_docx(tmp_path / "提纲.docx", rows, numbering_xml(OUTLINE, num(1, 1)))
    assert lines(path) == [
        "一、品行修养",
        "（一）政治品质",
        "（二）道德品行",
        "1.学习",
        "2.实践",
        "（1）细目",
        "①要点",
        "没有编号的一段。",
        "二、工作实绩",  # a list goes on after a paragraph without a number; the deeper levels start again
        "（一）分管工作",
        "1.项目",
    ]
    document = read_document(path)
    assert document.numbered == {1: 0, 2: 1, 3: 1, 4: 2, 5: 2, 6: 3, 7: 4, 9: 0, 10: 1, 11: 2}


def test_levels_shown_together_start_overrides_and_restarts(tmp_path: Path) -> None:
    legal = abstract(
        2,
        lvl(0, "decimal", "%1.", start=3),
        lvl(1, "decimal", "%1.%2"),
        lvl(2, "lowerLetter", "%3)", restart=0),  # never restarts
        lvl(3, "upperRoman", "%1.%2.%4", legal=True),  # isLgl: every number in Arabic digits
    )
    numbering = numbering_xml(legal, num(5, 2), num(6, 2, starts={0: 7}))
    rows = [
        ("甲", None, ("5", 0)),
        ("乙", None, ("5", 1)),
        ("丙", None, ("5", 2)),
        ("丁", None, ("5", 1)),
        ("戊", None, ("5", 2)),
        ("己", None, ("5", 3)),
        ("庚", None, ("5", 0)),
        ("辛", None, ("5", 2)),
        ("壬", None, ("6", 0)),  # an instance with a start override restarts the list where it is first used
        ("癸", None, ("5", 0)),  # and the first instance goes on from there: instances share their definition
        ("子", None, ("6", 0)),
    ]
    path = numbered_docx(tmp_path / "层级.docx", rows, numbering)
    assert lines(path) == [
        "3.甲",
        "3.1 乙",  # a bare number is followed by a space, as Word's tab shows
        "a)丙",
        "3.2 丁",
        "b)戊",
        "3.2.1 己",
        "4.庚",
        "c)辛",
        "7.壬",
        "8.癸",
        "9.子",
    ]


def test_a_level_overridden_by_the_instance_and_a_number_with_no_space(tmp_path: Path) -> None:
    numbering = numbering_xml(
        abstract(3, lvl(0, "decimal", "%1、"), lvl(1, "decimal", "%2", suff="nothing")),
        num(1, 3),
        num(2, 3, levels={0: lvl(0, "ideographTraditional", "%1.", start=2)}),
    )
    rows = [("一项", None, ("1", 0)), ("二项", None, ("1", 1)), ("三项", None, ("2", 0)), ("四项", None, ("2", 0))]
    path = numbered_docx(tmp_path / "覆盖.docx", rows, numbering)
    assert lines(path) == ["1、一项", "1二项", "乙.三项", "丙.四项"]


def test_numbering_from_the_paragraph_style_and_its_base(tmp_path: Path) -> None:
    numbering = numbering_xml(
        abstract(4, lvl(0, "chineseCounting", "%1、", pstyle="Top"), lvl(1, "chineseCounting", "（%2）", pstyle="Sub")),
        num(9, 4),
        abstract(5, lvl(0, "bullet", "\u2022")),
        num(10, 5),
    )
    styles = {
        "Top": (None, ("9", -1), "顶级标题"),  # no level: the level linked to the style
        "Sub": (None, ("9", -1), "二级标题"),
        "Derived": ("顶级标题", None, "派生标题"),  # numbered through w:basedOn
        "Dot": (None, ("10", 0), "圆点"),
    }
    rows = [
        ("品行修养", "Top", None),
        ("政治品质", "Sub", None),
        ("工作实绩", "Derived", None),
        ("不编号", "Top", ("0", 0)),  # numId 0 switches the style's numbering off
        ("圆点项", "Dot", None),  # a bullet draws no number
        ("廉洁自律", "Top", None),
    ]
    path = numbered_docx(tmp_path / "样式.docx", rows, numbering, styles)
    document = read_document(path)
    assert document.lines == ["一、品行修养", "（一）政治品质", "二、工作实绩", "不编号", "圆点项", "三、廉洁自律"]
    assert document.numbered == {1: 0, 2: 1, 3: 0, 5: 0, 6: 0}


def test_a_numbering_style_link_takes_the_linked_definition(tmp_path: Path) -> None:
    numbering = numbering_xml(
        abstract(6, lvl(0, "chineseCounting", "%1、"), style_link="Outline"),
        abstract(7, link="Outline"),
        num(1, 6),
        num(2, 7),
    )
    styles = {"Outline": (None, ("1", 0), "大纲编号")}
    rows = [("一项", None, ("2", 0)), ("二项", None, ("2", 0))]
    path = numbered_docx(tmp_path / "链接.docx", rows, numbering, styles)
    assert lines(path) == ["一、一项", "二、二项"]


def test_a_missing_or_broken_numbering_part_leaves_the_text_as_it_is(tmp_path: Path) -> None:
    rows = [("一项", None, ("3", 0)), ("二项", None, ("1", 0))]
    path = numbered_docx(tmp_path / "缺失.docx", rows, numbering_xml(OUTLINE, num(1, 1)))
    assert lines(path) == ["一项", "一、二项"]  # numId 3 is not defined
    broken = numbered_docx(tmp_path / "损坏.docx", rows, b"<w:numbering")
    assert read_document(broken).lines == ["一项", "二项"]
    assert read_document(broken).numbered == {1: 0, 2: 0}


CADRE = [
    "2025年度个人总结",
    "本人2025年在某局任科长，现将一年来的情况总结如下。",
    ("品行修养", None, ("1", 0)),
    "坚定理想信念，对党忠诚。",
    ("学习方面", None, ("1", 0)),
    "认真学习党的二十大精神，撰写心得三篇。",
    ("工作实绩", None, ("1", 0)),
    ("抓项目建设", None, ("1", 1)),
    "推动重点项目八个。",
    ("补短板", None, ("1", 1)),
    ("建立台账，逐项销号。", None, ("1", 2)),
    ("按月通报进度。", None, ("1", 2)),
    ("廉洁自律", None, ("1", 0)),
    "严格遵守中央八项规定精神。",
]


def test_headings_numbered_by_word_are_found_and_list_items_keep_their_numbers(tmp_path: Path) -> None:
    path = numbered_docx(tmp_path / "总结.docx", CADRE, numbering_xml(OUTLINE, num(1, 1)))
    result = import_document(path, "cadre-annual")
    assert_nothing_lost(result)
    sections = result.draft.sections
    assert sections["conduct"] == "坚定理想信念，对党忠诚。"
    assert sections["study"] == "学习方面\n认真学习党的二十大精神，撰写心得三篇。"  # by its word 学习
    assert sections["integrity"] == "严格遵守中央八项规定精神。"
    # a list inside a section keeps Word's numbers
    assert (
        sections["results.service"]
        == "（一）抓项目建设\n推动重点项目八个。\n（二）补短板\n1.建立台账，逐项销号。\n2.按月通报进度。"
    )
    headings = {(span.line, span.end, span.section) for span in result.structure if span.role == "heading"}
    assert headings == {(3, 6, "conduct"), (7, 6, "results"), (13, 6, "integrity")}  # `一、品行修养`: number and title


def test_the_same_report_typed_or_numbered_by_word_imports_alike(tmp_path: Path) -> None:
    word = numbered_docx(tmp_path / "自动.docx", CADRE, numbering_xml(OUTLINE, num(1, 1)))
    typed = tmp_path / "手打.txt"
    typed.write_text("\n".join(read_document(word).lines), encoding="utf-8")
    from_word, from_text = import_document(word), import_document(typed)
    assert from_word.template.id == from_text.template.id
    assert from_word.draft.sections == from_text.draft.sections


def test_a_fixed_copy_leaves_the_numbers_to_word(tmp_path: Path) -> None:
    """A fix after Word's number lands in the right characters of the runs; the number is never written in."""
    rows = [
        "2025年度个人总结",
        ("品行修养", None, ("1", 0)),
        ("我们组织学习,效果良好。", None, ("1", 2)),
    ]
    path = numbered_docx(tmp_path / "修正.docx", rows, numbering_xml(OUTLINE, num(1, 1)))
    check = check_document(path)
    comma = [f for f in check.findings if f.fix == "，"]
    assert comma and (comma[0].line, comma[0].column) == (3, 9)  # after `1.`: the position in the text shown
    copy, count = write_fixed_copy(check)
    assert count >= 1
    texts = [p.text for p in docx.Document(str(copy)).paragraphs]
    assert "我们组织学习，效果良好。" in texts
    assert not any(text.startswith(("1.", "一、")) for text in texts)
    assert read_document(copy).lines[2] == "1.我们组织学习，效果良好。"


def test_run_in_headings_numbered_by_word_open_their_sections(tmp_path: Path) -> None:
    """`（一）服务中心实绩。一年来，…` with `（一）` drawn by Word: without the number, the words are a sentence."""
    rows = [
        "2025年度个人总结",
        "本人2025年在某局任科长，现将一年来的情况总结如下。",
        ("四项主要工作实绩", None, ("1", 0)),
        ("服务中心实绩。一年来，牵头完成全市营商环境评估，形成报告两份。", None, ("1", 1)),
        ("分管工作实绩。分管的统计工作按时完成，数据质量全省第三。", None, ("1", 1)),
        ("创新创优实绩。推行“一窗受理”，办件时间缩短一半。", None, ("1", 1)),
    ]
    path = numbered_docx(tmp_path / "连排.docx", rows, numbering_xml(OUTLINE, num(1, 1)))
    result = import_document(path, "cadre-annual")
    assert_nothing_lost(result)
    sections = result.draft.sections
    assert sections["results.service"] == "一年来，牵头完成全市营商环境评估，形成报告两份。"
    assert sections["results.duties"] == "分管的统计工作按时完成，数据质量全省第三。"
    assert sections["results.innovation"] == "推行“一窗受理”，办件时间缩短一半。"


def test_a_libreoffice_outline_list(tmp_path: Path) -> None:
    """tests/fixtures/import/outline.docx was made by LibreOffice 7.4 from outline.fodt beside it (`soffice --headless
    --convert-to docx outline.fodt`): Heading 1/2 numbered through their styles in taiwaneseCountingThousand with no
    space after the number, and a 1. 2. list on its own instance."""
    path = Path(__file__).parent / "fixtures" / "import" / "outline.docx"
    document = read_document(path)
    assert document.lines[2:12] == [
        "一、品行修养",
        "坚定理想信念，对党忠诚。",
        "二、四项主要工作实绩",
        "（一）服务中心实绩",
        "牵头完成全市营商环境评估。",
        "1.建立台账，逐项销号。",
        "2.按月通报进度。",
        "（二）分管工作实绩",
        "分管的统计工作按时完成。",
        "三、廉政建设",
    ]
    result = import_document(path)
    assert_nothing_lost(result)
    assert result.template.id == "cadre-annual"
    sections = result.draft.sections
    assert sections["results.service"] == "牵头完成全市营商环境评估。\n1.建立台账，逐项销号。\n2.按月通报进度。"
    assert sections["results.duties"] == "分管的统计工作按时完成。"
    assert sections["integrity"] == "严格遵守中央八项规定精神。"


def test_a_list_of_points_beside_word_numbered_headings_stays_in_its_section(tmp_path: Path) -> None:
    """Headings on one of Word's lists (一、), points on another (1.), both at their list's first level: the
    points are text of the section they are in, with their numbers, even where the list comes first."""
    numbering = numbering_xml(
        abstract(1, lvl(0, "chineseCounting", "%1、")),
        num(1, 1),
        abstract(2, lvl(0, "decimal", "%1.")),
        num(5, 2),
        num(6, 2, starts={0: 1}),
    )
    rows = [
        "2025年度个人总结",
        "本人2025年在某局任科长，主要做了两件事：",
        ("抓学习", None, ("5", 0)),
        ("抓落实", None, ("5", 0)),
        ("品行修养", None, ("1", 0)),
        "坚定理想信念，对党忠诚。",
        ("理论学习", None, ("1", 0)),
        "一年来重点抓了以下几件事：",
        ("坚持集中学习", None, ("6", 0)),  # Word starts a new list again at 1 with a start override
        ("坚持个人自学", None, ("6", 0)),
        ("廉政建设", None, ("1", 0)),
        "严格遵守中央八项规定精神。",
    ]
    path = numbered_docx(tmp_path / "两个列表.docx", rows, numbering)
    result = import_document(path, "cadre-annual")
    assert_nothing_lost(result)
    sections = result.draft.sections
    assert sections["intro"] == "本人2025年在某局任科长，主要做了两件事：\n1.抓学习\n2.抓落实"
    assert sections["study"] == "一年来重点抓了以下几件事：\n1.坚持集中学习\n2.坚持个人自学"
    assert sections["integrity"] == "严格遵守中央八项规定精神。"
    assert not any(sections[key] for key in sections if key.startswith("results"))


def test_a_number_on_an_empty_paragraph_is_counted_and_not_shown(tmp_path: Path) -> None:
    """A stray Enter at a list's end leaves an empty numbered paragraph: Word counts it; a `2.` or `三、` alone
    in the draft would be noise the user has to delete."""
    rows = [
        ("品行修养", None, ("1", 0)),
        ("坚持学习", None, ("1", 2)),
        ("", None, ("1", 2)),
        ("坚持实践", None, ("1", 2)),
        ("   ", None, ("1", 0)),
        ("廉政建设", None, ("1", 0)),
    ]
    path = numbered_docx(tmp_path / "空段.docx", rows, numbering_xml(OUTLINE, num(1, 1)))
    assert lines(path) == ["一、品行修养", "1.坚持学习", "", "3.坚持实践", "   ", "三、廉政建设"]


FORMATS = ["decimal", "chineseCounting", "upperLetter", "lowerRoman", "decimalEnclosedCircle", "bullet", "none", "x"]


@fuzz(20)
@given(
    levels=st.lists(
        st.tuples(
            st.sampled_from(FORMATS),
            st.text(alphabet="%0123456789.、（）-", max_size=8),
            st.integers(-3, 60),
            st.one_of(st.none(), st.integers(-1, 10)),
        ),
        min_size=1,
        max_size=9,
    ),
    rows=st.lists(
        st.tuples(
            st.sampled_from(["品行修养", "理论学习", "完成项目三个。", "", "廉政建设"]),
            st.one_of(st.none(), st.tuples(st.sampled_from(["0", "1", "2", "7"]), st.integers(0, 12))),
        ),
        min_size=1,
        max_size=12,
    ),
)
def test_any_numbering_reads_and_loses_nothing(
    tmp_path_factory: pytest.TempPathFactory,
    levels: list[tuple[str, str, int, int | None]],
    rows: list[tuple[str, tuple[str, int] | None]],
) -> None:
    """Whatever the numbering part says (odd formats, placeholders of levels not defined, starts below 1, restarts
    out of range, instances of nothing, levels past the ninth), each line is a number, or nothing, before the
    paragraph's own text, and the import accounts for every character."""
    definitions = "".join(
        lvl(i, fmt, text.replace("&", ""), start=start, restart=restart)
        for i, (fmt, text, start, restart) in enumerate(levels)
    )
    numbering = numbering_xml(abstract(1, definitions), num(1, 1), num(2, 1, starts={0: 5}))
    path = tmp_path_factory.mktemp("fuzz") / "编号.docx"
    texts = ["2025年度个人总结", *(text for text, _ in rows)]
    numbered_docx(
        path, ["2025年度个人总结", *((text, None, (n[0], n[1]) if n else None) for text, n in rows)], numbering
    )
    document = read_document(path)
    assert len(document.lines) == len(texts)
    for line, text in zip(document.lines, texts, strict=True):
        assert line.endswith(text)
        assert text.strip() or line == text  # an empty paragraph shows no number
    assert_nothing_lost(import_document(path))


def test_a_number_is_kept_apart_from_the_figures_the_paragraph_starts_with(tmp_path: Path) -> None:
    """Word's tab after `1.` keeps it apart from `3月5日`: run together they read `1.3月5日`, and a Word-numbered
    `2025年工作实绩` would no longer be the heading its typed twin `2. 2025年工作实绩` is."""
    numbering = numbering_xml(
        abstract(1, lvl(0, "decimal", "%1."), lvl(1, "decimal", "%1.%2.")),
        abstract(
            2, lvl(0, "chineseCounting", "%1、"), lvl(1, "decimal", "%2)"), lvl(2, "decimal", "%3.", suff="nothing")
        ),
        num(1, 1),
        num(2, 2),
    )
    rows = [
        "2025年度个人总结",
        "本人2025年在某局任科长，现将一年来的情况总结如下。",
        ("思想政治表现", None, ("1", 0)),
        "坚定理想信念，对党忠诚。",
        ("2025年工作实绩", None, ("1", 0)),
        ("3月5日召开动员会。", None, ("1", 1)),
        ("12个重点项目全部开工。", None, ("1", 1)),
        ("0.5亿元专项资金到位。", None, ("1", 1)),
        ("GDP增长5%。", None, ("1", 1)),
        ("廉洁自律情况", None, ("1", 0)),
        ("严格遵守中央八项规定精神。", None, ("2", 0)),
        ("2024年起按月自查。", None, ("2", 0)),
        ("6次谈话提醒。", None, ("2", 1)),
        ("7项整改。", None, ("2", 2)),
    ]
    word = numbered_docx(tmp_path / "自动.docx", rows, numbering)
    assert lines(word)[2:] == [
        "1.思想政治表现",
        "坚定理想信念，对党忠诚。",
        "2. 2025年工作实绩",
        "2.1. 3月5日召开动员会。",
        "2.2. 12个重点项目全部开工。",
        "2.3. 0.5亿元专项资金到位。",
        "2.4. GDP增长5%。",
        "3.廉洁自律情况",
        "一、严格遵守中央八项规定精神。",
        "二、2024年起按月自查。",  # `、` does not run into a figure
        "1) 6次谈话提醒。",
        "1.7项整改。",  # suff nothing: Word runs them together too
    ]
    typed = tmp_path / "手打.txt"
    typed.write_text("\n".join(lines(word)), encoding="utf-8")
    from_word, from_text = import_document(word, "cadre-annual"), import_document(typed, "cadre-annual")
    assert_nothing_lost(from_word)
    assert from_word.draft.sections == from_text.draft.sections
    headings = [(span.line, span.section) for span in from_word.structure if span.role == "heading"]
    assert headings == [(span.line, span.section) for span in from_text.structure if span.role == "heading"]
    assert (5, "results") in headings
    assert from_word.draft.sections["results.service"].startswith("2.1. 3月5日召开动员会。\n2.2. 12个")


def test_a_huge_start_or_number_text_gives_a_number_word_could_draw(tmp_path: Path) -> None:
    """A tiny file asking for a list to start at two billion in letters (77 million characters a paragraph) or
    for a very long number text is read quickly into numbers no longer than Word draws (31 characters)."""
    long_text = "第%1条" * 500
    numbering = numbering_xml(
        abstract(1, lvl(0, "upperLetter", "%1.", start=2_000_000_000), lvl(1, "decimal", long_text)),
        num(1, 1),
        num(2, 1, starts={0: 999_999_999_999}),
    )
    rows = [(f"第{i}段", None, ("1", 0)) for i in range(200)] + [("再起", None, ("2", 0)), ("条目", None, ("2", 1))]
    path = numbered_docx(tmp_path / "巨大.docx", rows, numbering)
    document = read_document(path)
    assert len(document.labels) == 202
    assert all(len(label) <= 32 for label in document.labels.values())
    assert document.lines[0] == "G" * 31 + " 第0段"  # started at 32767: 1261 Gs, held to 31 characters
    assert document.lines[1] == "H" * 31 + " 第1段"
    assert document.lines[200] == "G" * 31 + " 再起"  # the start override held to 32767 too
    assert document.lines[201] == "第" + "G" * 30 + " 条目"


def test_a_finding_on_words_number_is_not_promised_a_fix(tmp_path: Path) -> None:
    """`一.一` drawn by Word: --fix cannot write into it, so the finding offers no fix and says the number is
    Word's; the space standing for Word's tab after it is not in the document and is not reported."""
    numbering = numbering_xml(
        abstract(1, lvl(0, "chineseCounting", "%1、"), lvl(1, "chineseCounting", "%1.%2")), num(1, 1)
    )
    rows = [
        "2025年度个人总结",
        ("品行修养", None, ("1", 0)),
        ("政治品质好,作风过硬。", None, ("1", 1)),
        ("道德品行", None, ("1", 1)),
    ]
    path = numbered_docx(tmp_path / "编号.docx", rows, numbering)
    check = check_document(path)
    assert read_document(path).lines[2] == "一.一\u3000政治品质好,作风过硬。"
    on_number = [f for f in check.findings if f.line in (3, 4) and f.column == 2]
    assert on_number and all(f.fix is None and "Word 自动生成的编号" in f.message for f in on_number)
    assert not [f for f in check.findings if f.line in (3, 4) and f.column == 4]  # the tab after `一.一`
    assert [(f.line, f.column, f.fix) for f in check.findings if f.fix is not None] == [(3, 10, "，")]
    heading = [f for f in check.findings if f.rule == "section-too-short"]
    assert heading and "Word" not in heading[0].message  # about the heading, not its number
    copy, count = write_fixed_copy(check)
    assert count == 1
    assert read_document(copy).lines[2] == "一.一\u3000政治品质好，作风过硬。"


def test_a_level_without_a_start_counts_from_zero(tmp_path: Path) -> None:
    """ECMA-376 §17.9.25: a `w:lvl` with no `w:start` starts at 0 (LibreOffice 7.4 shows `0. 甲`, `1. 乙`). WPS
    writes `w:start` on every level (numbering parts saved by WPS, with its `wpsCustomData` namespace, in public
    repositories: 2296399932/our-docx and xunmaw001/Epidemic-Information-Management-System, word/numbering.xml,
    3 and 9 levels, each `<w:start w:val="1"/>`), so its lists are not read from 0."""
    level = '<w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
    numbering = numbering_xml(f'<w:abstractNum w:abstractNumId="1">{level}</w:abstractNum>', num(1, 1))
    path = numbered_docx(tmp_path / "无起始.docx", [("甲", None, ("1", 0)), ("乙", None, ("1", 0))], numbering)
    assert lines(path) == ["0.甲", "1.乙"]
