"""More of GB/T 15834—2011《标点符号用法》 for `punctuation`: the marks a reviewer corrects in a report's sentences.

- Two different separating marks side by side (`，。` `：，` `；。` `、，`): one of them is wrong. A colon with
  nothing after it but a comma after 为/达/比 (`调整为：，`) is a stripped figure, `missing-figure`'s.
- `等` takes no 顿号 after it or before it (`学习、培训等、活动` `观看、讨论、等环节`); 一等、二等 is a rank.
- Items counted 一是、二是 or （1）（2） are separated by ；or ，, not 、 (`一是加强领导、二是完善机制`).
- A bracketed Arabic number takes no mark after it (`（1）、` → `（1）`); the Chinese ones are `punctuation`'s own.
- A question mark ends a question: a sentence with no word that asks (吗, 呢, 什么, 如何, 是否, 能否, 是不是 …, or
  an A不A choice) ending in `？` is a statement (`全年未发生重大事件？`).
- The title inside 《》 carries no sentence mark at its end (`《……促进法。》`).
- An ellipsis and 等 say the same: not both (`走访、座谈……等活动`).
- A Chinese numeral counting a heading takes 、, not a full stop (`一.加强学习` → `一、加强学习`).
- A straight single quote in Chinese text is ‘ or ’ (`‘菜篮子'`), as the straight double quote is “ or ”.
- Angle brackets `<` `>` between Chinese words are 书名号 typed on a Latin keyboard: 〈〉.
- A document number's year stands in 六角括号 (`湘政发〔2019〕10号`): `〔201910号`, `2019〕10号` and `益赫政发201612号`
  lost one or both of them.

- The standard's own misuses (附录 A and B of GB/T 15834): the last item joined by 以及 takes a comma before it, not
  a 顿号 (A.3: `学习、调研、以及` → `，以及`); two neighbouring numerals giving a rough number take no 顿号 between
  them (A.4: `三、四个` → `三四个`, while `二、三产业` and `一、二年级` are short for two names); a meeting, a
  training class or an activity is no work and takes no 书名号 (A.13: `《全县安全生产工作会议》`); no 顿号 before an
  ellipsis (B.2.4: `学习、调研、……`); 第一、其一、首先、其次、最后 counting points take a comma, not a 顿号 (B.3.1:
  `首先、` → `首先，`).

And one across paragraphs: the last item of a list ends with a full stop, not ；, where a heading of another
level follows (`3.强化督导考核；` / `二、存在的问题`).

Each finding is (start, end, message, fix or None).
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

from appraisal.checks.chars import HAN, HAN_UNIFIED, is_han
from appraisal.checks.figure_shapes import stripped_colon
from appraisal.checks.run_on import commas
from appraisal.text.lazy_regex import lazy_compile

Found = tuple[int, int, str, str | None]

_SEPARATORS = "，。、；：,;:"
_ANY_SEPARATOR = lazy_compile(f"[{_SEPARATORS}]")
_MIXED = lazy_compile(rf"(?<=[{HAN}\w”’）》])([，。、；：])([，。、；：])|(?<=[{HAN}])([,;:，；：])([,;:，；：。])")
# What `_MIXED` needs somewhere in the line: a search for it skips to the marks, `_MIXED`'s lookbehinds test every
# character.
_TWO_MARKS = lazy_compile(r"[，。、；：,;:][，。、；：,;:]")
_STRENGTH = {m: i for i, m in enumerate("、，,：:；;。")}  # the stronger of two marks is usually the one meant
_FULL_WIDTH = {",": "，", ";": "；", ":": "："}
_DENG = lazy_compile(r"(?<![一二三四五六七八九十特优甲乙丙丁同平相何])等、|、等(?![级次待同候于距量价效号额比差])")
_FIRST_ITEM = lazy_compile(r"一是|（1）|\(1\)|（一）")
_ITEM_COMMA = lazy_compile(r"、(?=[二三四五六七八九十]是|[（(][2-9２-９二三四五六七八九][）)])")
_ARABIC_ITEM_MARK = lazy_compile(r"(?:^|(?<=[\s　。；：，]))[（(][0-9０-９]{1,2}[）)]([、，,．])")
_QUESTION = lazy_compile(r"？")
_ASKING = lazy_compile(
    r"吗|呢|吧|么|啊|呀|什么|怎|如何|为何|何|哪|谁|几|多少|是否|能否|可否|可有|可曾|可是|有无|难道|岂|莫非|究竟|到底|"
    r"还是|还[不能要会有]|不也|不就|不成|啥|咋|"
    rf"否|([{HAN_UNIFIED}]{{1,2}})[不没]\1"
)
_CLAUSE = lazy_compile(r"[，,、；;：:]")  # a short line with no clause in it is a title: `环球虎年？`
_SENTENCE_START = lazy_compile(r"[。！？!?；;…]")
_TITLE_END = lazy_compile(r"[。，、；：,;]》")
_ELLIPSIS_DENG = lazy_compile(r"(?<!…)……(?=等)")  # `...等`, `…等` are `punctuation`'s own ellipsis check
_CLAUSE_MARK = lazy_compile(r"[。！？；：，,;:!?]")
_HEADING_DOT = lazy_compile(r"^[ \t\u3000]*[一二三四五六七八九十]{1,3}([.．])(?![0-9０-９])")
_STRAIGHT_SINGLE = "'"
_ANGLE = lazy_compile(rf"(?<=[{HAN}*＊])(?:<[^<>，。；：！？]{{1,40}}>|[<>])(?=[{HAN}*＊])")
_DOC_NUMBER = lazy_compile(
    rf"(?<=[{HAN}])(?:〔(?P<a>(?:19|20)\d\d)(?P<b>\d{{1,4}})号|(?P<c>(?:19|20)\d\d)〕(?P<d>\d{{1,4}})号"
    r"|(?<=[发字函办])(?P<e>(?:19|20)\d\d)(?P<f>\d{1,4})号)"
)


# The misuses of a 顿号 GB/T 15834 lists itself, in one pattern that begins with the 、 (the engine skips to it; the
# word before is read after): A.3, 以及 joining the last item follows a comma; B.2.4, no 顿号 before an ellipsis;
# B.3.1, a counting word takes a comma (`第一、第二`, `第一、二季度`, `全市第一、` are lists, not counting words);
# A.4, two neighbouring numerals for a rough number before a measure word or a magnitude, not before 年级, 季度,
# 产业 …: `一、二年级` is short for 一年级、二年级, `三、四次全会` for 第三次、第四次全会. Only where the count is
# certain: 名, 位 and 次 also rank and name (`分获一、二名`, `位列一、二位`, `一、二次能源`), so 名 and 位 count
# only before people (`三、四名同志`) and 次 only at a clause's end (`每周下村三、四次。`); 本 ranks colleges.
_PEOPLE = "同志|干部|群众|党员|职工|员工|学生|老师|教师|专家|代表|村民|居民|农户|人员|工作人员|志愿者|领导"
_DUNHAO = lazy_compile(
    "、(?:(?P<also>(?=以及))|(?P<ellipsis>(?=……))"
    "|(?P<ordinal>(?:(?<=首先、)|(?<=其次、)|(?<=再次、)|(?<=最后、)|(?<=[其第][一二三四五六七八九十]、)"
    "|(?<=第[一二三四五六七八九十]{2}、))(?![一二三四五六七八九十两第其再最]))"
    "|(?<=[一二两三四五六七八]、)(?P<rough>[二三四五六七八九])"
    r"(?=十|百|千|万|个|人(?!民)|天|岁|户|家|件|项|倍|条|场|遍|趟|所|处|座|辆|台|篇|句|小时|分钟|公里|米|亩|元|年(?!级)"
    rf"|次(?=[，。；！？]|$)|[名位](?={_PEOPLE})))"
)
_HEADING_NUMBER = lazy_compile(
    r"[ \t\u3000]*(?:第?[一二三四五六七八九十]{1,3}|[0-9０-９]{1,2}|[（(][一二三四五六七八九十0-9]{1,3}[）)])"
)
_ORDINAL_WORD = lazy_compile("(?:第[一二三四五六七八九十]{1,3}|其[一二三四五六七八九十]|首先|其次|再次|最后)$")
_CLAUSE_OPENS = frozenset(" \t\u3000。；：，！？")
_NOT_A_WORD_BEFORE = frozenset("第、〇零一二两三四五六七八九十百千万")
_NUMERALS = {ch: i for i, ch in enumerate("〇一二三四五六七八九")} | {"两": 2}
# A.13: names that are no work: a meeting, a class, an activity (`《中国诗词大会》` is a programme, not a meeting).
_NOT_A_WORK = lazy_compile(
    r"《[^《》\n]{2,40}?(?:会议|座谈会|推进会|动员会|部署会|现场会|表彰会|交流会|培训会|培训班|研讨班|专题班|读书班|活动)》"
)

_TITLE_VERB = lazy_compile("召开|主持|提请|举行|出席|参加|筹备|开幕|闭幕")
_WORK_BEFORE = lazy_compile(
    "(?:影片|电影|纪录片|专题片|宣传片|话剧|剧目|歌剧|舞剧|连环画|油画|画作|书籍|专著|文章|报道|栏目)$"
)
_WORK_AFTER = lazy_compile("的?(?:提案|议案|报道|通讯|文章|评论|社论|一文|一书|一片|一剧|影片|电影|纪录片|专题片|剧本)")


def _standard_misuses(line: str) -> Iterator[Found]:
    """The misuses of a 顿号 GB/T 15834 lists itself (its 附录 A and B)."""
    for match in _DUNHAO.finditer(line):
        at = match.start()
        if match.group("also") is not None:
            yield at, at + 1, "“以及”连接最后一项时，前面用逗号，不用顿号（GB/T 15834 A.3）。", "，"
        elif match.group("ellipsis") is not None:
            if _HEADING_NUMBER.fullmatch(line, 0, at) is None:  # `1、……` `第一、……`: a heading left to fill
                yield at, at + 1, "省略号前不用顿号（GB/T 15834 B.2.4）。", ""
        elif match.group("ordinal") is not None:
            word = _ORDINAL_WORD.search(line, max(0, at - 4), at)
            if word is not None and (word.start() == 0 or line[word.start() - 1] in _CLAUSE_OPENS):
                yield at, at + 1, f"“{word.group()}”作序次语，后面用逗号，不用顿号（GB/T 15834 B.3.1）。", "，"
        else:
            first, second, before = line[at - 1], match.group("rough"), line[at - 2 : at - 1]
            if is_han(before) and before not in _NOT_A_WORD_BEFORE and _NUMERALS[second] == _NUMERALS[first] + 1:
                rough = "相邻两数连用表示概数，中间不用顿号（GB/T 15834 A.4），"
                message = rough + f"“{first}、{second}”宜写作“{first}{second}”。"
                yield at, at + 1, message, ""


def _not_works(line: str) -> Iterator[Found]:
    """Each name of a meeting, class or activity in 《》, but not a work named after one: a title with a verb in it
    (a news report: `《习近平主持召开……第五次会议》`, a motion: `《提请召开……会议》的提案`) or called a work by the
    words around it (`电影《遵义会议》`, `《……会议》一文`)."""
    for match in _NOT_A_WORK.finditer(line):
        if _TITLE_VERB.search(match.group()) or _WORK_BEFORE.search(line, 0, match.start()):
            continue
        if _WORK_AFTER.match(line, match.end()):
            continue
        message = "会议、培训班、活动等名称不是作品名，不用书名号（GB/T 15834 A.13），可改用引号或不加标号。"
        yield match.start(), match.end(), message, None


def _mixed(line: str) -> Iterator[Found]:
    if _TWO_MARKS.search(line) is None:
        return
    for match in _MIXED.finditer(line):
        first, second = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
        if first == second:
            continue  # a doubled mark: `punctuation`'s own
        start = match.start()
        if stripped_colon(line, start):
            continue
        keep = first if _STRENGTH.get(first, 0) >= _STRENGTH.get(second, 0) else second
        yield start, match.end(), f"“{first}{second}”两个标点连用，应只留一个。", _FULL_WIDTH.get(keep, keep)


def _deng(line: str) -> Iterator[Found]:
    for match in _DENG.finditer(line):
        at = match.start() if match.group()[0] == "、" else match.start() + 1
        yield at, at + 1, "“等”的前后不加顿号。", ""


def _items(line: str) -> Iterator[Found]:
    first = _FIRST_ITEM.search(line)  # the leftmost of them
    if first is not None:
        for match in _ITEM_COMMA.finditer(line, first.start()):
            yield match.start(), match.end(), "分项之间应用分号或逗号，不用顿号。", "；"
    if "）" in line or ")" in line:
        for match in _ARABIC_ITEM_MARK.finditer(line):
            mark = match.group(1)
            yield match.start(1), match.end(1), f"括号序号后不加标点，“{mark}”应删除。", ""


def _statement_questions(line: str) -> Iterator[Found]:
    """Each question mark ending a statement. The line is read once, left to right: where the sentence before each
    mark starts, and how many quotations and titles are open there (a question quoted in a statement is one)."""
    start = scanned = 0
    marks = {"“": 0, "”": 0, "《": 0, "》": 0}
    for match in _QUESTION.finditer(line):
        at = match.start()
        for ch in line[scanned:at]:
            if ch in marks:
                marks[ch] += 1
        for end in _SENTENCE_START.finditer(line, scanned, at):
            start = end.end()
        scanned = at
        if line[at + 1 : at + 2] in ("？", "！", "”", "’", "》") or line[at - 1 : at] in ("？", "！"):
            continue
        sentence = line[start:at]
        han = sum(1 for ch in sentence if is_han(ch))
        title = han < 10 and _CLAUSE.search(sentence) is None
        quoted = marks["“"] > marks["”"] or marks["《"] > marks["》"]
        if han < 6 or title or _ASKING.search(sentence) or quoted:
            continue
        yield at, at + 1, "这是陈述句，句末应用句号，不用问号。", None  # the writer decides: "fix all" must not guess


def _titles(line: str) -> Iterator[Found]:
    for match in _TITLE_END.finditer(line):
        mark = match.group()[0]
        yield match.start(), match.start() + 1, f"书名号里的标题末尾不加“{mark}”。", ""


ELLIPSIS_AND_DENG = "省略号与“等”不同时使用，删去省略号。"


def after_listed_items(line: str, start: int) -> bool:
    """Whether an ellipsis at `start` follows listed items (`走访、座谈……等`): with no 、 before it in its clause it
    is a blank left to fill (`……等重大事项`, `起草……等文件……份`), which deleting would hide."""
    clause = _CLAUSE_MARK.split(line[:start])[-1]
    return "、" in clause and is_han(clause[-1:])


def _ellipsis_deng(line: str) -> Iterator[Found]:
    for match in _ELLIPSIS_DENG.finditer(line):
        if after_listed_items(line, match.start()):
            yield match.start(), match.end(), ELLIPSIS_AND_DENG, ""


def _heading_dot(line: str) -> Iterator[Found]:
    match = _HEADING_DOT.match(line)
    if match is not None:
        yield match.start(1), match.end(1), "汉字序号后用顿号，如“一、”，不用“.”。", "、"


def _single_quotes(line: str) -> Iterator[Found]:
    """Each straight single quote next to a Chinese character, with ‘ or ’ as its fix: it closes a ‘ left open
    (`‘菜篮子'`) or pairs with the next straight one; unpaired at the end of the line, no fix."""
    found: list[tuple[int, str | None]] = []
    open_full = 0  # ‘ typed full-width, not closed yet
    open_straight = -1  # index in `found` of a straight quote opened and not closed yet
    for i, ch in enumerate(line):
        if ch == "‘":
            open_full += 1
        elif ch == "’" and open_full:
            open_full -= 1
        elif ch == _STRAIGHT_SINGLE:
            if open_straight >= 0:
                found.append((i, "’"))
                open_straight = -1
            elif open_full:
                found.append((i, "’"))
                open_full -= 1
            else:
                open_straight = len(found)
                found.append((i, "‘"))
    if open_straight >= 0:
        found[open_straight] = (found[open_straight][0], None)
    for i, fix in found:
        if is_han(line[i - 1 : i]) or is_han(line[i + 1 : i + 2]):
            yield i, i + 1, "中文里应使用中文引号‘’，不用直引号'。", fix


def _angles(line: str) -> Iterator[Found]:
    """Each `<…>` pair between Chinese words, and a lone `<` or `>` inside 《》 (`《关于印发<**县办法的通知》`):
    outside a title a lone one compares (`增速>全市平均水平`)."""
    for match in _ANGLE.finditer(line):
        text = match.group()
        if len(text) == 1 and line.count("《", 0, match.start()) <= line.count("》", 0, match.start()):
            continue
        fix = f"〈{text[1:-1]}〉" if len(text) > 1 else "〈" if text == "<" else "〉"
        marks = "<>" if len(text) > 1 else text
        yield match.start(), match.end(), f"中文书名号应为“〈〉”或“《》”，不用“{marks}”。", fix


def _doc_numbers(line: str) -> Iterator[Found]:
    for match in _DOC_NUMBER.finditer(line):
        year = match.group("a") or match.group("c") or match.group("e")
        number = match.group("b") or match.group("d") or match.group("f")
        start = match.start()
        fixed = f"〔{year}〕{number}号"
        yield start, match.end(), f"发文字号的年份应用六角括号括入，如“{fixed}”。", fixed


def as_issued(line: str) -> Iterator[Found]:
    """The findings whose fix writes a mark as every issued title does, so it applies inside a cited title too
    (GB/T 15834: a title inside 《》 takes 〈〉, 4.15.3; a title ends with no sentence mark, B.4): `<办法>`,
    `《…法。》`."""
    if "》" in line:
        yield from _titles(line)
    if "<" in line or ">" in line:
        yield from _angles(line)


def usage(line: str) -> Iterator[Found]:
    """Every finding of this module in one line of prose."""
    if _ANY_SEPARATOR.search(line) is not None:
        yield from _mixed(line)
        yield from _items(line)
    if "等" in line and "、" in line:
        yield from _deng(line)
    if "？" in line:
        yield from _statement_questions(line)
    if "》" in line:
        yield from _not_works(line)
    if "等" in line and "……" in line:
        yield from _ellipsis_deng(line)
    if "." in line or "．" in line:
        yield from _heading_dot(line)
    if _STRAIGHT_SINGLE in line:
        yield from _single_quotes(line)
    if "号" in line:
        yield from _doc_numbers(line)
    if "，" in line:
        yield from commas(line)
    if "、" in line:
        yield from _standard_misuses(line)


_HEADING = lazy_compile(
    r"[ \t\u3000]*(?P<kind>[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]"
    r"|第[一二三四五六七八九十]{1,3}[章节部分条]|[0-9０-９]{1,2}[.．、](?![0-9０-９])|[（(][0-9０-９]{1,2}[）)])"
)


def _kind(line: str) -> str | None:
    """The kind of item number a line opens with (`一、`, `（一）`, `1.` …), if it does."""
    match = _HEADING.match(line)
    if match is None:
        return None
    marker = match.group("kind")
    return "".join("0" if ch.isdigit() else "一" if ch in "一二三四五六七八九十" else ch for ch in marker)[:3]


def last_items(lines: list[str]) -> Iterator[tuple[int, int, int, str, str | None]]:
    """(line index, start, end, message, fix) of each list that ends with ；before a heading of another kind."""
    texts = [(index, line.rstrip()) for index, line in enumerate(lines) if line.strip()]
    for (index, line), (_next_index, following) in pairwise(texts):
        if line[-1:] not in "；;":
            continue
        after = _kind(following)
        if after is not None and after != _kind(line):
            yield (
                index,
                len(line) - 1,
                len(line),
                "列举到此结束，下面是另一层级的标题：末项后应用句号，不用分号。",
                "。",
            )
