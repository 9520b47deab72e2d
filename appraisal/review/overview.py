"""A review at a glance, the same in every output format: the reports in the order they are shown, the shared
passages grouped by the reports that hold them, and the one-line summary. Apart from `output` so that the HTML page
(`html`), which `output`'s format table names, does not import `output` back."""

from __future__ import annotations

from appraisal.review.row import PASS, RETURN, ReportRow
from appraisal.review.run import Review


def ordered(review: Review) -> list[ReportRow]:
    """Sent back first, then those that can go up, then the unreadable ones last within the sent back; each in
    file order."""
    rank = {RETURN: 0, PASS: 1}
    return sorted(review.rows, key=lambda r: (rank.get(r.verdict, 2), r.error is not None))


def by_files(review: Review) -> list[tuple[tuple[int, ...], list[int]]]:
    """The shared passages (their numbers) grouped by the reports that hold them, the groups with the most text
    first: two copies of one report share a dozen passages, which read better as one group."""
    groups: dict[tuple[int, ...], list[int]] = {}
    for number, passage in enumerate(review.shared):
        groups.setdefault(tuple(passage.reports), []).append(number)
    return sorted(groups.items(), key=lambda g: -sum(review.shared[n].chars for n in g[1]))


def summary(review: Review) -> str:
    sent_back = sum(1 for r in review.rows if r.verdict == RETURN)
    unreadable = sum(1 for r in review.rows if r.error is not None)
    line = f"共 {len(review.rows)} 份：需退回修改 {sent_back} 份，可以上报 {len(review.rows) - sent_back} 份"
    line += f"（其中无法读取 {unreadable} 份）" if unreadable else ""
    line += f"；相同段落 {len(review.shared)} 处。" if review.shared else "；未发现不同报告之间的相同段落。"
    if review.interrupted:
        line += f"审阅已中断，{review.total} 份中只审阅了 {len(review.rows)} 份。"
    return line


# ---------------------------------------------------------------- table
