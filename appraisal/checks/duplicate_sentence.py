"""`duplicate-sentence`: the same sentence (at least 8 字) twice in the draft — usually a paragraph pasted into two
sections, or last year's text pasted over this year's. The second occurrence is reported, naming where the first is.

Sentences end at 。！？； (and their half-width forms) or at the end of a paragraph; they are compared without
spaces. A numbered heading line (`一、年度工作开展情况`) is not a sentence: documents repeat their headings in a list of
contents. Shorter sentences repeat legitimately (`效果明显。`) and are left alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from appraisal.checks.base import WARNING, Context, Field, Finding, Rule
from appraisal.draft import count_zi
from appraisal.text.lazy_regex import lazy_compile

MIN_ZI = 8
_SENTENCE = lazy_compile(r"[^。！？；!?;]+[。！？；!?;]*")
_SPACE = lazy_compile(r"\s+")
# A line that is a numbered heading: `一、年度工作开展情况`, `（二）存在的问题`, `3. 下步打算` — no full stop in it.
_HEADING = lazy_compile(
    r"\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|[0-9]+[、.．])[^。！？!?]*$"
)
_EDGE = "。！？；!?;，,、：: \t\u3000"


@dataclass(frozen=True)
class Place:
    order: int  # the field's position in the draft
    key: str  # the field's key (section id or "unmatched")
    line: int  # 0-based
    start: int


def sentences(line: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, comparison key) of each sentence of at least MIN_ZI 字 in the line. Cached: while the user
    types in one section, the lines of all the others are the same strings as on the last pause."""
    return _sentences(line)


@lru_cache(maxsize=4096)
def _sentences(line: str) -> tuple[tuple[int, int, str], ...]:
    if _HEADING.match(line):
        return ()  # a numbered heading repeated (a list of contents, then the part itself) is not a sentence
    found = []
    for match in _SENTENCE.finditer(line):
        text = match.group()
        if len(text) < MIN_ZI:
            continue
        key = _SPACE.sub("", text).strip(_EDGE)
        if count_zi(key) >= MIN_ZI:
            start = match.start() + len(text) - len(text.lstrip())
            found.append((start, match.start() + len(text.rstrip()), key))
    return tuple(found)


def _index(ctx: Context) -> dict[str, Place]:
    """Where each sentence of the draft first occurs; built once per check run."""
    return ctx.shared("sentences", lambda: _first_places(ctx))


def _first_places(ctx: Context) -> dict[str, Place]:
    first: dict[str, Place] = {}
    for order, item in reversed(list(enumerate(ctx.fields))):  # an earlier field's place replaces a later one's
        if item.key != "title":
            first.update(_field_places(order, item.key, item.text))
    return first


@lru_cache(maxsize=512)
def _field_places(order: int, key: str, text: str) -> dict[str, Place]:
    """Where each sentence of one field first occurs in it. Cached: as the user types in one section, the index
    of the whole draft is made again on every pause, and every other field is the text it was on the last one."""
    first: dict[str, Place] = {}
    for line_index, line in enumerate(text.split("\n")):
        for start, _end, sentence in sentences(line):
            first.setdefault(sentence, Place(order, key, line_index, start))
    return first


class DuplicateSentence(Rule):
    name = "duplicate-sentence"
    title = "重复句子"
    severity = WARNING
    family = "repetition"
    description = "同一个句子（8字以上）在全文中出现了两次。"

    def check_field(self, item: Field, ctx: Context) -> Iterable[Finding]:
        first = _index(ctx)
        for line_index, line in enumerate(item.lines):
            for start, end, key in sentences(line):
                place = first.get(key)
                if place is None:
                    continue
                if place.key == item.key and (place.line, place.start) == (line_index, start):
                    continue
                yield self.finding(item, line_index + 1, start + 1, end + 1, _message(place, item, ctx))


def _message(place: Place, item: Field, ctx: Context) -> str:
    paragraph = place.line + 1
    if place.key == item.key:
        return f"这句话与本栏目第 {paragraph} 段中的一句重复。"
    if place.key == "unmatched":
        return f"这句话与“未归类内容”第 {paragraph} 段中的一句重复。"
    titles = ctx.shared("duplicate-sentence:titles", dict[str, str])  # a walk of the template per finding was
    title = titles.get(place.key)  # more than half the rule's time on a document pasted twice
    if title is None:
        title = titles[place.key] = ctx.template.section(place.key).title
    return f"这句话与“{title}”第 {paragraph} 段中的一句重复。"
