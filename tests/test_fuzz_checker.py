"""Fuzzing the checker: drafts and documents full of hostile text never make it fail, every finding points inside
the text at the very characters it is about (in the file the user gave, for a document), and `--fix` changes no
character other than those its fixes name."""

from __future__ import annotations

import codecs
import contextlib
import io
import re
import zipfile
from collections import Counter
from dataclasses import replace
from pathlib import Path
from unittest import mock

import pytest
from fuzzing import FIXTURES, NASTY, fuzz, nasty_text, one_clear_sentence, report_like
from hypothesis import assume, example, given
from hypothesis import strategies as st

from appraisal.checks import RULES, Context, Field, Finding, check_draft, check_section, documents, fix_draft, run_rules
from appraisal.checks.documents import DocumentCheck, check_document, place, write_fixed_copy
from appraisal.checks.output import fixed_by_fix_all
from appraisal.draft import Draft
from appraisal.errors import AppraisalError
from appraisal.templates import load_template

TEMPLATE = load_template("cadre-annual")
LINE_BREAK = re.compile(r"\r\n|\r|\n")
MARKDOWN_ESCAPE = re.compile(r"\\(.)")


def file_lines(text: str) -> list[str]:
    """The lines of a text file as the user's editor numbers them."""
    lines = LINE_BREAK.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def assert_inside(findings: list[Finding], lines: list[str]) -> None:
    for f in findings:
        assert 1 <= f.line <= max(1, len(lines)), f
        row = lines[f.line - 1] if lines else ""
        if RULES[f.rule].positional:
            assert 1 <= f.column < f.end_column <= len(row) + 1, (f, row)
        else:
            assert 1 <= f.column <= f.end_column <= len(row) + 1, (f, row)
        assert f.message.strip() and "\n" not in f.message


def assert_only_fixes_changed(original: str, fixed: str, fixes: list[Finding]) -> None:
    """`fixed` is `original` with some of the fixes applied at the columns they name, and nothing else changed."""
    pattern = ""
    position = 0
    for f in sorted(fixes, key=lambda f: (f.column, f.end_column)):
        start, end = f.column - 1, f.end_column - 1
        if start < position:
            continue  # overlaps a fix already placed: the fixer skips it as well
        assert f.fix is not None
        pattern += re.escape(original[position:start]) + f"(?:{re.escape(f.fix)}|{re.escape(original[start:end])})"
        position = end
    pattern += re.escape(original[position:])
    assert re.fullmatch(pattern, fixed, re.DOTALL), (original, fixed, fixes)


# ---------------------------------------------------------------- drafts


@fuzz(150)
@given(nasty_text(surrogates=True), nasty_text(surrogates=True), report_like)
@example("同比增长%" * 3, "\ud800“\udfff", "")
@example("\u2028（一）服务中心实绩。\u2029一年来", "**重点**" * 4 + "**", "今年（2023年）")
def test_draft_findings_stay_inside_section_text(first: str, second: str, title: str) -> None:
    draft = Draft.new(TEMPLATE, name="张三", unit="某区商务局", year=2026, title=title)
    draft.sections["conduct"] = first
    draft.sections["results.service"] = second
    draft.unmatched = first + second
    findings = check_draft(draft, TEMPLATE)
    for section_id, text in (("conduct", first), ("results.service", second)):
        lines = text.split("\n")
        mine = check_section(draft, TEMPLATE, section_id)
        assert_inside(mine, lines)
        assert Counter(mine) <= Counter(findings)


@fuzz(150)
@given(nasty_text(surrogates=True))
@example("本人工作,学习;思考:" * 3 + "\ud800,\udfff")
@example("中 , 文(含)中\u3000;\u3000文")
def test_draft_fix_changes_only_what_the_fixes_name(text: str) -> None:
    draft = Draft.new(TEMPLATE, name="张三", unit="某区商务局", year=2026)
    draft.sections["conduct"] = text
    fixes = [f for f in check_section(draft, TEMPLATE, "conduct") if f.fix is not None]
    fix_draft(draft, TEMPLATE)
    fixed_lines = draft.sections["conduct"].split("\n")
    original_lines = text.split("\n")
    assert len(fixed_lines) == len(original_lines)
    for number, (original, fixed) in enumerate(zip(original_lines, fixed_lines, strict=True), start=1):
        assert_only_fixes_changed(original, fixed, [f for f in fixes if f.line == number])


