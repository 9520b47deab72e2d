"""`political-term`: meetings, plans, anniversaries and the names of rules and laws against the report's year. Every
fact in `data/political_terms.toml` is a test both ways (right in its year, reported in another); hard negatives are
history, plans for the future, cited speeches and years the sentence names itself."""

from __future__ import annotations

import tomllib
from importlib import resources
from typing import Any

import pytest

from appraisal.checks import check_section
from appraisal.checks.political_facts import Meeting, chinese_number, facts

from .marks import draft_with, spans_of, template

DATA = tomllib.loads(
    resources.files("appraisal.checks").joinpath("data", "political_terms.toml").read_text(encoding="utf-8")
)

POSITIVES = [
    (2026, "深入学习贯彻⟦党的二十大和二十届二中、三中全会⟧精神，推动各项工作落实。"),
    (2026, "全面贯彻⟦党的十九大和十九届二中、三中全会⟧精神。"),
    (2024, "认真学习贯彻党的⟦二十届四中全会⟧精神。"),
    (2026, "深入学习领会⟦党的二十一大⟧精神。"),
    (2026, "传达学习⟦十九届八中全会⟧精神。"),
    (2026, "今年是⟦建党104周年⟧，组织开展主题党日活动。"),
    (2026, "在庆祝⟦新中国成立76周年⟧之际，开展志愿服务。"),
    (2024, "2024年是⟦中华人民共和国成立76周年⟧。"),
    (2026, "确保在⟦“十四五”规划开局之年⟧交出满意答卷。"),
    (2023, "今年是实施⟦“十四五〞规划的开局之年⟧。"),
    (2025, "对标⟦“十五五”规划开局之年⟧的目标任务。"),
    (2026, "认真组织学习《⟦中国共产党纪律处份条例⟧》。"),
    (2026, "新修订的《⟦中国纪律处分条例⟧》将虚报瞒报列为违纪情形。"),
    (2026, "发轫于《⟦中国党内监督条例(试行)⟧》的制度设计。"),
    (2026, "严格按照⟦《信访条例》⟧依法处理群众来信来访。"),
    (2020, "深入学习⟦《中国共产党组织工作条例》⟧。"),
    (2020, "全面落实党的⟦四中全会⟧、中央经济工作会议精神。"),
    (2026, "今年是实施⟦“十四五”规划的关键之年⟧，我们要全力以赴。"),
    (2026, "组织党员干部认真学习贯彻党的⟦十九届五中全会⟧精神。"),  # one plenum of a term that has ended
    (2024, "认真学习贯彻⟦十九届六中全会⟧精神。"),
    (2021, "抢抓⟦“十三五”开端⟧新机遇，推动项目落地。"),  # 开端: the plan's first year, as 开局
    (2026, "今年是全面⟦贯彻落实党的二十大精神的开局之年⟧。"),
    (2024, "今年是⟦贯彻党的十九大精神的开局之年⟧，我们要开好局。"),
    (2026, "⟦深入实施“十四五”⟧规划，加快重点项目建设。"),  # the 14th plan ended with 2025
    (2026, "⟦确保“十四五”⟧目标任务圆满完成。"),
    (2025, "认真学习贯彻⟦十四届全国人大四次会议⟧精神。"),  # held in March 2026
    (2026, "认真学习贯彻⟦全国政协十四届二次会议⟧精神。"),  # 2024's, studied as 2026's
    (2026, "深入学习⟦十四届全国人大六次会议⟧精神。"),  # a term has five sessions
]

NEGATIVES = [
    (2026, "全面贯彻党的二十大和二十届二中、三中、四中全会精神，推动各项工作落实。"),
    (2026, "深入学习贯彻党的二十大和二十届历次全会精神。"),
    (2026, "认真学习贯彻党的二十届三中全会精神，全面深化改革。"),
    (2026, "党的十九届六中全会通过的历史决议，十九届六中全会精神以来，学习十九届五中全会时的体会。"),
    (2022, "认真学习贯彻党的十九届六中全会精神。"),  # the term ran until the 20th congress, October 2022
    (2018, "认真学习贯彻党的十九大、十九届二中、三中全会精神。"),
    (2026, "党的十九大以来，全区经济社会发展取得历史性成就。"),
    (2026, "以优异成绩迎接党的二十一大胜利召开。"),
    (2026, "认真学习习近平总书记在庆祝中国共产党成立100周年大会上的重要讲话。"),
    (2026, "今年是中国共产党成立105周年，开展“七一”系列活动。"),
    (2026, "2021年是“十四五”开局之年，2025年是“十四五”收官之年。"),
    (2026, "去年是“十四五”规划收官之年，今年是“十五五”规划开局之年。"),
    (2026, "回顾“十四五”期间，全区累计建成高标准农田18.6万亩。"),
    (2026, "认真学习《中国共产党纪律处分条例》和《中华人民共和国监察法》。"),
    (2026, "对照《条例》要求，把纪律挺在前面。"),
    (2026, "2019年，按照原《信访条例》规定处理来信来访。"),
    (2026, "学习《纪律处分条例》，自觉把纪律挺在前面。"),
    (2026, "组织干部观看《永远在路上》专题片，阅读《习近平谈治国理政》第五卷。"),
    (2026, "全区二十大类产品出口增长，十五五人一组开展巡查。"),
    (None, "今年是建党104周年。"),
    (2020, "全面落实党的十九届四中全会和省委九届九次全会精神，区委二中全会作出部署。"),
    (2024, "2024年是全面贯彻落实“十四五”规划的关键之年，2025年是“十五五”规划谋篇布局之年。"),
    (2026, "2024年是实施“十四五”规划的关键一年，今年是“十五五”规划的关键之年。"),
    (2026, "今年是“十五五”开端之年，也是“十五五”良好开端的关键。"),
    (2026, "2023年是全面贯彻党的二十大精神的开局之年，今年是二十大精神全面落实的重要一年。"),
    (2023, "今年是全面贯彻落实党的二十大精神的开局之年。"),
    (2025, "深入实施“十四五”规划，确保“十四五”圆满收官。"),
    (2026, "认真学习贯彻十四届全国人大四次会议和全国政协十四届四次会议精神，县十七届人大七次会议精神。"),
    (2025, "2024年，学习贯彻十四届全国人大二次会议精神；迎接十四届全国人大四次会议召开。"),
    (2026, "认真学习贯彻十四届全国人大三次会议精神。"),  # a January report may still study last March's
    (2026, "“十四五”圆满收官，全面落实“十五五”规划开局任务，巩固“十四五”成果，扎实推进“十四五”期间结转项目。"),
]


