"""Recognise section headings in a line of text: numbering markers, title matching (aliases, fuzzy), inline bodies.

A line is split into `marker` (一、 （一） (一) 1. 1、 # …, or nothing), `fragment` (the words that may be a title)
and, for an inline heading like `（一）服务中心实绩。一年来，…`, the body that follows. Whether the fragment names a
section is decided by `TitleIndex.match`; whether the line is then taken as a heading is the importer's business.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher

from appraisal.templates import Section, Template

_MARKDOWN = re.compile(r"#{1,6}(?!#)\s*")
_MARKER = re.compile(
    r"""
    (?P<part>第[一二三四五六七八九十]{1,3}(?:部分|章|节|项|方面|条))\s*[、.．:：,，]?\s*
  | (?P<cn>[一二三四五六七八九十]{1,3})\s*[、.．,，:：]\s*
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
_SENTENCE_PUNCTUATION = set("。；;，,！!？?")
_EMPHASIS = re.compile(r"^[*_]{1,3}|[*_]{1,3}$")
_PARENTHESIS = re.compile(r"[（(]([^（()）]*)[)）]")
_PREFIXES = ("关于", "在")
_SUFFIXES = ("方面的情况", "方面情况", "的方面", "等方面", "方面", "情况")

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
    return "".join(ch for ch in unicodedata.normalize("NFKC", text).lower() if ch.isalnum())


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
        stripped = form
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


def shape(text: str) -> LineShape | None:
    """Split a stripped unit into marker, title fragment and inline body; None when it cannot be a heading."""
    start, end = _emphasis_bounds(text)
    style = "none"
    markdown = _MARKDOWN.match(text, start, end)
    if markdown:
        style = f"md{len(markdown.group().strip())}"
        start = markdown.end()
    marker = _MARKER.match(text, start, end)
    if marker:
        style = style if style != "none" else (marker.lastgroup or "none")
        start = marker.end()
    while start < end and text[start].isspace():
        start += 1
    if start >= end:
        return None
    inner = text[start:end]
    cut = next((i for i, ch in enumerate(inner) if ch in _SEPARATORS or ch.isspace()), None)
    fragment = inner if cut is None else inner[:cut]
    body_start = len(text)
    if cut is not None:
        rest = start + cut + 1
        while rest < end and (text[rest].isspace() or text[rest] in _SEPARATORS):
            rest += 1
        if rest < end:
            if end != len(text):  # emphasis may wrap a whole heading line, not a heading with its body
                return None
            body_start = rest
    if not fragment or len(normalise(fragment)) > MAX_TITLE_CHARS:
        return None
    return LineShape(style, fragment, start, body_start)


def has_sentence_punctuation(text: str) -> bool:
    return any(ch in _SENTENCE_PUNCTUATION for ch in text)


@dataclass(frozen=True)
class Match:
    section: Section
    score: float  # 1.0 for the title or an alias, else the fuzzy ratio


class _Key:
    """One normalised title or alias, with a SequenceMatcher primed for it (difflib caches the second string)."""

    def __init__(self, section: Section, form: str) -> None:
        self.section = section
        self.form = form
        self.matcher = SequenceMatcher(None, "", form, autojunk=False)


class TitleIndex:
    """All titles and aliases of one template's sections, for matching heading fragments."""

    def __init__(self, template: Template) -> None:
        self.template = template
        self.exact: dict[str, Section] = {}
        self.keys: list[_Key] = []
        self.order: dict[str, int] = {}
        self.level: dict[str, int] = {}
        for index, placed in enumerate(template.walk()):
            section = placed.section
            self.order[section.id] = index
            self.level[section.id] = placed.level
            for text in (section.title, *section.aliases):
                for form in variants(text):
                    self.exact.setdefault(form, section)
                    if len(form) > 2:
                        self.keys.append(_Key(section, form))
        self._cache: dict[str, Match | None] = {}

    def match(self, fragment: str) -> Match | None:
        """The section the fragment names best, with how sure we are; None below any useful similarity."""
        forms = _candidate_forms(fragment)
        best: Match | None = None
        for form in forms:
            found = self._match_form(form)
            if found is not None and (best is None or found.score > best.score):
                best = found
        return best

    def _match_form(self, form: str) -> Match | None:
        if form in self._cache:
            return self._cache[form]
        result: Match | None = None
        section = self.exact.get(form)
        if section is not None:
            result = Match(section, 1.0)
        elif len(form) > 2:
            best_score = 0.0
            best_section: Section | None = None
            for key in self.keys:
                matcher = key.matcher
                matcher.set_seq1(form)
                if matcher.real_quick_ratio() <= best_score or matcher.quick_ratio() <= best_score:
                    continue
                score = matcher.ratio()
                if score > best_score:
                    best_score, best_section = score, key.section
            if best_section is not None and best_score >= 0.6:
                result = Match(best_section, best_score)
        if len(self._cache) < 100_000:
            self._cache[form] = result
        return result
