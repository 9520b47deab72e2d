"""`appraisal review` on the command line: the format follows -o's suffix, the output file is never one of the
reports, the exit status says whether any report is to be sent back, bad arguments are one Chinese sentence."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from review_corpus import Report

from appraisal.cli import main


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["review", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_table_on_stdout_and_exit_1_when_some_are_sent_back(
    capsys: pytest.CaptureFixture[str], unit: tuple[Path, list[Report]]
) -> None:
    code, out, err = run_cli(capsys, str(unit[0]), "--year", "2026", "--jobs", "1")
    assert code == 1 and err == ""  # no progress bar when stderr is not a terminal
    assert out.splitlines()[0].split() == ["结论", "文件", "姓名", "模板", "年度", "错误", "提示"]
    assert "：相同段落 1 处，共 " in out and "“针对辖区老旧厂房" in out


def test_the_format_follows_the_output_suffix(
    capsys: pytest.CaptureFixture[str], unit: tuple[Path, list[Report]], tmp_path: Path
) -> None:
    target = tmp_path / "审阅结果.csv"
    code, out, err = run_cli(capsys, str(unit[0]), "-o", str(target), "--jobs", "1")
    assert code == 1 and out == "" and f"审阅结果已写入 {target}" in err
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig"), newline="")))
    assert rows[0][:3] == ["结论", "原因", "文件"] and len(rows) == 10


def test_the_output_is_never_written_over_a_report(
    capsys: pytest.CaptureFixture[str], unit: tuple[Path, list[Report]]
) -> None:
    report = unit[1][1].path
    before = report.read_bytes()
    code, _out, err = run_cli(capsys, str(unit[0]), "-o", str(report), "--format", "table", "--jobs", "1")
    assert code == 2 and "是被审阅的报告之一，不能把结果写在它上面" in err
    assert report.read_bytes() == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["/nonexistent/报告"], "找不到文件夹 /nonexistent/报告，请检查路径是否正确。"),
        (["{folder}", "--jobs", "0"], "--jobs 应为不小于 1 的整数。"),
        (["{folder}", "--template", "no-such"], "no-such"),
    ],
)
def test_bad_arguments_are_one_chinese_sentence(
    capsys: pytest.CaptureFixture[str], unit: tuple[Path, list[Report]], args: list[str], message: str
) -> None:
    code, out, err = run_cli(capsys, *(a.replace("{folder}", str(unit[0])) for a in args))
    assert (code, out) == (2, "") and message in err and "Traceback" not in err and len(err.splitlines()) == 1


def test_an_unknown_format_is_refused_in_chinese(
    capsys: pytest.CaptureFixture[str], unit: tuple[Path, list[Report]]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["review", str(unit[0]), "--format", "xls"])
    assert stopped.value.code == 2
    assert "“xls”不是可选的值，可选的有：table、csv、html、json" in capsys.readouterr().err


def test_an_empty_folder_says_so(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run_cli(capsys, str(tmp_path), "--format", "json")
    assert code == 0 and '"reports": []' in out and "没有找到 .docx、.txt、.md 报告" in err


@pytest.mark.parametrize(
    ("name", "fmt"), [("审阅结果.txt", "table"), ("结果.md", "csv"), ("结果.txt", "json"), ("网页.txt", "html")]
)
def test_a_result_written_into_the_reviewed_folder_is_no_report_on_the_next_run(
    capsys: pytest.CaptureFixture[str], unit: tuple[Path, list[Report]], tmp_path: Path, name: str, fmt: str
) -> None:
    folder = tmp_path / "报告"
    shutil.copytree(unit[0], folder)
    target = folder / name
    first = run_cli(capsys, str(folder), "-o", str(target), "--format", fmt, "--jobs", "1")
    written = target.read_bytes()
    second = run_cli(capsys, str(folder), "-o", str(target), "--format", fmt, "--jobs", "1")
    assert first[0] == second[0] == 1
    assert f"未审阅 {name}：这是审阅结果，不是报告。" in second[2] and "覆盖了原有文件" in second[2]
    assert target.read_bytes() == written  # the same reports, the same result: the earlier result was not read
    # nor under another name, nor by a review that writes to the screen
    _code, out, err = run_cli(capsys, str(folder), "--format", "json", "--jobs", "1")
    assert f"未审阅 {name}" in err and len(json.loads(out)["reports"]) == len(unit[1])
