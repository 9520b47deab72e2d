"""`broken-line`: a sentence or a quotation broken across two lines (paragraphs) — text copied from a PDF or a web
page, where every printed line became a paragraph: `对照“四` / `风”问题深入自查`, `全年共为企业办理` / `，审批时限…`.

A break is reported once, on the first half, and the marks it split are left to it: `unbalanced-quote` does not
report the quote opened at the end of the first line and closed on the next, and `punctuation` does not report the
mark the second line starts with. Two signs count, both certain: a quote, 书名号 or bracket left open at the end of a
line and closed near the start of the next one before anything opens there; or a line that does not end a sentence
followed by one that starts with a mark that closes or separates (`，` `。` `”` `）` …). One blank line between the
halves is allowed (a page break), and so is a page number left from the PDF (`— 3 —`, `- 12 -`, `第3页`) with
blank lines around it, which `punctuation` then leaves to the break; across a page number a line of 15 characters
or more cut in mid-word (`推动经济高质量发` / `— 3 —` / `展…`) is a break too, since a paragraph ends with a full
stop. A line merely ending without a full stop is not enough: headings, the salutation and the 落款 do. A whole page
pasted from a PDF — three or more lines of nearly one length (15 characters or more), most ending in mid-sentence
— is reported once, at its first line.

Three more signs of text copied line by line, each certain on its own: a number at the end of a line whose unit
opens the next one (`争取资金 3860` / `万元，用于…`); a line that stops after a comma, after a word no sentence ends
with or inside 在…中, or whose next line opens with a count (`…矛盾纠纷` / `412件，…`), the next line (no blank
line between) going on (`…98%，` / `群众满意度明显提升。`, `…深入开展党的` / `群众路线教育…`; a 落款 or a date is
no sentence's second half; a line stopping in the middle of a word is not told from a heading without a
dictionary, and is left); and an item's number alone on its line, its words on the next (`2.` / `人员编制`).

Two breaks at a figure: a line ending where a figure is missing whose next line opens with a count (`整改合格率达到`
/ `98%以上。`: `missing-figure` leaves the first line alone); and a count split from its measure word (`收集诉求32` /
`条，`), which `number-usage` reports, naming the figure, and this rule does not.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, replace
from itertools import accumulate

from appraisal.checks.base import WARNING, Context, Field, Finding, Rule
from appraisal.checks.chars import HAN_UNIFIED, is_han_unified
from appraisal.checks.figure_shapes import gaps
from appraisal.checks.paired_marks import in_turn
from appraisal.text.lazy_regex import lazy_compile
from appraisal.text.patterns import MEASURES, PAGE_NUMBER_LINE

_PAIRS = {"“": "”", "‘": "’", "《": "》", "（": "）", "「": "」", "『": "』"}
_CLOSERS = {closer: opener for opener, closer in _PAIRS.items()}
_MARKS = lazy_compile("[" + "".join(_PAIRS) + "".join(_CLOSERS) + "]")
_PAIRED_IN_TURN = in_turn(opener + closer for opener, closer in _PAIRS.items())
_CONTINUES = set("，。、；：？！）》”’」』,;:?!")  # marks that cannot start a paragraph
_ENDS = set("。！？；：…!?;:")
_MID_WORD = lazy_compile(rf"[{HAN_UNIFIED}0-9A-Za-z，、,]")  # a printed line cut in mid-sentence ends in one of these
_ITEM = lazy_compile(
    r"\s*(?:[0-9０-９]{1,2}[.．、）)]|[（(][一二三四五六七八九十0-9]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、是])"
)
_REACH = 80  # a closing mark this far into the next line still closes the quote opened at the end of the first
_NUMBER_THEN_UNIT = lazy_compile(
    r"[ \t\u3000]*(?:万元|亿元|万|亿|元|%|％|个百分点|万平方米|平方米|平方公里|公里|万亩|亩|万吨|吨|人次|万人"
    r"|余万元|多万元)(?=[，。；、,;）)]|以上|左右|的)"
)
_ITEM_NUMBER_ALONE = lazy_compile(
    r"[ \t\u3000]*(?:[0-9０-９]{1,2}[.．、]|[（(][一二三四五六七八九十0-9０-９]{1,3}[）)]"
    r"|[一二三四五六七八九十]{1,3}[、.．])[ \t\u3000]*"
)
_DATE_END = lazy_compile(r"[0-9０-９〇一二三四五六七八九十]{1,2}日$")
# A line ending in a number (`争取资金 3860`, `12.23 万`), trailing blanks allowed: the first half of an amount whose
# unit opens the next line (missing-figure leaves that unit alone).
NUMBER_AT_END = lazy_compile(r"[0-9](?:[ \u3000]*[万亿])?[ \t\u3000]*$")
_NUMBER_LAST = set("0123456789万亿")  # the last character of a line `NUMBER_AT_END` finds, its blanks stripped
# A count opening the next line: `412件，` `4300余户`, `100%以上` (not a year, a date, a list's number or a time).
_COUNT_OPENS = lazy_compile(
    r"[0-9]+(?:\.[0-9]+)?(?:[余多]?(?:[个家项件户人名次起宗处所座条台辆场批篇套元亩吨]|万|亿|平方米|公里)|[%％])"
)
_IN_FRAME_END = lazy_compile(rf"[，,；;]在[{HAN_UNIFIED}]{{1,10}}(?:中|之中|过程中|期间)$")
_NEVER_LAST = set("的和或被而于将把")  # 向 (导向), 在 (所在), 与 (参与), 据 (依据) do end words
_HAN_DIGIT_COMMA = lazy_compile(f"[{HAN_UNIFIED}0-9，、]")
# A line that ends with a figure (not a code, a version or a clock time), and the next that opens with its measure
# word: a count split across lines (`收集诉求32` / `条，`).
_FIGURE_AT_END = lazy_compile(r"(?<![0-9.．A-Za-z\-－/:：])[0-9]+(?:\.[0-9]+)?\s*$")
_MEASURE_AT_START = lazy_compile(rf"\s*{MEASURES}(?![0-9])")
_CLAUSE_MARKS = lazy_compile(r"[，。、；：！？,;:!?]")


@dataclass(frozen=True)
class Break:
    """A sentence broken after line `first` and going on in line `second` (0-based line indexes of the field)."""

    first: int
    start: int  # where the broken part of the first line begins (its open quote, or its last character)
    second: int
    marks: tuple[int, ...]  # positions in the second line of the marks the break explains
    lines: int = 2  # how many lines the break runs over: a whole PDF page pasted line by line counts once
    page: int = -1  # the line of the page number between the halves, if one is
    number: bool = False  # an item's number alone on its line, its words on the next
    # A figure split from its measure word (`收集诉求32` / `条，`): the measure word. `number-usage` reports such a
    # break, naming the figure; `broken-line` does not.
    unit: str = ""
    # The second line opens with a count (`整改合格率达到` / `98%以上。`): `missing-figure` leaves the first alone.
    before_figure: bool = False


_PRINTED_MIN = 15  # a printed line of a PDF page holds at least this many characters
_PRINTED_SLACK = 3  # its lines differ in length by at most this much (half-width marks, a last short word)


def _printed_runs(lines: list[str]) -> list[tuple[int, int]]:
    """[first, last] of each run of three or more lines of (nearly) one length that mostly end in mid-sentence:
    a PDF page pasted line by line, each printed line become a paragraph."""
    widths = [len(line.rstrip()) for line in lines]
    ends = _run_ends(widths)
    cut_before = list(
        accumulate((bool(_MID_WORD.match(line.rstrip()[-1:])) and not _ITEM.match(line) for line in lines), initial=0)
    )
    runs: list[tuple[int, int]] = []
    index = 0
    while index < len(lines):
        end = ends[index] if widths[index] >= _PRINTED_MIN else index
        cut = cut_before[end] - cut_before[index]
        if end - index >= 2 and cut * 3 >= (end - index) * 2:
            runs.append((index, end + 1 if end + 1 < len(lines) and lines[end + 1].strip() else end))
            index = end + 1
        else:
            index += 1
    return runs


def _run_ends(widths: list[int]) -> list[int]:
    """For each line, the last line of the run it starts: the lines after it whose widths are within
    `_PRINTED_SLACK` of its own. In O(n log n): a long report of lines of one length was quadratic (50 s for 2
    million 字). Right to left, `wider` holds the lines after this one each wider than all before it (widest first);
    the nearest too wide is found in it by bisection; `narrower` likewise."""
    ends = [0] * len(widths)
    wider: list[int] = []  # line numbers
    wider_keys: list[int] = []  # their widths, negated: ascending
    narrower: list[int] = []
    narrower_keys: list[int] = []  # their widths: ascending
    for index in range(len(widths) - 1, -1, -1):
        width = widths[index]
        stop = len(widths)
        at = bisect_left(wider_keys, -(width + _PRINTED_SLACK)) - 1
        if at >= 0:
            stop = wider[at]
        at = bisect_left(narrower_keys, width - _PRINTED_SLACK) - 1
        if at >= 0:
            stop = min(stop, narrower[at])
        ends[index] = stop - 1
        while wider and -wider_keys[-1] <= width:
            wider.pop()
            wider_keys.pop()
        wider.append(index)
        wider_keys.append(-width)
        while narrower and narrower_keys[-1] >= width:
            narrower.pop()
            narrower_keys.pop()
        narrower.append(index)
        narrower_keys.append(width)
    return ends


def _open_at_end(line: str) -> tuple[str, int] | None:
    """The last quote or bracket the line leaves open, with its position. The marks are read once (`findall`):
    the one left open is found among them by its number, and its place in the line only then."""
    marks = _MARKS.findall(line)
    if _PAIRED_IN_TURN(marks):
        return None  # most lines (none, or `“…”…（…）`): nothing left open, nothing to read mark by mark
    stack: list[int] = []  # the numbers of the marks open so far
    for number, ch in enumerate(marks):
        if ch in _PAIRS:
            stack.append(number)
        else:
            opener = _CLOSERS[ch]
            for depth in range(len(stack) - 1, -1, -1):
                if marks[stack[depth]] == opener:
                    del stack[depth:]
                    break
    if not stack:
        return None
    ch = marks[stack[-1]]
    at = -1
    for _ in range(marks[: stack[-1] + 1].count(ch)):  # its place: the how-manieth of its kind in the line
        at = line.index(ch, at + 1)
    return ch, at


def _first_unopened_closer(line: str, opener: str) -> int | None:
    """Where the next line closes `opener` before opening anything of that kind (within `_REACH`)."""
    closer = _PAIRS[opener]
    for index, ch in enumerate(line[:_REACH]):
        if ch == opener:
            return None
        if ch == closer:
            return index
    return None


_PAGE_GAP = 4  # a page number with a blank line on each side, and one more blank line


def _next_text(lines: list[str], index: int) -> tuple[int, int] | None:
    """The next line with text after `index` and the line of the page number passed on the way (-1 if none):
    across one blank line (a page break), or a page number left from a PDF with blank lines around it."""
    nearest = lines[index + 1] if index + 1 < len(lines) else ""
    if nearest.strip() and PAGE_NUMBER_LINE.fullmatch(nearest) is None:
        return index + 1, -1
    blanks, page = 0, -1
    for following in range(index + 1, min(len(lines), index + 2 + _PAGE_GAP)):
        line = lines[following]
        if not line.strip():
            blanks += 1
        elif page < 0 and PAGE_NUMBER_LINE.fullmatch(line) is not None:
            page = following
        else:
            return (following, page) if page >= 0 or blanks <= 1 else None
    return None


def _cut_mid_word(text: str) -> bool:
    """A printed line cut short by the end of a page: long, ending in a character or a comma, not a heading."""
    return len(text) >= _PRINTED_MIN and _MID_WORD.match(text[-1]) is not None and _ITEM.match(text) is None


def find_breaks(item: Field) -> list[Break]:
    """Every sentence of the field broken across two lines."""
    found: list[Break] = []
    lines = item.lines
    runs = _printed_runs(lines)
    inside = {index for first, last in runs for index in range(first, last)}
    found.extend(Break(first, len(lines[first].rstrip()) - 1, first + 1, (), last - first + 1) for first, last in runs)
    for index, line in enumerate(lines):
        text = line.rstrip()
        if not text or PAGE_NUMBER_LINE.fullmatch(text) is not None:
            continue
        nxt = _next_text(lines, index)
        if nxt is None:
            continue
        broken = _break_after(text, index, lines, nxt, index in inside)
        if broken is not None:
            if nxt[0] == index + 1 and _COUNT_OPENS.match(lines[index + 1].strip()) is not None:
                broken = replace(broken, before_figure=True)
            found.append(broken)
    return sorted(found, key=lambda b: (b.first, b.start))


def _break_after(text: str, index: int, lines: list[str], nxt: tuple[int, int], inside: bool) -> Break | None:
    """The break after line `index` (its text `text`), if the next line with text (`nxt`: it and the page number
    between, see `_next_text`) goes on with its sentence; `inside`: the line is inside a pasted page."""
    following, page = nxt
    second = lines[following]
    lead = lead_of(second)
    counted = 0 if inside else 2  # a line inside a pasted page is reported with the page
    opened = _open_at_end(text)
    if opened is not None:
        closer = _first_unopened_closer(second, opened[0])
        if closer is not None:
            marks = [closer]
            if lead < len(second) and second[lead] in _CONTINUES and lead != closer:
                marks.append(lead)
            return Break(index, opened[1], following, tuple(marks), counted, page)
    if lead < len(second) and second[lead] in _CONTINUES and text[-1] not in _ENDS:
        return Break(index, len(text) - 1, following, (lead,), counted, page)
    if page >= 0 and _cut_mid_word(text) and not inside:
        return Break(index, len(text) - 1, following, (), 2, page)
    if _ITEM_NUMBER_ALONE.fullmatch(text) and _item_words(second):
        return Break(index, lead_of(text), following, (), 2, page, number=True)
    if following == index + 1 and _continued(text, second):
        return Break(index, _number_start(text), following, (), counted, page)
    if following == index + 1:
        return _split_from_figure(lines[index], second, index, counted)
    return None


def _split_from_figure(line: str, second: str, index: int, counted: int) -> Break | None:
    """A count split from its measure word (`收集诉求32` / `条，`), or a sentence broken right before its figure: the
    first line ends where a figure is missing (`figure_shapes`), the next opens with one (`整改合格率达到` /
    `98%以上。`), with or without a clause before it."""
    if line.rstrip()[-1:].isdigit():
        figure = _FIGURE_AT_END.search(line, max(0, len(line) - 24))
        measure = _MEASURE_AT_START.match(second) if figure is not None else None
        if figure is not None and measure is not None and line[: figure.start()].strip():
            return Break(index, figure.start(), index + 1, (), counted, unit=measure.group().strip())
    elif _COUNT_OPENS.match(second.strip()) is not None and any(
        gap == len(line.rstrip()) for gap, _s, _e in gaps(line)
    ):
        return Break(index, len(line.rstrip()) - 1, index + 1, (), counted)
    return None


def _number_start(text: str) -> int:
    """Where the broken part of a line that goes on in the next begins: its last character, or the whole number at
    its end (`争取资金 3860`), not the number's last digit."""
    start = len(text) - 1
    if NUMBER_AT_END.search(text):
        while start > 0 and (text[start - 1].isdigit() or text[start - 1] in ". \u3000万亿"):
            start -= 1
        start += len(text[start:]) - len(text[start:].lstrip())
    return start


