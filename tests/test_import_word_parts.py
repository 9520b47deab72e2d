"""What a Word file holds besides plain paragraphs: text boxes are read (after the paragraph they are anchored in),
tracked changes as accepted, tables row by row, pictures skipped; footnotes, endnotes and comments are not read and
the user is told so; headers and footers are page furniture.

tests/fixtures/import/rich.docx was made by LibreOffice 7.4 from rich.fodt beside it (`soffice --headless
--convert-to docx rich.fodt`): a header and a footer, a tracked deletion and insertion, a footnote, a text box
(written twice, as Word does: a drawing and its fallback copy), a table and a picture.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from fuzzing import assert_nothing_lost, fuzz
from hypothesis import given
from hypothesis import strategies as st
from word_numbering import abstract, lvl, num, numbered_docx, numbering_xml, replace_part

from appraisal.checks.documents import check_document, write_fixed_copy
from appraisal.edits import Edit
from appraisal.importing import edited_copy, import_document, import_summary, read_document

RICH = Path(__file__).parent / "fixtures" / "import" / "rich.docx"


def test_what_is_read_of_a_rich_word_file() -> None:
    assert read_document(RICH).lines == [
        "2025年度个人总结",
        "本人2025年在某县财政局任科长，现将一年来的情况总结如下。新加的句子（修订插入）。",  # the deletion is gone
        "一、品行修养",
        "坚定理想信念，对党忠诚。",  # the footnote's mark is not text
        "文本框后面的正文。",
        "附注：全年下乡调研四十次,走访农户二百户。",  # the text box, once, after its paragraph
        "二、工作实绩",
        "项目",
        "完成情况",
        "预算编制",
        "按时完成",
        "图片后面的说明文字。",
        "三、廉洁自律",
        "严格遵守中央八项规定精神。",
    ]


def test_the_user_is_told_what_was_not_read() -> None:
    result = import_document(RICH)
    assert_nothing_lost(result)
    assert "附注：全年下乡调研四十次,走访农户二百户。" in result.draft.sections["conduct"]
    assert "文档中的 1 条脚注未导入（草稿只收正文），如需保留，请把其中内容写入正文。" in import_summary(result)
    assert "页眉" not in "".join(result.draft.sections.values())


def test_a_fix_inside_a_text_box_lands_in_the_box(tmp_path: Path) -> None:
    path = tmp_path / "rich.docx"
    path.write_bytes(RICH.read_bytes())
    check = check_document(path)
    comma = [f for f in check.findings if f.fix == "，" and f.line == 6]
    assert comma
    copy, count = write_fixed_copy(check)
    assert count >= 1
    assert read_document(copy).lines[5] == "附注：全年下乡调研四十次，走访农户二百户。"
    assert path.read_bytes() == RICH.read_bytes()
    # the box is written twice (the drawing, and its copy for Word 2007 and WPS, `mc:Fallback`): both are fixed
    xml = _main_part(copy.read_bytes())
    assert xml.count("<w:t>，</w:t>") == 2
    assert "<w:t>,</w:t>" not in xml


def _main_part(raw: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(raw)) as source:
        return source.read("word/document.xml").decode()


def test_a_text_box_whose_two_copies_differ_is_not_fixed(tmp_path: Path) -> None:
    """The drawing says one thing and its copy for older programs another (edited by a program that kept only
    one): a fix would leave them different still, so neither changes and the finding says why."""
    xml = _main_part(RICH.read_bytes())
    fallback = xml.index("<mc:Fallback>")
    assert xml.count("走访农户二百户。", fallback) == 1
    changed = xml[:fallback] + xml[fallback:].replace("走访农户二百户。", "走访农户三百户。", 1)
    path = tmp_path / "两份.docx"
    path.write_bytes(replace_part(RICH.read_bytes(), "word/document.xml", changed.encode()))
    check = check_document(path)
    comma = [f for f in check.findings if f.line == 6 and f.rule == "halfwidth-punctuation"]
    assert comma and all(f.fix is None and "两份文本框内容已不一致" in f.message for f in comma)
    line = check.result.document.lines[5]
    comma_at = line.index(",") + 1
    data, count = edited_copy(check.result.document, [Edit(6, comma_at, comma_at + 1, "，")])
    assert count == 0  # neither copy changed
    assert _main_part(data).count("<w:t>,</w:t>") == 2


def test_a_fix_on_a_character_word_keeps_outside_the_runs_is_not_promised(tmp_path: Path) -> None:
    """Word's non-breaking hyphen (`w:noBreakHyphen`), like a tab or a break, is not a character of a text run:
    `--fix` cannot write there, so `check` offers no fix and says why (it promised `—`, and the copy kept `-`)."""
    word = docx.Document()
    word.add_paragraph("2025年度个人总结")
    paragraph = word.add_paragraph("全年完成调研报告三篇，落实2021")
    paragraph.add_run()._r.append(OxmlElement("w:noBreakHyphen"))
    paragraph.add_run("2025年规划。带头讲党课两次 。")
    path = tmp_path / "连字符.docx"
    word.save(str(path))
    assert read_document(path).lines[1] == "全年完成调研报告三篇，落实2021-2025年规划。带头讲党课两次 。"
    check = check_document(path)
    hyphen = [f for f in check.findings if (f.line, f.column) == (2, 18)]
    assert hyphen and all(f.fix is None and "不间断连字符" in f.message for f in hyphen)
    assert [(f.line, f.column, f.fix) for f in check.findings if f.fix is not None] == [(2, 34, "")]


def test_endnotes_and_comments_are_counted(tmp_path: Path) -> None:
    word = docx.Document()
    word.add_paragraph("2025年度个人总结")
    paragraph = word.add_paragraph("本人全年完成调研报告三篇。")
    buffer = io.BytesIO()
    word.save(buffer)
    marks = '<w:r><w:endnoteReference w:id="1"/></w:r><w:r><w:commentReference w:id="0"/></w:r>' * 2
    raw = buffer.getvalue()
    with zipfile.ZipFile(io.BytesIO(raw)) as source:
        xml = source.read("word/document.xml").decode()
    xml = xml.replace(f"<w:t>{paragraph.text}</w:t></w:r>", f"<w:t>{paragraph.text}</w:t></w:r>{marks}", 1)
    path = tmp_path / "尾注.docx"
    path.write_bytes(replace_part(raw, "word/document.xml", xml.encode()))
    assert read_document(path).left_out == [
        "文档中的 2 条尾注、2 条批注未导入（草稿只收正文），如需保留，请把其中内容写入正文。"
    ]


TRACKED = 'w:id="{}" w:author="审阅人" w:date="2025-12-01T00:00:00Z"'
VML = 'xmlns:v="urn:schemas-microsoft-com:vml"'


def _edited(raw: bytes, *edits: tuple[str, str]) -> bytes:
    """The .docx `raw` with each (old, new) replaced once in its main part."""
    with zipfile.ZipFile(io.BytesIO(raw)) as source:
        xml = source.read("word/document.xml").decode()
    for old, new in edits:
        assert old in xml
        xml = xml.replace(old, new, 1)
    return replace_part(raw, "word/document.xml", xml.encode())


def _box(text: str) -> str:
    return f"<w:r><w:pict><v:shape {VML}><v:textbox><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p>" + (
        "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
    )


def test_a_deleted_numbered_paragraph_is_not_counted(tmp_path: Path) -> None:
    """`2.乙` deleted and `4.丁` moved away, each with its paragraph mark, as tracked changes: Word shows `1.甲`
    `2.丙` `3.戊` with the changes accepted."""
    numbering = numbering_xml(abstract(1, lvl(0, "decimal", "%1.")), num(1, 1))
    rows = [(text, None, ("1", 0)) for text in "甲乙丙丁戊"]
    path = numbered_docx(tmp_path / "删除.docx", rows, numbering)
    deleted = f"<w:rPr><w:del {TRACKED.format(1)}/></w:rPr></w:pPr>"
    deleted += f"<w:del {TRACKED.format(2)}><w:r><w:delText>乙</w:delText></w:r></w:del>"
    moved = f"<w:rPr><w:moveFrom {TRACKED.format(3)}/></w:rPr></w:pPr>"
    moved += f"<w:moveFrom {TRACKED.format(4)}><w:r><w:t>丁</w:t></w:r></w:moveFrom>"
    raw = _edited(
        path.read_bytes(), ("</w:pPr><w:r><w:t>乙</w:t></w:r>", deleted), ("</w:pPr><w:r><w:t>丁</w:t></w:r>", moved)
    )
    path.write_bytes(raw)
    assert read_document(path).lines == ["1.甲", "2.丙", "3.戊"]  # the emptied paragraphs joined the next ones


def test_a_paragraph_whose_mark_is_deleted_joins_the_next_as_word_shows_it(tmp_path: Path) -> None:
    """Two paragraphs joined by deleting the Enter between them, as a tracked change: Word shows (and, with the
    changes accepted, keeps) one paragraph, numbered by the mark that stays; a fix across the join lands in both
    paragraphs' runs."""
    numbering = numbering_xml(abstract(1, lvl(0, "decimal", "%1.")), num(1, 1))
    rows = [
        "2025年度个人总结",
        ("全年完成调研,", None, ("1", 0)),
        ("报告三篇。", None, ("1", 0)),
        ("带头讲党课两次。", None, ("1", 0)),
        "在表格前。",
    ]
    path = numbered_docx(tmp_path / "合并.docx", rows, numbering)
    joined = f"<w:rPr><w:del {TRACKED.format(1)}/></w:rPr></w:pPr><w:r><w:t>全年完成调研,</w:t></w:r>"
    raw = _edited(path.read_bytes(), ("</w:pPr><w:r><w:t>全年完成调研,</w:t></w:r>", joined))
    # a mark deleted before a table (Word allows none across it) leaves its paragraph a line of its own
    before_table = f"<w:pPr><w:rPr><w:del {TRACKED.format(2)}/></w:rPr></w:pPr><w:r><w:t>在表格前。</w:t></w:r>"
    table = "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>表格里。</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    raw = _edited(raw, ("<w:r><w:t>在表格前。</w:t></w:r></w:p>", f"{before_table}</w:p>{table}"))
    path.write_bytes(raw)
    document = read_document(path)
    assert document.lines == [
        "2025年度个人总结",
        "1.全年完成调研,报告三篇。",
        "2.带头讲党课两次。",
        "在表格前。",
        "表格里。",
    ]
    check = check_document(path)
    assert [(f.line, f.column, f.fix) for f in check.findings if f.fix is not None] == [(2, 9, "，")]
    copy, count = write_fixed_copy(check)
    assert count == 1
    assert read_document(copy).lines[1] == "1.全年完成调研，报告三篇。"
    paragraphs = [p.text for p in docx.Document(str(copy)).paragraphs]
    assert paragraphs[1:3] == ["全年完成调研，", "报告三篇。"]  # the runs changed; the tracked change kept


