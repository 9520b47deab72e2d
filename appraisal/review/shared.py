"""Passages that two or more reports share (千篇一律, copied from a colleague or from the same 范文).

Method: exact matching on fingerprints chosen by winnowing (Schleimer, Wilkerson and Aiken, 2003, as MOSS does).
Each body paragraph is reduced to its 字 (CJK characters, letters, digits: punctuation and spaces are what copiers
change first); every run of K 字 is hashed (CRC-32, the same in every process), and in every window of W hashes the
smallest is kept. Any run of at least W + K - 1 = MIN_CHARS 字 that two paragraphs share gives both the same
fingerprint, so no shared passage of that length is missed; a fingerprint two reports hold is then extended
character by character in both texts to the whole passage, and kept only when the passage really is that long
(a hash collision gives nothing). Boilerplate every report may hold is cut out before hashing: salutations,
`现将…报告如下`, closing formulas; headings, the title and the 落款 are not body text at all.

Why not MinHash/LSH (datasketch): it estimates how similar two whole reports are, and the reviewer needs the
passage itself and where it is. Measured (benchmarks/review_jaccard.py): two generated reports sharing a 150-字
paragraph have a Jaccard similarity of 0.178 on 5-字 shingles, while 3,000 unrelated pairs reach 0.176 (median
0.147): reports on the same kind of work share so much vocabulary that no LSH threshold finds the copied pair
without flooding the review. Cost of this method, measured by benchmarks/review_speed.py: fingerprints are about
2/(W+1) of the 字 (≈ 140 for a 3,000-字 report), made in the workers (a few ms a report); the index and the
extensions in the main process take about 1 s for 1,000 reports, growing with the number of fingerprints.

MIN_CHARS = 50: the longest boilerplate sentences (`现将本人2026年度思想和工作情况报告如下`, the usual opening
formula of the guiding thought) are 20 to 45 字, and a copied paragraph is 80 字 or more; 50 keeps the first out and
the second in. A passage held by more than half of the reports (with at least COMMON_MIN reports) is the unit's
common phrasing (a sentence everyone was told to include), not copying, and is not reported.
"""

from __future__ import annotations

import zlib
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field

from appraisal.text.lazy_regex import lazy_compile

K = 15  # 字 per hashed run
MIN_CHARS = 50  # the shortest passage reported, in 字
W = MIN_CHARS - K + 1  # window: any shared run of MIN_CHARS 字 shares a fingerprint
COMMON_MIN = 6  # below this many reports, nothing counts as common phrasing
# Distinct contexts a fingerprint is compared against. A run of 15 字 many reports use (围绕营商环境优化，本人…)
# would otherwise cost a comparison per pair of its holders; a copied passage longer than MIN_CHARS has other,
# rarer fingerprints, and a 范文 copied by many matches the first context at once.
MAX_ANCHORS = 4

# Formulas a report may share with every other one: cut out of the text before hashing.
_BOILERPLATE = lazy_compile(
    r"尊敬的[^。：:]{0,30}[：:]"
    r"|现将[^。]{0,60}?(?:报告|汇报|总结|述职)如下[：:，,。]?"
    r"|(?:以上|特此)(?:报告|述职|汇报)[^。]{0,20}[。！]?"
    r"|(?:不妥|不当|不足)之处[^。]{0,20}[。！]?"
    r"|请予(?:审议|评议|审阅)[。！]?|敬请[^。]{0,10}批评指正[。！]?|谢谢大家[。！]?"
)


@dataclass
class Passage:
    """A passage shared by several reports: its text (as in the first report), its length in 字, and where it
    is in each report (report index, document paragraph number)."""

    text: str
    chars: int
    places: list[tuple[int, int]] = field(default_factory=list)

    @property
    def reports(self) -> list[int]:
        return sorted({report for report, _ in self.places})


@dataclass(frozen=True)
class Segment:
    """A stretch of a paragraph between boilerplate formulas (`text`) and the same reduced to its 字 (`chars`).
    Where a 字 was in `text` is found again only for the passages reported (`_original`): a table of offsets for
    every report cost 100 MB in the main process for 1,000 reports."""

    paragraph: int  # document paragraph number
    text: str  # this stretch of the paragraph
    chars: str


def segments(paragraphs: Sequence[tuple[int, str]]) -> list[Segment]:
    """The report's body without boilerplate, as segments of at least MIN_CHARS 字."""
    out: list[Segment] = []
    for number, text in paragraphs:
        start = 0
        for match in [*_BOILERPLATE.finditer(text), None]:
            end = match.start() if match else len(text)
            part = text[start:end]
            chars = "".join(ch for ch in part if ch.isalnum())
            if len(chars) >= MIN_CHARS:
                out.append(Segment(number, part, chars))
            if match:
                start = match.end()
    return out


