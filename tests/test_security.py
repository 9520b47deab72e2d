"""Security: personal data stays private on disk, an exported page cannot run script, nothing touches the
network, and no name taken from a draft or a template can put a file outside the folder meant for it."""

from __future__ import annotations

import contextlib
import io
import os
import socket
import stat
import sys
import unicodedata
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest
from fuzzing import fuzz, nasty_text
from hypothesis import example, given
from hypothesis import strategies as st

from appraisal import cli, fileio, paths
from appraisal.draft import Draft
from appraisal.errors import AppraisalError
from appraisal.export import default_filename, export_to, render
from appraisal.store import DraftLock, create_draft, lock_path, new_draft_path, restore_revision
from appraisal.templates import Section, Template, load_template

TEMPLATE = load_template("cadre-annual")
POSIX = os.name == "posix"


@contextlib.contextmanager
def umask(mask: int) -> Iterator[None]:
    old = os.umask(mask)
    fileio.shared_mode.cache_clear()
    try:
        yield
    finally:
        os.umask(old)
        fileio.shared_mode.cache_clear()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def report(**sections: str) -> Draft:
    draft = Draft.new(TEMPLATE, name="张三", unit="某区商务局", position="副局长", year=2026)
    draft.sections.update({"conduct": "本人始终坚持把政治建设摆在首位。", **sections})
    return draft


# ---------------------------------------------------------------- files on disk


