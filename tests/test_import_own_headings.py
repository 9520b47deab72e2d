"""The writer's own numbered headings that name no section, and the numbered points under a bare heading: each
heading goes where its words say (else the main section), the points stay under their heading and still count, so
the heading after them is found; no point is said to look like a heading."""

from __future__ import annotations

from appraisal.importing import Document, ImportResult, parse_document

INTRO = "2025年度个人总结\n本人现任某局科长，现将一年来的情况总结如下。\n"


def parse(text: str, template: str | None = None) -> ImportResult:
    return parse_document(Document(None, "txt", text.splitlines()), template)


def test_points_of_a_bare_heading_count_so_the_next_heading_is_found() -> None:
    """One list numbers headings and points (2.存在的不足 / 3.… / 4.… / 5.扭住…): 5. and 6. went into 最不满意的一项
    工作 with four notes that they looked like headings."""
    text = INTRO + (
        "1.理论学习\n认真学习党的二十大精神，撰写心得三篇。\n2.存在的不足\n3.调查研究还不够深入。\n"
        "4.创新意识还需加强。\n5.扭住项目建设这个牛鼻子\n推动重点项目八个，按月通报进度。\n6.抓实党建\n开展主题党日十二次。\n"
    )
    result = parse(text, "cadre-annual")
    sections = result.draft.sections
    assert sections["weakness.work"] == "3.调查研究还不够深入。\n4.创新意识还需加强。"
    assert sections["results.duties"] == "扭住项目建设这个牛鼻子\n推动重点项目八个，按月通报进度。"
    assert sections["party"] == "抓实党建\n开展主题党日十二次。"
    assert not [note for note in result.notes if "像是标题" in note]


def test_points_under_a_template_heading_are_not_said_to_look_like_headings() -> None:
    text = INTRO + (
        "1.学习方面\n认真学习党的二十大精神，撰写心得三篇。\n2.工作方面\n推动重点项目八个，按月通报进度。\n"
        "3.存在的不足\n4.调查研究还不够深入。\n5.创新意识还需加强。\n"
    )
    result = parse(text, "civil-servant")
    assert result.draft.sections["improvement"] == "4.调查研究还不够深入。\n5.创新意识还需加强。"
    assert not [note for note in result.notes if "像是标题" in note]


def test_circled_numbers_go_on_from_a_heading_naming_a_section() -> None:
    """`①理论学习` names a section; ② and ③ continue its numbering (they stayed in 理论学习, "像是标题")."""
    text = INTRO + (
        "①理论学习\n认真学习党的二十大精神，撰写心得三篇。\n②扭住项目建设这个牛鼻子\n推动重点项目八个，按月通报进度。\n"
        "③抓实党建促发展\n开展主题党日十二次。\n④廉政建设\n严格遵守中央八项规定精神。\n"
    )
    result = parse(text, "cadre-annual")
    sections = result.draft.sections
    assert sections["study"] == "认真学习党的二十大精神，撰写心得三篇。"
    assert sections["results.duties"] == "扭住项目建设这个牛鼻子\n推动重点项目八个，按月通报进度。"
    assert sections["party"] == "抓实党建促发展\n开展主题党日十二次。"
    assert sections["integrity"] == "严格遵守中央八项规定精神。"
    assert not [note for note in result.notes if "像是标题" in note]


def test_theory_cultivation_is_ability_not_virtue() -> None:
    """`提高理论修养和业务能力` is about study and ability (修养 alone as a 德 keyword took it to 德); 品行修养 and
    道德修养 stay 德."""
    text = INTRO + (
        "一、加强品行修养\n坚定理想信念，对党忠诚。\n二、提高理论修养和业务能力\n认真学习党的二十大精神。\n"
        "三、注重道德修养\n严以修身。\n"
    )
    sections = parse(text, "civil-servant").draft.sections
    assert sections["virtue"] == "加强品行修养\n坚定理想信念，对党忠诚。\n注重道德修养\n严以修身。"
    assert sections["ability"] == "提高理论修养和业务能力\n认真学习党的二十大精神。"


def test_points_numbered_1_2_under_own_top_headings_keep_their_numbers() -> None:
    """The writer's headings are 一、 二、 (naming no section), with points 1. 2. under them that read as headings
    too: 一、 numbers the headings; the points stay whole in their section."""
    text = INTRO + (
        "一、扭住项目建设这个牛鼻子\n1.抓谋划\n推动重点项目八个。\n2.抓落实\n按月通报进度。\n"
        "二、抓实党建促发展\n开展主题党日十二次。\n"
    )
    sections = parse(text, "cadre-annual").draft.sections
    assert (
        sections["results.duties"] == "扭住项目建设这个牛鼻子\n1.抓谋划\n推动重点项目八个。\n2.抓落实\n按月通报进度。"
    )
    assert sections["party"] == "抓实党建促发展\n开展主题党日十二次。"


def test_a_markdown_report_keeps_the_numbers_of_its_points() -> None:
    """`## 一、2023 工作回顾` is the heading; `1. 代码量：…` `2. 项目：…` under it are points, whose numbers stay."""
    text = (
        "# 年度述职报告\n## 一、2023 工作回顾\n1. 代码量：提交752个。\n2. 项目：参与8个项目。\n"
        "## 二、成果亮点\n封装组件。\n"
    )
    result = parse_document(Document(None, "md", text.splitlines()), "cadre-annual")
    body = "\n".join(result.draft.sections.values())
    assert "1. 代码量：提交752个。\n2. 项目：参与8个项目。" in body