def test_a_fix_across_a_deleted_paragraph_mark_lands_in_both_paragraphs_runs(tmp_path: Path) -> None:
    """`做` ends one paragraph, `为` starts the next, the Enter between them deleted as a tracked change: Word shows
    `做为`, the fix `作为` spans the join and is written into the runs of both paragraphs, which stay two (the
    tracked change kept), and the copy reads as Word shows it, fixed."""
    path = tmp_path / "跨段.docx"
    word = docx.Document()
    for text in ("2025年度个人总结", "本人认真学习，做", "为一名党员干部，我始终坚持学习。"):
        word.add_paragraph(text)
    word.save(str(path))
    mark = f"<w:pPr><w:rPr><w:del {TRACKED.format(1)}/></w:rPr></w:pPr>"
    old = "<w:p><w:r><w:t>本人认真学习，做</w:t></w:r>"
    path.write_bytes(_edited(path.read_bytes(), (old, old.replace("<w:p>", f"<w:p>{mark}"))))
    assert read_document(path).lines == ["2025年度个人总结", "本人认真学习，做为一名党员干部，我始终坚持学习。"]
    check = check_document(path)
    assert [(f.line, f.column, f.fix) for f in check.findings if f.fix is not None] == [(2, 8, "作为")]
    copy, count = write_fixed_copy(check)
    assert count == 1
    assert read_document(copy).lines[1] == "本人认真学习，作为一名党员干部，我始终坚持学习。"
    paragraphs = [p.text for p in docx.Document(str(copy)).paragraphs]
    assert len(paragraphs) == 3 and "".join(paragraphs[1:]) == "本人认真学习，作为一名党员干部，我始终坚持学习。"


