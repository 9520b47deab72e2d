"""Commas that join two sentences (一逗到底), for `punctuation`: GB/T 15834—2011 ends a sentence with 。 and
separates the items of a list that are sentences themselves with ；. Two kinds, read from the sentence's structure,
not from a list of words, and silent unless the structure is plain:

- an enumeration of sentences: `一是……，……，二是……` — the comma before 二是 (三是, 其次, 第二，…) closes an item
  that already holds a comma of its own, or a full stop (`一是加强学习。全年组织学习12次，二是……`). Short items
  joined by commas (`一是加强领导，二是完善机制，三是强化考核`, also after a ；: `一是……；二是……，三是……`,
  `一是：……，二是：……`) are left alone;
- a new subject after a finished statement: `……签订责任书12份，我带头……`, `……运营9条，我中心……` — a comma
  followed by 我, 本人, 我们, 我局, 我中心 … and a predicate, where the clause before it closes a statement with a
  count (`12份`, `37个`, `18.7%`). Left: after a clause without a count (`……，我们……` is too often accepted in edited
  prose, news and government work reports, to be told from a run-on without a parser), and 全镇/全县 as the new
  subject (`……带动消费4.3亿元，全区实现……`, `……安置10.53万人次，全市再就业率达……` are how reports and news write).
  Silent when any clause before it opens an adverbial the subject belongs to (`为压实责任，镇党委……`, `在工作中，本人
  ……`, `经过一年的努力，全局……`, `对群众反映的问题，我……`, `虽然……，但……`), or ends one (`……的同时，我……`,
  `……以来，我……`, `……后，本人……`).

And a connective that opens a new sentence standing as a clause of its own after a comma (`……，此外，……`,
`……，同时，……`; not after 不仅/不但/虽 in the sentence: `不仅……，同时，……`).

Each finding is (start, end, message, None): the comma; which mark belongs there is the writer's choice (。or ；).
"""

from __future__ import annotations

from collections.abc import Iterator

from appraisal.text.lazy_regex import lazy_compile

Found = tuple[int, int, str, str | None]