@pytest.mark.skipif(not POSIX, reason="POSIX file modes")
def test_everything_in_a_fresh_home_is_private_whatever_the_umask(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Drafts, history, lock files, the remembered cursor positions (ui-state.json), a damaged draft set aside on
    restore: files 0600 and folders 0700, even under umask 000, in folders we create ourselves."""
    from appraisal.app.ui_state import Position, save_position

    home = tmp_path / "新用户" / "appraisal"
    monkeypatch.setenv("APPRAISAL_HOME", str(home))
    paths.resolve()  # as a face does at start
    with umask(0):
        path = create_draft(report())
        create_draft(report(study="第二份草稿。"), new_draft_path(report(), paths.drafts_dir()))
        with DraftLock(path):
            assert mode(lock_path(path)) == 0o600
            save_position(path, Position("conduct", 1, 2))
            path.write_text("{损坏的草稿", encoding="utf-8")
            restore_revision(path, 1)
    assert (home / "ui-state.json").is_file()
    assert any(".unreadable-" in p.name for p in paths.drafts_dir().iterdir())
    created = [tmp_path / "新用户", *sorted((tmp_path / "新用户").rglob("*"))]
    assert len(created) > 8
    for item in created:
        expected = 0o700 if item.is_dir() else 0o600
        assert mode(item) == expected, (item, oct(mode(item)))


@pytest.mark.skipif(not POSIX, reason="POSIX file modes")
@pytest.mark.parametrize(("mask", "expected"), [(0o022, 0o644), (0o077, 0o600), (0o000, 0o644), (0o027, 0o640)])
def test_exports_and_fixed_copies_follow_the_umask_and_are_never_world_writable(
    tmp_path: Path, mask: int, expected: int
) -> None:
    """An export is for sharing (0644 under the usual umask), but a user whose umask keeps new files private
    (077) gets a private export: it used to be 0644 whatever the umask said."""
    from appraisal.checks.documents import check_document, write_fixed_copy

    document = tmp_path / "去年的总结.txt"
    document.write_text("一、品行修养\n本人坚持学习,严守纪律。\n", encoding="utf-8")
    with umask(mask):
        exported = [export_to(report(), TEMPLATE, fmt, folder=tmp_path) for fmt in ("docx", "txt", "md", "html")]
        copy, count = write_fixed_copy(check_document(document))
    assert count == 1
    for path in [*exported, copy]:
        assert mode(path) == expected, (path.name, oct(mode(path)))


def test_a_name_no_file_system_accepts_is_one_clear_error(tmp_path: Path) -> None:
    """A NUL pasted into a file name used to raise ValueError from deep inside the save."""
    with pytest.raises(AppraisalError, match="不能使用的字符"):
        export_to(report(), TEMPLATE, "md", path=tmp_path / "总结\x00.md")
    with pytest.raises(AppraisalError, match="不能使用的字符"):
        create_draft(report(), tmp_path / "草稿\x00.json")
    assert list(tmp_path.iterdir()) == []


# ---------------------------------------------------------------- HTML that cannot run script


PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    '<a href="javascript:alert(1)">点我</a>',
    "[点我](javascript:alert(1))",
    "[点我](JaVaScRiPt:alert(1))",
    "![图](javascript:alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "<javascript:alert(1)>",
    '<https://example.com/"onmouseover=alert(1)>',
    "[x]: javascript:alert(1)\n[x]",
    "<div>\n<script>alert(1)</script>\n</div>",
    "<!-- <script>alert(1)</script> -->",
    "<iframe src=//example.com></iframe>",
    "<style>body{background:url(javascript:alert(1))}</style>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;script&#62;alert(1)&#60;/script&#62;",
    "&#x3C;img src=x onerror=alert(1)&#x3E;",
    "\\<script>alert(1)\\</script>",
    "`<script>`",
    "    <script>alert(1)</script>",
    "```\n<script>alert(1)</script>\n```",
    '"><script>alert(1)</script>',
    "</title><script>alert(1)</script>",
    "<meta http-equiv=refresh content=0;url=javascript:alert(1)>",
]
OUR_TAGS = {"html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "strong"}


class Elements(HTMLParser):
    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []
        self.feed(page)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def assert_inert(page: str) -> Elements:
    parsed = Elements(page)
    for tag, attrs in parsed.tags:
        assert tag in OUR_TAGS, f"<{tag}> in the page"
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name)
            assert name in {"lang", "charset", "name", "content", "class"}, (tag, name)
            cleaned = "".join(ch for ch in (value or "") if ch.isprintable() and not ch.isspace()).lower()
            assert not cleaned.startswith(("javascript:", "vbscript:", "data:")), (tag, name, value)
            if tag == "meta" and name == "content":
                assert "url=" not in cleaned
    assert [tag for tag, _ in parsed.tags].count("style") == 1 and [t for t, _ in parsed.tags].count("title") == 1
    return parsed


def test_html_export_shows_markup_as_text_and_runs_nothing() -> None:
    draft = report()
    draft.title = "</title><script>alert(1)</script>2026年度个人总结"
    draft.profile.name = '"><script>alert(1)</script>'
    draft.sections["conduct"] = "\n".join(PAYLOADS)
    draft.sections["results.service"] = "\n".join(p + "。一年来，我紧紧围绕中心工作" for p in PAYLOADS)
    page = render(draft, TEMPLATE, "html").decode("utf-8")
    parsed = assert_inert(page)
    shown = "".join(parsed.text)
    for payload in ("<script>alert(1)</script>", "[点我](javascript:alert(1))", "&lt;script&gt;", "<img src=x"):
        assert payload in shown, payload  # the user's text is shown as typed


@fuzz(60)
@given(
    st.lists(st.one_of(st.sampled_from(PAYLOADS), nasty_text(max_pieces=6)), max_size=8).map("".join),
    st.sampled_from(PAYLOADS),
    st.booleans(),
)
@example("[x](javascript:alert(1))<script>", "<img src=x onerror=alert(1)>", True)
@example("\r\t<script>alert(1)</script>", "<script>alert(1)</script>", False)  # the title's \r began a code block
def test_html_export_of_any_text_runs_nothing(text: str, title: str, run_in: bool) -> None:
    from appraisal.export import ExportOptions

    draft = report(**{"results.service": text, "conduct": text[::-1]})
    draft.title = title + text[:20]
    draft.profile.name = text[:10]
    assert_inert(render(draft, TEMPLATE, "html", ExportOptions(run_in_headings=run_in)).decode("utf-8"))


# ---------------------------------------------------------------- no network


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every way to open a connection or look a name up fails loudly and is recorded (a failure swallowed by the
    code under test would still show in the list)."""
    attempts: list[str] = []

    def refuse(what: str):  # type: ignore[no-untyped-def]
        def refused(*args: object, **kwargs: object) -> object:
            attempts.append(f"{what}{args!r}")
            raise AssertionError(f"network access: {what}{args!r}")

        return refused

    monkeypatch.setattr(socket.socket, "connect", refuse("connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("connect_ex"))
    monkeypatch.setattr(socket.socket, "sendto", refuse("sendto"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    monkeypatch.setattr(socket, "gethostbyname", refuse("gethostbyname"))
    monkeypatch.setattr(socket, "gethostbyname_ex", refuse("gethostbyname_ex"))
    return attempts


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    assert code in (0, 1), (argv, code, err)
    return out


def test_the_whole_command_line_flow_stays_offline(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, no_network: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    draft = tmp_path / "草稿.json"
    _cli(capsys, "new", "--name", "张三", "--unit", "某区商务局", "--year", "2026", "--no-edit", "-o", str(draft))
    text = "一、品行修养\n本人始终坚持学习,完成税收亿元。\n二、理论学习\n全年参加学习12次。\n"
    (tmp_path / "去年.txt").write_text(text, encoding="gb18030")
    (tmp_path / "去年.md").write_text("# 2025年度个人总结\n\n" + text, encoding="utf-8")
    word = docx.Document()
    for line in text.splitlines():
        word.add_paragraph(line)
    word.save(str(tmp_path / "去年.docx"))
    for name in ("去年.txt", "去年.md", "去年.docx"):
        _cli(capsys, "import", name, "-o", f"导入-{name}.json")
        _cli(capsys, "check", name, "--fix")
    _cli(capsys, "check", str(draft), "--format", "json")
    _cli(capsys, "check", str(draft), "--fix")
    _cli(capsys, "export", str(draft), "--to", "docx", "txt", "md", "html", "-o", "导出/")
    assert len(list((tmp_path / "导出").iterdir())) == 4
    _cli(capsys, "history", str(draft))
    monkeypatch.setattr(sys, "stdin", io.StringIO("本人始终坚持把政治建设摆在首位。\n.\n.\n"))
    _cli(capsys, "fill", str(draft), "--plain", "--section", "conduct", "--section", "study")
    _cli(capsys, "templates")
    _cli(capsys, "list")
    _cli(capsys, "note", "add", "全年走访企业23家", "--year", "2026")
    (tmp_path / "素材.txt").write_text("2026-03-05 参加学习\n组织检查5次\n", encoding="gb18030")
    _cli(capsys, "note", "import", "素材.txt", "--year", "2026")
    _cli(capsys, "note", "list", "--year", "2026", "--format", "json")
    # Drafting help without `[assist]` in config.toml: says how to configure it, and opens no socket.
    for task in ("polish", "expand", "condense", "from-notes"):
        code = cli.main(["assist", str(draft), "--section", "results.service", "--task", task, "--yes"])
        assert code == 2
        assert "还没有配置写作助手，未发送任何内容" in capsys.readouterr().err
    # `--apply` takes the proposal kept beside the draft; with none kept it says so and sends nothing either.
    assert cli.main(["assist", str(draft), "--section", "results.service", "--apply", "--yes"]) == 2
    capsys.readouterr()
    assert no_network == []


async def test_the_terminal_ui_stays_offline(tmp_path: Path, no_network: list[str]) -> None:
    from appraisal.app.tui_settings import TuiSettings
    from appraisal.tui.app import AppraisalApp

    path = create_draft(report(), tmp_path / "草稿.json")
    app = AppraisalApp(path, settings=TuiSettings(cursor_blink=False, autosave_delay=0.1, autosave_max=0.2))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("x", "x", "enter")
        await pilot.pause(0.3)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert no_network == []


# ---------------------------------------------------------------- names that must not leave their folder


HOSTILE_NAMES = [
    "../../etc/passwd",
    "..\\..\\Windows\\win.ini",
    "..",
    ".",
    "a/b/c",
    "/etc/passwd",
    "C:\\Users\\x",
    "名\x00字",
    "\ud800\udfff",
    "张" * 500,
    "x" * 500,
    "CON",
    "nul.txt",
    "..\u2215..\u2215x",  # a division slash looks like "/"; harmless, but must still stay one name
    "\u202egpj.exe",
    " . ",
    "",
]


def _stays_inside(folder: Path, path: Path) -> None:
    assert path.parent == folder, path
    assert path.name not in ("", ".", ".."), path
    assert len(path.name.encode("utf-8", "surrogatepass")) <= 200, len(path.name.encode("utf-8", "surrogatepass"))
    assert not {"/", "\\", "\x00"} & set(path.name), path.name
    assert not any(unicodedata.category(ch) in ("Cc", "Cf", "Cs") for ch in path.name), path.name


@pytest.mark.parametrize("hostile", HOSTILE_NAMES, ids=range(len(HOSTILE_NAMES)))
def test_export_file_names_stay_in_the_folder(tmp_path: Path, hostile: str) -> None:
    """The default export name comes from the writer's name and the title: `../../etc/passwd`, `\\`, NUL,
    500 characters (too long for any file system), a lone surrogate (could not be encoded: a traceback) or `CON`
    (a device on Windows) must still give one ordinary file in the chosen folder."""
    draft = report()
    draft.title = hostile
    draft.profile.name = hostile[::-1]
    folder = tmp_path / "导出"
    folder.mkdir()
    for fmt in ("docx", "txt", "md", "html"):
        name = default_filename(draft, TEMPLATE, fmt)
        _stays_inside(folder, folder / name)
        assert name.split(".")[0].upper() not in {"CON", "PRN", "AUX", "NUL"}
        written = export_to(draft, TEMPLATE, fmt, folder=folder)
        _stays_inside(folder, written)
        assert written.is_file()
    assert len(list(folder.iterdir())) == 4
    assert sorted(p.name for p in tmp_path.iterdir()) == ["导出"]


@pytest.mark.parametrize("hostile", HOSTILE_NAMES, ids=range(len(HOSTILE_NAMES)))
def test_draft_file_names_stay_in_the_folder(tmp_path: Path, hostile: str) -> None:
    """A new draft's file name is made from its year, name, template and id; the last two come from the file a
    draft was read from and could be anything (`"template": "../../x"` used to reach the path as it was)."""
    draft = report()
    draft.profile.name = hostile
    draft.template = hostile or "cadre-annual"
    draft.id = hostile or "abc"
    folder = tmp_path / "草稿"
    path = new_draft_path(draft, folder)
    _stays_inside(folder, path)
    assert create_draft(draft, path) == path and path.is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["草稿"]


def test_a_draft_naming_a_template_outside_the_template_folders_is_refused(tmp_path: Path) -> None:
    for hostile in ("../../etc", "../cadre-annual", "cadre-annual/../cadre-annual", "/etc/passwd"):
        with pytest.raises(AppraisalError, match="没有名为"):
            load_template(hostile)


@pytest.mark.parametrize(
    "section_id", ["../x", "a/b", "..", "a..b", ".a", "a.", "a\\b", "a\x00", "a\n", "A", "a b", "a.../b", "é"]
)
def test_section_ids_cannot_name_a_path(section_id: str) -> None:
    """Guidance is read from `<template folder>/<section id>.md`: the id's pattern allows only lower-case words
    joined by single dots, so it can never hold a path separator or `..`."""
    with pytest.raises(ValueError):
        Section(id=section_id, title="栏目")


@pytest.mark.parametrize("template_id", ["../x", "a/b", "..", "x\n", "Ab", ""])
def test_template_ids_cannot_name_a_path(template_id: str) -> None:
    with pytest.raises(ValueError):
        Template(id=template_id, name="模板", sections=(Section(id="a", title="栏目"),))


def _user_template(template_id: str, toml: str | None = None) -> Path:
    folder = paths.user_templates_dir() / template_id
    folder.mkdir(parents=True)
    source = Path(TEMPLATE.source).read_text(encoding="utf-8")
    source = source.replace('id = "cadre-annual"', f'id = "{template_id}"') if toml is None else toml
    (folder / "template.toml").write_text(source, encoding="utf-8")
    return folder


def test_a_user_template_with_a_path_in_its_id_is_refused() -> None:
    folder = _user_template("mine")
    toml = (folder / "template.toml").read_text(encoding="utf-8")
    (folder / "template.toml").write_text(toml.replace('id = "mine"', 'id = "../../x"'), encoding="utf-8")
    with pytest.raises(AppraisalError, match=r"template\.toml.*字段 id"):
        load_template("mine")
    (folder / "template.toml").write_text(toml.replace('id = "conduct"', 'id = "../conduct"'), encoding="utf-8")
    with pytest.raises(AppraisalError, match=r"template\.toml.*字段 sections"):
        load_template("mine")


@pytest.mark.skipif(not POSIX, reason="symbolic links and FIFOs")
def test_guidance_is_read_only_from_regular_files_inside_the_template_folder(tmp_path: Path) -> None:
    """A shared template may carry `conduct.md -> ~/.ssh/id_rsa` (shown on screen beside the editor) or a link
    to /dev/zero or a FIFO (the editor would hang reading it). Only a regular file inside the template's folder
    is read, and only its first 100 000 characters."""
    folder = _user_template("mine")
    secret = tmp_path / "id_rsa"
    secret.write_text("PRIVATE KEY", encoding="utf-8")
    (folder / "conduct.md").symlink_to(secret)
    (folder / "study.md").symlink_to("/dev/zero")
    os.mkfifo(folder / "law.md")
    (folder / "party.md").write_text("## 党建工作\n写法提示。", encoding="utf-8")
    (folder / "integrity.md").symlink_to(folder / "party.md")  # a link inside the folder is fine
    (folder / "intro.md").write_text("长" * 300_000, encoding="utf-8")
    template = load_template("mine")
    assert template.guidance("conduct") == ""
    assert template.guidance("study") == ""
    assert template.guidance("law") == ""
    assert template.guidance("party") == "## 党建工作\n写法提示。"
    assert template.guidance("integrity") == "## 党建工作\n写法提示。"
    assert len(template.guidance("intro")) == 100_000
    other = _user_template("other")
    (other / "party.md").write_text("另一个模板的说明。", encoding="utf-8")
    assert template.guidance("../mine/party") == "## 党建工作\n写法提示。"  # still inside the folder
    for hostile in ("../other/party", "../../../etc/passwd", "/etc/passwd", "party\x00"):
        assert template.guidance(hostile) == ""


@pytest.mark.skipif(not POSIX, reason="FIFOs and /dev/zero")
def test_special_files_are_refused_without_reading_them(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A FIFO blocks the reader for ever and /dev/zero never ends: as a draft (`check`, `export`, `edit` load
    it; it used to be read), a document to import or check, each is refused at once."""
    fifo = tmp_path / "管道.json"
    os.mkfifo(fifo)
    zero = tmp_path / "零.json"
    zero.symlink_to("/dev/zero")
    for suffix in (".txt", ".docx"):
        (tmp_path / f"管道{suffix}").symlink_to(fifo)
        (tmp_path / f"零{suffix}").symlink_to("/dev/zero")
    for name in ("管道", "零"):
        for argv in (
            ["check", f"{name}.json"],
            ["export", f"{name}.json", "--to", "md", "-o", str(tmp_path / "out.md")],
            ["import", f"{name}.txt"],
            ["check", f"{name}.docx"],
        ):
            argv = [str(tmp_path / arg) if arg.startswith(name) else arg for arg in argv]
            assert cli.main(argv) == 2, argv
            _out, err = capsys.readouterr()
            assert "不是普通文件" in err and err.count("\n") == 1, (argv, err)