def test_text_boxes_deleted_or_moved_as_tracked_changes_are_read_as_accepted(tmp_path: Path) -> None:
    word = docx.Document()
    for text in ("2025年度个人总结", "第一段。", "第二段。", "第三段。"):
        word.add_paragraph(text)
    buffer = io.BytesIO()
    word.save(buffer)
    raw = _edited(
        buffer.getvalue(),
        (
            "<w:t>第一段。</w:t></w:r>",
            f"<w:t>第一段。</w:t></w:r><w:del {TRACKED.format(1)}>{_box('删去的框')}</w:del>",
        ),
        (
            "<w:t>第二段。</w:t></w:r>",
            f"<w:t>第二段。</w:t></w:r><w:moveFrom {TRACKED.format(2)}>{_box('移走的框')}</w:moveFrom>",
        ),
        (
            "<w:t>第三段。</w:t></w:r>",
            f"<w:t>第三段。</w:t></w:r><w:moveTo {TRACKED.format(3)}>{_box('移走的框')}</w:moveTo>",
        ),
    )
    path = tmp_path / "文本框.docx"
    path.write_bytes(raw)
    assert read_document(path).lines == ["2025年度个人总结", "第一段。", "第二段。", "第三段。", "移走的框"]


def test_hidden_text_is_left_out_and_counted(tmp_path: Path) -> None:
    """Text set hidden (`w:vanish` on the run, its character style or its paragraph style) is neither shown nor
    printed by Word: it is not imported, the summary says how many 字, and a fix lands around it."""
    word = docx.Document()
    from docx.enum.style import WD_STYLE_TYPE

    secret = word.styles.add_style("隐藏字符", WD_STYLE_TYPE.CHARACTER)
    secret.font.hidden = True
    note = word.styles.add_style("隐藏段落", WD_STYLE_TYPE.PARAGRAPH)
    note.font.hidden = True
    word.add_paragraph("2025年度个人总结")
    paragraph = word.add_paragraph("全年完成调研")
    paragraph.add_run("（内部备注）").font.hidden = True
    paragraph.add_run("报告三篇,")
    paragraph.add_run("草稿", style="隐藏字符")
    paragraph.add_run("质量较高。")
    hidden = word.add_paragraph("这一段整段隐藏。", style="隐藏段落")
    hidden.add_run("但这几个字不隐藏").font.hidden = False
    path = tmp_path / "隐藏.docx"
    word.save(str(path))
    document = read_document(path)
    assert document.lines == ["2025年度个人总结", "全年完成调研报告三篇,质量较高。", "但这几个字不隐藏"]
    assert document.left_out == [
        "文档中设为“隐藏”的 13 字未导入（Word 不显示、不打印这些文字），如需保留，请在 Word 中取消隐藏。"
    ]
    result = import_document(path)
    assert_nothing_lost(result)
    assert "13 字未导入" in import_summary(result)
    check = check_document(path)
    assert [(f.line, f.column, f.fix) for f in check.findings if f.fix == "，"] == [(2, 11, "，")]
    copy, count = write_fixed_copy(check)
    assert count >= 1
    assert read_document(copy).lines[1] == "全年完成调研报告三篇，质量较高。"
    fixed = docx.Document(str(copy)).paragraphs[1]
    assert [run.text for run in fixed.runs] == ["全年完成调研", "（内部备注）", "报告三篇，", "草稿", "质量较高。"]


