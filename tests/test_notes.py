"""Notes through the year: `appraisal note add/list/import/move`, the store's safety (lock, atomic writes, SIGKILL)."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import signal
import stat
import time
from pathlib import Path

import pytest

from appraisal import cli
from appraisal.errors import AppraisalError
from appraisal.notes import (
    NewNote,
    add_notes,
    guess_section,
    load_notes,
    notes_path,
    parse_note_line,
    read_notes_file,
)
from appraisal.templates import load_template

CADRE = load_template("cadre-annual")


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# ---------------------------------------------------------------- add, list, move


def test_add_guesses_the_section_says_so_and_saves_privately(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "note", "add", "参加市委党校中青班学习两个月", "--date", "2026-03-05")
    assert code == 0
    assert "已记入2026年度素材第1条，栏目：理论学习（按“中青班”一词归入）" in out
    assert "appraisal note move 1" in out
    path = notes_path(2026)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    (note,) = json.loads(path.read_text(encoding="utf-8"))["notes"]
    assert (note["date"], note["section"], note["template"]) == ("2026-03-05", "study", "cadre-annual")


def test_a_training_the_writer_attended_is_filed_under_study_not_the_main_section() -> None:
    """A note about a 培训班 (or 党校, 进修) the writer attended went to 分管工作实绩, the template's main section;
    organising a training for others is work and stays there."""
    from appraisal.notes import guess_section
    from appraisal.templates import load_template

    template = load_template("cadre-annual")
    assert guess_section(template, "参加全市领导干部培训班一周")[0] == "study"
    assert guess_section(template, "赴浙江大学进修城市规划两周")[0] == "study"
    assert guess_section(template, "组织全系统业务培训12场")[0] == template.main_section


def test_add_with_a_section_named_by_title_and_list_by_date(capsys: pytest.CaptureFixture[str]) -> None:
    _run(capsys, "note", "add", "修订行政执法制度5项", "--date", "2026-06-01", "--section", "依法行政")
    _run(capsys, "note", "add", "带队走访企业23家", "--date", "2026-02-10")
    _run(capsys, "note", "add", "召开党建工作推进会", "--date", "2026-04-01", "--year", "2026")
    code, out, _ = _run(capsys, "note", "list", "--year", "2026")
    assert code == 0
    lines = out.splitlines()
    assert "3 条" in lines[0]
    assert ["带队走访企业23家" in lines[1], "党建工作推进会" in lines[2], "行政执法" in lines[3]] == [True] * 3
    assert "依法行政" in lines[3] and "分管工作实绩" in lines[1]
    _, out, _ = _run(capsys, "note", "list", "--year", "2026", "--section", "law", "--format", "json")
    data = json.loads(out)
    assert [n["text"] for n in data["notes"]] == ["修订行政执法制度5项"]
    assert data["notes"][0]["section_title"] == "依法行政"


def test_move_changes_the_section_and_clears_the_guess(capsys: pytest.CaptureFixture[str]) -> None:
    _run(capsys, "note", "add", "组织廉政警示教育大会", "--date", "2026-05-01")
    assert load_notes(2026).notes[0].section == "integrity"
    code, out, _ = _run(capsys, "note", "move", "1", "party", "--year", "2026")
    assert code == 0 and "改归“党建工作”" in out
    note = load_notes(2026).notes[0]
    assert (note.section, note.guessed) == ("party", "")


def test_bad_input_gets_one_chinese_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, "note", "add", "  ", "--date", "2026-05-01")
    assert code == 2 and err.strip() == "素材内容是空的，请写下要记的事。"
    code, _, err = _run(capsys, "note", "add", "某事", "--section", "不存在")
    assert code == 2 and "没有“不存在”这个栏目" in err and "Traceback" not in err
    code, _, err = _run(capsys, "note", "move", "9", "law", "--year", "2026")
    assert code == 2 and "没有第 9 条" in err
    with pytest.raises(SystemExit):
        cli.main(["note", "add", "某事", "--date", "2026-02-30"])
    assert "年-月-日" in capsys.readouterr().err
    assert not notes_path(2026).exists()


def test_a_damaged_notes_file_is_never_overwritten(capsys: pytest.CaptureFixture[str]) -> None:
    path = notes_path(2026)
    path.parent.mkdir(parents=True)
    path.write_text('{"year": 2026, "notes": [', encoding="utf-8")
    code, _, err = _run(capsys, "note", "add", "某事", "--date", "2026-05-01")
    assert code == 2 and "已损坏" in err
    assert path.read_text(encoding="utf-8") == '{"year": 2026, "notes": ['


def test_guess_prefers_the_longest_word_and_falls_back_to_the_main_section() -> None:
    assert guess_section(CADRE, "党风廉政建设责任制落实到位") == ("integrity", "按“党风廉政建设”一词归入")
    assert guess_section(CADRE, "带头学习，抓党建工作")[0] == "party"  # 抓党建工作 is longer than the earlier 学习
    assert guess_section(CADRE, "学习党建理论")[0] == "study"  # two words as long: the earlier wins
    assert guess_section(CADRE, "完成项目验收12个")[0] == "results.duties"
    assert guess_section(load_template("unit-summary"), "明年计划新建场馆2处")[0] == "plans"


# ---------------------------------------------------------------- import


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
def test_import_reads_each_encoding_with_optional_dates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], encoding: str
) -> None:
    text = (
        "2026年3月1日 带队走访企业23家\n\n3月8日：召开党建工作会议\n"
        "- 修订依法行政制度5项\n2026-11-20 完成全年学习计划\n"
    )
    source = tmp_path / "素材.txt"
    source.write_bytes(text.encode(encoding))
    code, out, _ = _run(capsys, "note", "import", str(source))
    assert code == 0 and "导入2026年度素材 4 条" in out
    notes = load_notes(2026).by_date()
    assert [(n.date, n.text, n.section) for n in notes] == [
        (dt.date(2026, 3, 1), "带队走访企业23家", "results.duties"),
        (dt.date(2026, 3, 8), "召开党建工作会议", "party"),
        (dt.date(2026, 11, 20), "完成全年学习计划", "study"),
        (None, "修订依法行政制度5项", "law"),
    ]


def test_import_with_a_section_and_a_year(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "n.md"
    source.write_text("5月6日 学习贯彻会议精神\n接待来访群众40人次\n", encoding="utf-8")
    code, _, _ = _run(capsys, "note", "import", str(source), "--year", "2025", "--section", "results.service")
    assert code == 0
    notes = load_notes(2025).notes
    assert [(n.date, n.section, n.guessed) for n in notes] == [
        (dt.date(2025, 5, 6), "results.service", ""),
        (None, "results.service", ""),
    ]


def test_imported_notes_are_numbered_after_those_already_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The first number is found once for the whole file (asked for every line, a 5 MB import took 121 s instead
    of 8: benchmarks/note_import.py); the numbers still follow the notes already kept, one each, in file order."""
    for text in ("走访企业3家", "召开座谈会"):
        assert _run(capsys, "note", "add", text, "--year", "2026")[0] == 0
    source = tmp_path / "n.txt"
    source.write_text("学习贯彻会议精神\n接待来访群众40人次\n完成验收12个\n", encoding="utf-8")
    assert _run(capsys, "note", "import", str(source), "--year", "2026")[0] == 0
    assert [(n.id, n.text) for n in load_notes(2026).notes][2:] == [
        (3, "学习贯彻会议精神"),
        (4, "接待来访群众40人次"),
        (5, "完成验收12个"),
    ]


