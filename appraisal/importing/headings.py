"""Recognise section headings in a line of text: numbering markers, title matching (aliases, fuzzy), inline bodies.

A line is split into `marker` (一、 （一） (一) 1. 1、 # …, or nothing), `fragment` (the words that may be a title)
and, for an inline heading like `（一）服务中心实绩。一年来，…`, the body that follows. Whether the fragment names a
section is decided by `TitleIndex.match`; whether the line is then taken as a heading is the importer's business.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher

from appraisal.templates import Section, Template
from appraisal.text.counting import NOT_ZI
from appraisal.text.lazy_regex import lazy_compile

_MARKDOWN = lazy_compile(r"#{1,6}(?!#)\s*")
_MARKER = lazy_compile(
    r"""
    (?P<part>第[一二三四五六七八九十]{1,3}(?:部分|章|节|项|方面|条))\s*[、.．:：,，]?\s*
  | (?P<cn>[一二三四五六七八九十]{1,3})(?:\s*[、.．,，:：]|[ \t\u3000]+)\s*
  | (?P<pcn>[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)])\s*[、.．,，:：]?\s*
  | (?P<num>\d{1,2})\s*(?:[、.．,，:：)）](?!\d)|(?=[^\d\s.．,，]))\s*
  | (?P<pnum>[（(]\s*\d{1,2}\s*[）)])\s*[、.．]?\s*
  | (?P<circ>[①-⑳])\s*
  | (?P<bare>[、，,]|[（(]\s*[）)])\s*
    """,
    re.VERBOSE,
)
# Where a title ends and an inline body begins. Not "、": it occurs inside titles (有潜在、长远效应…).
_SEPARATORS = set("。：:；;，,！!？?．")
_CUT = lazy_compile(r"[。：:；;，,！!？?．\s]")
_NOT_WORD = NOT_ZI
_SENTENCE_PUNCTUATION = lazy_compile(r"[。；;，,！!？?]")
_PARENTHESIS = lazy_compile(r"[（(]([^（()）]*)[)）]")
_PREFIXES = ("关于", "在")
_YEAR_PREFIX = lazy_compile(r"^(?:\d{4}|[〇零一二三四五六七八九]{4})年度?|^(?:今年|明年|本年度)")
_SUFFIXES = ("方面的情况", "方面情况", "的方面", "等方面", "方面", "情况")

_DECORATION = {"So", "Sk", "Mn", "Cf"}  # emoji, their variation selectors and joiners

MAX_TITLE_CHARS = 30
"""A fragment longer than this (in 字) is a sentence, not a heading."""


@dataclass(frozen=True)
class LineShape:
    """A line taken apart as a possible heading. Offsets are into the (stripped) unit text."""

    style: str  # "md1".."md6", "part", "cn", "pcn", "num", "pnum", "circ", "bare", or "none"
    fragment: str  # the possible title
    fragment_start: int
    body_start: int  # where an inline body starts (the heading ends there); len(text) when there is none

    @property
    def numbered(self) -> bool:
        return self.style != "none"

    @property
    def markdown(self) -> bool:
        return self.style.startswith("md")

    def inline(self, text: str) -> bool:
        return self.body_start < len(text)


def normalise(text: str) -> str:
    """Letters and digits only, NFKC, lower case: punctuation and spacing never decide a match."""
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", text).lower())


def variants(text: str) -> set[str]:
    """The normalised forms a title may take: whole, without its parenthesis, the parenthesis alone."""
    forms = {normalise(text)}
    inside = [m.group(1) for m in _PARENTHESIS.finditer(text)]
    if inside:
        forms.add(normalise(_PARENTHESIS.sub("", text)))
        forms.update(normalise(part) for part in inside)
    return {form for form in forms if form}


def _candidate_forms(fragment: str) -> set[str]:
    """The fragment's forms plus those without the filler words people add (在…方面, …情况)."""
    forms = variants(fragment)
    for form in list(forms):
        stripped = _YEAR_PREFIX.sub("", form) or form  # 2026年工作总结 → 工作总结
        for prefix in _PREFIXES:
            if stripped.startswith(prefix) and len(stripped) > len(prefix) + 1:
                stripped = stripped[len(prefix) :]
        for suffix in _SUFFIXES:
            if stripped.endswith(suffix) and len(stripped) > len(suffix):
                stripped = stripped[: -len(suffix)]
                break
        stripped = stripped.removesuffix("的") if len(stripped) > 1 else stripped
        if stripped:
            forms.add(stripped)
    return forms