@pytest.mark.parametrize(("year", "marked"), POSITIVES)
def test_political_term_found(year: int, marked: str) -> None:
    found, expected = spans_of("political-term", marked, year=year)
    assert expected
    assert found == expected


@pytest.mark.parametrize(("year", "text"), NEGATIVES)
def test_political_term_not_found(year: int | None, text: str) -> None:
    found, expected = spans_of("political-term", text, year=year)
    assert found == expected == []


def messages(text: str, year: int | None) -> list[tuple[str, str | None]]:
    draft = draft_with("results.service", text, year=year)
    return [
        (f.message, f.fix) for f in check_section(draft, template(), "results.service") if f.rule == "political-term"
    ]


def test_messages_say_what_is_right() -> None:
    assert messages("深入学习贯彻党的二十大和二十届二中、三中全会精神。", 2026) == [
        ("二十届四中全会已于2025年10月召开，2026年度应写到二十届四中全会精神。", None)
    ]
    assert messages("今年是建党104周年。", 2026) == [("2026年是建党105周年，不是104周年。", None)]
    assert messages("确保在“十四五”规划开局之年交出满意答卷。", 2026) == [
        ("“十四五”规划开局之年是2021年，不是2026年。", None)
    ]
    assert messages("今年是实施“十四五”规划的关键之年。", 2026) == [
        ("“十四五”规划期为2021—2025年，2026年已不在其中。", None)
    ]
    assert messages("学习《中国共产党纪律处份条例》。", 2026) == [
        ("名称应为《中国共产党纪律处分条例》。", "中国共产党纪律处分条例")
    ]


@pytest.mark.parametrize("entry", DATA["document"], ids=[e["title"] for e in DATA["document"]])
def test_document_entry(entry: dict[str, Any]) -> None:
    assert entry["source"]
    later = max(entry["since"], entry.get("until", 0) + 1, 2025)
    if "example" in entry:
        assert messages(entry["example"], later), entry["example"]
    assert messages(entry["negative"], later) == []
    if entry["since"] > 1921:
        assert messages(f"学习《{entry['title']}》。", entry["since"] - 1)
        assert messages(f"学习《{entry['title']}》。", entry["since"]) == []


MEETINGS = sorted(facts().meetings.values(), key=lambda m: (m.year, m.month))


@pytest.mark.parametrize("meeting", MEETINGS, ids=[m.name for m in MEETINGS])
def test_meeting_not_held_before_its_year(meeting: Meeting) -> None:
    text = f"深入学习贯彻{meeting.name}精神。"
    assert messages(text, meeting.year) == []
    assert messages(text, meeting.year - 1) == [
        (f"{meeting.name}于{meeting.year}年{meeting.month}月召开，{meeting.year - 1}年时尚未召开。", None)
    ]


@pytest.mark.parametrize("plan", DATA["plan"], ids=[str(p["ordinal"]) for p in DATA["plan"]])
def test_plan_stages(plan: dict[str, Any]) -> None:
    name = "“十" + "一二三四五"[plan["ordinal"] - 11] + "五”"
    assert messages(f"今年是{name}开局之年。", plan["first"]) == []
    assert messages(f"今年是{name}收官之年。", plan["last"]) == []
    assert messages(f"今年是{name}开局之年。", plan["first"] + 1)
    assert messages(f"今年是{name}收官之年。", plan["last"] - 1)


@pytest.mark.parametrize("entry", DATA["anniversary"], ids=[e["names"][0] for e in DATA["anniversary"]])
def test_anniversaries(entry: dict[str, Any]) -> None:
    assert entry["source"]
    for name in entry["names"]:
        assert messages(f"今年是{name}80周年。", entry["year"] + 80) == []
        assert messages(f"今年是{name}80周年。", entry["year"] + 81)


def test_every_fact_has_a_source() -> None:
    for kind in ("congress", "plenum", "plan", "anniversary", "document", "term", "future_congress", "npc"):
        assert DATA[kind] and all(entry["source"] for entry in DATA[kind])


def test_chinese_numbers() -> None:
    assert [chinese_number(t) for t in ("十六", "二十", "二十一", "七十六", "一百零五", "105", "甲")] == [
        16,
        20,
        21,
        76,
        105,
        105,
        None,
    ]


@pytest.mark.parametrize("entry", DATA["npc"], ids=[str(e["term"]) for e in DATA["npc"]])
def test_sessions_of_the_npc(entry: dict[str, Any]) -> None:
    term = "十" + "一二三四五六七八九"[entry["term"] - 11]
    for number in range(1, 6):
        text = f"学习贯彻{term}届全国人大{'一二三四五'[number - 1]}次会议精神。"
        held = entry["first"] + number - 1
        assert messages(text, held) == []
        assert messages(text, held - 1) == [(f"{text[4:-3]}于{held}年召开，{held - 1}年时尚未召开。", None)]