def test_import_refuses_an_empty_file_in_chinese(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "空.txt"
    source.write_text("\n\n", encoding="utf-8")
    code, _, err = _run(capsys, "note", "import", str(source))
    assert code == 2 and "空" in err and "Traceback" not in err


def test_parse_note_line_keeps_figures_that_are_not_dates() -> None:
    assert parse_note_line("3.5亿元项目签约", 2026) == (None, "3.5亿元项目签约")
    assert parse_note_line("12月31日前完成验收", 2026) == (dt.date(2026, 12, 31), "前完成验收")
    assert parse_note_line("2026/7/1、建党节活动", 2026) == (dt.date(2026, 7, 1), "建党节活动")
    assert parse_note_line("2026-02-30 无此日", 2026) == (None, "2026-02-30 无此日")


def test_a_typed_note_keeps_figures_and_notes_that_are_only_a_date() -> None:
    from appraisal.notes import typed_date

    for text in ("3.5亿元项目签约", "3.5 万元奖金", "0.5 个百分点", "全年走访企业", "2026年3月5日", "2月30日 无此日"):
        assert typed_date(text, 2026) == (None, text)
    assert typed_date("12月31日前完成验收", 2026) == (dt.date(2026, 12, 31), "12月31日前完成验收")
    assert typed_date("2026.3.5，座谈", 2026) == (dt.date(2026, 3, 5), "座谈")


def test_read_notes_file_takes_the_year_most_dates_name(tmp_path: Path) -> None:
    source = tmp_path / "n.txt"
    source.write_text("2025-12-30 甲\n2026-01-05 乙\n2026-02-01 丙\n3月1日 丁\n", encoding="utf-8")
    year, rows = read_notes_file(source, None)
    assert year == 2026
    assert rows[-1] == (dt.date(2026, 3, 1), "丁")


def test_notes_from_a_word_list_keep_their_dates(tmp_path: Path) -> None:
    """A notes list numbered by Word: the number Word draws (`1.`) is not part of the note and does not hide its
    date (`1.3月5日` read as a figure)."""
    from word_numbering import abstract, lvl, num, numbered_docx, numbering_xml

    rows = [("3月5日 参加党校培训", None, ("1", 0)), ("2026-04-02 走访企业十家", None, ("1", 0))]
    path = numbered_docx(tmp_path / "素材.docx", rows, numbering_xml(abstract(1, lvl(0, "decimal", "%1.")), num(1, 1)))
    assert read_notes_file(path, 2026) == (
        2026,
        [(dt.date(2026, 3, 5), "参加党校培训"), (dt.date(2026, 4, 2), "走访企业十家")],
    )


# ---------------------------------------------------------------- safety


def _adder(tag: str, count: int, report: int | None) -> None:
    """A child: say it is ready ("0"), then add notes one by one, writing each number to `report` once its add has
    returned."""
    if report is not None:
        os.write(report, b"0\n")
    for n in range(count):
        (note,) = add_notes(2026, [NewNote(f"{tag}第{n}条" + "记" * (n % 50) * 20, dt.date(2026, 1, 1))])
        if report is not None:
            os.write(report, f"{note.id}\n".encode())


def _fork(target: object, *args: object) -> int:
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        try:
            target(*args)  # type: ignore[operator]
        finally:
            os._exit(0)
    return pid


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_concurrent_adds_lose_no_note() -> None:
    pids = [_fork(_adder, tag, 25, None) for tag in ("甲", "乙", "丙")]
    for pid in pids:
        _, status = os.waitpid(pid, 0)
        assert os.waitstatus_to_exitcode(status) == 0
    notes = load_notes(2026).notes
    assert len(notes) == 75
    assert sorted(n.id for n in notes) == list(range(1, 76))
    for tag in ("甲", "乙", "丙"):
        assert sum(n.text.startswith(tag) for n in notes) == 25


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_sigkill_mid_write_never_loses_an_added_note_or_tears_the_file() -> None:
    """A child adds notes in a loop and reports each one added; we SIGKILL it at a random moment, 60 times: after
    0, 1 or 2 adds it has reported, somewhere in the next one (a loaded machine only slows the child, never moves
    the kill before its writes). After each kill the file reads, and every note the child was told was saved is in
    it."""
    rng = random.Random(20261201)
    started = time.perf_counter()
    _adder("测", 5, None)
    window = max(0.02, 4 * (time.perf_counter() - started) / 5)
    confirmed: set[int] = {1, 2, 3, 4, 5}
    for _kill in range(60):
        read_end, write_end = os.pipe()
        pid = _fork(_adder, "子", 10_000, write_end)
        os.close(write_end)
        reported = os.fdopen(read_end, "rb")
        assert reported.readline() == b"0\n"  # the random moment starts once the child is adding, however loaded
        seen = [reported.readline() for _add in range(rng.randrange(3))]
        time.sleep(rng.random() * window)
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        with reported:
            confirmed |= {int(line) for line in [*seen, *reported.read().split()]}
        ids = {n.id for n in load_notes(2026).notes}
        assert confirmed <= ids
        assert ids == set(range(1, max(ids) + 1))
    assert len(confirmed) > 40  # the children really wrote
    path = notes_path(2026)
    add_notes(2026, [NewNote("收尾", None)])  # the next save sweeps the killed saves' temp files
    assert [p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_read_notes_file_error_is_an_appraisal_error(tmp_path: Path) -> None:
    with pytest.raises(AppraisalError, match=r"不存在|找不到"):
        read_notes_file(tmp_path / "没有.txt", None)
