"""A report numbered by Word's list buttons imports as its typed twin does: the same template, every line in the
same section, the same list numbers kept. Word draws `一、` `（一）` `1.` before a paragraph; the importer reads
them into the line, and from there the numbers a writer typed and the numbers Word drew are placed alike."""

from __future__ import annotations

from pathlib import Path

import pytest
from fuzzing import assert_nothing_lost, fuzz
from hypothesis import given
from hypothesis import strategies as st
from word_numbering import Row, abstract, lvl, num, numbered_docx, numbering_xml

from appraisal.importing import ImportResult, import_document, read_document

CN = "一二三四五六七八九十"
# One list for the whole outline, as Word's multilevel list button makes it; points may have a list of their own.
OUTLINE = abstract(1, lvl(0, "chineseCounting", "%1、"), lvl(1, "chineseCounting", "（%2）"), lvl(2, "decimal", "%3."))
POINTS = abstract(2, lvl(0, "decimal", "%1."))


def twins(tmp_path: Path, name: str, rows: list[Row], numbering: bytes, template: str | None) -> list[ImportResult]:
    """The Word file of `rows` and its typed twin (the lines Word shows, typed), both imported."""
    word = numbered_docx(tmp_path / f"{name}.docx", rows, numbering)
    typed = tmp_path / f"{name}.txt"
    typed.write_text("\n".join(read_document(word).lines), encoding="utf-8")
    return [import_document(path, template) for path in (word, typed)]


def assert_alike(word: ImportResult, typed: ImportResult) -> None:
    assert_nothing_lost(word)
    assert word.template.id == typed.template.id
    assert word.draft.sections == typed.draft.sections
    assert word.draft.unmatched == typed.draft.unmatched


@pytest.mark.parametrize("template", [None, "cadre-annual"])
def test_points_numbered_by_word_under_plain_headings_stay_in_their_sections(
    tmp_path: Path, template: str | None
) -> None:
    """`品行修养` typed plain, then `1. 坚定理想信念` `2. …` made by Word's numbering button: short points, not
    headings (all went to 分管工作实绩, 品行修养 lost, while the typed twin imported right)."""
    numbering = numbering_xml(POINTS, num(1, 2), num(2, 2, starts={0: 1}), num(3, 2, starts={0: 1}))
    rows: list[Row] = [
        "2025年度个人总结",
        "本人2025年在某局任科长，现将一年来的情况总结如下。",
        "品行修养",
        ("坚定理想信念", None, ("1", 0)),
        ("严守政治纪律", None, ("1", 0)),
        "理论学习",
        ("认真学习党的二十大精神", None, ("2", 0)),
        ("撰写心得三篇", None, ("2", 0)),
        "工作实绩",
        ("推动重点项目八个", None, ("3", 0)),
        ("按月通报进度", None, ("3", 0)),
        "廉洁自律",
        "严格遵守中央八项规定精神。",
    ]
    word, typed = twins(tmp_path, "要点", rows, numbering, template)
    assert_alike(word, typed)
    sections = word.draft.sections
    assert sections["conduct"] == "1.坚定理想信念\n2.严守政治纪律"
    assert sections["study"] == "1.认真学习党的二十大精神\n2.撰写心得三篇"
    assert sections["results.service"] == "1.推动重点项目八个\n2.按月通报进度"
    assert sections["integrity"] == "严格遵守中央八项规定精神。"


def test_run_in_headings_numbered_by_word_at_the_top_are_placed_by_their_words(tmp_path: Path) -> None:
    """`二、学习方面。认真学习…` with `二、` drawn by Word: a run-in heading, as typed (went to 品行修养, or all to
    the opening, where the typed twin goes to 理论学习)."""
    numbering = numbering_xml(OUTLINE, num(1, 1))
    rows: list[Row] = [
        "2025年度个人总结",
        "本人2025年在某局任科长，现将一年来的情况总结如下。",
        ("品行方面。坚定理想信念，对党忠诚，严守政治纪律和政治规矩。", None, ("1", 0)),
        ("学习方面。认真学习党的二十大精神，撰写心得三篇。", None, ("1", 0)),
        ("工作方面。推动重点项目八个，按月通报进度。", None, ("1", 0)),
        ("廉洁方面。严格遵守中央八项规定精神。", None, ("1", 0)),
    ]
    word, typed = twins(tmp_path, "连排", rows, numbering, "cadre-annual")
    assert_alike(word, typed)
    sections = word.draft.sections
    assert sections["intro"] == "本人2025年在某局任科长，现将一年来的情况总结如下。"
    assert sections["conduct"] == "品行方面。坚定理想信念，对党忠诚，严守政治纪律和政治规矩。"
    assert sections["study"] == "学习方面。认真学习党的二十大精神，撰写心得三篇。"
    assert sections["integrity"] == "廉洁方面。严格遵守中央八项规定精神。"