@fuzz(20)
@given(
    st.lists(
        st.tuples(st.sampled_from(["全年完成调研,", "报告三篇。", "", "带头讲党课", "两次 。"]), st.booleans()),
        min_size=1,
        max_size=8,
    )
)
def test_any_deleted_paragraph_marks_join_as_word_shows_and_a_fix_keeps_the_rest(
    tmp_path_factory: pytest.TempPathFactory, paragraphs: list[tuple[str, bool]]
) -> None:
    """Paragraphs whose marks are deleted as tracked changes (any of them, runs of them, the last one too): the
    lines are the paragraphs joined up to each mark that stays, as Word shows them; a fixed copy changes the
    characters of the fixes and nothing else."""
    word = docx.Document()
    word.add_paragraph("2025年度个人总结")
    for text, _deleted in paragraphs:
        word.add_paragraph().add_run(text)  # a run even when empty: `<w:p>` opens every paragraph
    buffer = io.BytesIO()
    word.save(buffer)
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source:
        xml = source.read("word/document.xml").decode()
    head, _sep, rest = xml.partition("<w:body>")
    chunks = rest.split("<w:p>")
    for number, (_text, deleted) in enumerate(paragraphs, start=2):  # chunk 1 is the title's
        if deleted:
            mark = f"<w:pPr><w:rPr><w:del {TRACKED.format(number)}/></w:rPr></w:pPr>"
            chunks[number] = mark + chunks[number]
    path = tmp_path_factory.mktemp("marks") / "删除标记.docx"
    path.write_bytes(
        replace_part(buffer.getvalue(), "word/document.xml", (head + "<w:body>" + "<w:p>".join(chunks)).encode())
    )
    expected = ["2025年度个人总结"]
    joined = ""
    for index, (text, deleted) in enumerate(paragraphs):
        joined += text
        if not deleted or index == len(paragraphs) - 1:  # the last paragraph's mark has nothing to join
            expected.append(joined)
            joined = ""
    assert read_document(path).lines == expected
    check = check_document(path)
    copy, count = write_fixed_copy(check)
    if count:
        fixed = read_document(copy).lines
        assert len(fixed) == len(expected)
        assert [line.replace("，", ",").replace(" 。", "。") for line in fixed] == [
            line.replace("，", ",").replace(" 。", "。") for line in expected
        ]
