"""Fuzzing the command line with hostile drafts and input: every command ends with exit 0, 1 or 2, errors are one
line on stderr, and printing the user's text (lone surrogates from a damaged draft, characters the console's
encoding lacks) never ends in a traceback."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from fuzzing import fuzz, nasty_text, one_clear_sentence
from hypothesis import example, given
from hypothesis import strategies as st

from appraisal import cli
from appraisal.draft import Draft
from appraisal.store import create_draft, load_draft
from appraisal.templates import load_template

TEMPLATE = load_template("cadre-annual")


def _write_draft(path: Path, title: str, name: str, text: str) -> None:
    draft = Draft.new(TEMPLATE, name=name, unit="某区商务局", year=2026, title=title)
    draft.sections["conduct"] = text
    draft.sections["study"] = text[::-1]
    path.unlink(missing_ok=True)
    create_draft(draft, path)


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    assert code in (0, 1, 2), code
    if code == 2:
        assert err.count("\n") == 1, err
        one_clear_sentence(err)
    return code, out, err


@fuzz(30)
@given(
    nasty_text(surrogates=True, max_pieces=8), nasty_text(surrogates=True, max_pieces=4), nasty_text(surrogates=True)
)
@example("标题\udfff", "张\ud800三", "本人【\ud800填写】坚持学习，XX局\udcff。")
@example("<script>", "../../etc/passwd", "一、品行修养\n工作,学习" * 2)
def test_commands_on_a_hostile_draft_never_crash(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    title: str,
    name: str,
    text: str,
) -> None:
    path = tmp_path / "草稿.json"
    _write_draft(path, title, name, text)
    before = load_draft(path)
    code, out, _err = _run(capsys, "check", str(path))
    assert code == 1  # required sections are empty
    code, out, _err = _run(capsys, "check", "--format", "json", str(path))
    findings = json.loads(out)["files"][0]["findings"]
    assert findings and all(f["line"] >= 1 for f in findings)
    for fmt in ("md", "txt", "html", "docx"):
        folder = tmp_path / f"out-{fmt}"
        folder.mkdir(exist_ok=True)
        code, out, _err = _run(capsys, "export", str(path), "--to", fmt, "-o", f"{folder}/")
        assert code == 0
        (written,) = folder.iterdir()
        assert written.parent == folder
        written.unlink()
    _run(capsys, "history", str(path))
    monkeypatch.setattr(sys, "stdin", io.StringIO(".\n.\n"))
    code, out, _err = _run(capsys, "fill", str(path), "--plain", "--show", "--section", "conduct")
    assert code == 0
    assert load_draft(path).sections == before.sections


@pytest.mark.parametrize("strict", [True, False])
def test_fill_refuses_input_that_is_not_utf8(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, strict: bool
) -> None:
    """GBK text piped into `fill --plain` on Linux: a strict UTF-8 stdin raised UnicodeDecodeError (a traceback);
    a `surrogateescape` stdin (the C.UTF-8 locale) saved the bytes as lone surrogates, unreadable text."""
    path = tmp_path / "草稿.json"
    _write_draft(path, "2026年度个人总结", "张三", "原有的文字。")
    gbk = "第一栏的文字。\n.\n".encode() + "全年参加学习12次。\n.\n".encode("gbk")
    errors = "strict" if strict else "surrogateescape"
    stdin = io.TextIOWrapper(io.BytesIO(gbk), encoding="utf-8", errors=errors)
    monkeypatch.setattr(sys, "stdin", stdin)
    code, _out, err = _run(capsys, "fill", str(path), "--section", "conduct", "--section", "study")
    assert code == 2 and "UTF-8" in err
    sections = load_draft(path).sections
    assert sections["study"] == "。字文的有原", "the answer that is not UTF-8 is not saved"
    if not strict:  # read line by line: the first answer was saved before the bad one arrived
        assert sections["conduct"] == "第一栏的文字。"


def _relative(argument: str) -> bool:
    """No absolute path, no `..`, no NUL (argv cannot carry one): nothing is written outside tmp_path."""
    return not argument.startswith(("/", "~")) and ".." not in argument and "\x00" not in argument


relative_arguments = st.text(max_size=12).filter(_relative)


@fuzz(40)
@given(st.lists(relative_arguments, max_size=6))
@example(["--to", "docx", "--to"])
@example(["-o", "a\tb/", "--to", "md", "草稿.json"])
def test_random_arguments_exit_cleanly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)  # relative paths only (see the filter): nothing is written outside tmp_path
    path = tmp_path / "草稿.json"
    if not path.exists():
        _write_draft(path, "2026年度个人总结", "张三", "本人坚持学习。")
    for command in ("check", "export", "history", "import", "list", "new"):
        argv = [command, *args] if command != "new" else [command, "--no-edit", *args]
        try:
            code = cli.main(argv)
        except SystemExit as exc:  # argparse's usage errors and --help
            code = exc.code if isinstance(exc.code, int) else 2
        _out, err = capsys.readouterr()
        assert code in (0, 1, 2), (argv, code)
        assert "Traceback" not in err


@fuzz(60)
@given(st.binary(max_size=400), st.sampled_from([".txt", ".md", ".docx", ".json", ".doc"]), st.booleans())
@example(b'{"schema": 1, "template": "cadre-annual", "revision": ' + b"9" * 5000 + b"}", ".json", False)
@example(b"PK\x03\x04", ".docx", True)
def test_check_on_any_file_exits_cleanly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], raw: bytes, suffix: str, fix: bool
) -> None:
    path = tmp_path / f"随机{suffix}"
    path.write_bytes(raw)
    for stale in tmp_path.glob("随机.fixed*"):
        stale.unlink()
    code, out, _err = _run(capsys, "check", str(path), *(["--fix"] if fix else []))
    if code == 2:
        assert out == ""
    if suffix != ".json" or code == 2:
        assert path.read_bytes() == raw, "a document is never changed, an unreadable draft never written"