_ENDS = "。！？；：!?;:"
_OPEN = {"“": "”", "‘": "’", "《": "》", "（": "）", "(": ")", "【": "】", "「": "」"}
_CLOSE = set(_OPEN.values())
_STRUCTURE = lazy_compile("[" + "".join(sorted({*_ENDS, *_OPEN, *_CLOSE, "，", ","})).replace("]", "\\]") + "]")
# An item of a list opens with its number: `二是`, `其次，`, `第三，` (the first item: `一是`, `首先`, `第一，`).
_LATER_ITEM = lazy_compile(r"[二三四五六七八九十]是|(?:其次|再次|第[二三四五六七八九十])(?:$|[、是])")
_NUMBER = r"(?:其[一二三四五六七八九十]|首先|其次|再次|第[一二三四五六七八九十])"
_ITEM = lazy_compile(rf"[一二三四五六七八九十]是|{_NUMBER}(?:$|[、是])")
# An item's number standing as a clause of its own: `首先，` `第二，`.
_BARE_ITEM = lazy_compile(rf"{_NUMBER}$")
# The writer or the writer's office as a new subject: 我, 本人, 我们, 我局, 我中心 … (not 我的, 我国, 我和).
_ME = lazy_compile(
    r"(?:本人|我们|我(?:[局县市区镇乡院所校委办处科站队]|单位|中心|部门|公司)|我(?![们的国省市县区镇乡村和与、]))"
    r"(?![的和与、，,就也才都还])"
)
# Clauses that open an adverbial the next subject belongs to: a preposition or conjunction at the clause's start.
_OPENER = lazy_compile(
    r"(?:在|为|因|由于|经|通过|对|针对|按照|依照|根据|依据|围绕|作为|随着|面对|面向|虽|尽管|如果|若|假如|只有|只要|"
    r"无论|不论|当|自|从|截至|截止|除|趁|借|凭|就|基于|鉴于|结合|立足|聚焦|紧扣|紧盯|坚持|本着|按|依|以|于|"
    r"[0-9０-９xX]{2,4}年|[一二三四五六七八九十]{1,2}月|[0-9０-９]{1,2}月|"
    r"今年|去年|近年|近期|当前|目前|同时|此外|另外|其中|特别|尤其|一年来|多年来|年初|年底|回顾|总之|总的来看)"
)
# Clauses that end an adverbial or leave the sentence open: `……的同时`, `……以来`, `……后`, `……中`, `……时`.
_OPEN_END = lazy_compile(
    r"(?:时|后|中|下|来|前|际|上|里|间|外|看|说|讲|言|此|而|的|地|得|着|是|为|和|与|及|并|且|但|又|也|就|才|都|以|"
    r"把|被|将|对|向|在|从|给|同|要|让|使|即|如|是否|能否|之所以|因为|由于|所以|因此|于是|不仅|不但|既|既然)$"
)
# Clauses the next one depends on: a contrast or a cause running across commas (`虽……，却……`, `……，但……`,
# `……，使……`), or words introducing what is said (`他说，` `经验表明，` `效应是，`).
_DEPENDS = lazy_compile(r"^(?:使|让|致使|而|可|可是|却)|但|却|虽|尽管|不仅|不但|只要|只有|一旦|除非")
_SAYS = lazy_compile(r"(?:说|表明|表示|认为|指出|强调|看来|是|显示|证明|发现|感到|觉得|知道|懂得)$")
# A numbered item run into its paragraph: `1.坚持高质量发展，推动产业结构优化升级，我们将……`.
_RUN_IN_HEADING = lazy_compile(
    r"[ \t\u3000]*(?:[0-9０-９]{1,2}[.．、]|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十0-9]{1,3}[）)])"
)
# A count closing a statement: `13支`, `37个`, `1120件`, `18.7%`, `3.2亿元`; not a date or a length of time.
_UNIT = (
    r"(?:%|％|个百分点|[万亿千]?(?:个|次|件|项|家|名|人|户|支|条|份|篇|场|批|处|起|座|台|辆|所|期|张|元|吨|亩|"
    r"公里|千米|米|平方米|立方米|套|间|栋|株|头|只|册|部|本|宗|例|场次|人次|家次|户次|批次|余[个次件项家名人户]?))"
)
_COUNT_END = lazy_compile(rf"[0-9０-９][0-9０-９.．]*{_UNIT}$")
# How a count ends: a digit (or its decimal point) and the unit, at most 6 characters: what `_COUNT_END` finds at
# the end of a clause, this finds in the last 8 characters of it.
_COUNT_TAIL = lazy_compile(rf"[0-9０-９.．]{_UNIT}$")
_TAIL = 8
# Connectives that open a new sentence, standing as a clause of their own: `……，此外，……` (not `不仅……，同时，……`).
_CONNECTIVES = ("此外", "另外", "与此同时", "同时", "总之", "综上所述", "总而言之")
_CONNECTIVE = lazy_compile(f"(?:{'|'.join(_CONNECTIVES)})$")
# What each kind needs somewhere in the line (looser than the kind's own test, never stricter): a later item's
# number; a connective standing between two commas; 我 or 本人 right after a comma after a count. Written so that
# each opens with one class, or its alternatives each with one character: the engine then skips to those (with
# alternatives opening with classes it tries every place; a search for the count itself took 12 µs a line).
_ANY_LATER_ITEM = lazy_compile(
    "|".join(f"{numeral}是" for numeral in "二三四五六七八九十") + "|其次|再次|第[二三四五六七八九十]"
)
# The connectives no other one holds (与此同时 holds 同时): whether a line holds a connective at all, in C.
_CONNECTIVE_WORDS = tuple(word for word in _CONNECTIVES if not any(o != word and o in word for o in _CONNECTIVES))
_ANY_CONNECTIVE = lazy_compile(f"[，,](?:{'|'.join(_CONNECTIVES)})[，,]")
_ANY_SUBJECT = lazy_compile(r"[，,](?:本人|我)")
_MESSAGE_CONNECTIVE = "“{word}”引出新的一句，前面的逗号宜改为句号。"
_MESSAGE_ITEM = "前一项已是带逗号或句号的完整句子，分项之间应用分号（或句号），不用逗号。"
_MESSAGE_SUBJECT = "逗号前已是完整的一句，逗号后另起主语，宜用句号（或分号）断开，不要一逗到底。"


def _sentences(line: str) -> Iterator[list[tuple[int, int]]]:
    """The clauses of each sentence as (start, end): clauses are cut at the commas outside quotations and brackets,
    sentences at 。！？；： outside them."""
    depth: list[str] = []
    clauses: list[tuple[int, int]] = []
    start = 0
    for match in _STRUCTURE.finditer(line):  # only the marks: the typing path reads every line
        at, ch = match.start(), match.group()
        if ch in _OPEN:
            depth.append(_OPEN[ch])
        elif ch in _CLOSE:
            if depth and depth[-1] == ch:
                depth.pop()
        elif depth:
            continue
        elif ch in "，,":
            clauses.append((start, at))
            start = at + 1
        elif ch in _ENDS:
            clauses.append((start, at))
            yield clauses
            clauses, start = [], at + 1
    clauses.append((start, len(line)))
    yield clauses


