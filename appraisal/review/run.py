"""A whole review: find the reports, read and check them in a pool of worker processes, find the shared passages,
decide each verdict.

The pool has `jobs` processes (default: every core); each builds the checker once (`read.start_worker`) and then
takes reports one at a time, so a slow report never holds up the others' progress. Ctrl+C (KeyboardInterrupt in
this process; the workers ignore it) stops the run: reports not started are dropped, and the result holds every
report finished so far, marked `interrupted`. The reports are only read: nothing is written anywhere.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import FIRST_COMPLETED, BrokenExecutor, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

from appraisal.review.collation import path_key
from appraisal.review.read import ReviewSettings, review_file, start_worker
from appraisal.review.row import PASS, RETURN, ReportRow, decide
from appraisal.review.shared import Passage, find_shared
from appraisal.review.written import written_by_review

# Every file a reviewer may have been sent: the old Word formats are listed with the reason they cannot be read.
REPORT_SUFFIXES = frozenset({".docx", ".txt", ".md", ".doc", ".wps"})

Progress = Callable[[int, int], None]  # (done, total)


@dataclass
class Review:
    rows: list[ReportRow]
    shared: list[Passage] = field(default_factory=list)
    total: int = 0  # reports found; more than len(rows) when interrupted
    interrupted: bool = False
    year: int | None = None
    skipped: list[str] = field(default_factory=list)  # files left out: what a review wrote (`written`)


def find_reports(folders: Sequence[Path], skipped: list[str] | None = None) -> list[tuple[Path, str]]:
    """Every report file under the folders (recursively; hidden files and Word's `~$` lock files skipped), with
    the name to show: the path below the folder, prefixed by the folder's name when several were given; in pinyin
    order within each folder. Left out, and named in `skipped`: what a review wrote (`-o 审阅结果.txt` into the
    folder, in any format and under any name), which is no report."""
    found: list[tuple[Path, str]] = []
    for folder in folders:
        if folder.is_file():
            found.append((folder, folder.name))
            continue
        here: list[tuple[Path, str]] = []
        for root, dirs, files in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in files:
                if name.startswith((".", "~$")) or Path(name).suffix.lower() not in REPORT_SUFFIXES:
                    continue
                path = Path(root) / name
                shown = path.relative_to(folder).as_posix()
                shown = f"{folder.name}/{shown}" if len(folders) > 1 else shown
                if written_by_review(path):
                    if skipped is not None:
                        skipped.append(shown)
                    continue
                here.append((path, shown))
        found.extend(sorted(here, key=lambda item: path_key(item[1])))
    return found


def review(
    folders: Sequence[Path],
    settings: ReviewSettings,
    *,
    jobs: int | None = None,
    progress: Progress | None = None,
) -> Review:
    """Review every report under `folders`; see the module's docstring."""
    skipped: list[str] = []
    files = find_reports(folders, skipped)
    rows: list[ReportRow] = []
    interrupted = False
    try:
        for row in _rows(files, settings, jobs or os.cpu_count() or 1):
            rows.append(row)
            if progress is not None:
                progress(len(rows), len(files))
    except (KeyboardInterrupt, BrokenExecutor):  # Ctrl+C, or a worker killed (out of memory): keep what was done
        interrupted = True
    order = {shown: index for index, (_path, shown) in enumerate(files)}
    rows.sort(key=lambda r: order[r.file])
    shared = find_shared([row.prints for row in rows])
    _decide(rows, shared, settings.year)
    return Review(rows, shared, len(files), interrupted, settings.year, skipped)


def _rows(files: list[tuple[Path, str]], settings: ReviewSettings, jobs: int) -> Iterable[ReportRow]:
    """The rows in the order they are finished. One job (or one file) runs here, without a pool."""
    if jobs <= 1 or len(files) <= 1:
        start_worker(settings, in_pool=False)
        for path, shown in files:
            yield review_file(path, shown)
        return
    pool = ProcessPoolExecutor(max_workers=min(jobs, len(files)), initializer=start_worker, initargs=(settings,))
    pending: set[Future[ReportRow]] = set()
    queue = iter(files)
    try:
        for path, shown in queue:  # a few reports ahead per worker keeps them busy without queueing everything
            pending.add(pool.submit(review_file, path, shown))
            if len(pending) >= 4 * jobs:
                break
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                yield future.result()
                following = next(queue, None)
                if following is not None:
                    pending.add(pool.submit(review_file, *following))
    finally:
        for future in pending:
            future.cancel()
        pool.shutdown(wait=True, cancel_futures=True)


def _decide(rows: list[ReportRow], shared: list[Passage], year: int | None) -> None:
    """Each row's verdict, with the reports it shares passages with (the longest passage with each); the rows
    sent back come first, then those that can go up, each in file order."""
    with_others: list[dict[str, int]] = [{} for _ in rows]
    for passage in shared:
        holders = passage.reports
        for number in holders:
            for other in holders:
                if other != number:
                    known = with_others[number].get(rows[other].file, 0)
                    with_others[number][rows[other].file] = max(known, passage.chars)
    for row, others in zip(rows, with_others, strict=True):
        decide(row, year, others)
        row.prints = ([], [])  # only the shared-passage search needed them


VERDICT_ORDER = {RETURN: 0, PASS: 1}
