"""The facts `political-term` checks a report against, read from `data/political_terms.toml`: the dates of the
Party's congresses and Central Committee plenums, the years of the sessions of the 全国人大 and 全国政协, the years
of the five-year plans, the founding years anniversaries
count from, and the names of key Party rules and laws with the years they were issued or replaced. Each fact carries
its source in the data file; a new plenum or a new regulation is one more entry there.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from appraisal import toml_data
from appraisal.text.chars import CN_DIGITS

_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def chinese_number(text: str) -> int | None:
    """The value of a Chinese numeral below 1,000 (`十六`, `二十一`, `一百零五`, `七十六`), or of Arabic digits."""
    if text.isdigit():
        return int(text)
    total = 0
    current = 0
    for ch in text:
        if ch in _DIGITS:
            current = _DIGITS[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current


@dataclass(frozen=True)
class Meeting:
    """A congress (`plenum` 0) or a plenum of a Central Committee (`term`, `plenum`), held in `year`-`month`."""

    term: int
    plenum: int
    year: int
    month: int

    @property
    def name(self) -> str:
        term = ordinal(self.term)
        return f"党的{term}大" if self.plenum == 0 else f"{term}届{ordinal(self.plenum)}中全会"


def ordinal(number: int) -> str:
    if number < 10:
        return CN_DIGITS[number]
    tens, ones = divmod(number, 10)
    return ("" if tens == 1 else CN_DIGITS[tens]) + "十" + (CN_DIGITS[ones] if ones else "")


@dataclass(frozen=True)
class Document:
    """A Party rule or law by its right name: in force under it from `since`, replaced after `until` (if ever)."""

    title: str
    since: int
    until: int | None
    replaced_by: str | None
    wrong: tuple[str, ...]


@dataclass(frozen=True)
class Facts:
    meetings: dict[tuple[int, int], Meeting]  # (term, plenum) → meeting; plenum 0 is the congress itself
    plenums_per_term: dict[int, int]  # finished terms: how many plenums they held
    congress_not_before: dict[int, int]  # congresses still to come: the first year they can be held
    known_until: int  # the last year the list of meetings is complete for
    first_term: int  # the first Central Committee whose plenums are all listed
    plans: dict[int, tuple[int, int]]  # ordinal → (first year, last year)
    sessions: dict[int, int]  # 全国人大 / 全国政协 term → the year of its first session (one a year, five a term)
    anniversaries: dict[str, int]  # name → the year counted from
    documents: dict[str, Document]  # right title → document
    wrong_titles: dict[str, Document]  # a known wrong title → the document it means
    cores: dict[str, Document]  # a title without 中国共产党 / 中华人民共和国 → the document

    def latest_before(self, year: int) -> Meeting | None:
        """The last plenum held before `year` began."""
        held = [m for m in self.meetings.values() if m.plenum > 0 and m.year < year]
        return max(held, key=lambda m: (m.year, m.month), default=None)


PREFIXES = ("中国共产党", "中华人民共和国")


def core(title: str) -> str:
    for prefix in PREFIXES:
        if title.startswith(prefix):
            return title[len(prefix) :]
    return title


@cache
def facts() -> Facts:
    """The facts, read once per process."""
    text = resources.files("appraisal.checks").joinpath("data", "political_terms.toml").read_text(encoding="utf-8")
    data = toml_data.loads_shipped(text)
    meetings: dict[tuple[int, int], Meeting] = {}
    for entry in data["congress"]:
        year, month, _day = (int(part) for part in entry["date"].split("-"))
        meetings[(entry["ordinal"], 0)] = Meeting(entry["ordinal"], 0, year, month)
    for entry in data["plenum"]:
        year, month, _day = (int(part) for part in entry["date"].split("-"))
        meetings[(entry["term"], entry["number"])] = Meeting(entry["term"], entry["number"], year, month)
    documents: dict[str, Document] = {}
    wrong_titles: dict[str, Document] = {}
    for entry in data["document"]:
        document = Document(
            entry["title"], entry["since"], entry.get("until"), entry.get("replaced_by"), tuple(entry.get("wrong", ()))
        )
        documents[document.title] = document
        for wrong in document.wrong:
            wrong_titles[wrong] = document
    return Facts(
        meetings=meetings,
        plenums_per_term={entry["ordinal"]: entry["plenums"] for entry in data["term"]},
        congress_not_before={entry["ordinal"]: entry["not_before"] for entry in data.get("future_congress", ())},
        known_until=data["known_until"],
        first_term=min(entry["term"] for entry in data["plenum"]),
        plans={entry["ordinal"]: (entry["first"], entry["last"]) for entry in data["plan"]},
        sessions={entry["term"]: entry["first"] for entry in data.get("npc", ())},
        anniversaries={name: entry["year"] for entry in data["anniversary"] for name in entry["names"]},
        documents=documents,
        wrong_titles=wrong_titles,
        cores={core(title): document for title, document in documents.items() if core(title) != title},
    )