def _emphasis_bounds(text: str) -> tuple[int, int]:
    """Markdown emphasis around the whole line (`**一、品行修养**`) is markup, not part of the title."""
    lead = len(text) - len(text.lstrip("*_"))
    trail = len(text) - len(text.rstrip("*_"))
    if 0 < lead <= 3 and lead == trail and len(text) > 2 * lead:
        return lead, len(text) - trail
    return 0, len(text)


def _skip_space(text: str, position: int, end: int) -> int:
    while position < end and text[position].isspace():
        position += 1
    return position


def shape(text: str) -> LineShape | None:
    """Split a stripped unit into marker, title fragment and inline body; None when it cannot be a heading."""
    start, end = _emphasis_bounds(text)
    style, start = _numbering(text, start, end)
    if start >= end:
        return None
    found = _CUT.search(text, start, end)
    fragment = text[start : found.start() if found else end]
    if len(fragment) > 3 * MAX_TITLE_CHARS:
        return None
    body_start = len(text) if found is None else _body_start(text, found.start(), end)
    if body_start is None or not fragment or len(normalise(fragment)) > MAX_TITLE_CHARS:
        return None
    return LineShape(style, fragment, start, body_start)


def _numbering(text: str, start: int, end: int) -> tuple[str, int]:
    """The line's numbering style (`md2`, `cn`, `num` …, or "none") and where its words start: after any
    decoration (🌟一、…: the star is decoration), a Markdown `#`, a numbering marker and the spaces after them."""
    while start < end and unicodedata.category(text[start]) in _DECORATION:
        start += 1
    style = "none"
    markdown = _MARKDOWN.match(text, start, end)
    if markdown:
        style = f"md{len(markdown.group().strip())}"
        start = markdown.end()
    marker = _MARKER.match(text, start, end)
    if marker:
        style = style if style != "none" else (marker.lastgroup or "none")
        start = marker.end()
    return style, _skip_space(text, start, end)


def _body_start(text: str, cut: int, end: int) -> int | None:
    """Where the body runs on after a heading cut at `cut` (past one separator: the body's own punctuation stays);
    len(text) when nothing follows; None when a body follows inside emphasis, which wraps a whole heading line,
    not a heading with its body."""
    rest = _skip_space(text, cut, end)
    if rest < end and text[rest] in _SEPARATORS:
        rest = _skip_space(text, rest + 1, end)
    if rest >= end:
        return len(text)
    return rest if end == len(text) else None


_CN_NUMERALS = {ch: i for i, ch in enumerate("一二三四五六七八九十", start=1)}
_MARKER_NUMBER = lazy_compile(r"[一二三四五六七八九十]{1,3}|\d{1,2}|[①-⑳]")


def marker_number(marker: str) -> int | None:
    """The number a numbering marker gives (`三、` → 3, `（十二）` → 12, `4.` → 4); None when it has none."""
    found = _MARKER_NUMBER.search(marker)
    if found is None:
        return None
    text = found.group()
    if "①" <= text <= "⑳":
        return ord(text) - ord("①") + 1
    if text.isdigit():
        return int(text)
    if "十" not in text:
        return _CN_NUMERALS[text] if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    return (_CN_NUMERALS[tens] if tens else 1) * 10 + (_CN_NUMERALS[ones] if ones else 0)


def numbered_shape(text: str) -> LineShape | None:
    """A numbered line whose words run on too long to be a title (`（二）分管工作实绩二是全年…`): its marker, and
    the words after it as the fragment, for matching a title at their start. None when the line is not numbered."""
    start, end = _emphasis_bounds(text)
    marker = _MARKER.match(text, start, end)
    if marker is None or marker.lastgroup in (None, "bare"):
        return None
    start = _skip_space(text, marker.end(), end)
    if start >= end:
        return None
    fragment = text[start : start + 3 * MAX_TITLE_CHARS]
    return LineShape(marker.lastgroup, fragment, start, len(text))


def has_sentence_punctuation(text: str) -> bool:
    return _SENTENCE_PUNCTUATION.search(text) is not None


@dataclass(frozen=True)
class Match:
    section: Section
    score: float  # 1.0 for the title or an alias, else the fuzzy ratio


MIN_SCORE = 0.6
"""Similarities below this are never a heading, whatever the line looks like."""

_CACHE_LIMIT = 100_000


