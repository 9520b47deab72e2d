"""Fuzzing the importer: random bytes, hostile text in every encoding a user's file comes in, random Word files and
zip files that are not Word files. Each either imports with nothing lost or is refused with one clear Chinese
sentence (through the CLI: exit 2, one line on stderr, no traceback); reading never changes the file."""

from __future__ import annotations

import functools
import io
import json
import os
import re
import time
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from fuzzing import NASTY, assert_nothing_lost, draft_characters, fuzz, nasty_text, one_clear_sentence, report_like
from hypothesis import assume, example, given
from hypothesis import strategies as st

from appraisal import cli
from appraisal.errors import AppraisalError
from appraisal.importing import import_document, package

SUFFIXES = [".txt", ".md", ".docx", ".doc", ".wps", ".markdown", ".TXT", ""]


def _import_or_refuse(path: Path) -> object:
    """Import `path`; a refusal must be one clear sentence naming the file. The file and its folder are left
    exactly as they were."""
    raw = path.read_bytes()
    stamp = path.stat().st_mtime_ns
    before = sorted(p.name for p in path.parent.iterdir())
    try:
        result = import_document(path)
    except AppraisalError as exc:
        one_clear_sentence(exc.message)
        assert str(path) in exc.message
        result = exc
    else:
        assert_nothing_lost(result)
    assert path.read_bytes() == raw and path.stat().st_mtime_ns == stamp, "reading never writes"
    assert sorted(p.name for p in path.parent.iterdir()) == before, "reading creates no file"
    return result


@fuzz(200)
@given(st.binary(max_size=600), st.sampled_from(SUFFIXES))
@example(b"\xef\xbb\xbf", ".txt")
@example(b"\xff\xfe\x00\xd8", ".txt")  # UTF-16 with a lone surrogate
@example(b"PK\x03\x04garbage", ".txt")
@example(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 20, ".docx")
@example(b"{\\rtf1 hello}", ".md")
@example("一、品行修养\n\x1b[31m红字\x1b[0m\n".encode(), ".txt")
def test_random_bytes_are_imported_or_refused_clearly(tmp_path: Path, raw: bytes, suffix: str) -> None:
    path = tmp_path / f"随机{suffix}"
    path.write_bytes(raw)
    _import_or_refuse(path)


def _controls(text: str) -> bool:
    return any((ord(ch) < 32 and ch not in "\t\n\r\f\v") or ch == "\x7f" for ch in text)


@fuzz(200)
@given(
    st.lists(st.one_of(nasty_text(max_pieces=15), report_like), max_size=15),
    st.sampled_from(["\n", "\r\n", "\r", "\u2028"]),
    st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "gb18030"]),
    st.sampled_from([".txt", ".md"]),
)
@example(["一、品行修养", "\ufeff本人\u200b坚持\u202e学习", "\x1b[31m"], "\r", "utf-8-sig", ".txt")
@example(["# 2026年度个人总结", "## 一、品行修养", "e\u0301\U00020000\u3000\u00a0"], "\u2028", "gb18030", ".md")
def test_hostile_text_in_any_encoding_loses_no_character(
    tmp_path: Path, paragraphs: list[str], separator: str, encoding: str, suffix: str
) -> None:
    text = separator.join(paragraphs) + "\n"
    raw = b"\xfe\xff" + text.encode("utf-16-be") if encoding == "utf-16-be" else text.encode(encoding)
    if encoding == "utf-8" and text.startswith("\ufeff"):
        text = text[1:]  # at the very start of a UTF-8 file, U+FEFF is the byte-order mark
    path = tmp_path / f"总结{suffix}"
    path.write_bytes(raw)
    result = _import_or_refuse(path)
    if isinstance(result, AppraisalError):
        gb_guess = encoding == "gb18030" and "编码" in result.message
        assert not text.strip() or _controls(text) or gb_guess, result.message
        return
    lines = result.document.lines  # type: ignore[attr-defined]
    if encoding == "gb18030" and lines != re.split(r"\r\n|\r|\n", text)[:-1]:
        assume(False)  # GB18030 bytes that happen to be valid UTF-8 are read as UTF-8, by design
    assert lines == re.split(r"\r\n|\r|\n", text)[:-1], "the text is read exactly as written"
    # Nothing lost, counted in characters too: the draft holds every non-space character that is not a heading,
    # a marker or a label; profile values are in the profile (`assert_nothing_lost` compared each place it was
    # read from, as the same name in a form and in the 落款 is read twice).
    kept = draft_characters(result)  # type: ignore[arg-type]
    structural = Counter(
        ch
        for span in result.structure  # type: ignore[attr-defined]
        for ch in lines[span.line - 1][span.start : span.end]
    )
    body = Counter(ch for ch in text if not ch.isspace())
    assert not body - structural - kept