def lead_of(line: str) -> int:
    """Where the line's text starts after its indent."""
    return len(line) - len(line.lstrip(" \t\u3000"))


def _item_words(line: str) -> bool:
    """Whether `line` can be the words of an item whose number stands alone on the line before."""
    text = line.strip()
    return bool(text) and _MID_WORD.match(text[0]) is not None and _ITEM.match(text) is None and text[0] not in "，、,"


def _continued(text: str, second: str) -> bool:
    """Whether `second` goes on with the sentence `text` leaves unfinished (see the module's docstring)."""
    if _HAN_DIGIT_COMMA.match(text[-1]) is None:
        return False  # `…。` (most lines): no shape below ends so, decided before the next line is read
    following = second.strip()
    if not following or _ITEM.match(following) is not None or PAGE_NUMBER_LINE.fullmatch(following) is not None:
        return False
    # `text` ends in no blank: what each search for a line's end needs at its last character is tested first (a
    # search for `$` tries every place of the line).
    if text[-1] in _NUMBER_LAST and NUMBER_AT_END.search(text) and _NUMBER_THEN_UNIT.match(following) is not None:
        return True  # `争取资金 3860` / `万元，用于…`, `12.23 万` / `平方米，…`
    if is_han_unified(text[-1]) and _CLAUSE_MARKS.search(text) and _COUNT_OPENS.match(following):
        return True  # `全年共调处矛盾纠纷` / `412件，…`: a paragraph does not open with a count
    if text[-1] in "中间" and _IN_FRAME_END.search(text):
        return True  # `…，在干部职工中` / `树立了良好形象。`: 在…中 needs its verb
    if text[-1] == "日" and _DATE_END.search(text) is not None:
        return False
    if len(following) < 15 and _CLAUSE_MARKS.search(following) is None:
        return False  # a 落款, a date, a heading: no sentence's second half
    if text[-1] in "，、":
        return len(text.strip()) >= 15  # `同志们，` is a salutation
    # A word that never ends a sentence or a heading: `…深入开展党的` / `群众路线教育实践活动。`
    return (
        text[-1] in _NEVER_LAST
        and len(text.strip()) >= 10
        and _CLAUSE_MARKS.search(text) is not None  # a title may end in 的: `“海马”是这样出生的`
        and _HAN_DIGIT_COMMA.match(following[0]) is not None
    )