HEADINGS = [
    "品行修养",
    "理论学习",
    "工作实绩",
    "抓项目建设",
    "廉洁自律",
    "存在的不足",
    "下步打算",
    "其他工作",
    "学习方面。认真学习党的二十大精神。",  # run-in headings: the title, then the body on the same line
    "工作方面。推动重点项目八个。",
]
SUBHEADINGS = ["服务中心实绩", "分管工作实绩", "抓招商引资", "补短板"]
SENTENCES = [
    "坚定理想信念，对党忠诚。",
    "认真学习党的二十大精神，撰写心得三篇。",
    "推动重点项目八个，完成投资十亿元。",
    "严格遵守中央八项规定精神。",
    "调查研究还不够深入。",
]
POINT_TEXTS = ["坚持集中学习", "建立台账，逐项销号。", "按月通报进度", "带头讲党课", "落实一岗双责。"]

Body = list[tuple[str, str]]  # (kind, text): "sentence", "points" (texts joined by |), "sub" (a subheading)
body = st.lists(
    st.one_of(
        st.tuples(st.just("sentence"), st.sampled_from(SENTENCES)),
        st.tuples(st.just("points"), st.lists(st.sampled_from(POINT_TEXTS), min_size=1, max_size=3).map("|".join)),
        st.tuples(st.just("sub"), st.sampled_from(SUBHEADINGS)),
    ),
    min_size=1,
    max_size=4,
)


# How Word numbers the top headings in the generated reports: 一、 (the shown lines are checked then), or another
# format a writer also types.
TOP_FORMATS = [
    ("chineseCounting", "%1、"),
    ("decimal", "%1."),
    ("decimal", "（%1）"),
    ("chineseCounting", "（%1）"),
    ("decimalEnclosedCircleChinese", "%1"),
    ("chineseCounting", "第%1部分"),
]


@fuzz(15)
@given(
    sections=st.lists(st.tuples(st.sampled_from(HEADINGS), body), min_size=1, max_size=5),
    headings_numbered=st.booleans(),
    points_on=st.sampled_from(["outline", "own", "top"]),
    top_format=st.sampled_from(TOP_FORMATS),
    template=st.sampled_from([None, "cadre-annual"]),
)
def test_a_word_numbered_report_imports_as_its_typed_twin(
    tmp_path_factory: pytest.TempPathFactory,
    sections: list[tuple[str, Body]],
    headings_numbered: bool,
    points_on: str,
    top_format: tuple[str, str],
    template: str | None,
) -> None:
    """Headings numbered by Word (一、 1. （1） ① 第一部分 …, then （一）) or typed plain; points on the outline's third
    level, on a list of their own restarted for each group as Word's 重新开始编号 does, or at the headings' own
    level (one list numbering headings and points): the Word file and its typed twin import alike."""
    points_own_list = points_on == "own"
    outline = abstract(1, lvl(0, *top_format), lvl(1, "chineseCounting", "（%2）"), lvl(2, "decimal", "%3."))
    groups = sum(1 for _, items in sections for kind, _ in items if kind == "points")
    instances = [
        num(1, 1),
        *(num(10 + g, 2 if points_own_list else 1, starts={0 if points_own_list else 2: 1}) for g in range(groups)),
    ]
    rows: list[Row] = ["2025年度个人总结", "本人2025年在某局任科长，现将一年来的情况总结如下。"]
    shown = list(
        rows
    )  # what Word shows, counted here as a writer types it: 一、 二、, （一） under each, 1. 2. a group
    group = 0
    for top, (heading, items) in enumerate(sections):
        rows.append((heading, None, ("1", 0)) if headings_numbered else heading)
        shown.append(f"{CN[top]}、{heading}" if headings_numbered else heading)
        sub = 0
        for kind, text in items:
            if kind == "sentence":
                rows.append(text)
                shown.append(text)
            elif kind == "sub":
                rows.append((text, None, ("1", 1)) if headings_numbered else text)
                shown.append(f"（{CN[sub]}）{text}" if headings_numbered else text)
                sub += 1
            else:
                level = 0 if points_on != "outline" else 2
                points = text.split("|")
                on = "1" if points_on == "top" else str(10 + group)
                rows.extend((point, None, (on, level)) for point in points)
                shown.extend(f"{n}.{point}" for n, point in enumerate(points, start=1))
                group += 1
    path = tmp_path_factory.mktemp("twins")
    word, typed = twins(path, "报告", rows, numbering_xml(outline, POINTS, *instances), template)
    if top_format == TOP_FORMATS[0] and points_on != "top":
        assert read_document(path / "报告.docx").lines == shown
    assert_alike(word, typed)


