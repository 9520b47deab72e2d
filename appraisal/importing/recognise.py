"""Which template a document was written to: from its title, its headings and its voice, with how sure we are.

Each template names the words its titles use (`title_words`: 述职述廉, 工作报告 …) and whether it is written for a
person or a unit (`voice`). The title counts most, then the section headings found, then the body's voice
(本人、我 or 我们、我局); the reasons are kept in Chinese for the import summary and the question asked when unsure.
Not sure: the lead is small, or the voice contradicts the template (a first-person report is never silently a
unit's summary), or the text is of a kind no template is for (a speech, an exchange of experience; a news story
or a how-to, which is no report at all: `not_report`) — then it is said to fit none, and goes into the chosen
template's main section.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from appraisal.importing.headings import has_sentence_punctuation
from appraisal.importing.not_report import Foreign, foreign_text
from appraisal.templates import DEFAULT_TEMPLATE, Template
from appraisal.text.lazy_regex import lazy_compile

TITLE_WEIGHT = 2.0
COVERAGE_WEIGHT = 4.0
LEAD_WEIGHT = 1.0
VOICE_WEIGHT = 1.0
SURE_MARGIN = 1.0
"""The best template must lead the next by this much (and have its title word or two headings) to be sure."""

# A unit after 我 (我局, 我单位, 我处): 所, 处 and 办 only where they are not the verb or particle of a person
# speaking (我所在的科室, 我处理, 我办理); 会 never (我会同有关科室, 我会认真整改).
_UNIT_AFTER_ME = (
    r"单位|中心|[局镇乡市县区院委校厅部科室站队社村司行]"
    r"|所(?![在有做属管负从取承联知学])|处(?![理置分事])|办(?![理结好事实])"
)
# 本人 and 我 — not 自我 (自我革命), nor 我 speaking for a unit, a place or the country (我们、我局、我县、我国).
_PERSONAL = lazy_compile(rf"本人|(?<!自)我(?![们国省党军]|{_UNIT_AFTER_ME})")
# Where the unit speaks: 我们, 我局, 我单位, 本局 … A place's scope (全县、全市、全局工作) is what a cadre's work
# reaches, not who speaks: never counted.
_COLLECTIVE = lazy_compile(rf"我们|我(?:{_UNIT_AFTER_ME})|本(?:单位|中心|[局委办院所厅处])")
_LEAD_CHARS = 400
STRONG_VOICE = 3
"""Mentions of the stronger voice, and twice as many as of the other, for the voice to be clear."""

# The kind of text, from its title or opening: a template's kind, or one no template is for (a speech, an
# experience exchange, a self-examination), which is said to fit none.
_KINDS = (
    ("讲话", lazy_compile(r"讲话|发言|致辞|讲稿|交流|研讨|心得|体会|自查|对照检查|剖析")),
    ("述职", lazy_compile(r"述职|述廉|述责|履职情况")),
    ("汇报", lazy_compile(r"汇报|工作报告")),
    ("总结", lazy_compile(r"总结|小结|回顾")),
)
NO_TEMPLATE_KINDS = {"讲话"}
_SPEECH_OPENING = lazy_compile(r"\s*同志们[：:，,！!]")
_TITLE_LINE = 40  # characters at most of an opening line read as a title
_TITLE_END = lazy_compile(r"同志们|[。！？!?；;]")  # where a title run into its text ends at the latest
# A speech's title, commas and length whatever: `真抓实干，奋力谱写新篇章——在全县经济工作会议上的讲话`.
_SPEECH_TITLE = lazy_compile(r"(?:——|上的|时的)[^，,]*(?:讲话|致辞|讲稿|发言|材料)稿?$")


@dataclass(frozen=True)
class Evidence:
    """What one template found in the document: its headings (count and summed similarity)."""

    template: Template
    headings: int
    heading_score: float
    coverage: float  # share (0–1) of the template's headed sections found


@dataclass(frozen=True)
class Voice:
    """Who the text speaks for: mentions of the first person singular (本人、我) and of a unit (我们、我局), with
    the words counted, each with its count, most frequent first."""

    personal: int
    collective: int
    personal_words: tuple[tuple[str, int], ...] = ()
    collective_words: tuple[tuple[str, int], ...] = ()

    @property
    def name(self) -> str:
        return "collective" if self.collective > self.personal else "personal"

    @property
    def clear(self) -> bool:
        strong, weak = max(self.personal, self.collective), min(self.personal, self.collective)
        return strong >= STRONG_VOICE and strong >= 2 * weak

    def describe(self) -> str:
        if not self.personal and not self.collective:
            return "正文中没有本人、我、我们、我局等第一人称"
        who = "单位口吻" if self.name == "collective" else "个人口吻"
        how = "" if self.clear else "，不明显"
        counted = "；".join(_counted(words) for words in (self.collective_words, self.personal_words) if words)
        return f"正文以{who}叙述（{counted}{how}）"


def _counted(words: tuple[tuple[str, int], ...]) -> str:
    """`我们 3 处、我局 1 处`: the words as found, at most four named."""
    shown = "、".join(f"{word} {count} 处" for word, count in words[:4])
    return shown + ("等" if len(words) > 4 else "")


@dataclass(frozen=True)
class Recognition:
    template: Template
    confident: bool
    reasons: tuple[str, ...]
    kind: str = ""  # 述职, 总结, 汇报, 讲话 (a kind no template is for), or "" when nothing says
    voice: Voice = Voice(0, 0)
    fits_none: bool = False  # the text is of a kind no template is for, and none of their headings were found
    not_report: str = ""  # 新闻报道 or 操作说明: no report of one's work at all (`not_report`)

    def given(self, template: Template) -> Recognition:
        """The same evidence, the template fixed by the user: it is used as given, with what was seen."""
        return Recognition(template, True, self.reasons, self.kind, self.voice, self.fits_none, self.not_report)

    def evidence(self) -> str:
        """The evidence in one line, for the question asked when unsure."""
        return "；".join(self.reasons)


def kind_of(text: str, *, speech: bool) -> str:
    """The kind of report the words name first in this order of strength (述职 before 总结), or "" (a speech's
    words left out unless `speech`)."""
    for kind, words in _KINDS:
        if (speech or kind not in NO_TEMPLATE_KINDS) and words.search(text):
            return kind
    return ""


def _named_kind(text: str) -> str:
    """The kind the title or the opening names. A first line that opens like a title (在全县工作会议上的讲话, also run
    into 同志们 or a sentence) names any kind; in a report's sentences 交流, 体会, 发言 are things done (参加业务交流，
    撰写学习体会), not what the text is."""
    head = _TITLE_END.split(text.strip().split("\n", 1)[0], maxsplit=1)[0]
    titled = _SPEECH_TITLE.search(head) or (len(head) <= _TITLE_LINE and not has_sentence_punctuation(head))
    return (kind_of(head, speech=True) if titled else "") or kind_of(text, speech=False)


def voice_of(text: str) -> Voice:
    """How often the text speaks for a unit (我们、我局) and for a person (本人、我), and in which words."""
    personal = Counter(_PERSONAL.findall(text)).most_common()
    collective = Counter(_COLLECTIVE.findall(text)).most_common()
    return Voice(
        sum(count for _, count in personal), sum(count for _, count in collective), tuple(personal), tuple(collective)
    )


def recognise(evidence: list[Evidence], title: str, lead: str, body: str) -> Recognition:
    """The template the document most likely follows. `title`: its first line or two; `lead`: the opening text;
    `body`: all of it (for the voice)."""
    named = _Named.read(evidence, title, lead)
    voice = voice_of(body)
    scores = {e.template.id: _score(e, named, voice) for e in evidence}
    best, *others = sorted(
        evidence,
        key=lambda e: (scores[e.template.id], e.headings, e.template.id == DEFAULT_TEMPLATE),
        reverse=True,
    )
    runner_up = others[0] if others else None
    margin = scores[best.template.id] - (scores[runner_up.template.id] if runner_up else 0.0)
    doubts = _Doubts.of(best, named, voice, body)
    named_it = named.titled(best.template.id) or named.led(best.template.id)
    confident = margin >= SURE_MARGIN and (named_it or best.headings >= 2) and not doubts.any
    reasons = (
        *doubts.what_it_is(named.kind),
        *_what_was_found(best, named, doubts.fits_none),
        voice.describe(),
        *doubts.why_unsure(best, runner_up, confident),
    )
    not_report = doubts.foreign.kind if doubts.foreign is not None else ""
    return Recognition(best.template, confident, reasons, named.kind, voice, doubts.fits_none, not_report)


@dataclass(frozen=True)
class _Named:
    """What the title and the opening name: each template's longest title word found in them (述职述廉, 工作报告 …),
    and the kind of text. A template is named by the title (or the opening) when its word there is the longest any
    template finds."""

    title_words: dict[str, str]
    lead_words: dict[str, str]
    kind: str
    by_title: frozenset[str]  # the templates the title names (their word there is the longest found)
    by_lead: frozenset[str]  # and the opening

    @classmethod
    def read(cls, evidence: list[Evidence], title: str, lead: str) -> _Named:
        # A text that opens with 同志们 (no title, no 各位领导 before it) is a speech, whatever it goes on to name.
        kind = "讲话" if _SPEECH_OPENING.match(lead) else _named_kind(title) or _named_kind(lead[: _LEAD_CHARS // 4])
        title_words = {e.template.id: _longest_word(e.template, title) for e in evidence}
        lead_words = {e.template.id: _longest_word(e.template, lead[:_LEAD_CHARS]) for e in evidence}
        return cls(title_words, lead_words, kind, _with_the_longest(title_words), _with_the_longest(lead_words))

    def titled(self, tid: str) -> bool:
        return tid in self.by_title

    def led(self, tid: str) -> bool:
        return tid in self.by_lead


def _longest_word(template: Template, text: str) -> str:
    return max((word for word in template.title_words if word in text), key=len, default="")


def _with_the_longest(words: dict[str, str]) -> frozenset[str]:
    """The templates whose word is the longest found (none when no word was found)."""
    longest = max((len(word) for word in words.values()), default=0)
    return frozenset(tid for tid, word in words.items() if longest and len(word) == longest)


def _score(e: Evidence, named: _Named, voice: Voice) -> float:
    """The headings found count most, then the title's word (or, failing it, the opening's), then the voice."""
    score = e.heading_score + COVERAGE_WEIGHT * e.coverage
    if named.titled(e.template.id):
        score += TITLE_WEIGHT
    elif named.led(e.template.id):
        score += LEAD_WEIGHT
    if e.template.voice == voice.name:
        score += VOICE_WEIGHT * (2 if voice.clear else 1)
    return score


def _what_was_found(best: Evidence, named: _Named, fits_none: bool) -> list[str]:
    """The evidence for the best template: its word in the title or the opening (or the kind of text), and its
    headings."""
    tid = best.template.id
    found: list[str] = []
    if named.titled(tid):
        found.append(f"标题含“{named.title_words[tid]}”")
    elif named.led(tid):
        found.append(f"开头提到“{named.lead_words[tid]}”")
    elif named.kind and not fits_none:
        found.append(f"文种像是{named.kind}")
    if best.headings:
        found.append(f"找到 {best.headings} 个该模板的栏目标题")
    return found


@dataclass(frozen=True)
class _Doubts:
    """Why the best-scoring template may still not be the document's: the voice contradicts it (`mismatch`), the
    text is no report (`foreign`: a news story, a how-to) or of a kind no template is for (`fits_none`), or nothing
    says what it is (`faceless`)."""

    mismatch: bool
    foreign: Foreign | None
    fits_none: bool
    faceless: bool

    @classmethod
    def of(cls, best: Evidence, named: _Named, voice: Voice, body: str) -> _Doubts:
        # A news story or a how-to is no report, whatever its title names (`…述职述廉会议侧记`), unless the
        # template's headings are there.
        foreign = foreign_text(body, voice.personal, voice.collective) if best.headings < 2 else None
        fits_none = foreign is not None or (named.kind in NO_TEMPLATE_KINDS and best.headings == 0)
        # Nobody speaks (no 本人、我, no 我们、我局), nothing says what it is, no template's headings: a report's
        # excerpt, or no report at all (a plan, a set of rules, an explainer) — asked, never filed without a word.
        faceless = not voice.personal and not voice.collective and not named.kind and best.headings < 2
        return cls(_voice_mismatch(best, named, voice), foreign, fits_none, faceless)

    @property
    def any(self) -> bool:
        return self.mismatch or self.fits_none or self.faceless

    def what_it_is(self, kind: str) -> list[str]:
        """The kind of text, when it is one no template is for."""
        if self.foreign is not None:
            return [self.foreign.reason()]
        return [f"像是{kind}类材料（标题或开头所示），不符合任何模板"] if self.fits_none else []

    def why_unsure(self, best: Evidence, runner_up: Evidence | None, confident: bool) -> list[str]:
        unsure: list[str] = []
        if self.faceless and not self.fits_none:
            unsure.append("标题和开头也没有说是总结、述职还是报告")
        if self.mismatch:
            owner = "单位" if best.template.voice == "collective" else "个人"
            unsure.append(f"而「{best.template.name}」是{owner}用的模板")
        elif not confident and not self.fits_none and runner_up is not None:
            unsure.append(f"与「{runner_up.template.name}」难以区分")
        return unsure


def _voice_mismatch(best: Evidence, named: _Named, voice: Voice) -> bool:
    """A first-person report is never silently taken for a unit's, nor a unit's clear "we" for a person's (unless
    the person's template is named by the title and two of its headings are there)."""
    if best.template.voice == "collective":
        return voice.personal > voice.collective
    titled = named.titled(best.template.id)
    return voice.clear and voice.name == "collective" and not (titled and best.headings >= 2)
