"""`appraisal review`'s run: every report a row, unreadable files listed with the reason, the reports untouched,
the pool gives what one process gives, Ctrl+C keeps what was done."""

from __future__ import annotations

import multiprocessing
import os
import pickle
import shutil
from pathlib import Path
from types import MappingProxyType

import pytest
from review_corpus import Report

from appraisal.checks import CheckOptions
from appraisal.review import PASS, RETURN, ReviewSettings, find_reports, review
from appraisal.review.read import review_file, start_worker


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file below `folder` with its bytes and modification time."""
    return {
        str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def with_bad_files(unit: tuple[Path, list[Report]], tmp_path: Path) -> Path:
    folder = tmp_path / "收到的报告"
    shutil.copytree(unit[0], folder)
    (folder / "损坏.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (folder / "空白.txt").write_bytes(b"")
    (folder / "旧格式.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    with (folder / "太大.txt").open("wb") as big:
        big.truncate(21 * 1024 * 1024)  # over the 20 MB a text file may have; sparse, so nothing is really written
    (folder / "~$0001-邓鹏文.docx").write_bytes(b"lock")  # Word's lock file: not a report
    (folder / ".隐藏.txt").write_text("隐藏文件", encoding="utf-8")
    (folder / "说明.pdf").write_bytes(b"%PDF")
    return folder


def test_unreadable_files_are_rows_with_the_reason_and_the_run_goes_on(with_bad_files: Path) -> None:
    before = snapshot(with_bad_files)
    result = review([with_bad_files], ReviewSettings(year=2026), jobs=1)
    rows = {row.file: row for row in result.rows}
    assert len(rows) == 13 and result.total == 13 and not result.interrupted
    assert "~$0001-邓鹏文.docx" not in rows and ".隐藏.txt" not in rows and "说明.pdf" not in rows
    reasons = {name: rows[name].error or "" for name in ("损坏.docx", "空白.txt", "旧格式.doc", "太大.txt")}
    assert "不是有效的 Word（.docx）文档" in reasons["损坏.docx"]
    assert "是空的" in reasons["空白.txt"]
    assert "旧版 Word/WPS 格式" in reasons["旧格式.doc"]
    assert "太大.txt 太大（21.0 MB）" in reasons["太大.txt"]
    for name in reasons:
        assert rows[name].verdict == RETURN and rows[name].reasons[0].startswith("无法读取：")
        assert str(with_bad_files) not in rows[name].error  # the folder is not repeated in every row
    assert all(row.error is None for name, row in rows.items() if name not in reasons)
    assert snapshot(with_bad_files) == before  # nothing modified, nothing written next to the reports


def test_names_years_and_templates_come_from_the_reports(unit: tuple[Path, list[Report]]) -> None:
    folder, reports = unit
    result = review([folder], ReviewSettings(), jobs=1)
    by_file = {row.file: row for row in result.rows}
    for report in reports:
        row = by_file[report.path.relative_to(folder).as_posix()]
        assert (row.name, row.year, row.template) == (report.name, 2026, "cadre-annual")
        assert 2000 <= row.zi <= 4600
    assert [row.file for row in result.rows] == [f for _, f in find_reports([folder])]


def test_the_pool_gives_the_rows_one_process_gives(unit: tuple[Path, list[Report]]) -> None:
    folder, _ = unit
    alone = review([folder], ReviewSettings(year=2026), jobs=1)
    pooled = review([folder], ReviewSettings(year=2026), jobs=2)
    assert [(r.file, r.verdict, r.reasons, r.findings) for r in pooled.rows] == [
        (r.file, r.verdict, r.reasons, r.findings) for r in alone.rows
    ]
    assert [(p.text, p.places) for p in pooled.shared] == [(p.text, p.places) for p in alone.shared]


def test_ctrl_c_stops_with_what_was_done(unit: tuple[Path, list[Report]]) -> None:
    folder, _ = unit
    seen: list[int] = []

    def progress(done: int, total: int) -> None:
        seen.append(done)
        if done == 3:
            raise KeyboardInterrupt

    result = review([folder], ReviewSettings(), jobs=2, progress=progress)
    assert result.interrupted and result.total == 9
    assert len(result.rows) == 3 and all(row.verdict in (PASS, RETURN) for row in result.rows)
    assert seen == [1, 2, 3]


def test_several_folders_name_each_file_with_its_folder(unit: tuple[Path, list[Report]], tmp_path: Path) -> None:
    other = tmp_path / "二科"
    other.mkdir()
    shutil.copy(next(unit[0].glob("*.docx")), other / "报告.docx")
    found = [shown for _, shown in find_reports([unit[0], other])]
    assert "二科/报告.docx" in found and f"{unit[0].name}/0001-邓鹏文.docx" in found
    assert os.sep not in "".join(found).replace("/", "")


def test_the_settings_reach_workers_that_are_spawned(unit: tuple[Path, list[Report]]) -> None:
    """Windows and macOS start workers by spawning, which pickles what they are given: the user's word lists
    included (they are read-only maps, which pickle cannot take as they are)."""
    options = CheckOptions(frozenset({"placeholder"}), MappingProxyType({"围绕": "用户词表中的词"}))
    settings = ReviewSettings("cadre-annual", 2026, options)
    assert pickle.loads(pickle.dumps(settings)) == settings
    context = multiprocessing.get_context("spawn")
    with context.Pool(1, initializer=start_worker, initargs=(settings,)) as pool:
        row = pool.apply(review_file, (unit[1][3].path, "甲.docx"))  # report 3 has a placeholder (XX)
    assert row.error is None and row.template == "cadre-annual"
    assert "placeholder" not in {f.rule for f in row.findings}  # switched off by the user
    assert "user-word" in {f.rule for f in row.findings}  # the user's own word list came along