def test_a_two_megabyte_line_is_checked() -> None:
    """A report pasted without line ends (paragraphs joined by U+2028 or by nothing at all) makes one huge line:
    checking it must take linear time. Every rule used to re-read the text before each match (164 s here)."""
    report = (FIXTURES / "report.txt").read_text(encoding="utf-8-sig")
    piece = "\u2028".join(line.strip() for line in report.splitlines() if line.strip()) + "“《（）)）1）**重点**"
    line = (piece * (2_000_000 // len(piece.encode("utf-8")) + 1))[:700_000]
    draft = Draft.new(TEMPLATE, name="张三", unit="某区商务局", year=2026)
    draft.sections["conduct"] = line
    findings = check_draft(draft, TEMPLATE)
    assert_inside([f for f in findings if f.section == "conduct"], [line])
    assert {f.rule for f in findings} >= {"placeholder", "missing-figure", "unbalanced-quote", "duplicate-sentence"}


# ---------------------------------------------------------------- documents


def _check_points_at_the_file(path: Path, lines: list[str]) -> DocumentCheck:
    """Check a document; each finding must point at the characters of the file it is about: the same characters
    the rule saw in the imported text. The rules' own answers are the ones `check_document` got (read as they
    pass, not by running the rules a second time: on a 2-MB line that was 4 s of CPU a check)."""
    seen: list[tuple[Field | None, Finding]] = []

    def rules_seen(ctx: Context) -> list[tuple[Field | None, Finding]]:
        pairs = run_rules(ctx)
        seen.extend(pairs)
        return pairs

    with mock.patch.object(documents, "run_rules", rules_seen):
        checked = check_document(path)
    result = checked.result
    assert result.document.lines == lines
    assert_inside(checked.findings, lines)
    placed = []
    for item, finding in seen:
        at = place(item, finding, result)
        placed.append(at)
        if item is None or not RULES[finding.rule].positional or item.key not in result.origin:
            continue
        seen_text = item.lines[finding.line - 1][finding.column - 1 : finding.end_column - 1]
        in_file = lines[at.line - 1][at.column - 1 : at.end_column - 1]
        if item.is_escaped(finding.line - 1, finding.column - 1, finding.end_column - 1):
            in_file = MARKDOWN_ESCAPE.sub(r"\1", in_file)  # `\(` in a Markdown file is the `(` the rule saw
        assert in_file == seen_text, (finding, at)
    _reported_as_placed(placed, checked.findings, lines)
    return checked


def _reported_as_placed(placed: list[Finding], findings: list[Finding], lines: list[str]) -> None:
    """`check_document` reports what the rules found, placed: each finding as placed, or — where `--fix` cannot
    write it (Word's drawn number, a tab, a text box) — without its fix and with a sentence saying why; it leaves out
    only findings about nothing but the spaces import put in (between a table's cells, for Word's tab)."""

    def key(f: Finding) -> tuple[str, int, int, int]:
        return (f.rule, f.line, f.column, f.end_column)

    unmatched = list(placed)
    for found in findings:
        same = [p for p in unmatched if key(p) == key(found)]
        assert same, found
        twin = next((p for p in same if p == found), None)
        if twin is None:
            twin = next((p for p in same if found.fix is None and found.message.startswith(p.message)), None)
            assert twin is not None and found == replace(twin, fix=None, message=found.message), (found, same)
        unmatched.remove(twin)
    for dropped in unmatched:
        assert not lines[dropped.line - 1][dropped.column - 1 : dropped.end_column - 1].strip(), dropped


ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "gb18030"]


@fuzz(120)
@given(
    st.lists(st.one_of(nasty_text(max_pieces=12), report_like), max_size=12),
    st.sampled_from(["\n", "\r\n", "\r"]),
    st.sampled_from(ENCODINGS),
    st.sampled_from([".txt", ".md"]),
)
@example(["一、品行修养", "工作,学习:思考", "\u2028同比增长%\u2029XX局"], "\r\n", "gb18030", ".txt")
@example(["\ufeff工作,学习", "（一）服务中心实绩。完成税收亿元,同比增长%"], "\r", "utf-16", ".md")
@example(["\\(含)"], "\n", "utf-8", ".md")
@example(["XX局张三姓名：张三\u3000单位：某区商务局"], "\n", "utf-8", ".txt")  # only a fix --fix leaves alone
def test_document_findings_point_at_the_file_and_fixes_touch_only_their_characters(
    tmp_path: Path, paragraphs: list[str], newline: str, encoding: str, suffix: str
) -> None:
    text = newline.join(p.replace("\r", "").replace("\n", "") for p in paragraphs) + newline
    if encoding == "utf-8" and text.startswith("\ufeff"):
        text = "\u3000" + text  # a leading U+FEFF in a UTF-8 file is its byte-order mark, not text
    raw = text.encode(encoding)
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(raw)
    for stale in tmp_path.glob("fuzz.fixed*"):
        stale.unlink()
    if encoding == "gb18030":
        with contextlib.suppress(UnicodeDecodeError):
            assume(raw.decode("utf-8") == text)  # bytes that are also UTF-8 are read as UTF-8, by design
    try:
        checked = _check_points_at_the_file(path, file_lines(text))
    except AppraisalError as exc:
        one_clear_sentence(exc.message)
        controls = any((ord(ch) < 32 and ch not in "\t\n\r\f\v") or ch == "\x7f" for ch in text)
        assert not text.strip() or controls or (encoding == "gb18030" and "编码" in exc.message), exc.message
        return
    assert path.read_bytes() == raw, "checking never writes the document"
    # --fix: a copy beside it, the same encoding and line ends, only the fixed characters changed.
    copy, count = write_fixed_copy(checked)
    assert path.read_bytes() == raw
    fixes = [f for f in checked.findings if fixed_by_fix_all(f)]  # not typo-in-context's: the writer's to take
    if not fixes:
        assert count == 0 and not copy.exists()
        return
    fixed_raw = copy.read_bytes()
    bom = {"utf-8-sig": codecs.BOM_UTF8, "utf-16": raw[:2]}.get(encoding, b"")
    assert fixed_raw.startswith(bom), "byte-order mark kept"
    codec = {"utf-8-sig": "utf-8", "utf-16": "utf-16-le" if bom == codecs.BOM_UTF16_LE else "utf-16-be"}
    fixed_text = fixed_raw[len(bom) :].decode(codec.get(encoding, encoding))
    assert re.findall(r"\r\n|\r|\n", fixed_text) == re.findall(r"\r\n|\r|\n", text), "line ends kept"
    original_lines, fixed_lines = file_lines(text), file_lines(fixed_text)
    assert len(fixed_lines) == len(original_lines)
    for number, (original, fixed) in enumerate(zip(original_lines, fixed_lines, strict=True), start=1):
        assert_only_fixes_changed(original, fixed, [f for f in fixes if f.line == number])


def _docx(paragraphs: list[str], styles: list[str | None]) -> bytes:
    import docx

    document = docx.Document()
    for index, text in enumerate(paragraphs):
        document.add_paragraph(text, style=styles[index] if index < len(styles) else None)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


@fuzz(25)
@given(
    st.lists(st.one_of(nasty_text(max_pieces=10), report_like), min_size=1, max_size=8),
    st.lists(st.sampled_from([None, "Heading 1", "Heading 2", "Title", "List Number"]), max_size=8),
)
@example(
    ["一、品行修养", "工作,学习:思考\t同比增长%", "（一）服务中心实绩。\n完成税收亿元,同比增长%"], [None, "Heading 1"]
)
@example(["品行修养", "工作,学习:思考", "完成税收亿元,同比增长%"], ["List Number", None, "List Number"])
@example(["2026年度个人总结", "a"], ["List Number", "List Number"])  # 1. 2026年…: Word's tab kept as a space
@example(["", "\r\n2026年度个人总结2026年度个人总结"], [None, "List Number"])  # a finding on Word's number alone
def test_word_findings_point_at_the_paragraph_and_fixes_touch_only_their_characters(
    tmp_path: Path, paragraphs: list[str], styles: list[str | None]
) -> None:
    import docx

    paragraphs = [XML_INVALID.sub("", p) for p in paragraphs]
    path = tmp_path / "fuzz.docx"
    raw = _docx(paragraphs, styles)
    path.write_bytes(raw)
    for stale in tmp_path.glob("fuzz.fixed*"):
        stale.unlink()
    # A "List Number" paragraph is shown after the number Word draws (the template's list: 1. 2. 3. …); an empty
    # one is counted and shows none. Word's tab after `1.` is a space where the text opens with a figure or a Latin
    # letter (`1. 2026年`, not `1.2026年`).
    written = docx.Document(str(path)).paragraphs
    numbered = [i < len(styles) and styles[i] == "List Number" for i in range(len(paragraphs))]

    def label(i: int, text: str) -> str:
        if not (numbered[i] and text.strip()):
            return ""
        apart = text[:1].isdecimal() or (text[:1].isascii() and text[:1].isalpha())
        return f"{sum(numbered[:i]) + 1}." + (" " if apart else "")

    shown = [label(i, p.text) for i, p in enumerate(written)]
    lines = [label + p.text for label, p in zip(shown, written, strict=True)]
    try:
        checked = _check_points_at_the_file(path, lines)
    except AppraisalError as exc:
        one_clear_sentence(exc.message)
        assert not "".join(paragraphs).strip()
        return
    copy, _count = write_fixed_copy(checked)
    assert path.read_bytes() == raw
    fixes = [f for f in checked.findings if f.fix is not None]
    if not copy.exists():
        return
    fixed_lines = [label + p.text for label, p in zip(shown, docx.Document(str(copy)).paragraphs, strict=True)]
    assert len(fixed_lines) == len(lines)
    for number, (original, fixed) in enumerate(zip(lines, fixed_lines, strict=True), start=1):
        assert_only_fixes_changed(original, fixed, [f for f in fixes if f.line == number])
    with zipfile.ZipFile(path) as before, zipfile.ZipFile(copy) as after:
        assert before.namelist() == after.namelist()
        for name in before.namelist():
            if name != "word/document.xml":
                assert before.read(name) == after.read(name), name


@pytest.mark.parametrize("separator", ["\u2028", "", "\x0b"])
def test_a_two_megabyte_line_in_a_document_is_imported_and_checked(tmp_path: Path, separator: str) -> None:
    report = (FIXTURES / "report.txt").read_text(encoding="utf-8-sig")
    piece = separator.join(line.strip() for line in report.splitlines() if line.strip())
    line = piece * (2_000_000 // len(piece.encode("utf-8")) + 1)
    path = tmp_path / "一行.txt"
    path.write_text(line + "\n", encoding="utf-8")
    assert len(path.read_bytes()) > 2_000_000
    findings = _check_points_at_the_file(path, [line]).findings
    assert any(f.rule == "missing-figure" for f in findings)


def test_every_nasty_character_alone_on_a_line_is_checked(tmp_path: Path) -> None:
    for index, nasty in enumerate(NASTY):
        text = f"一、品行修养\n工作,{nasty}学习\n{nasty}\n"
        path = tmp_path / f"nasty{index}.txt"
        path.write_text(text, encoding="utf-8", newline="")
        try:
            _check_points_at_the_file(path, file_lines(text))
        except AppraisalError as exc:
            one_clear_sentence(exc.message)
            assert nasty in ("\x00", "\x1b[31m", "\x1b]0;标题\x07", "\x1b[2J"), nasty
