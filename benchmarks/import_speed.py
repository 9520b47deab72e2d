"""How long `appraisal import` takes on large files, and whether it grows linearly.

    uv run python benchmarks/import_speed.py [MEGABYTES]

Builds, for 1/4, 1/2 and all of MEGABYTES (default 5) of UTF-8 text, two documents — a real-looking report repeated
(long paragraphs, a few headings) and a worst case of many short unpunctuated lines (each one must be compared with
the section titles) — imports each with template matching, and prints seconds and seconds per MB. Linear behaviour
shows as a steady seconds-per-MB figure; the goal is a few seconds for 5 MB on a slow machine.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

from appraisal.importing import import_document

REPORT = """2026年度个人总结
　　2026年，在局党组的坚强领导下，本人认真履行岗位职责，现将一年来的情况总结如下。
一、品行修养
　　本人始终坚持把政治建设摆在首位，严守政治纪律和政治规矩，自觉在思想上政治上行动上同党中央保持高度一致。
二、理论学习
　　一是加强理论学习，全年参加中心组学习12次，撰写心得体会4篇。二是坚持学用结合，用理论指导实践。
三、四项主要工作实绩
（一）服务中心实绩。一年来，我紧紧围绕全局中心工作，完成重点项目{n}个，完成投资3.5亿元，同比增长12%。
（二）分管工作实绩
　　分管的办公室工作运转顺畅，全年办理文件{n}件，组织会议46次，督办事项按期办结率100%。
四、党建工作
　　落实“三会一课”制度，讲党课2次，支部被评为先进基层党组织。
五、廉政建设
　　严格遵守中央八项规定精神，从未收受礼品礼金，管好身边工作人员。
"""
WORDS = "的一是在不了有和人这中大为上个我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后"


def real_looking(size: int) -> str:
    parts, total, n = [], 0, 0
    while total < size:
        n += 1
        block = REPORT.replace("{n}", str(n))
        parts.append(block)
        total += len(block.encode())
    return "".join(parts)


def short_lines(size: int) -> str:
    rng = random.Random(1)
    parts, total = [], 0
    while total < size:
        line = "".join(rng.choice(WORDS) for _ in range(rng.randint(3, 24))) + "\n"
        parts.append(line)
        total += len(line.encode())
    return "".join(parts)


def main() -> None:
    megabytes = float(sys.argv[1]) if len(sys.argv) > 1 else 5.0
    with tempfile.TemporaryDirectory() as folder:
        for name, build in (("real-looking report", real_looking), ("many short lines", short_lines)):
            for share in (0.25, 0.5, 1.0):
                size = int(megabytes * share * 1024 * 1024)
                path = Path(folder) / f"{name}-{share}.txt"
                path.write_text(build(size), encoding="utf-8")
                start = time.perf_counter()
                result = import_document(path)
                seconds = time.perf_counter() - start
                mb = path.stat().st_size / 1024 / 1024
                print(
                    f"{name:20s} {mb:5.2f} MB  {seconds:6.2f} s  {seconds / mb:5.2f} s/MB  "
                    f"{len(result.document.lines)} lines, {len(result.headings())} headings"
                )


if __name__ == "__main__":
    main()