def _text(line: str, span: tuple[int, int]) -> str:
    return line[span[0] : span[1]].strip(" \t\u3000")


def _items(clauses: list[tuple[int, int]], texts: list[str], item_goes_on: bool) -> Iterator[Found]:
    """The commas before a later item of a list whose items are sentences. `item_goes_on`: an item opened in an
    earlier sentence of the line runs on into this one (`一是加强学习。全年组织学习12次，二是……`), so the item before
    the first 二是 here already holds a full stop."""
    item_start: int | None = -2 if item_goes_on else None  # the item's first clause after its number
    for k, (span, text) in enumerate(zip(clauses, texts, strict=True)):
        if _LATER_ITEM.match(text) and item_start is not None and k - item_start >= 2:
            yield span[0] - 1, span[0], _MESSAGE_ITEM, None
        if _ITEM.match(text):
            item_start = k + 1 if _BARE_ITEM.match(text) else k


def _leaves_open(text: str) -> bool:
    """Whether a clause keeps the clauses after it in its sentence: it is empty, opens an adverbial or a numbered
    item, runs a contrast or a cause on, introduces what is said, or ends an adverbial."""
    return bool(
        not text
        or _OPENER.match(text)
        or _ITEM.match(text)
        or _DEPENDS.search(text)
        or _SAYS.search(text)
        or _OPEN_END.search(text)
    )


def _subjects(line: str, clauses: list[tuple[int, int]]) -> Iterator[Found]:
    """A new subject after a finished statement: the clauses before it close a statement when none of them leaves
    the sentence open and the last one ends with a count. The clauses before are read once, and only once a clause
    opens with a subject after a count (a line of 300 commas read all the clauses before each one)."""
    if clauses[0][0] == 0 and _RUN_IN_HEADING.match(line):
        return
    read = 0  # the clauses before this one are known not to leave the sentence open
    for k in range(1, len(clauses)):
        start, end = clauses[k]
        subject = _ME.match(line, start, end)
        if subject is None or end - subject.end() < 4 or not _COUNT_END.search(_text(line, clauses[k - 1])):
            continue
        while read < k:
            if _leaves_open(_text(line, clauses[read])):
                return  # and so before every clause after it
            read += 1
        yield start - 1, start, _MESSAGE_SUBJECT, None


def _connectives(line: str, clauses: list[tuple[int, int]], texts: list[str]) -> Iterator[Found]:
    depends = bool(_DEPENDS.search(texts[0]))  # whether a clause before clause k runs on (不仅……，同时，……)
    for k in range(1, len(clauses) - 1):
        start, end = clauses[k]
        word = _CONNECTIVE.match(texts[k])
        if word is not None and line[start:end] == word.group() and not depends:
            yield start - 1, start, _MESSAGE_CONNECTIVE.format(word=word.group()), None
        depends = depends or bool(_DEPENDS.search(texts[k]))


def _subject_after_count(line: str) -> bool:
    """Whether 我 or 本人 follows a comma after a count (`……签订责任书12份，我带头……`): what `_subjects` needs."""
    for match in _ANY_SUBJECT.finditer(line):
        end = match.start()
        while end > 0 and line[end - 1] in " \t\u3000":  # the clause's text is stripped
            end -= 1
        if _COUNT_TAIL.search(line, max(0, end - _TAIL), end):
            return True
    return False


def commas(line: str) -> Iterator[Found]:
    """Each comma in `line` that joins two sentences. Each kind needs words a line of prose mostly lacks (a later
    item's number, a connective between commas, 我 or 本人 after a count and a comma): a line with none of them is
    not read further (the typing path reads every line of the section)."""
    if "，" not in line:
        return
    items = _ANY_LATER_ITEM.search(line) is not None
    connectives = any(word in line for word in _CONNECTIVE_WORDS) and _ANY_CONNECTIVE.search(line) is not None
    subjects = _subject_after_count(line)
    if not (items or connectives or subjects):
        return
    item_open = False  # an item (一是 …) opened in an earlier sentence of the line, closed by 。 or ；
    for clauses in _sentences(line):
        texts = [_text(line, span) for span in clauses] if items or connectives else []
        if len(clauses) >= 2:
            if items:
                yield from _items(clauses, texts, item_open and not _ITEM.match(texts[0]))
            if connectives:
                yield from _connectives(line, clauses, texts)
            if subjects:
                yield from _subjects(line, clauses)
        if not items:
            continue
        opens_item = any(_ITEM.match(text) for text in texts)
        end = clauses[-1][1]
        if end < len(line) and line[end] in "：:":
            continue  # `一是：` — the item's words follow the colon
        item_open = (item_open or opens_item) and end < len(line) and line[end] in "。；;"
