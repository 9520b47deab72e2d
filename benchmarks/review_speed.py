"""`appraisal review` on generated folders of 100 to 1,000 reports: time, peak memory, linearity, shared passages.

    uv run python benchmarks/review_speed.py [--sizes 100,250,500,1000] [--jobs 2] [--folders DIR]

Each folder holds reports of 2,000–4,000 字 (tests/review_corpus.py: a third each .docx, .txt, .md, in
sub-folders, 40 % with defects) and one planted 150-字 paragraph shared by two of them. Each size is reviewed in a
fresh process, as `appraisal review` runs, and reports:
- wall-clock seconds and milliseconds per report, against the baseline measured in the same run: one process
  checking 20 reports one after another (`check_document`), divided by the number of jobs, i.e. what a perfect
  pool would take; on a shared machine both include time spent waiting for a CPU, so compare the ratio;
- CPU seconds of the main process and its workers together, and that divided by the jobs: what the run takes on
  an idle machine with that many cores (the figure that other jobs on a shared machine do not change);
- the shared-passage search alone (fingerprint index and extensions, main process);
- peak resident memory of the main process and of the largest worker (getrusage);
- the shared passages found: exactly the planted pair is expected.
`--folders DIR` keeps the generated folders there and reuses them on the next run.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from review_corpus import PLANTED, make_folder, plant  # noqa: E402

_CHILD = r"""
import json, resource, sys, time
from pathlib import Path
import appraisal.review.run as run
from appraisal.service import Service

spent = []
original = run.find_shared
def timed(reports):
    start = time.perf_counter()
    found = original(reports)
    spent.append(time.perf_counter() - start)
    return found
run.find_shared = timed
start, cpu = time.perf_counter(), time.process_time()
result = Service().review([Path(sys.argv[1])], jobs=int(sys.argv[2]))
wall = time.perf_counter() - start
print(json.dumps({
    "wall": wall,
    "shared_s": spent[0],
    "rows": len(result.rows),
    "sent_back": sum(1 for r in result.rows if r.verdict == "需退回修改"),
    "unreadable": sum(1 for r in result.rows if r.error),
    "shared": [[result.rows[i].file for i in p.reports] + [p.chars] for p in result.shared],
    "cpu": sum(
        usage.ru_utime + usage.ru_stime
        for usage in (resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN))
    ),
    "rss_main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "rss_worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
}, ensure_ascii=False))
"""


def folder_for(base: Path, size: int) -> tuple[Path, tuple[str, str]]:
    """The generated folder of `size` reports (made once), and the two files holding the planted paragraph."""
    folder = base / f"reports-{size}"
    marker = folder / ".planted"
    if not marker.exists():
        reports = make_folder(folder, size, seed=size)
        a, b = size // 7, size - size // 5
        plant(reports, PLANTED, a, b)
        shown = [reports[i].path.relative_to(folder).as_posix() for i in (a, b)]
        marker.write_text("\n".join(shown), encoding="utf-8")
    first, second = marker.read_text(encoding="utf-8").splitlines()
    return folder, (first, second)


def baseline_ms(folder: Path, count: int = 20) -> float:
    """Median wall-clock ms of checking one report in one process (the checker already warm)."""
    from appraisal.checks.documents import check_document

    files = sorted(p for p in folder.rglob("*") if p.suffix in (".docx", ".txt", ".md"))[:count]
    check_document(files[0])
    timings = []
    for path in files:
        start = time.perf_counter()
        check_document(path)
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="100,250,500,1000")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--folders", type=Path, default=None)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    base = args.folders or Path(tempfile.mkdtemp(prefix="review-bench-"))
    base.mkdir(parents=True, exist_ok=True)
    print(f"jobs {args.jobs}, cores {os.cpu_count()}, load {os.getloadavg()[0]:.1f} (machine shared: noisy)")
    folders = {size: folder_for(base, size) for size in sizes}
    per_report = baseline_ms(folders[sizes[0]][0])
    print(f"baseline: one report checked in one process {per_report:.0f} ms (median of 20)")
    print(
        f"{'reports':>7} {'wall s':>7} {'ms/rep':>7} {'x ideal':>7} {'CPU s':>6} {'CPU/jobs':>8} {'shared s':>8}"
        f" {'main MB':>7} {'worker MB':>9}  found"
    )
    for size in sizes:
        folder, planted = folders[size]
        out = subprocess.run(
            [sys.executable, "-c", _CHILD, str(folder), str(args.jobs)],
            capture_output=True,
            text=True,
            check=True,
        )
        got = json.loads(out.stdout)
        ideal = size * per_report / 1000 / args.jobs
        found = [tuple(sorted(entry[:-1])) for entry in got["shared"]]
        verdict = "planted pair only" if found == [tuple(sorted(planted))] else f"UNEXPECTED {got['shared']}"
        print(
            f"{size:>7} {got['wall']:>7.1f} {got['wall'] * 1000 / size:>7.0f} {got['wall'] / ideal:>7.2f}"
            f" {got['cpu']:>6.1f} {got['cpu'] / args.jobs:>8.1f}"
            f" {got['shared_s']:>8.2f} {got['rss_main_mb']:>7.0f} {got['rss_worker_mb']:>9.0f}  {verdict}"
            f" ({got['sent_back']} sent back)"
        )


if __name__ == "__main__":
    main()