OWN_HEADINGS = [  # headings of the writer's own naming no section, each with its body, and where a reader puts them
    ("加强学习提升素质", "认真学习党的二十大精神，撰写心得三篇。", "study"),
    ("扭住项目建设这个牛鼻子", "推动重点项目八个，按月通报进度。", "results.duties"),
    ("抓实党建促发展", "开展主题党日十二次。", "party"),
    ("守牢廉洁底线", "严格遵守中央八项规定精神。", "integrity"),
]
# Numbers Word draws that a writer also types (1. 1) (1) 1、 （一） ① 第一部分 …): a report whose own headings are
# numbered so went all to the opening ("文中没有找到模板的栏目标题"), the Word file and its typed twin alike.
TYPED_FORMATS = [
    ("decimal", "%1."),
    ("decimal", "%1)"),
    ("decimal", "(%1)"),
    ("decimal", "%1、"),
    ("decimal", "（%1）"),
    ("chineseCounting", "%1."),
    ("chineseCounting", "%1、"),
    ("chineseCounting", "（%1）"),
    ("decimalEnclosedCircleChinese", "%1"),
    ("chineseCounting", "第%1部分"),
    ("chineseCounting", "第%1章"),
]


def own_heading_rows(numbered: tuple[str, int] | None) -> list[Row]:
    rows: list[Row] = ["2025年度个人总结", "本人现任某局科长，现将一年来的情况总结如下。"]
    for heading, text, _ in OWN_HEADINGS:
        rows.append((heading, None, numbered) if numbered is not None else heading)
        rows.append(text)
    return rows


def assert_placed_right(result: ImportResult) -> None:
    assert_nothing_lost(result)
    sections = result.draft.sections
    assert sections["intro"] == "本人现任某局科长，现将一年来的情况总结如下。"
    for heading, text, section in OWN_HEADINGS:
        assert sections[section] == f"{heading}\n{text}"


@pytest.mark.parametrize(("number_format", "text"), TYPED_FORMATS)
def test_own_headings_numbered_by_word_or_typed_go_where_their_words_say(
    tmp_path: Path, number_format: str, text: str
) -> None:
    numbering = numbering_xml(abstract(1, lvl(0, number_format, text)), num(1, 1))
    word, typed = twins(tmp_path, "自拟标题", own_heading_rows(("1", 0)), numbering, None)
    assert word.template.id == typed.template.id == "cadre-annual"
    assert_placed_right(word)
    assert_placed_right(typed)


# Numbers Word draws that the text cannot read as numbers (甲、 I. A., a bullet): Word's list level says these are
# the headings, which the typed twin cannot know — the Word file places right, the typed one at best as well.
WORD_ONLY_FORMATS = [
    ("ideographTraditional", "%1、"),
    ("upperRoman", "%1."),
    ("upperLetter", "%1."),
    ("lowerLetter", "%1)"),
    ("bullet", "●"),
]


def right_sections(result: ImportResult) -> int:
    sections = result.draft.sections
    return sum(sections.get(section, "").endswith(f"{heading}\n{text}") for heading, text, section in OWN_HEADINGS)


@pytest.mark.parametrize(("number_format", "text"), WORD_ONLY_FORMATS)
def test_own_headings_numbered_by_word_so_the_text_cannot_read_are_placed_by_its_levels(
    tmp_path: Path, number_format: str, text: str
) -> None:
    numbering = numbering_xml(abstract(1, lvl(0, number_format, text)), num(1, 1))
    word, typed = twins(tmp_path, "自拟标题", own_heading_rows(("1", 0)), numbering, "cadre-annual")
    assert_placed_right(word)  # the number Word draws is structure: `甲、` is not kept in the text
    assert right_sections(word) >= right_sections(typed)


def test_own_headings_on_a_list_the_numbering_part_does_not_define_are_placed_by_its_levels(tmp_path: Path) -> None:
    numbering = numbering_xml()  # numId 1 is used, and defined nowhere: Word numbers nothing, the level stays
    word, typed = twins(tmp_path, "未定义", own_heading_rows(("1", 0)), numbering, None)
    assert word.template.id == "cadre-annual"
    assert_placed_right(word)
    assert right_sections(word) >= right_sections(typed)


def test_short_points_numbered_by_word_under_plain_headings_naming_no_section_stay_points(tmp_path: Path) -> None:
    """Bullets at level 0 under plain headings of the writer's own: points come one after another, a heading has
    text under it — the points are not taken for headings."""
    numbering = numbering_xml(abstract(1, lvl(0, "bullet", "●")), num(1, 1))
    rows: list[Row] = [
        "2025年度个人总结",
        "本人现任某局科长，现将一年来的情况总结如下。",
        "扭住项目建设这个牛鼻子",
        ("坚持集中学习", None, ("1", 0)),
        ("按月通报进度", None, ("1", 0)),
        "抓实党建促发展",
        ("带头讲党课", None, ("1", 0)),
        ("落实一岗双责", None, ("1", 0)),
    ]
    word, typed = twins(tmp_path, "要点", rows, numbering, "cadre-annual")
    assert_alike(word, typed)
    assert "抓实党建促发展\n带头讲党课\n落实一岗双责" in word.draft.sections["intro"]
