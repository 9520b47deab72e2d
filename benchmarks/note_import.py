"""How long `appraisal note import` takes on a large file of notes, and whether it grows linearly.

    uv run python benchmarks/note_import.py [MEGABYTES]

Builds files of notes (one a line, each with a date, 30–150 字) of 1/4, 1/2 and all of MEGABYTES (default 5) and
imports each into an empty year, in this process, with its own APPRAISAL_HOME. Prints the seconds, the seconds per
1,000 lines and, beside them, the same run's baseline: reading and parsing the file alone. Linear behaviour shows
as a steady figure per 1,000 lines.
"""

from __future__ import annotations

import contextlib
import io
import os
import random
import sys
import tempfile
import time
from pathlib import Path

TOPICS = ("理论学习", "党建工作", "依法行政", "廉政建设", "招商引资", "项目建设", "安全生产", "信访维稳", "乡村振兴")


def notes_text(size: int) -> str:
    rng = random.Random(2)
    lines, total = [], 0
    while total < size:
        words = "组织召开推进会议研究部署相关事项，" * rng.randint(1, 6)
        date = f"{rng.randint(1, 12)}月{rng.randint(1, 28)}日"
        line = f"{date} 围绕{rng.choice(TOPICS)}开展专项工作，{words}形成报告{rng.randint(1, 9)}份。"
        lines.append(line)
        total += len(line.encode()) + 1
    return "\n".join(lines) + "\n"


def main() -> None:
    megabytes = float(sys.argv[1]) if len(sys.argv) > 1 else 5.0
    from appraisal import cli, paths
    from appraisal.notes import read_notes_file

    print(f"{'size':>8} {'lines':>7} {'import s':>9} {'s / 1,000 lines':>16} {'read the file s':>16}")
    with tempfile.TemporaryDirectory() as folder:
        for share in (0.25, 0.5, 1.0):
            text = notes_text(int(megabytes * share * 1024 * 1024))
            source = Path(folder) / f"notes-{share}.txt"
            source.write_text(text, encoding="utf-8")
            lines = text.count("\n")
            os.environ["APPRAISAL_HOME"] = str(Path(folder) / f"home-{share}")
            paths.resolve()
            started = time.perf_counter()
            read_notes_file(source, 2026)
            baseline = time.perf_counter() - started
            started = time.perf_counter()
            with contextlib.redirect_stdout(io.StringIO()):
                code = cli.main(["note", "import", str(source), "--year", "2026"])
            seconds = time.perf_counter() - started
            assert code == 0, code
            per_thousand = seconds / lines * 1000
            print(f"{megabytes * share:>6.2f}MB {lines:>7} {seconds:>9.2f} {per_thousand:>16.3f} {baseline:>16.2f}")


if __name__ == "__main__":
    main()