def test_mixed_encodings_are_refused_not_garbled(tmp_path: Path) -> None:
    """A UTF-8 file with a paragraph saved in GBK, and the other way round: refused with one clear sentence that
    says what to do, rather than imported as mojibake."""
    utf8 = "一、品行修养\n本人始终坚持把政治建设摆在首位，严守政治纪律和政治规矩。\n二、理论学习\n"
    gbk = "全年参加中心组学习12次，撰写心得体会4篇。\n"
    cases = {
        "utf8-with-gbk.txt": utf8.encode("utf-8") + gbk.encode("gbk") + utf8.encode("utf-8"),
        "gbk-with-utf8.txt": utf8.encode("gbk") + gbk.encode("utf-8") + utf8.encode("gbk"),
    }
    for name, raw in cases.items():
        path = tmp_path / name
        path.write_bytes(raw)
        result = _import_or_refuse(path)
        assert isinstance(result, AppraisalError), name
        assert "编码" in result.message and "UTF-8" in result.message


def test_every_nasty_character_survives_an_import(tmp_path: Path) -> None:
    for index, nasty in enumerate(NASTY):
        text = f"2026年度个人总结\n一、品行修养\n本人{nasty}坚持学习\n{nasty}\n二、理论学习\n参加学习{nasty}12次。\n"
        path = tmp_path / f"nasty{index}.txt"
        path.write_text(text, encoding="utf-8", newline="")
        result = _import_or_refuse(path)
        if isinstance(result, AppraisalError):
            assert _controls(nasty), (nasty, result.message)
            continue
        kept = "".join(result.draft.sections.values())  # type: ignore[attr-defined]
        for ch in nasty:
            if not ch.isspace() and ch not in "\r\n":
                assert ch in kept, (nasty, ch)


def test_a_two_megabyte_line_loses_no_character(tmp_path: Path) -> None:
    line = ("一年来，我紧紧围绕全局中心工作,完成重点项目12个，同比增长%；" * 40_000)[:700_000]
    path = tmp_path / "一行.txt"
    path.write_text("一、品行修养\n" + line + "\n二、理论学习\n" + line[:1000] + "\n", encoding="utf-8")
    result = _import_or_refuse(path)
    assert not isinstance(result, AppraisalError)
    assert result.draft.sections["conduct"] == line  # type: ignore[attr-defined]


# ---------------------------------------------------------------- Word files


def _docx(blocks: list[tuple[str, str | None]], table: list[list[str]]) -> bytes:
    import docx

    document = docx.Document()
    for text, style in blocks:
        document.add_paragraph(text, style=style)
    if table:
        width = max(len(row) for row in table)
        grid = document.add_table(rows=len(table), cols=width)
        for r, row in enumerate(table):
            for c, text in enumerate(row):
                grid.cell(r, c).text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
xml_text = st.one_of(nasty_text(max_pieces=10), report_like).map(lambda text: XML_INVALID.sub("", text))


@fuzz(30)
@given(
    st.lists(st.tuples(xml_text, st.sampled_from([None, "Heading 1", "Heading 2", "Title", "List Bullet"]))),
    st.lists(st.lists(xml_text, min_size=1, max_size=3), max_size=3),
)
@example([("一、品行修养", "Heading 1"), ("本人\n坚持\t学习\r完成", None)], [["姓名", "张三"], ["单位", "某区商务局"]])
@example([("", None), ("  ", "Title")], [])
def test_random_word_files_lose_no_character(
    tmp_path: Path, blocks: list[tuple[str, str | None]], table: list[list[str]]
) -> None:
    path = tmp_path / "随机.docx"
    path.write_bytes(_docx(blocks, table))
    result = _import_or_refuse(path)
    written = [text for text, _style in blocks] + [text for row in table for text in row]
    if isinstance(result, AppraisalError):
        assert not "".join(written).strip(), result.message
        return
    structural = Counter(
        ch
        for span in result.structure  # type: ignore[attr-defined]
        for ch in result.document.lines[span.line - 1][span.start : span.end]  # type: ignore[attr-defined]
    )
    body = Counter(ch for text in written for ch in text if not ch.isspace())
    assert not body - structural - draft_characters(result)  # type: ignore[arg-type]


# ---------------------------------------------------------------- zip files that are not Word files


@functools.cache
def _valid_docx() -> bytes:
    return _docx([("一、品行修养", None), ("本人始终坚持学习。", None)], [])


