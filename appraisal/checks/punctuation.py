"""`punctuation`: GB/T 15834—2011《标点符号用法》 beyond half-width marks.

- The ellipsis is two `…` (`……`): `...`, `。。。` and a single `…` are fixed to `……`.
- A doubled `。。` `，，` `、、` `；；` `：：` is one mark (fixable).
- Quotes: `‚ ‛ „ ‟` are not Chinese quotes; straight `"` in Chinese text become “ and ” (fixable when they pair).
- A paragraph does not start with a mark that closes or separates (`，` `。` `）` …) — unless it is the second half
  of a sentence broken across paragraphs (`broken-line`) — and a bracketed number takes no mark after it
  (`（一）、` → `（一）`).
- A page number copied from a PDF (`-2-`, `— 3 —`) does not belong inside a sentence or on its own line.
- A space does not stand inside Chinese prose (`全面 推进`, `工作 ，`); two or more spaces are layout and are left
  alone, as are spaced-out titles, lines that are not prose (`组 员：汪 峰 张传东`, `镇长 杨杰`: no ，。、；) and
  the space between a post and a name in a 落款 (`……请予评议。局长　刘建国`).
- More marks a reviewer corrects (mixed marks, 等、, a question mark ending a statement, 《……。》 …) are in
  `mark_usage`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from appraisal.checks.base import WARNING, Context, Field, Finding, Rule
from appraisal.checks.broken_line import explained
from appraisal.checks.chars import HAN, is_han
from appraisal.checks.mark_usage import ELLIPSIS_AND_DENG, Found, after_listed_items, as_issued, last_items, usage
from appraisal.checks.placeholder import in_blank_brackets
from appraisal.text.lazy_regex import lazy_compile
from appraisal.text.verbatim import verbatim_spans

# Each alternative begins with its mark (lookbehinds after it), so the engine skips to the marks.
_ELLIPSIS = lazy_compile(r"\.\.\.+|．．．+|。。。+|…(?<!……)(?!…)")
_DOUBLED = lazy_compile(
    "|".join(f"{m}{m}(?<!{m}{m}{m})(?!{m})" for m in "。，、；：")
)  # exactly two: 。。。 is an ellipsis
_LOW_QUOTES = {"‚": "‘", "‛": "‘", "„": "“", "‟": "“"}
_LOW_QUOTE = lazy_compile("[‚‛„‟]")
_ANY_DOUBLED = lazy_compile("|".join(f"{m}{m}" for m in "。，、；："))  # whether _DOUBLED needs running at all
_STARTS = lazy_compile(r"[ \t\u3000]*([，。、；：！？）》」』】,.;:!?])")
_PAGE = lazy_compile(rf"(?<=[{HAN}，、])[ \u3000]*[-－—][ \u3000]*[0-9]{{1,3}}[ \u3000]*[-－—][ \u3000]*(?=[{HAN}])")
_PAGE_END = lazy_compile(rf"(?<=[{HAN}，、])[ \u3000]*[-－—][ \u3000]*[0-9]{{1,3}}[ \u3000]*[-－—][ \t\u3000]*$")
_NUMBER_MARK = lazy_compile(r"[（(][一二三四五六七八九十]{1,3}[）)]([、，,.．])")
_PROSE = lazy_compile("[，。、；！？]")
_PAGE_LINE = lazy_compile(r"[ \t\u3000]*[-－—][ \u3000]*[0-9]{1,3}[ \u3000]*[-－—][ \t\u3000]*")
_CN_MARKS = "，。、；：！？"
# The space first, what stands before it tested after it: a lookbehind first, the engine tries every place (most
# lines of an imported document hold a space: their full-width indent).
_SPACE = lazy_compile(
    rf"[ \u3000](?:(?<=[{HAN}][ \u3000])(?=[{HAN}{_CN_MARKS}])|(?<=[{_CN_MARKS}][ \u3000])(?=[{HAN}]))"
)
# The 落款: a full-width (or plain) space between a post and a name is layout (`局长　刘建国`, `报告人：局长　王德明`).
_SIGNATURE = lazy_compile(
    rf"[长任记员席理监官师](?P<space>[ \u3000]+)(?=[{HAN}]{{2,4}}(?:$|[ \t\u3000，,（(0-9０-９〇一二]))"
)
# `述 职 报 告`: a short line spaced out on purpose.
_SPACED_OUT = lazy_compile(rf"[ \t\u3000]*(?:[{HAN}][ \u3000]+)+[{HAN}][ \t\u3000]*")


def _straight_quotes(line: str) -> Iterator[tuple[int, str | None]]:
    """(position, fix) of each straight double quote in a Chinese line; fixes only when they pair up."""
    positions = [i for i, ch in enumerate(line) if ch == '"']
    chinese = [i for i in positions if (i > 0 and is_han(line[i - 1])) or (i + 1 < len(line) and is_han(line[i + 1]))]
    if not chinese:
        return
    pairs = len(positions) % 2 == 0
    for number, i in enumerate(positions):
        if i in chinese:
            yield i, ("“" if number % 2 == 0 else "”") if pairs else None


def _space(space: str) -> tuple[str, str | None]:
    """(message, fix) for a space between Chinese words. A full-width one is often put there on purpose — the
    importer joins a Word table's cells with it — so it is reported with no fix: deleting it under 修正全部 ran
    the cells of every table row together."""
    if space == " ":
        return "中文之间不应有空格。", ""
    return "中文之间有全角空格，如不是有意分隔（如表格各格之间），请删去。", None


class Punctuation(Rule):
    name = "punctuation"
    title = "标点用法"
    severity = WARNING
    family = "punctuation"
    description = "标点用法不符合《标点符号用法》（GB/T 15834），如“...”“。。”、直引号、段首标点、正文中的页码。"
    fixable = True
    fields = frozenset({"section", "unmatched", "title"})

    def check_field(self, item: Field, ctx: Context) -> Iterable[Finding]:
        broken = explained(item, ctx) if len(item.lines) > 1 else set()  # `broken-line` reports those
        for index, line in enumerate(item.lines):
            if line:
                yield from self._line(item, index, line, broken)
        for index, start, end, message, fix in last_items(item.lines) if len(item.lines) > 1 else ():
            if not item.is_protected(index, start, end):
                yield self.finding(item, index + 1, start + 1, end + 1, message, fix)

    def _line(self, item: Field, index: int, line: str, broken: set[tuple[int, int]]) -> Iterator[Finding]:
        found = [*_marks(line)]
        if item.key != "title":
            found.extend(_layout(index, line, broken))
        found.extend(usage(line))
        issued = [*as_issued(line)]
        found.extend(issued)
        for start, end, message, fix in sorted(found):
            if not item.is_protected(index, start, end):
                kept = (start, end, message, fix) in issued
                yield self.finding(item, index + 1, start + 1, end + 1, message, fix, as_issued=kept)


def _marks(line: str) -> Iterator[Found]:
    """Wrong or doubled marks: an ellipsis written otherwise than ……, 。。, low and straight quotes."""
    if "." in line or "…" in line or "。。。" in line or "．" in line:
        yield from _ellipses(line)
    if _ANY_DOUBLED.search(line) is not None:
        for match in _DOUBLED.finditer(line):
            mark = match.group()[0]
            yield match.start(), match.end(), f"标点“{mark}”重复。", mark
    for match in _LOW_QUOTE.finditer(line):  # one pass: a test of each quote first cost four
        mark = match.group()
        right = _LOW_QUOTES[mark]
        yield match.start(), match.end(), f"“{mark}”不是中文引号，应为“{right}”。", right
    if '"' in line:
        for position, fix in _straight_quotes(line):
            yield position, position + 1, '中文里应使用中文引号“”，不用直引号"。', fix


def _ellipses(line: str) -> Iterator[Found]:
    """`...`, `。。。` and a single `…` for ……; `...等` after a list, where the ellipsis or 等 goes, not both."""
    for match in _ELLIPSIS.finditer(line):
        before = line[match.start() - 1 : match.start()]
        after = line[match.end() : match.end() + 1]
        if match.group()[0] in ".．" and not (is_han(before) or is_han(after)):
            continue  # `etc...` in Latin text
        if in_blank_brackets(line, match.start(), match.end()):
            continue  # `〔…〕号`: a blank, which `placeholder` reports
        if after == "等" and after_listed_items(line, match.start()):  # `扰民...等`: GB/T 15834 uses
            yield match.start(), match.end(), ELLIPSIS_AND_DENG, ""  # the ellipsis or 等, not both
            continue
        yield match.start(), match.end(), f"省略号应为“……”，不应写作“{match.group()}”。", "……"


def _layout(index: int, line: str, broken: set[tuple[int, int]]) -> Iterator[Found]:
    """Marks of a paragraph's layout (not the title's): a leading mark, a page number, a mark after （一）, a space.
    `broken`: the marks a broken line explains, which `broken-line` reports."""
    opening = _STARTS.match(line)
    if opening is not None and (index, opening.start(1)) not in broken:
        mark = opening.group(1)
        yield opening.start(1), opening.end(1), f"段落不应以标点“{mark}”开头。", None
    yield from _page_numbers(line, page_line_explained=(index, 0) in broken)
    if "）" in line or ")" in line:
        for match in _NUMBER_MARK.finditer(line):
            mark = match.group(1)
            yield match.start(1), match.end(1), f"括号序号后不加标点，“{mark}”应删除。", ""
    if (" " in line or "\u3000" in line) and _PROSE.search(line) and not _SPACED_OUT.fullmatch(line):
        yield from _spaces(line)


def _page_numbers(line: str, *, page_line_explained: bool) -> Iterator[Found]:
    """A page number from a PDF on a line of its own (unless a broken line explains it) or inside a sentence."""
    if _PAGE_LINE.fullmatch(line) and any(ch.isdigit() for ch in line) and not page_line_explained:
        yield 0, len(line), "这一行像是从文档中带过来的页码，应删除。", None
    elif "-" in line or "－" in line or "—" in line:
        for match in (*_PAGE.finditer(line), *_PAGE_END.finditer(line)):
            yield match.start(), match.end(), f"句中夹有页码“{match.group().strip()}”，应删除。", None


def _spaces(line: str) -> Iterator[Found]:
    """A space inside Chinese prose, not the one between a post and a name in a 落款, nor one in a cited title or
    a quoted name (`《中共中央 国务院关于……的意见》`, `“马上就办 真抓实干”`: written so where it was issued)."""
    spaces = [*_SPACE.finditer(line)]
    if not spaces:
        return  # most lines: a paragraph's full-width indent is no space between words; nothing kept to find
    kept = [m.span("space") for m in _SIGNATURE.finditer(line)] + verbatim_spans(line)
    for match in spaces:
        if not any(start <= match.start() < end for start, end in kept):
            yield match.start(), match.end(), *_space(match.group())