def breaks(item: Field, ctx: Context) -> list[Break]:
    """`find_breaks`, worked out once per field and check run (three rules ask)."""
    return ctx.shared(f"broken-line:{id(item)}", lambda: find_breaks(item))


def breaks_at(item: Field, ctx: Context) -> dict[int, list[Break]]:
    """`breaks` by the line each begins at, worked out once per field and check run."""

    def by_line() -> dict[int, list[Break]]:
        found: dict[int, list[Break]] = {}
        for b in breaks(item, ctx):
            found.setdefault(b.first, []).append(b)
        return found

    return ctx.shared(f"broken-line-at:{id(item)}", by_line)


def explained(item: Field, ctx: Context) -> set[tuple[int, int]]:
    """(line index, position) of the marks a break explains: the open quotes at the end of first halves, the
    marks at the start of second halves and the page number between them (at position 0), which other rules leave
    alone."""
    marks: set[tuple[int, int]] = set()
    for b in breaks(item, ctx):
        if item.lines[b.first][b.start] in _PAIRS:
            marks.add((b.first, b.start))
        marks.update((b.second, at) for at in b.marks)
        if b.page >= 0:
            marks.add((b.page, 0))
    return marks


class BrokenLine(Rule):
    name = "broken-line"
    title = "断行"
    severity = WARNING
    family = "layout"
    description = "一句话或一段引文被断成两段，常见于从PDF或网页复制的文字。"
    fields = frozenset({"section", "unmatched"})

    def check_field(self, item: Field, ctx: Context) -> Iterable[Finding]:
        for b in breaks(item, ctx):
            line = item.lines[b.first].rstrip()
            if b.lines == 0 or b.unit:
                continue  # inside a pasted page, which is reported once as a whole; a split figure: `number-usage`
            if b.lines > 2:
                message = (
                    f"从这一段起的{b.lines}段长短几乎相同，句子在段末断开，像是从PDF复制、每一行成了一段的文字，"
                    "请把它们接成完整的段落。"
                )
            elif b.number:
                message = f"序号“{line[b.start :].strip()}”单独成段，与下一段的文字断开了，请把两段接起来。"
            elif line[b.start] in _PAIRS:
                second = item.lines[b.second]
                lead = lead_of(second)
                quoted = f"{line[b.start :]}……{second[lead : b.marks[0] + 1]}"
                message = f"{quoted}被断在两段里（常见于从PDF或网页复制的文字），请把两段接起来。"
            elif b.page >= 0:
                page = item.lines[b.page].strip()
                message = f"这句话被页码“{page}”隔断（从PDF复制的文字），请删去页码，把前后两段接起来。"
            else:
                message = "这句话在段末断开，下一段是它的后半句（常见于从PDF或网页复制的文字），请把两段接起来。"
            yield self.finding(item, b.first + 1, b.start + 1, len(line) + 1, message)
