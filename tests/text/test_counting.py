"""字 counting: a long text counted line by line (each line's count kept) gives the count of the whole text."""

from __future__ import annotations

import random
import sys
import threading

import pytest

from appraisal.text import counting
from appraisal.text.counting import NOT_ZI, count_zi

PIECES = ["本年度完成调研12次，", "撰写报告3篇。", "\n", "Word 文档、PDF；", "　", "_下划线_", "\n\n", "２０２５年"]


def whole(text: str) -> int:
    return len(NOT_ZI.sub("", text))


@pytest.mark.parametrize("kept", [8_000_000, 300])
def test_a_long_text_edited_again_and_again_counts_as_the_whole(monkeypatch: pytest.MonkeyPatch, kept: int) -> None:
    """Lines changed, added, joined and removed between counts; with room for every line and with the kept
    lines forgotten again and again (`kept` characters at most)."""
    monkeypatch.setattr(counting, "_KEPT_CHARS", kept)
    monkeypatch.setattr(counting, "_line_counts", {})
    chooser = random.Random(3)
    text = "".join(chooser.choice(PIECES) for _ in range(4_000))
    assert len(text) >= counting.LONG
    for _ in range(60):
        at = chooser.randrange(len(text))
        text = text[:at] + chooser.choice(PIECES) + text[at + chooser.randrange(3) :]
        assert count_zi(text) == whole(text)


def test_a_short_text_and_a_long_line_count_as_the_whole() -> None:
    assert count_zi("二〇二五年，我局完成 3 项。") == whole("二〇二五年，我局完成 3 项。") == 11
    line = "一二三，abc。" * 5_000
    assert count_zi(line) == whole(line) == 30_000


def test_threads_counting_at_once_keep_the_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    """The UI thread and the checker's workers count at once: every count is right, and the characters the
    cache says it keeps are the characters of the lines it keeps (its bound holds). Before the lock, updates lost
    between threads around the forgetting made the sum fall short (by 14–67% in 3 runs of 3, switching threads
    every microsecond); no count was ever wrong."""
    monkeypatch.setattr(counting, "_line_counts", {})
    monkeypatch.setattr(counting, "_kept_chars", 0)
    monkeypatch.setattr(counting, "_KEPT_CHARS", 2_000_000)  # forgotten several times while the threads count
    switch = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    wrong: list[tuple[int, int]] = []

    def count(thread: int) -> None:
        for round_ in range(30):
            text = "\n".join(f"第{thread}组{round_}轮{i}行" for i in range(2_000))
            if count_zi(text) != whole(text):
                wrong.append((thread, round_))

    try:
        threads = [threading.Thread(target=count, args=(n,)) for n in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(switch)
    assert wrong == []
    assert counting._kept_chars == sum(map(len, counting._line_counts))
