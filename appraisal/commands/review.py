"""`appraisal review FOLDER… [--template ID] [--year N] [--format table|json|csv|html] [-o FILE] [--jobs N]`: the
组织人事 office's view of a whole unit's reports (SPEC §10).

Every .docx, .txt and .md file in the folders (and below them) is read and checked as `appraisal check` does; the
output has one row per report with its verdict and reasons, and the passages different reports share. The reports
are only read; the output goes to standard output or to the file `-o` names (its format follows its suffix unless
`--format` says otherwise), never next to the reports unless that is where `-o` points. A progress bar is drawn on
standard error when it is a terminal. Ctrl+C stops the run and writes what was done so far.

Exit status: 0 every report can go up, 1 some are to be sent back, 2 the command could not run, 130 interrupted.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from appraisal.review import Review

NAME = "review"
HELP = "成批审阅一个单位的考核总结，列出需退回修改的报告和相同段落"
# `appraisal.review.FORMATS`, spelled out so that building the parser does not load the review.
FORMATS = ("table", "csv", "html", "json")
_SUFFIXES = {".csv": "csv", ".html": "html", ".htm": "html", ".json": "json", ".txt": "table"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folders", nargs="+", type=Path, metavar="文件夹", help="存放报告的文件夹（含子文件夹）")
    parser.add_argument("--template", default=None, metavar="模板编号", help="报告所用的模板（默认逐份自动识别）")
    parser.add_argument("--year", type=int, default=None, metavar="年度", help="审阅的考核年度，如 2026")
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="输出格式：table 终端表格（默认），csv 供 WPS/Excel，html 网页报告，json 供程序读取",
    )
    parser.add_argument(
        "-o", "--output", type=Path, default=None, metavar="文件", help="写入这个文件（默认输出到屏幕）"
    )
    parser.add_argument(
        "--jobs", type=int, default=None, metavar="N", help="同时审阅的进程数（默认每个处理器核心一个）"
    )


def run(args: argparse.Namespace) -> int:
    from appraisal.commands import user_service
    from appraisal.errors import AppraisalError
    from appraisal.review import FORMATS as WRITERS

    fmt = args.format or (_SUFFIXES.get(args.output.suffix.lower(), "table") if args.output else "table")
    for folder in args.folders:
        if not folder.exists():
            raise AppraisalError(f"找不到文件夹 {folder}，请检查路径是否正确。")
    if args.jobs is not None and args.jobs < 1:
        raise AppraisalError("--jobs 应为不小于 1 的整数。")
    if args.template is not None:
        from appraisal.templates import load_template

        load_template(args.template)  # an unknown template is refused before any report is read
    service = user_service()
    bar = _Bar() if sys.stderr.isatty() else None
    result = service.review(args.folders, args.template, args.year, jobs=args.jobs, progress=bar)
    if bar is not None:
        bar.close()
    if result.skipped:
        names = "、".join(result.skipped)
        print(f"未审阅 {names}：这是审阅结果，不是报告。", file=sys.stderr)
    data = WRITERS[fmt].write(result)
    _write(data, args.output, result)
    if result.interrupted:
        print(f"已中断：{result.total} 份中审阅了 {len(result.rows)} 份，以上是已完成部分的结果。", file=sys.stderr)
        return 130
    if not result.rows:
        print("文件夹中没有找到 .docx、.txt、.md 报告。", file=sys.stderr)
    from appraisal.review import RETURN

    return 1 if any(row.verdict == RETURN for row in result.rows) else 0


def _write(data: bytes, output: Path | None, result: Review) -> None:
    """To standard output, or atomically to `output` (never over one of the reports)."""
    from appraisal.errors import AppraisalError
    from appraisal.fileio import atomic_write_bytes, describe_os_error

    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    target = output.expanduser()
    if any(Path(row.path).resolve() == target.resolve() for row in result.rows):
        raise AppraisalError(f"{output} 是被审阅的报告之一，不能把结果写在它上面，请换一个文件名。")
    existed = target.exists()
    try:
        atomic_write_bytes(target, data, private=False)
    except OSError as exc:
        raise AppraisalError(describe_os_error(exc, target, "写入")) from exc
    print(f"审阅结果已写入 {target}" + ("（覆盖了原有文件）。" if existed else "。"), file=sys.stderr)


class _Bar:
    """`审阅 [██████░░░░] 312/500` on standard error, redrawn at most ten times a second."""

    WIDTH = 30

    def __init__(self) -> None:
        self.shown = 0.0
        self.drawn = False

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self.shown < 0.1:
            return
        self.shown = now
        filled = self.WIDTH * done // max(total, 1)
        sys.stderr.write(f"\r审阅 [{'█' * filled}{'░' * (self.WIDTH - filled)}] {done}/{total}")
        sys.stderr.flush()
        self.drawn = True

    def close(self) -> None:
        if self.drawn:
            sys.stderr.write("\n")
            sys.stderr.flush()