def _replace_member(source: bytes, name: str, data: bytes | None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename == name:
                if data is not None:
                    dst.writestr(name, data)
            else:
                dst.writestr(info.filename, src.read(info))
    return out.getvalue()


MEMBERS = ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels", "word/styles.xml"]


@fuzz(60)
@given(
    st.sampled_from(MEMBERS),
    st.one_of(
        st.none(),
        st.binary(max_size=200),
        st.text(max_size=200).map(str.encode),
        st.sampled_from([b"<w:document/>", b"<?xml version='1.0'?><a>", b"<x xmlns='urn:x'><y/></x>", b""]),
    ),
    st.sampled_from([".docx", ".txt", ".md"]),
)
@example("word/document.xml", None, ".docx")
@example("[Content_Types].xml", b"<Types/>", ".docx")
def test_damaged_word_files_are_refused_clearly(tmp_path: Path, member: str, data: bytes | None, suffix: str) -> None:
    path = tmp_path / f"损坏{suffix}"
    path.write_bytes(_replace_member(_valid_docx(), member, data))
    _import_or_refuse(path)


@fuzz(60)
@given(st.dictionaries(st.text(min_size=1, max_size=20).filter(lambda n: "\x00" not in n), st.binary(max_size=100)))
def test_zip_files_that_are_not_word_files_are_refused(tmp_path: Path, members: dict[str, bytes]) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    path = tmp_path / "不是文档.docx"
    path.write_bytes(out.getvalue())
    assert isinstance(_import_or_refuse(path), AppraisalError)


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def test_an_external_entity_is_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-42", encoding="utf-8")
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
        f"<w:document {W}><w:body><w:p><w:r><w:t>正文&x;结束</w:t></w:r></w:p></w:body></w:document>"
    )
    path = tmp_path / "xxe.docx"
    path.write_bytes(_replace_member(_valid_docx(), "word/document.xml", xml.encode()))
    result = _import_or_refuse(path)
    shown = (
        result.message
        if isinstance(result, AppraisalError)
        else json.dumps(result.draft.to_json_dict(), ensure_ascii=False)
    )  # type: ignore[attr-defined]
    assert "SECRET-42" not in shown


def test_an_entity_bomb_is_refused_quickly(tmp_path: Path) -> None:
    entities = '<!ENTITY a "考核考核考核考核考核考核考核考核考核考核">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)
    )
    body = "<w:body><w:p><w:r><w:t>&j;</w:t></w:r></w:p></w:body>"
    xml = f'<?xml version="1.0"?><!DOCTYPE d [{entities}]><w:document {W}>{body}</w:document>'
    path = tmp_path / "bomb.docx"
    path.write_bytes(_replace_member(_valid_docx(), "word/document.xml", xml.encode()))
    result = _import_or_refuse(path)
    if not isinstance(result, AppraisalError):
        assert len(json.dumps(result.draft.to_json_dict(), ensure_ascii=False)) < 1_000_000  # type: ignore[attr-defined]


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(package, "MAX_DOCX_XML_BYTES", 1_000_000)
    filler = b"<w:p/>" * 400_000  # 2.4 MB of XML that compresses to a few KB
    xml = f"<w:document {W}><w:body>".encode() + filler + b"</w:body></w:document>"
    path = tmp_path / "bomb.docx"
    path.write_bytes(_replace_member(_valid_docx(), "word/document.xml", xml))
    assert path.stat().st_size < 100_000
    result = _import_or_refuse(path)
    assert isinstance(result, AppraisalError) and "过大" in result.message


def test_an_encrypted_zip_is_refused(tmp_path: Path) -> None:
    raw = bytearray(_valid_docx())
    # Set the "encrypted" flag on every entry, as a password-protected zip has it.
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        for match in re.finditer(re.escape(signature), bytes(raw)):
            raw[match.start() + offset] |= 0x01
    path = tmp_path / "加密.docx"
    path.write_bytes(bytes(raw))
    assert isinstance(_import_or_refuse(path), AppraisalError)


# ---------------------------------------------------------------- through the command line


@fuzz(40)
@given(st.one_of(st.binary(max_size=300), nasty_text().map(lambda t: t.encode("utf-8", "replace"))))
@example(b"\x00\x01\x02")
@example(b"")
def test_cli_import_exits_0_or_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, raw: bytes
) -> None:
    monkeypatch.setenv("APPRAISAL_HOME", str(tmp_path / "home"))
    path = tmp_path / "总结.txt"
    path.write_bytes(raw)
    code = cli.main(["import", str(path), "-o", str(tmp_path / f"draft-{time.perf_counter_ns()}.json")])
    out, err = capsys.readouterr()
    assert code in (0, 2)
    if code == 2:
        assert err.count("\n") == 1
        one_clear_sentence(err)
        assert out == ""
    else:
        assert "草稿已保存到" in out
    assert path.read_bytes() == raw
    assert not any(name.endswith(".tmp") for name in os.listdir(tmp_path))