class FormMatcher:
    """How similar a candidate is to each known title form (of all templates at once).

    Fuzzy matching only considers forms that share at least one pair of adjacent characters with the candidate
    (found through a bigram index), and then bounds the similarity by the characters they share before difflib
    runs. A reworded title always keeps some two-character word of the original, and a long document of short
    lines costs a few dictionary look-ups per line instead of a comparison with every title.
    """

    def __init__(self, forms: set[str]) -> None:
        self.forms = sorted(forms)
        self.known = set(self.forms)
        self.counts = [Counter(form) for form in self.forms]
        self.by_bigram: dict[str, list[int]] = {}
        for index, form in enumerate(self.forms):
            if len(form) > 2:
                for bigram in {form[i : i + 2] for i in range(len(form) - 1)}:
                    self.by_bigram.setdefault(bigram, []).append(index)
        self.matchers = [SequenceMatcher(None, "", form, autojunk=False) for form in self.forms]
        self._cache: dict[str, dict[str, float]] = {}

    @classmethod
    def for_templates(cls, templates: list[Template]) -> FormMatcher:
        return cls({form for template in templates for form, _section in title_forms(template)})

    def match_fragment(self, fragment: str) -> dict[str, float]:
        """Known forms similar to any form of the fragment (see `_candidate_forms`), with the best score each."""
        cached = self._cache.get(fragment)
        if cached is not None:
            return cached
        result: dict[str, float] = {}
        for candidate in _candidate_forms(fragment):
            for form, score in self.similar(candidate).items():
                if score > result.get(form, 0.0):
                    result[form] = score
        if len(self._cache) < _CACHE_LIMIT:
            self._cache[fragment] = result
        return result

    def similar(self, candidate: str) -> dict[str, float]:
        """Known forms with their similarity to `candidate` (1.0 when equal), those below MIN_SCORE left out."""
        result: dict[str, float] = {}
        size = len(candidate)
        if size > 2:
            indexes: set[int] = set()
            for i in range(size - 1):
                indexes.update(self.by_bigram.get(candidate[i : i + 2], ()))
            if indexes:
                counts = Counter(candidate)
                for index in indexes:
                    form = self.forms[index]
                    common = sum(min(n, counts[ch]) for ch, n in self.counts[index].items())
                    if 2 * common / (size + len(form)) < MIN_SCORE:
                        continue
                    matcher = self.matchers[index]
                    matcher.set_seq1(candidate)
                    score = matcher.ratio()
                    if score >= MIN_SCORE:
                        result[form] = score
        if candidate in self.known:
            result[candidate] = 1.0
        return result


def title_forms(template: Template) -> list[tuple[str, Section]]:
    """Every normalised title and alias form of the template's sections, in document order."""
    return [
        (form, placed.section)
        for placed in template.walk()
        for text in (placed.section.title, *placed.section.aliases)
        for form in sorted(variants(text))
    ]


class TitleIndex:
    """All titles and aliases of one template's sections, for matching heading fragments."""

    def __init__(self, template: Template, matcher: FormMatcher | None = None) -> None:
        self.template = template
        self.matcher = matcher or FormMatcher.for_templates([template])
        self.section_of: dict[str, Section] = {}
        for form, section in title_forms(template):
            self.section_of.setdefault(form, section)
        self.by_start: dict[str, list[str]] = {}  # the first four letters of a form → the forms, longest first
        for form in sorted(self.section_of, key=len, reverse=True):
            if len(form) >= 4:
                self.by_start.setdefault(form[:4], []).append(form)
        self.order: dict[str, int] = {}
        self.level: dict[str, int] = {}
        for index, placed in enumerate(template.walk()):
            self.order[placed.section.id] = index
            self.level[placed.section.id] = placed.level

    def prefix(self, words: str) -> tuple[Section, int] | None:
        """The longest title or alias (of four or more letters) that `words` start with: its section and how many
        characters of `words` it covers."""
        normal = normalise(words[: 3 * MAX_TITLE_CHARS])
        best = next((form for form in self.by_start.get(normal[:4], ()) if normal.startswith(form)), None)
        if best is None:
            return None
        taken = 0
        for position, ch in enumerate(words):
            taken += len(normalise(ch))
            if taken >= len(best):
                return self.section_of[best], position + 1
        return None

    def match(self, fragment: str) -> Match | None:
        """The section the fragment names best, with how sure we are; None below MIN_SCORE."""
        best: Match | None = None
        for form, score in self.matcher.match_fragment(fragment).items():
            section = self.section_of.get(form)
            if section is not None and (best is None or score > best.score):
                best = Match(section, score)
        return best