def fingerprints(segment: Segment) -> set[tuple[int, int]]:
    """(hash, position) of the winnowed K-字 runs of the segment: the rightmost smallest hash of every window of W,
    found in one pass (a queue of the positions that can still be a window's minimum)."""
    chars = segment.chars
    hashes = [zlib.crc32(chars[i : i + K].encode("utf-8")) for i in range(len(chars) - K + 1)]
    chosen: set[tuple[int, int]] = set()
    queue: deque[int] = deque()
    for i, h in enumerate(hashes):
        while queue and hashes[queue[-1]] >= h:
            queue.pop()
        queue.append(i)
        if queue[0] <= i - W:
            queue.popleft()
        if i >= W - 1:
            chosen.add((hashes[queue[0]], queue[0]))
    return chosen


Prints = tuple[list[Segment], list[tuple[int, int, int]]]


def report_prints(paragraphs: Sequence[tuple[int, str]]) -> Prints:
    """A report's segments and its fingerprints as (hash, segment index, position); made in the worker that read
    the report, so the main process only indexes them."""
    found = segments(paragraphs)
    prints = [(h, index, pos) for index, segment in enumerate(found) for h, pos in fingerprints(segment)]
    return found, prints


def find_shared(reports: Sequence[Prints]) -> list[Passage]:
    """The passages of at least MIN_CHARS 字 that two or more reports share, longest first.

    The holders of a fingerprint are compared with the first holder of each distinct context only (an anchor, at
    most MAX_ANCHORS): a passage shared by many reports costs one comparison per report, not one per pair. A
    fingerprint held by more than half of the reports is common phrasing and is skipped."""
    index: dict[int, list[tuple[int, int, int]]] = {}
    for number, (_segments, prints) in enumerate(reports):
        for h, segment, pos in prints:
            index.setdefault(h, []).append((number, segment, pos))
    common = max(COMMON_MIN, len(reports) // 2 + 1)
    passages: dict[str, Passage] = {}
    for holders in index.values():
        if len(holders) < 2:
            continue
        owners = len({number for number, _, _ in holders})
        if owners < 2 or owners >= common:
            continue
        anchors: list[tuple[int, int, int]] = []
        for holder in holders:
            for anchor in anchors:
                if anchor[0] != holder[0] and _record(reports, anchor, holder, passages):
                    break
            else:
                if len(anchors) < MAX_ANCHORS:
                    anchors.append(holder)
    found = [p for p in passages.values() if len(p.reports) < common]
    return sorted(_drop_contained(found), key=lambda p: (-p.chars, p.reports))


def _record(
    reports: Sequence[Prints],
    a: tuple[int, int, int],
    b: tuple[int, int, int],
    passages: dict[str, Passage],
) -> bool:
    """Extend the match of two holders (report, segment, position) to the whole shared run; when it is long
    enough, add it (with both places) to `passages`, keyed by its 字."""
    a_segment, b_segment = reports[a[0]][0][a[1]], reports[b[0]][0][b[1]]
    span = _extend(a_segment.chars, a[2], b_segment.chars, b[2])
    if span is None:
        return False
    a_start, _b_start, length = span
    chars = a_segment.chars[a_start : a_start + length]
    passage = passages.get(chars)
    if passage is None:
        passage = passages[chars] = Passage(_original(a_segment, a_start, length), length)
    for place in ((a[0], a_segment.paragraph), (b[0], b_segment.paragraph)):
        if place not in passage.places:
            passage.places.append(place)
    return True


def _extend(a: str, i: int, b: str, j: int) -> tuple[int, int, int] | None:
    """The whole run two texts share around a K-字 match at a[i:], b[j:]: (start in a, start in b, length), or
    None when the match was a hash collision or the run is shorter than MIN_CHARS. Character by character: most
    runs end within a few 字 (bisection on slices measured slower)."""
    if a[i : i + K] != b[j : j + K]:
        return None
    left = 0
    while i - left > 0 and j - left > 0 and a[i - left - 1] == b[j - left - 1]:
        left += 1
    right = K
    while i + right < len(a) and j + right < len(b) and a[i + right] == b[j + right]:
        right += 1
    length = left + right
    return (i - left, j - left, length) if length >= MIN_CHARS else None


def _original(segment: Segment, start: int, length: int) -> str:
    """The passage as written (punctuation included), from its first 字 to its last and the end mark after it."""
    offsets = [i for i, ch in enumerate(segment.text) if ch.isalnum()]
    end = offsets[start + length - 1] + 1
    if end < len(segment.text) and segment.text[end] in "。！？；…”":
        end += 1  # the sentence's own end mark
    return segment.text[offsets[start] : end]


def _drop_contained(passages: list[Passage]) -> list[Passage]:
    """A passage found between A and B that lies inside a longer one found between the same reports is the same
    copying seen through a third report: keep the longer."""
    kept: list[Passage] = []
    for passage in sorted(passages, key=lambda p: -p.chars):
        reports = set(passage.reports)
        if any(reports <= set(longer.reports) and passage.text in longer.text for longer in kept):
            continue
        kept.append(passage)
    return kept
